import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { KafkaPublisherModule } from '@mcm/platform';
import { envValidator } from '@mcm/shared';
import { IngestEnv } from './config/ingest.env';
import { EventIntakeService } from './intake/event-intake.service';
import { IntakeController } from './intake/intake.controller';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: envValidator(IngestEnv) }),
    KafkaPublisherModule.forRoot('mcm-ingest'),
  ],
  controllers: [IntakeController],
  providers: [EventIntakeService],
})
export class IngestModule {}
