import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { DatabaseModule, KafkaPublisherModule } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { AggregationModule } from './aggregation/aggregation.module';
import { BulletinModule } from './bulletin/bulletin.module';
import { AggregatorEnv } from './config/aggregator.env';
import { RetentionModule } from './retention/retention.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: envValidator(AggregatorEnv) }),
    ScheduleModule.forRoot(),
    DatabaseModule.forService('aggregator'),
    KafkaPublisherModule.forRoot('aggregator'),
    AggregationModule,
    BulletinModule,
    RetentionModule,
  ],
})
export class AggregatorModule {}
