import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One agency's record of a child, resolved to a national child. */
@Entity('agency_child')
@Unique('agency_child_ref_uq', ['agencyCode', 'agencyChildRef'])
@Index('agency_child_national_idx', ['nationalChildId'])
export class AgencyChildEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('text', { name: 'agency_code' }) agencyCode!: string;
  @Column('text', { name: 'agency_child_ref' }) agencyChildRef!: string;
  @Column('bigint', { name: 'national_child_id', nullable: true }) nationalChildId!: string | null;
}

/** Linkage keys as keyed hashes (HMAC-SHA256): the table never holds an identifier in clear. */
@Entity('child_link_key')
@Index('child_link_key_child_idx', ['agencyChildId'])
export class ChildLinkKeyEntity {
  @PrimaryColumn('bytea', { name: 'key_hash' }) keyHash!: Buffer;
  @PrimaryColumn('bigint', { name: 'agency_child_id' }) agencyChildId!: string;
}

/** National child IDs are never reused: a merged-away ID is retired and points at its survivor. */
@Entity('national_child')
export class NationalChildEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column('bigint', { name: 'merged_into', nullable: true }) mergedInto!: string | null;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
}

/** Audit of every merge and split, with the linker that made it. */
@Entity('child_link_change')
export class ChildLinkChangeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('text') change!: 'MERGE' | 'SPLIT';
  @Column('bigint', { name: 'national_child_id' }) nationalChildId!: string;
  @Column('bigint', { name: 'other_ids', array: true }) otherIds!: string[];
  @Column('text') linker!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'changed_at' }) changedAt!: Date;
}
