import { CommonEnv } from '@mcm/shared';
import { IsInt, Max, Min } from 'class-validator';

const DAY_MS = 86_400_000;

/** How long the broker keeps each kind of topic, in days. */
export interface TopicRetention {
  /** Each agency's input topic: events as sent, identities in clear. */
  inputDays: number;
  /** The accepted topic (identities sealed). */
  acceptedDays: number;
  /** Dead letters: each agency's rejections topic and the aggregator's internal one (the original bytes inside). */
  rejectedDays: number;
  /** Bulletins: disclosure-controlled figures, no personal data (and every revision is kept in PostgreSQL). */
  bulletinsDays: number;
}

/**
 * A week for events (ingest and the aggregator read them within seconds; the margin covers an
 * outage, and an outage longer than it loses events), a month for dead letters (time for an
 * agency to read, fix and resend), a year for bulletins.
 */
export const DEFAULT_TOPIC_RETENTION: TopicRetention = { inputDays: 7, acceptedDays: 7, rejectedDays: 30, bulletinsDays: 365 };

/** The topic retention variables, validated with the rest of the admin tooling's environment. */
export class TopicRetentionEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  @Max(365)
  KAFKA_INPUT_RETENTION_DAYS: number = DEFAULT_TOPIC_RETENTION.inputDays;

  @IsInt()
  @Min(1)
  @Max(365)
  KAFKA_ACCEPTED_RETENTION_DAYS: number = DEFAULT_TOPIC_RETENTION.acceptedDays;

  @IsInt()
  @Min(1)
  @Max(365)
  KAFKA_REJECTED_RETENTION_DAYS: number = DEFAULT_TOPIC_RETENTION.rejectedDays;

  @IsInt()
  @Min(1)
  @Max(3650)
  KAFKA_BULLETINS_RETENTION_DAYS: number = DEFAULT_TOPIC_RETENTION.bulletinsDays;
}

export function topicRetentionOf(env: TopicRetentionEnv): TopicRetention {
  return {
    inputDays: env.KAFKA_INPUT_RETENTION_DAYS,
    acceptedDays: env.KAFKA_ACCEPTED_RETENTION_DAYS,
    rejectedDays: env.KAFKA_REJECTED_RETENTION_DAYS,
    bulletinsDays: env.KAFKA_BULLETINS_RETENTION_DAYS,
  };
}

/** The `retention.ms` topic config for a number of days. */
export function retentionMs(days: number): { name: string; value: string } {
  return { name: 'retention.ms', value: String(days * DAY_MS) };
}

/**
 * Segments roll daily: the broker deletes whole segments only, and with its default (a week) a
 * message could outlive its retention by up to seven days. With this, by at most one.
 */
export const DAILY_SEGMENTS = { name: 'segment.ms', value: String(DAY_MS) } as const;
