import type { ReleaseStatus as BulletinReleaseStatus } from '@mcm/bulletin';
import { DataSource, EntityManager } from 'typeorm';

/** What deciding the next edition needs of a week's latest one. */
export interface LatestBulletinEdition {
  revision: number;
  contentHash: string;
  publishedAt: Date;
  releaseStatus: BulletinReleaseStatus;
}

/** One edition as stored: its content rendered in every format. */
export interface BulletinEditionRow {
  weekStart: string;
  revision: number;
  publishedAt: Date;
  contentHash: string;
  releaseStatus: BulletinReleaseStatus;
  /** The bulletin JSON as rendered (stored as jsonb). */
  json: string;
  csv: string;
  metaCsv: string;
  html: string;
}

export interface BulletinSummaryRow {
  weekStart: string;
  revision: number;
  releaseStatus: BulletinReleaseStatus;
  publishedAt: Date;
}
export interface BulletinFormats {
  content: object;
  csv: string;
  metaCsv: string;
  html: string;
}

/** One builder at a time across instances (the scheduler, `npm run bulletin`). */
const BULLETIN_LOCK = 'mcm.bulletin.builder';

/**
 * The bulletin table: every edition of every week (append-only), written by the bulletin job and
 * read by the API and the CLI. Editions are numbered per week from 0.
 */
export class BulletinRepository {
  /** Serialises bulletin builders for the rest of this transaction. */
  async lockBuilder(db: EntityManager): Promise<void> {
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [BULLETIN_LOCK]);
  }

  async latestEdition(db: EntityManager, weekStart: string): Promise<LatestBulletinEdition | undefined> {
    const [row]: { revision: number; content_hash: string; published_at: Date; release_status: BulletinReleaseStatus }[] = await db.query(
      'SELECT revision, content_hash, published_at, release_status FROM bulletin WHERE week_start = $1::date ORDER BY revision DESC LIMIT 1',
      [weekStart],
    );
    return row && { revision: row.revision, contentHash: row.content_hash, publishedAt: row.published_at, releaseStatus: row.release_status };
  }

  async insert(db: EntityManager, e: BulletinEditionRow): Promise<void> {
    await db.query(
      `INSERT INTO bulletin (week_start, revision, published_at, content_hash, content, csv, meta_csv, html, release_status)
       VALUES ($1::date, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
      [e.weekStart, e.revision, e.publishedAt, e.contentHash, e.json, e.csv, e.metaCsv, e.html, e.releaseStatus],
    );
  }

  /** The latest week any bulletin has been published for, or null. */
  async lastWeek(db: EntityManager | DataSource): Promise<string | null> {
    const [row]: { week: string | null }[] = await db.query('SELECT max(week_start)::text AS week FROM bulletin');
    return row.week;
  }

  /** Weeks whose latest edition is provisional, oldest first. */
  async provisionalWeeks(db: EntityManager | DataSource): Promise<string[]> {
    const rows: { week: string }[] = await db.query(
      `SELECT week_start::text AS week FROM (SELECT DISTINCT ON (week_start) week_start, release_status FROM bulletin ORDER BY week_start, revision DESC) latest
        WHERE release_status = 'provisional' ORDER BY week_start`,
    );
    return rows.map((r) => r.week);
  }

  /** The latest edition of every published week, newest first. */
  async latestOfEveryWeek(db: EntityManager | DataSource): Promise<BulletinSummaryRow[]> {
    const rows: { week_start: string; revision: number; release_status: BulletinReleaseStatus; published_at: Date }[] = await db.query(
      `SELECT DISTINCT ON (week_start) week_start::text, revision, release_status, published_at FROM bulletin ORDER BY week_start DESC, revision DESC`,
    );
    return rows.map((r) => ({ weekStart: r.week_start, revision: r.revision, releaseStatus: r.release_status, publishedAt: r.published_at }));
  }

  /** Every edition of a week, oldest first. */
  async editions(db: EntityManager | DataSource, weekStart: string): Promise<BulletinSummaryRow[]> {
    const rows: { revision: number; release_status: BulletinReleaseStatus; published_at: Date }[] = await db.query(
      'SELECT revision, release_status, published_at FROM bulletin WHERE week_start = $1::date ORDER BY revision',
      [weekStart],
    );
    return rows.map((r) => ({ weekStart, revision: r.revision, releaseStatus: r.release_status, publishedAt: r.published_at }));
  }

  /** One week's edition in every format: `revision`, or the latest when undefined. */
  async formats(db: EntityManager | DataSource, weekStart: string, revision?: number): Promise<BulletinFormats | undefined> {
    const [row]: { content: object; csv: string; meta_csv: string; html: string }[] = await db.query(
      `SELECT content, csv, meta_csv, html FROM bulletin WHERE week_start = $1::date AND ($2::int IS NULL OR revision = $2::int)
        ORDER BY revision DESC LIMIT 1`,
      [weekStart, revision ?? null],
    );
    return row && { content: row.content, csv: row.csv, metaCsv: row.meta_csv, html: row.html };
  }
}
