import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { agencyChildKey, ConsumedMessage, deadLetterRecord, OutgoingRecord, TOPICS } from '@mcm/kafka';
import { referenceData, validateEventBytes, ValidationOptions, ValidationResult } from '@mcm/shared';
import { IngestEnv } from '../config/ingest.env';

export interface IntakeOutcome {
  records: OutgoingRecord[];
  accepted: number;
  rejected: number;
}

/** Turns a batch of raw agency messages into accepted events and dead letters. Never throws. */
@Injectable()
export class EventIntakeService {
  private readonly maxEventBytes: number;
  private readonly maxClockSkewMs: number;

  constructor(config: ConfigService<IngestEnv, true>) {
    this.maxEventBytes = config.get('MAX_EVENT_BYTES', { infer: true });
    this.maxClockSkewMs = config.get('MAX_CLOCK_SKEW_SECONDS', { infer: true }) * 1000;
  }

  triage(messages: ConsumedMessage[], now = new Date()): IntakeOutcome {
    const options: ValidationOptions = { reference: referenceData(), now, maxClockSkewMs: this.maxClockSkewMs, maxEventBytes: this.maxEventBytes };
    const records: OutgoingRecord[] = [];
    let accepted = 0;
    for (const message of messages) {
      const result = safeValidate(message, options);
      if (result.ok) {
        accepted++;
        const { event } = result;
        records.push({
          topic: TOPICS.accepted,
          key: agencyChildKey(event.agency.code, event.agencyChildRef),
          value: JSON.stringify(event),
          headers: { 'mcm-source': `${message.topic}/${message.partition}/${message.offset}` },
        });
      } else {
        records.push(deadLetterRecord(message, result.reasons, now));
      }
    }
    return { records, accepted, rejected: messages.length - accepted };
  }
}

function safeValidate(message: ConsumedMessage, options: ValidationOptions): ValidationResult {
  try {
    return validateEventBytes(message.value, options);
  } catch (error) {
    // A bug of ours must not stall the partition: the message is kept, with the error named.
    return { ok: false, reasons: [{ path: '', code: 'INTERNAL_ERROR', message: (error as Error).message }] };
  }
}
