import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every accepted event, once (eventId is the idempotency key). No identifying attribute here. */
@Entity('agency_event')
@Index('agency_event_episode_idx', ['agencyCode', 'agencyEpisodeRef'])
export class AgencyEventEntity {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('text') kind!: string;
  @Column('text') setting!: string;
  @Column('text', { name: 'agency_type' }) agencyType!: string;
  @Column('text', { name: 'agency_code' }) agencyCode!: string;
  @Column('text', { name: 'agency_child_ref' }) agencyChildRef!: string;
  @Column('text', { name: 'agency_episode_ref' }) agencyEpisodeRef!: string;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt!: Date;
  @Column('timestamptz', { name: 'reported_at' }) reportedAt!: Date;
  /** Non-identifying facts: careMissingType, riskGrade, returnInterviewOffered, missingSince, correction. */
  @Column('jsonb') facts!: Record<string, unknown>;
  @Column('int', { name: 'source_partition' }) sourcePartition!: number;
  @Column('bigint', { name: 'source_offset' }) sourceOffset!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' }) receivedAt!: Date;
}
