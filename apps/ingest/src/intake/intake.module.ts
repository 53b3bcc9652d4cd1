import { Module } from '@nestjs/common';
import { identityCipherProvider } from '@mcm/platform';
import { EventIntakeService } from './event-intake.service';
import { IntakeController } from './intake.controller';
import { IntakeSink } from './intake-sink.service';

@Module({
  controllers: [IntakeController],
  providers: [EventIntakeService, IntakeSink, identityCipherProvider],
  exports: [EventIntakeService, IntakeSink],
})
export class IntakeModule {}
