import { Controller, Inject, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  AggregatorRejectionCode,
  applyBisecting,
  ConsumedBatch,
  ConsumedMessage,
  DeadLetterReason,
  deadLetterRecord,
  KafkaPublisher,
  OutgoingRecord,
  TopicNames,
} from '@mcm/kafka';
import { TOPIC_NAMES } from '@mcm/platform';
import { classifyFailure, PermanentCategory, PersistenceError } from '@mcm/persistence';
import { AgencyEvent, IdentityCipher, openAcceptedEvent, UnknownKeyError } from '@mcm/shared';
import { PositionedEvent } from './accepted-event';
import { BatchAggregator, BatchResult } from './batch-aggregator';

const CODE_OF: Record<PermanentCategory, AggregatorRejectionCode> = {
  'data-exception': 'AGGREGATION_DATA_EXCEPTION',
  'constraint-violation': 'AGGREGATION_CONSTRAINT_VIOLATION',
};

interface ReadableEvent {
  message: ConsumedMessage;
  positioned: PositionedEvent;
}

/** The handler pattern the accepted topic is routed to (its name depends on KAFKA_TOPIC_PREFIX: see main.ts). */
export const ACCEPTED_EVENTS = 'accepted-events';

@Controller()
export class AcceptedEventsController {
  private readonly log = new Logger(AcceptedEventsController.name);

  constructor(
    private readonly aggregator: BatchAggregator,
    private readonly publisher: KafkaPublisher,
    private readonly cipher: IdentityCipher,
    @Inject(TOPIC_NAMES) private readonly topics: TopicNames,
  ) {}

  /**
   * The transport commits the batch's offsets after this resolves: after the database commit of
   * every good event and the broker's acknowledgement of every dead letter. A batch that fails for
   * good (the data's fault) is bisected down to the events at fault, which are dead-lettered; one
   * that may pass (database or broker away, a deadlock) is thrown whole, and the transport retries
   * it after a pause.
   */
  @EventPattern(ACCEPTED_EVENTS)
  async onAcceptedEvents(@Payload() batch: ConsumedBatch): Promise<void> {
    const rejectedAt = new Date();
    const readable: ReadableEvent[] = [];
    const deadLetters: OutgoingRecord[] = [];
    let outcome;
    try {
      for (const message of batch.messages) {
        const read = this.read(message);
        if ('event' in read) readable.push({ message, positioned: { event: read.event, partition: message.partition, offset: message.offset } });
        else deadLetters.push(this.deadLetter(message, read.reason, rejectedAt));
      }
      outcome = await applyBisecting(readable, (part) => this.aggregator.apply(part.map((r) => r.positioned)), {
        isPermanent: (error) => classifyFailure(error).kind === 'permanent',
        beforeRetry: () => batch.heartbeat(),
      });
    } catch (error) {
      // Only failures that may pass get here (the others were bisected out). The SQLSTATE or errno,
      // or the error's name, never its message (it could quote what it met), unless it is a key id.
      const failure = classifyFailure(error);
      const detail = error instanceof UnknownKeyError ? error.message : (PersistenceError.from(error).sqlState ?? (error as Error)?.name);
      this.log.warn(
        `partitions ${batch.partitions.join(',')}: ${batch.messages.length} messages not applied (${failure.kind}, ${'cause' in failure ? failure.cause : failure.category}, ` +
          `${detail}); the batch is retried whole, nothing is dead-lettered`,
      );
      throw error;
    }
    const unreadable = deadLetters.length;
    for (const { item, error } of outcome.poison) {
      const failure = classifyFailure(error);
      if (failure.kind !== 'permanent') throw error;
      deadLetters.push(this.deadLetter(item.message, { path: '', code: CODE_OF[failure.category], message: failure.message }, rejectedAt));
    }
    await this.publisher.publish(deadLetters);
    this.logBatch(batch, readable.length, outcome.applied, unreadable, outcome.poison.length, outcome.attempts);
  }

  /**
   * The event a message carries, or why it never will: not a sealed event of contract v1, or a
   * sealed identity that opens to something unreadable. Throws when this service lacks the key
   * (UnknownKeyError): that is configuration, not the data, so the batch stops and is retried.
   */
  private read(message: ConsumedMessage): { event: AgencyEvent } | { reason: DeadLetterReason } {
    // Decoded by the transport as it fetched (see main.ts); opened here when that threw.
    let event: AgencyEvent | null;
    try {
      event = message.decoded !== undefined ? (message.decoded as AgencyEvent | null) : openAcceptedEvent(this.cipher, message.value);
    } catch (error) {
      if (error instanceof UnknownKeyError) throw error;
      // The error's own message could quote what was opened (a JSON parser's does): only its name.
      return {
        reason: {
          path: '',
          code: 'AGGREGATION_UNREADABLE',
          message: `the accepted event's sealed identity opened but could not be read (${(error as Error)?.name ?? 'error'})`,
        },
      };
    }
    if (event) return { event };
    // A contract breach on an internal topic is dead-lettered rather than blocking the partition.
    return {
      reason: { path: '', code: 'SCHEMA_INVALID', message: 'the accepted topic carried a message that is not a sealed event of contract v1' },
    };
  }

  private deadLetter(message: ConsumedMessage, reason: DeadLetterReason, rejectedAt: Date): OutgoingRecord {
    // The event id and position identify it for operators; the reason holds no value of the event.
    this.log.warn(`dead letter for ${message.topic}/${message.partition}/${message.offset}: ${reason.code} ${reason.message}`);
    return deadLetterRecord(message, [reason], rejectedAt, this.topics.rejected);
  }

  private logBatch(batch: ConsumedBatch, events: number, results: BatchResult[], unreadable: number, poison: number, attempts: number): void {
    const sum = (field: 'new' | 'nationalChildrenTouched' | 'cellsRecomputed') => results.reduce((total, r) => total + r[field], 0);
    const stepMs: Record<string, number> = {};
    for (const r of results) for (const [step, ms] of Object.entries(r.stepMs)) stepMs[step] = (stepMs[step] ?? 0) + ms;
    this.log.log(
      `partitions ${batch.partitions.join(',')}: ` +
        `${events} events (${sum('new')} new), ${sum('nationalChildrenTouched')} national children, ${sum('cellsRecomputed')} cells, ` +
        `${unreadable} unreadable, ${poison} refused by the database${attempts > 1 ? ` (bisected: ${attempts} transactions)` : ''}; ms ${JSON.stringify(stepMs)}`,
    );
  }
}
