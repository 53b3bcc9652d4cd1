import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A weekly bulletin as published: revision 0 first, a new revision only when its content changed. */
@Entity('bulletin')
export class BulletinEntity {
  @PrimaryColumn('date', { name: 'week_start' }) weekStart!: string;
  @PrimaryColumn('int') revision!: number;
  @Column('timestamptz', { name: 'published_at' }) publishedAt!: Date;
  /** provisional (data not yet complete), final (first build once complete) or revised (a later build of a final week). */
  @Column('text', { name: 'release_status', default: 'final' }) releaseStatus!: 'provisional' | 'final' | 'revised';
  /** SHA-256 of the content without its publication metadata: equal content, no new revision. */
  @Column('text', { name: 'content_hash' }) contentHash!: string;
  @Column('jsonb') content!: Record<string, unknown>;
  @Column('text') csv!: string;
  @Column('text', { name: 'meta_csv' }) metaCsv!: string;
  @Column('text') html!: string;
}
