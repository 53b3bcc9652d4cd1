import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One agency's episode, folded from its events. */
@Entity('agency_episode')
@Index('agency_episode_child_idx', ['agencyChildId'])
export class AgencyEpisodeEntity {
  @PrimaryColumn('text', { name: 'agency_code' }) agencyCode!: string;
  @PrimaryColumn('text', { name: 'agency_episode_ref' }) agencyEpisodeRef!: string;
  @Column('bigint', { name: 'agency_child_id' }) agencyChildId!: string;
  @Column('text') setting!: string;
  @Column('text', { name: 'care_missing_type', nullable: true }) careMissingType!: string | null;
  @Column('text', { name: 'risk_grade', nullable: true }) riskGrade!: string | null;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column('boolean', { name: 'return_interview_offered', nullable: true }) returnInterviewOffered!: boolean | null;
  /** Offered, stated by a RETURNED event reported within 72 hours of the return. */
  @Column('boolean', { name: 'return_interview_within_72h', default: false }) returnInterviewWithin72h!: boolean;
  @Column('text') status!: string;
  /** The LA stated for the child at the episode's start (docs/events.md). */
  @Column('text', { name: 'la_code', nullable: true }) laCode!: string | null;
  /** Without a reported return: when and why it ended (NEXT_EPISODE: an implied return; AGED_18). */
  @Column('timestamptz', { name: 'implied_end_at', nullable: true }) impliedEndAt!: Date | null;
  @Column('text', { name: 'implied_end', nullable: true }) impliedEnd!: string | null;
}

/** Overlapping episodes of one national child from any agencies: the unit of incidence. */
@Entity('national_episode')
@Index('national_episode_child_idx', ['nationalChildId'])
@Index('national_episode_cell_idx', ['setting', 'laCode', 'startWeek'])
@Index('national_episode_start_week_idx', ['startWeek'])
@Index('national_episode_end_week_idx', ['endWeek'])
export class NationalEpisodeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('bigint', { name: 'national_child_id' }) nationalChildId!: string;
  @Column('timestamptz', { name: 'started_at' }) startedAt!: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt!: Date | null;
  @Column('date', { name: 'start_week' }) startWeek!: string;
  @Column('date', { name: 'end_week', nullable: true }) endWeek!: string | null;
  @Column('text') setting!: string;
  @Column('text', { name: 'la_code' }) laCode!: string;
  @Column('int', { name: 'agency_episode_count' }) agencyEpisodeCount!: number;
  /** Statistical attributes (docs/STATISTICS.md); 'UNKNOWN' where the data does not say. */
  @Column('text', { name: 'region_code', default: 'UNKNOWN' }) regionCode!: string;
  @Column('text', { name: 'age_band', default: 'UNKNOWN' }) ageBand!: string;
  @Column('text', { default: 'U' }) sex!: string;
  @Column('text', { name: 'ethnicity_group', default: 'UNKNOWN' }) ethnicityGroup!: string;
  @Column('text', { name: 'risk_grade', default: 'NOT_GRADED' }) riskGrade!: string;
  /** Null while open. */
  @Column('text', { name: 'duration_band', nullable: true }) durationBand!: string | null;
  @Column('boolean', { name: 'return_interview_within_72h', default: false }) returnInterviewWithin72h!: boolean;
  /** The child's third or later episode starting within 90 days. */
  @Column('boolean', { name: 'repeat_missing', default: false }) repeatMissing!: boolean;
  /** CARE: the SSDA903 missing type, M, A or NOT_STATED; null for HOME and EDUCATION. */
  @Column('text', { name: 'care_missing_type', nullable: true }) careMissingType!: string | null;
}
