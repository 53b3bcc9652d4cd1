import { ConsumedMessage } from './consumed-batch';
import { OutgoingRecord } from './publisher';
import { RejectionReason } from '@mcm/shared';

/**
 * The aggregator's own reasons (on the internal dead-letter topic, for operators): an accepted
 * event that PostgreSQL refused for good (SQLSTATE class 22 or 23), or that cannot be opened.
 */
export const AGGREGATOR_REJECTION_CODES = ['AGGREGATION_DATA_EXCEPTION', 'AGGREGATION_CONSTRAINT_VIOLATION', 'AGGREGATION_UNREADABLE'] as const;
export type AggregatorRejectionCode = (typeof AGGREGATOR_REJECTION_CODES)[number];

/** A reason as a dead letter carries it: ingest's (the contract's) or the aggregator's. */
export type DeadLetterReason = Omit<RejectionReason, 'code'> & { code: RejectionReason['code'] | AggregatorRejectionCode };

/** The dead-letter value: everything needed to understand, fix and replay the original. */
export interface DeadLetter {
  originalValue: string | null;
  originalKey: string | null;
  originalHeaders: Record<string, string>;
  source: { topic: string; partition: number; offset: string; timestamp: string };
  reasons: DeadLetterReason[];
  rejectedAt: string;
}

const base64 = (b: Buffer | null | undefined) => (b == null ? null : b.toString('base64'));

/** A dead letter for \`topic\`: an agency's own rejections topic, or the internal one. */
export function deadLetterRecord(message: ConsumedMessage, reasons: DeadLetterReason[], rejectedAt: Date, topic: string): OutgoingRecord {
  const letter: DeadLetter = {
    originalValue: base64(message.value),
    originalKey: base64(message.key),
    originalHeaders: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, base64(v) ?? ''])),
    source: { topic: message.topic, partition: message.partition, offset: message.offset, timestamp: message.timestamp },
    reasons,
    rejectedAt: rejectedAt.toISOString(),
  };
  return {
    topic,
    key: message.key,
    value: JSON.stringify(letter),
    headers: {
      'mcm-rejection-codes': [...new Set(reasons.map((r) => r.code))].join(','),
      'mcm-source': `${message.topic}/${message.partition}/${message.offset}`,
    },
  };
}
