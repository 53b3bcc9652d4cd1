import { Controller, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ConsumedBatch, deadLetterRecord, KafkaPublisher, OutgoingRecord, TOPICS } from '@mcm/kafka';
import { AgencyEvent, IdentityCipher, openAcceptedEvent } from '@mcm/shared';
import { PositionedEvent } from './accepted-event';
import { BatchAggregator } from './batch-aggregator';

@Controller()
export class AcceptedEventsController {
  private readonly log = new Logger(AcceptedEventsController.name);

  constructor(private readonly aggregator: BatchAggregator, private readonly publisher: KafkaPublisher, private readonly cipher: IdentityCipher) {}

  /** The transport commits this partition's offsets after this resolves: after the database commit. */
  @EventPattern(TOPICS.accepted)
  async onAcceptedEvents(@Payload() batch: ConsumedBatch): Promise<void> {
    const events: PositionedEvent[] = [];
    const unreadable: OutgoingRecord[] = [];
    for (const m of batch.messages) {
      // Decoded by the transport as it fetched (see main.ts); opened here otherwise, where a
      // missing key throws: the batch stops and is retried, nothing good is dead-lettered.
      const event = m.decoded !== undefined ? (m.decoded as AgencyEvent | null) : openAcceptedEvent(this.cipher, m.value);
      if (event) events.push({ event, partition: m.partition, offset: m.offset });
      // A contract breach on an internal topic is dead-lettered rather than blocking the partition.
      else unreadable.push(deadLetterRecord(m, [{ path: '', code: 'SCHEMA_INVALID', message: 'the accepted topic carried a message that is not a sealed event of contract v1' }], new Date()));
    }
    const result = events.length ? await this.aggregator.apply(events) : undefined;
    await this.publisher.publish(unreadable);
    this.log.log(
      `partitions ${batch.partitions.join(',')}: ` +
        `${events.length} events (${result?.new ?? 0} new), ${result?.nationalChildrenTouched ?? 0} national children, ` +
        `${result?.cellsRecomputed ?? 0} cells, ${unreadable.length} unreadable; ms ${JSON.stringify(result?.stepMs ?? {})}`,
    );
  }
}
