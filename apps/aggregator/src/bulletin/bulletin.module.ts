import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { KafkaPublisher, topicNames } from '@mcm/kafka';
import { weekStartOfLabel } from '@mcm/shared';
import { DataSource } from '@mcm/persistence';
import { BulletinEnv } from './bulletin.env';
import { BulletinScheduler } from './bulletin.scheduler';
import { BulletinService } from './bulletin.service';

@Module({
  providers: [
    {
      provide: BulletinService,
      inject: [DataSource, KafkaPublisher, ConfigService],
      useFactory: (dataSource: DataSource, publisher: KafkaPublisher, config: ConfigService<BulletinEnv, true>) =>
        new BulletinService(dataSource, publisher, bulletinSettings(config)),
    },
    BulletinScheduler,
  ],
})
export class BulletinModule {}

export function bulletinSettings(config: { get: ConfigService<BulletinEnv, true>['get'] }) {
  const firstWeek = config.get('BULLETIN_FIRST_WEEK', { infer: true });
  return {
    silentDaysFlag: config.get('BULLETIN_SILENT_DAYS', { infer: true }),
    methodologyUrl: config.get('BULLETIN_METHODOLOGY_URL', { infer: true }),
    contact: config.get('BULLETIN_CONTACT', { infer: true }),
    topic: topicNames(config.get('KAFKA_TOPIC_PREFIX', { infer: true })).bulletins,
    firstWeek: firstWeek ? (weekStartOfLabel(firstWeek) ?? undefined) : undefined,
    releaseRule: {
      activeAgencyWeeks: config.get('RELEASE_ACTIVE_AGENCY_WEEKS', { infer: true }),
      latenessDays: config.get('RELEASE_LATENESS_DAYS', { infer: true }),
    },
  };
}
