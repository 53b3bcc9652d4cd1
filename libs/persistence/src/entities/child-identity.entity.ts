import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Personal data: the child attributes each event stated (sealed at rest), kept apart from everything else so that
 * access, retention and deletion can be controlled in one place. Never logged, never served.
 */
@Entity('child_identity_observation')
@Index('child_identity_agency_child_idx', ['agencyCode', 'agencyChildRef'])
export class ChildIdentityObservationEntity {
  @PrimaryColumn('uuid', { name: 'event_id' }) eventId!: string;
  @Column('text', { name: 'agency_code' }) agencyCode!: string;
  @Column('text', { name: 'agency_child_ref' }) agencyChildRef!: string;
  @Column('timestamptz', { name: 'reported_at' }) reportedAt!: Date;
  /** The id of the data key that sealed `sealed`. */
  @Column('text', { name: 'key_id' }) keyId!: string;
  /** AES-256-GCM: IV || tag || ciphertext of the attributes JSON, bound to event_id. */
  @Column('bytea') sealed!: Buffer;
}

/** Personal data: the current folded attributes of one agency's child record, sealed like the observations. */
@Entity('agency_child_profile')
export class AgencyChildProfileEntity {
  @PrimaryColumn('bigint', { name: 'agency_child_id' }) agencyChildId!: string;
  @Column('text', { name: 'key_id' }) keyId!: string;
  @Column('bytea') sealed!: Buffer;
  /** Per attribute, the [reportedAt ms, eventId] of the report it came from (see mergeIntoProfile). */
  @Column('jsonb') provenance!: Record<string, [number, string]>;
}
