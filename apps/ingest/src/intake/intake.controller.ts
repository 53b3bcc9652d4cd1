import { Controller, Inject, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { agencyOfInputTopic, ConsumedBatch, TopicNames } from '@mcm/kafka';
import { TOPIC_NAMES } from '@mcm/platform';
import { EventIntakeService } from './event-intake.service';
import { IntakeSink } from './intake-sink.service';

/** The handler pattern every agency's input topic is routed to (see main.ts). */
export const AGENCY_INPUT = 'agency-input';

@Controller()
export class IntakeController {
  private readonly log = new Logger(IntakeController.name);

  constructor(
    private readonly intake: EventIntakeService,
    private readonly sink: IntakeSink,
    @Inject(TOPIC_NAMES) private readonly topics: TopicNames,
  ) {}

  /**
   * The sender of each message is the agency whose topic it was written to: the broker lets only
   * that agency's principal write there. Offsets are committed by the transport after this resolves.
   */
  @EventPattern(AGENCY_INPUT)
  async onAgencyEvents(@Payload() batch: ConsumedBatch): Promise<void> {
    const started = Date.now();
    const items = batch.messages.map((message) => ({
      message,
      sender: agencyOfInputTopic(message.topic, this.topics)!,
      source: `kafka:${message.topic}/${message.partition}/${message.offset}`,
    }));
    const outcome = this.intake.triage(items);
    const triaged = Date.now();
    await this.sink.deliver(outcome);
    this.log.log(
      `${new Set(items.map((i) => i.sender)).size} agencies: ${outcome.accepted} accepted, ${outcome.rejected} dead-lettered; ms triage ${triaged - started}, deliver ${Date.now() - triaged}`,
    );
  }
}
