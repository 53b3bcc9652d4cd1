import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { agencyChildKey, agencyRejectionsTopic, ConsumedMessage, deadLetterRecord, OutgoingRecord, TopicNames } from '@mcm/kafka';
import { TOPIC_NAMES } from '@mcm/platform';
import { AgencyRejection } from '@mcm/persistence';
import {
  checkSender,
  IdentityCipher,
  referenceData,
  sealAcceptedEvent,
  RejectionReason,
  validateEventBytes,
  ValidationOptions,
  ValidationResult,
} from '@mcm/shared';
import { IngestEnv } from '../config/ingest.env';

/** One message to triage, with the agency the transport authenticated and where it came from. */
export interface IntakeItem {
  message: ConsumedMessage;
  /** The authenticated agency: the owner of the input topic, or of the HTTP credential. */
  sender: string;
  /** `kafka:<topic>/<partition>/<offset>` or `http:<request>/<index>`. */
  source: string;
}

export type ItemOutcome = { status: 'accepted'; eventId: string } | { status: 'rejected'; eventId: string | null; reasons: RejectionReason[] };

export interface IntakeOutcome {
  /** Accepted events and dead letters (each to its sender's rejections topic), in input order. */
  records: OutgoingRecord[];
  outcomes: ItemOutcome[];
  rejections: AgencyRejection[];
  accepted: number;
  rejected: number;
}

/** Turns a batch of raw agency messages into accepted events and dead letters. Never throws. */
@Injectable()
export class EventIntakeService {
  private readonly maxEventBytes: number;
  private readonly maxClockSkewMs: number;
  private readonly maxEventAgeYears: number;

  constructor(
    config: ConfigService<IngestEnv, true>,
    private readonly cipher: IdentityCipher,
    @Inject(TOPIC_NAMES) private readonly topics: TopicNames,
  ) {
    this.maxEventBytes = config.get('MAX_EVENT_BYTES', { infer: true });
    this.maxClockSkewMs = config.get('MAX_CLOCK_SKEW_SECONDS', { infer: true }) * 1000;
    this.maxEventAgeYears = config.get('MAX_EVENT_AGE_YEARS', { infer: true });
  }

  triage(items: IntakeItem[], now = new Date()): IntakeOutcome {
    const options: ValidationOptions = {
      reference: referenceData(),
      now,
      maxClockSkewMs: this.maxClockSkewMs,
      maxEventAgeYears: this.maxEventAgeYears,
      maxEventBytes: this.maxEventBytes,
    };
    const outcome: IntakeOutcome = { records: [], outcomes: [], rejections: [], accepted: 0, rejected: 0 };
    for (const { message, sender, source } of items) {
      const result = bound(safeValidate(message, options), sender);
      if (result.ok) {
        const { event } = result;
        outcome.accepted++;
        outcome.outcomes.push({ status: 'accepted', eventId: event.eventId });
        outcome.records.push({
          topic: this.topics.accepted,
          key: agencyChildKey(event.agency.code, event.agencyChildRef),
          // The child's identity travels sealed: the broker's disks never hold it in clear.
          value: sealAcceptedEvent(this.cipher, event),
          headers: { 'mcm-source': source },
        });
      } else {
        const eventId = claimedEventId(message.value);
        outcome.rejected++;
        outcome.outcomes.push({ status: 'rejected', eventId, reasons: result.reasons });
        outcome.records.push(deadLetterRecord(message, result.reasons, now, agencyRejectionsTopic(sender, this.topics)));
        outcome.rejections.push({ agencyCode: sender, source, eventId, rejectedAt: now, reasons: result.reasons });
      }
    }
    return outcome;
  }
}

/** A valid event that names another agency than its sender is rejected as AGENCY_MISMATCH. */
function bound(result: ValidationResult, sender: string): ValidationResult {
  if (!result.ok) return result;
  const reasons = checkSender(result.event, sender);
  return reasons.length > 0 ? { ok: false, reasons } : result;
}

function safeValidate(message: ConsumedMessage, options: ValidationOptions): ValidationResult {
  try {
    return validateEventBytes(message.value, options);
  } catch (error) {
    // A bug of ours must not stall the partition: the message is kept, with the error's kind (its
    // message may quote the input, so it is not repeated).
    return {
      ok: false,
      reasons: [{ path: '', code: 'INTERNAL_ERROR', message: `validation failed unexpectedly (${(error as Error)?.name ?? 'error'})` }],
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The eventId a rejected message claims, when it has a readable one: the agency's handle to find it. */
function claimedEventId(value: Buffer | null): string | null {
  if (value === null || value.length > 1024 * 1024) return null;
  try {
    const id = (JSON.parse(value.toString('utf8')) as { eventId?: unknown }).eventId;
    return typeof id === 'string' && UUID.test(id) ? id.toLowerCase() : null;
  } catch {
    return null;
  }
}
