import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ConsumedBatch, KafkaPublisher, TOPICS } from '@mcm/kafka';
import { EventIntakeService } from './event-intake.service';

@Controller()
export class IntakeController {
  private readonly log = new Logger(IntakeController.name);

  constructor(private readonly intake: EventIntakeService, private readonly publisher: KafkaPublisher) {}

  /** Offsets are committed by the transport after this resolves, i.e. after the broker's ack. */
  @EventPattern(TOPICS.events)
  async onAgencyEvents(@Payload() batch: ConsumedBatch): Promise<void> {
    const { records, accepted, rejected } = this.intake.triage(batch.messages);
    await this.publisher.publish(records);
    this.log.log(`partitions ${batch.partitions.join(',')}: ${accepted} accepted, ${rejected} dead-lettered`);
  }
}
