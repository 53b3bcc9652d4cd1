import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Weekly incidence per (ISO week in Europe/London, setting, area). The area is an LA (GSS code),
 * a region (E12 code), 'UNKNOWN', or 'ALL' for England; setting 'ALL' is the total over settings.
 * Distinct children are not additive, so totals are stored, not summed.
 */
@Entity('weekly_incidence')
@Index('weekly_incidence_area_idx', ['laCode', 'setting', 'weekStart'])
export class WeeklyIncidenceEntity {
  @PrimaryColumn('date', { name: 'week_start' }) weekStart!: string;
  @PrimaryColumn('text') setting!: string;
  @PrimaryColumn('text', { name: 'la_code' }) laCode!: string;
  @Column('int') children!: number;
  @Column('int', { name: 'episodes_started' }) episodesStarted!: number;
  @Column('int', { name: 'episodes_ended', default: 0 }) episodesEnded!: number;
  @Column('int', { name: 'open_at_week_end' }) openAtWeekEnd!: number;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}

/** Small key/value state of the pipeline, e.g. the data horizon (latest reportedAt seen). */
@Entity('pipeline_state')
export class PipelineStateEntity {
  @PrimaryColumn('text') key!: string;
  @Column('jsonb') value!: unknown;
}

/**
 * Breakdowns per (week, setting, area, dimension, category): age band x sex, ethnicity group,
 * risk grade and repeat missing count episodes starting in the week; duration band and return
 * interviews count episodes ending in it. National and regional areas and 'ALL' settings included.
 */
@Entity('weekly_breakdown')
export class WeeklyBreakdownEntity {
  @PrimaryColumn('date', { name: 'week_start' }) weekStart!: string;
  @PrimaryColumn('text') setting!: string;
  @PrimaryColumn('text', { name: 'area_code' }) areaCode!: string;
  @PrimaryColumn('text') dimension!: string;
  @PrimaryColumn('text') category!: string;
  @Column('int') children!: number;
  @Column('int') episodes!: number;
}

/** A published figure that changed: cell, old and new value, when and why. */
@Entity('incidence_revision')
@Index('incidence_revision_changed_idx', ['changedAt'])
export class IncidenceRevisionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id!: string;
  @Column('date', { name: 'week_start' }) weekStart!: string;
  @Column('text') setting!: string;
  @Column('text', { name: 'area_code' }) areaCode!: string;
  /** A breakdown cell's dimension and category; '' for the weekly table's cells. */
  @Column('text', { default: '' }) dimension!: string;
  @Column('text', { default: '' }) category!: string;
  @Column('text') measure!: string;
  @Column('int', { name: 'old_value' }) oldValue!: number;
  @Column('int', { name: 'new_value' }) newValue!: number;
  @Column('text') reason!: string;
  @Column('timestamptz', { name: 'changed_at', default: () => 'now()' }) changedAt!: Date;
}

/** Per agency and week of reportedAt: accepted events and their reporting lag (completeness). */
@Entity('agency_activity')
export class AgencyActivityEntity {
  @PrimaryColumn('text', { name: 'agency_code' }) agencyCode!: string;
  @PrimaryColumn('date', { name: 'week_start' }) weekStart!: string;
  @Column('text', { name: 'agency_type' }) agencyType!: string;
  @Column('int') events!: number;
  @Column('double precision', { name: 'lag_hours_sum' }) lagHoursSum!: number;
  @Column('timestamptz', { name: 'last_reported_at' }) lastReportedAt!: Date;
}

/** A week whose breakdowns wait to be recomputed (see WeeklyBreakdownRepository). */
@Entity('breakdown_dirty_week')
export class BreakdownDirtyWeekEntity {
  @PrimaryColumn('date', { name: 'week_start' }) weekStart!: string;
}
