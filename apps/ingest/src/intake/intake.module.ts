import { Module } from '@nestjs/common';
import { EventIntakeService } from './event-intake.service';
import { IntakeController } from './intake.controller';
import { IntakeSink } from './intake-sink.service';

@Module({
  controllers: [IntakeController],
  providers: [EventIntakeService, IntakeSink],
  exports: [EventIntakeService, IntakeSink],
})
export class IntakeModule {}
