import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * Probabilistic linkage models (libs/linkage `serialiseModel` JSON). At most one is active: the
 * one the aggregator links with. A model holds parameters only, no personal data.
 */
@Entity('linkage_model')
@Index('linkage_model_one_active_uq', ['active'], { unique: true, where: 'active' })
export class LinkageModelEntity {
  @PrimaryColumn('text', { name: 'model_id' }) modelId!: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column('boolean', { default: false }) active!: boolean;
  @Column('jsonb') model!: unknown;
}

/**
 * Pairs of agency children in the review band, and reviewers' decisions on them. Holds agency
 * child ids (references) and comparison levels only: never names or identifiers.
 * `applied_at` is null while a decision waits for the aggregator to re-cluster its records.
 */
@Entity('linkage_review')
@Unique('linkage_review_pair_uq', ['agencyChildA', 'agencyChildB'])
@Index('linkage_review_status_idx', ['status', 'id'])
@Index('linkage_review_child_b_idx', ['agencyChildB'])
export class LinkageReviewEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  /** The smaller agency child id of the pair. */
  @Column('bigint', { name: 'agency_child_a' }) agencyChildA!: string;
  @Column('bigint', { name: 'agency_child_b' }) agencyChildB!: string;
  @Column('double precision') probability!: number;
  @Column('jsonb', { name: 'comparison_levels' }) comparisonLevels!: { comparison: string; level: string; weight: number }[];
  @Column('text', { name: 'model_id' }) modelId!: string;
  @Column('text', { default: 'PENDING' }) status!: 'PENDING' | 'CONFIRMED' | 'REJECTED';
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('timestamptz', { name: 'applied_at', nullable: true }) appliedAt!: Date | null;
}
