import type { KeyedNationalEpisode } from '@mcm/incidence';
import { epochMs } from '../epoch-ms';
import { Db } from './transaction';

const COLUMNS = `national_child_id, started_at, ended_at, start_week, end_week, setting, la_code, agency_episode_count,
  region_code, age_band, sex, ethnicity_group, risk_grade, duration_band, return_interview_within_72h, repeat_missing, child_key, episode_key, care_missing_type`;

/** `national_episode`: the national episodes of each national child, with their record keys. */
export class NationalEpisodeRepository {
  /** Every stored episode of these national children, with its row id. */
  async ofChildren(db: Db, nationalChildIds: number[]): Promise<(KeyedNationalEpisode & { id: string })[]> {
    const rows: Record<string, never>[] = await db.query(
      `SELECT id, ${COLUMNS.replace('started_at, ended_at, start_week, end_week', `${epochMs('started_at')} AS started_at, ${epochMs('ended_at')} AS ended_at, start_week::text, end_week::text`)}
         FROM national_episode WHERE national_child_id = ANY($1::bigint[])`,
      [nationalChildIds],
    );
    return rows.map((r) => ({
      id: r.id,
      nationalChildId: Number(r.national_child_id),
      startedAt: r.started_at,
      endedAt: r.ended_at,
      startWeek: r.start_week,
      endWeek: r.end_week,
      setting: r.setting,
      laCode: r.la_code,
      agencyEpisodeCount: r.agency_episode_count,
      regionCode: r.region_code,
      ageBand: r.age_band,
      sex: r.sex,
      ethnicityGroup: r.ethnicity_group,
      riskGrade: r.risk_grade,
      durationBand: r.duration_band,
      returnInterviewWithin72h: r.return_interview_within_72h,
      repeatMissing: r.repeat_missing,
      careMissingType: r.care_missing_type,
      childKey: Number(r.child_key),
      episodeKey: Number(r.episode_key),
    }));
  }

  async remove(db: Db, ids: string[]): Promise<void> {
    if (ids.length) await db.query('DELETE FROM national_episode WHERE id = ANY($1::bigint[])', [ids]);
  }

  async insert(db: Db, inserted: KeyedNationalEpisode[]): Promise<void> {
    if (inserted.length === 0) return;
    const column = <T>(f: (e: KeyedNationalEpisode) => T) => inserted.map(f);
    await db.query(
      `INSERT INTO national_episode (${COLUMNS})
       SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::date[], $5::date[], $6::text[], $7::text[], $8::int[],
                            $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::boolean[], $16::boolean[],
                            $17::bigint[], $18::bigint[], $19::text[])`,
      [
        column((e) => e.nationalChildId),
        column((e) => new Date(e.startedAt).toISOString()),
        column((e) => (e.endedAt === null ? null : new Date(e.endedAt).toISOString())),
        column((e) => e.startWeek),
        column((e) => e.endWeek),
        column((e) => e.setting),
        column((e) => e.laCode),
        column((e) => e.agencyEpisodeCount),
        column((e) => e.regionCode),
        column((e) => e.ageBand),
        column((e) => e.sex),
        column((e) => e.ethnicityGroup),
        column((e) => e.riskGrade),
        column((e) => e.durationBand),
        column((e) => e.returnInterviewWithin72h),
        column((e) => e.repeatMissing),
        column((e) => e.childKey),
        column((e) => e.episodeKey),
        column((e) => e.careMissingType),
      ],
    );
  }

  /** Up to `limit` episodes after `afterId` in id order: what the cell-key backfill keys. */
  async page(db: Db, afterId: number, limit: number): Promise<{ id: string; nationalChildId: number; startedAt: number }[]> {
    const rows: { id: string; national_child_id: string; started_ms: number }[] = await db.query(
      `SELECT id, national_child_id, ${epochMs('started_at')} AS started_ms FROM national_episode WHERE id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => ({ id: r.id, nationalChildId: Number(r.national_child_id), startedAt: r.started_ms }));
  }

  async setRecordKeys(db: Db, keys: { id: string; childKey: number; episodeKey: number }[]): Promise<void> {
    await db.query(
      `UPDATE national_episode e SET child_key = k.child_key, episode_key = k.episode_key
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS k(id, child_key, episode_key) WHERE e.id = k.id`,
      [keys.map((k) => k.id), keys.map((k) => k.childKey), keys.map((k) => k.episodeKey)],
    );
  }

  /** Every week some episode starts or ends in. */
  async startAndEndWeeks(db: Db): Promise<string[]> {
    const weeks: { week: string }[] = await db.query(
      'SELECT DISTINCT start_week::text AS week FROM national_episode UNION SELECT DISTINCT end_week::text FROM national_episode WHERE end_week IS NOT NULL',
    );
    return weeks.map((w) => w.week);
  }
}
