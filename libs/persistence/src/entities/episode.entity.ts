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
  @Column('text') status!: string;
}

/** Overlapping episodes of one national child from any agencies: the unit of incidence. */
@Entity('national_episode')
@Index('national_episode_child_idx', ['nationalChildId'])
@Index('national_episode_cell_idx', ['setting', 'laCode', 'startWeek'])
@Index('national_episode_start_week_idx', ['startWeek'])
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
}
