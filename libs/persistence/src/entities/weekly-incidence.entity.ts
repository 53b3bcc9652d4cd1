import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Weekly incidence per (ISO week in Europe/London, setting, LA), with 'ALL' rows for the setting
 * and LA totals (distinct children are not additive, so totals are stored, not summed).
 */
@Entity('weekly_incidence')
export class WeeklyIncidenceEntity {
  @PrimaryColumn('date', { name: 'week_start' }) weekStart!: string;
  @PrimaryColumn('text') setting!: string;
  @PrimaryColumn('text', { name: 'la_code' }) laCode!: string;
  @Column('int') children!: number;
  @Column('int', { name: 'episodes_started' }) episodesStarted!: number;
  @Column('int', { name: 'open_at_week_end' }) openAtWeekEnd!: number;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt!: Date;
}

/** Small key/value state of the pipeline, e.g. the data horizon (latest reportedAt seen). */
@Entity('pipeline_state')
export class PipelineStateEntity {
  @PrimaryColumn('text') key!: string;
  @Column('jsonb') value!: unknown;
}
