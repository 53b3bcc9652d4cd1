import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { DatabaseModule, KafkaPublisherModule, ProblemDetailsFilter } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { IngestEnv } from './config/ingest.env';
import { GatewayModule } from './gateway/gateway.module';
import { HealthController } from './health.controller';
import { IntakeModule } from './intake/intake.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: envValidator(IngestEnv) }),
    DatabaseModule.forService('ingest'),
    KafkaPublisherModule.forRoot('ingest'),
    IntakeModule,
    GatewayModule,
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class IngestModule {}
