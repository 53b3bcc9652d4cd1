import { buildNationalEpisodes, CountedAgencyEpisode, NationalEpisode } from '@mcm/incidence';
import { Setting } from '@mcm/shared';
import { EntityManager } from 'typeorm';

/** The cell-relevant facts of a national episode, before or after a change. */
export interface EpisodeCellFacts {
  setting: string;
  laCode: string;
  startWeek: string;
  endWeek: string | null;
}

/** Rebuilds the national episodes of whole national children from their counted agency episodes. */
export class NationalEpisodeRepository {
  /** Replaces the national episodes of these children; returns the removed and the inserted. */
  async rebuild(db: EntityManager, nationalChildIds: number[]): Promise<{ removed: EpisodeCellFacts[]; inserted: EpisodeCellFacts[] }> {
    if (nationalChildIds.length === 0) return { removed: [], inserted: [] };
    const rows: { national_child_id: string; agency_code: string; agency_episode_ref: string; setting: Setting; started_at: Date; ended_at: Date | null; la_code: string | null }[] =
      await db.query(
        `SELECT c.national_child_id, e.agency_code, e.agency_episode_ref, e.setting, e.started_at, e.ended_at,
                p.attributes->>'responsibleLaCode' AS la_code
           FROM agency_child c
           JOIN agency_episode e ON e.agency_child_id = c.id AND e.status = 'ACTIVE'
           LEFT JOIN agency_child_profile p ON p.agency_child_id = c.id
          WHERE c.national_child_id = ANY($1::bigint[])`,
        [nationalChildIds],
      );
    const byChild = new Map<number, CountedAgencyEpisode[]>();
    for (const r of rows) {
      const id = Number(r.national_child_id);
      const episode: CountedAgencyEpisode = {
        agencyCode: r.agency_code, agencyEpisodeRef: r.agency_episode_ref, setting: r.setting,
        startedAt: r.started_at.getTime(), endedAt: r.ended_at?.getTime() ?? null, laCode: r.la_code,
      };
      (byChild.get(id) ?? byChild.set(id, []).get(id)!).push(episode);
    }
    const built: (NationalEpisode & { nationalChildId: number })[] = [];
    for (const [nationalChildId, episodes] of byChild) {
      for (const e of buildNationalEpisodes(episodes)) built.push({ ...e, nationalChildId });
    }
    const removed: { setting: string; la_code: string; start_week: string; end_week: string | null }[] = await db.query(
      // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare DELETE ... RETURNING.
      `WITH gone AS (DELETE FROM national_episode WHERE national_child_id = ANY($1::bigint[])
                     RETURNING setting, la_code, start_week, end_week)
       SELECT setting, la_code, start_week::text, end_week::text FROM gone`,
      [nationalChildIds],
    );
    if (built.length) {
      await db.query(
        `INSERT INTO national_episode (national_child_id, started_at, ended_at, start_week, end_week, setting, la_code, agency_episode_count)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::date[], $5::date[], $6::text[], $7::text[], $8::int[])`,
        [
          built.map((e) => e.nationalChildId),
          built.map((e) => new Date(e.startedAt).toISOString()),
          built.map((e) => (e.endedAt === null ? null : new Date(e.endedAt).toISOString())),
          built.map((e) => e.startWeek),
          built.map((e) => e.endWeek),
          built.map((e) => e.setting),
          built.map((e) => e.laCode),
          built.map((e) => e.agencyEpisodeCount),
        ],
      );
    }
    return {
      removed: removed.map((r) => ({ setting: r.setting, laCode: r.la_code, startWeek: r.start_week, endWeek: r.end_week })),
      inserted: built.map((e) => ({ setting: e.setting, laCode: e.laCode, startWeek: e.startWeek, endWeek: e.endWeek })),
    };
  }
}
