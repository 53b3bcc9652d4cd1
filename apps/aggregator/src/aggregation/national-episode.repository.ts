import { buildNationalEpisodes, CountedAgencyEpisode, NationalEpisode } from '@mcm/incidence';
import { Setting } from '@mcm/shared';
import { EntityManager } from 'typeorm';

/** The cell-relevant facts of a national episode, before or after a change. */
export interface EpisodeCellFacts {
  nationalChildId: number;
  setting: string;
  laCode: string;
  startWeek: string;
  endWeek: string | null;
}

type StoredEpisode = NationalEpisode & { nationalChildId: number };

const identity = (e: StoredEpisode) =>
  `${e.nationalChildId}|${e.startedAt}|${e.endedAt}|${e.setting}|${e.laCode}|${e.agencyEpisodeCount}`;

/** Rebuilds the national episodes of whole national children from their counted agency episodes. */
export class NationalEpisodeRepository {
  /**
   * Brings the national episodes of these children up to date, writing only what changed.
   * Returns the episodes removed and inserted: the weekly cells depend on nothing else.
   */
  async rebuild(db: EntityManager, nationalChildIds: number[]): Promise<{ removed: EpisodeCellFacts[]; inserted: EpisodeCellFacts[] }> {
    if (nationalChildIds.length === 0) return { removed: [], inserted: [] };
    const [current, stored] = [await this.computed(db, nationalChildIds), await this.stored(db, nationalChildIds)];
    const wanted = new Map(current.map((e) => [identity(e), e]));
    const removed = stored.filter((e) => !wanted.delete(identity(e)));
    const inserted = [...wanted.values()];
    if (removed.length) {
      await db.query('DELETE FROM national_episode WHERE id = ANY($1::bigint[])', [removed.map((e) => e.id)]);
    }
    if (inserted.length) {
      await db.query(
        `INSERT INTO national_episode (national_child_id, started_at, ended_at, start_week, end_week, setting, la_code, agency_episode_count)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::date[], $5::date[], $6::text[], $7::text[], $8::int[])`,
        [
          inserted.map((e) => e.nationalChildId),
          inserted.map((e) => new Date(e.startedAt).toISOString()),
          inserted.map((e) => (e.endedAt === null ? null : new Date(e.endedAt).toISOString())),
          inserted.map((e) => e.startWeek),
          inserted.map((e) => e.endWeek),
          inserted.map((e) => e.setting),
          inserted.map((e) => e.laCode),
          inserted.map((e) => e.agencyEpisodeCount),
        ],
      );
    }
    return { removed, inserted };
  }

  private async computed(db: EntityManager, nationalChildIds: number[]): Promise<StoredEpisode[]> {
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
    return [...byChild].flatMap(([nationalChildId, episodes]) => buildNationalEpisodes(episodes).map((e) => ({ ...e, nationalChildId })));
  }

  private async stored(db: EntityManager, nationalChildIds: number[]): Promise<(StoredEpisode & { id: string })[]> {
    const rows: { id: string; national_child_id: string; started_at: Date; ended_at: Date | null; start_week: string; end_week: string | null; setting: Setting; la_code: string; agency_episode_count: number }[] =
      await db.query(
        `SELECT id, national_child_id, started_at, ended_at, start_week::text, end_week::text, setting, la_code, agency_episode_count
           FROM national_episode WHERE national_child_id = ANY($1::bigint[])`,
        [nationalChildIds],
      );
    return rows.map((r) => ({
      id: r.id, nationalChildId: Number(r.national_child_id), startedAt: r.started_at.getTime(), endedAt: r.ended_at?.getTime() ?? null,
      startWeek: r.start_week, endWeek: r.end_week, setting: r.setting, laCode: r.la_code, agencyEpisodeCount: r.agency_episode_count,
    }));
  }
}
