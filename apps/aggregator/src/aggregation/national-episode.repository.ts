import { RecordKeys } from '@mcm/disclosure';
import { BoundedAgencyEpisode, CountedAgencyEpisode, NationalEpisode, nationalEpisodesOfChild } from '@mcm/incidence';
import { ChildAttributes, referenceData, RiskGrade, Setting } from '@mcm/shared';
import { ChildIdentityRepository, epochMs } from '@mcm/persistence';
import { EntityManager } from 'typeorm';

/**
 * A national episode as stored, with the child it belongs to and the record keys of the cell-key
 * method (derived from the child's ID and the episode's start, so a rebuilt row keeps them).
 */
export type StoredNationalEpisode = NationalEpisode & { nationalChildId: number; childKey: number; episodeKey: number };

export interface NationalEpisodeChanges {
  removed: StoredNationalEpisode[];
  inserted: StoredNationalEpisode[];
  /** The other episodes of the same children, unchanged. */
  kept: StoredNationalEpisode[];
}

/** Every stored column but the id: two episodes with the same identity are the same row. */
const sameEpisode = (a: StoredNationalEpisode, b: StoredNationalEpisode) =>
  a.nationalChildId === b.nationalChildId && a.startedAt === b.startedAt && a.endedAt === b.endedAt && a.setting === b.setting &&
  a.laCode === b.laCode && a.agencyEpisodeCount === b.agencyEpisodeCount && a.regionCode === b.regionCode && a.ageBand === b.ageBand &&
  a.sex === b.sex && a.ethnicityGroup === b.ethnicityGroup && a.riskGrade === b.riskGrade && a.durationBand === b.durationBand &&
  a.returnInterviewWithin72h === b.returnInterviewWithin72h && a.repeatMissing === b.repeatMissing && a.careMissingType === b.careMissingType &&
  a.childKey === b.childKey && a.episodeKey === b.episodeKey;

const regionOf = (la: string) => referenceData().localAuthorities.get(la)?.regionCode ?? 'UNKNOWN';

const COLUMNS = `national_child_id, started_at, ended_at, start_week, end_week, setting, la_code, agency_episode_count,
  region_code, age_band, sex, ethnicity_group, risk_grade, duration_band, return_interview_within_72h, repeat_missing, child_key, episode_key, care_missing_type`;

/** Rebuilds the national episodes of whole national children from their counted agency episodes. */
export class NationalEpisodeRepository {
  constructor(private readonly identities: ChildIdentityRepository, private readonly recordKeys: RecordKeys) {}

  /**
   * Brings the national episodes of these children up to date, writing only what changed.
   * Returns the episodes removed, inserted and kept unchanged: the weekly figures depend on
   * nothing else (kept episodes tell whether a child still counts in a cell).
   */
  async rebuild(db: EntityManager, nationalChildIds: number[]): Promise<NationalEpisodeChanges> {
    if (nationalChildIds.length === 0) return { removed: [], inserted: [], kept: [] };
    const [{ episodes: current, agencyEpisodes }, stored] = [await this.computed(db, nationalChildIds), await this.stored(db, nationalChildIds)];
    await this.recordImpliedEnds(db, nationalChildIds, agencyEpisodes);
    // Matched within each child (a handful of episodes), column by column.
    const wanted = new Map<number, StoredNationalEpisode[]>();
    for (const e of current) (wanted.get(e.nationalChildId) ?? wanted.set(e.nationalChildId, []).get(e.nationalChildId)!).push(e);
    const kept: StoredNationalEpisode[] = [];
    const removed = stored.filter((e) => {
      const candidates = wanted.get(e.nationalChildId);
      const same = candidates?.findIndex((c) => sameEpisode(c, e)) ?? -1;
      if (same < 0) return true;
      kept.push(candidates!.splice(same, 1)[0]);
      return false;
    });
    const inserted = [...wanted.values()].flat();
    if (removed.length) {
      await db.query('DELETE FROM national_episode WHERE id = ANY($1::bigint[])', [removed.map((e) => e.id)]);
    }
    if (inserted.length) {
      const column = <T>(f: (e: StoredNationalEpisode) => T) => inserted.map(f);
      await db.query(
        `INSERT INTO national_episode (${COLUMNS})
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::date[], $5::date[], $6::text[], $7::text[], $8::int[],
                              $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::boolean[], $16::boolean[],
                              $17::bigint[], $18::bigint[], $19::text[])`,
        [
          column((e) => e.nationalChildId), column((e) => new Date(e.startedAt).toISOString()),
          column((e) => (e.endedAt === null ? null : new Date(e.endedAt).toISOString())), column((e) => e.startWeek), column((e) => e.endWeek),
          column((e) => e.setting), column((e) => e.laCode), column((e) => e.agencyEpisodeCount), column((e) => e.regionCode),
          column((e) => e.ageBand), column((e) => e.sex), column((e) => e.ethnicityGroup), column((e) => e.riskGrade),
          column((e) => e.durationBand), column((e) => e.returnInterviewWithin72h), column((e) => e.repeatMissing),
          column((e) => e.childKey), column((e) => e.episodeKey), column((e) => e.careMissingType),
        ],
      );
    }
    return { removed, inserted, kept };
  }

  /**
   * Gives record keys to up to `limit` episodes stored before the cell-key method (ids after
   * `afterId`); returns the last id done, or null when none is left.
   */
  async keyStoredEpisodes(db: EntityManager, afterId: number, limit: number): Promise<number | null> {
    const rows: { id: string; national_child_id: string; started_ms: number }[] = await db.query(
      `SELECT id, national_child_id, ${epochMs('started_at')} AS started_ms FROM national_episode WHERE id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    if (rows.length === 0) return null;
    await db.query(
      `UPDATE national_episode e SET child_key = k.child_key, episode_key = k.episode_key
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS k(id, child_key, episode_key) WHERE e.id = k.id`,
      [rows.map((r) => r.id), rows.map((r) => this.recordKeys.child(Number(r.national_child_id))),
        rows.map((r) => this.recordKeys.episode(Number(r.national_child_id), r.started_ms))],
    );
    return Number(rows[rows.length - 1].id);
  }

  /**
   * Keeps each agency episode's implied end (docs/events.md, "Episodes without a reported end")
   * beside it: NEXT_EPISODE ends are the implied returns counted per agency for completeness. Only
   * rows whose implied end changed are written; episodes no longer counted lose theirs.
   */
  private async recordImpliedEnds(db: EntityManager, nationalChildIds: number[], bounded: BoundedAgencyEpisode[]): Promise<void> {
    const codes = bounded.map((e) => e.agencyCode);
    const refs = bounded.map((e) => e.agencyEpisodeRef);
    await db.query(
      `UPDATE agency_episode e SET implied_end_at = v.at, implied_end = v.why
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) AS v(code, ref, at, why)
        WHERE e.agency_code = v.code AND e.agency_episode_ref = v.ref
          AND (e.implied_end IS DISTINCT FROM v.why OR e.implied_end_at IS DISTINCT FROM v.at)`,
      [codes, refs, bounded.map((e) => (e.impliedEnd === null ? null : new Date(e.endedAt).toISOString())), bounded.map((e) => e.impliedEnd)],
    );
    await db.query(
      `UPDATE agency_episode e SET implied_end_at = NULL, implied_end = NULL
         FROM agency_child c
        WHERE e.agency_child_id = c.id AND c.national_child_id = ANY($1::bigint[]) AND e.implied_end IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS v(code, ref) WHERE v.code = e.agency_code AND v.ref = e.agency_episode_ref)`,
      [nationalChildIds, codes, refs],
    );
  }

  private async computed(db: EntityManager, nationalChildIds: number[]): Promise<{ episodes: StoredNationalEpisode[]; agencyEpisodes: BoundedAgencyEpisode[] }> {
    const rows: {
      national_child_id: string; agency_code: string; agency_episode_ref: string; setting: Setting; started_ms: number; ended_ms: number | null;
      risk_grade: RiskGrade | null; return_interview_within_72h: boolean; agency_child_id: string; care_missing_type: 'M' | 'A' | null;
      la_code: string | null;
    }[] = await db.query(
      `SELECT c.national_child_id, e.agency_code, e.agency_episode_ref, e.setting, ${epochMs('e.started_at')} AS started_ms,
              ${epochMs('e.ended_at')} AS ended_ms, e.risk_grade, e.return_interview_within_72h, c.id AS agency_child_id, e.care_missing_type,
              e.la_code
         FROM agency_child c
         JOIN agency_episode e ON e.agency_child_id = c.id AND e.status = 'ACTIVE'
        WHERE c.national_child_id = ANY($1::bigint[])`,
      [nationalChildIds],
    );
    const profiles = await this.identities.profilesOf(db, [...new Set(rows.map((r) => Number(r.agency_child_id)))]);
    const byChild = new Map<number, CountedAgencyEpisode[]>();
    for (const r of rows) {
      const id = Number(r.national_child_id);
      // Only the attributes statistics use leave this function: names and identifiers do not.
      const child: ChildAttributes = profiles.get(Number(r.agency_child_id))?.attributes ?? {};
      const episode: CountedAgencyEpisode = {
        agencyCode: r.agency_code, agencyEpisodeRef: r.agency_episode_ref, setting: r.setting,
        // The LA stated for the child at the episode's start, not the child's latest (docs/events.md).
        startedAt: r.started_ms, endedAt: r.ended_ms, laCode: r.la_code,
        riskGrade: r.risk_grade, returnInterviewWithin72h: r.return_interview_within_72h, careMissingType: r.care_missing_type,
        child: { dateOfBirth: child.dateOfBirth, sex: child.sex, ethnicity: child.ethnicity },
      };
      (byChild.get(id) ?? byChild.set(id, []).get(id)!).push(episode);
    }
    const agencyEpisodes: BoundedAgencyEpisode[] = [];
    const episodes = [...byChild].flatMap(([nationalChildId, members]) => {
      const built = nationalEpisodesOfChild(members, regionOf);
      agencyEpisodes.push(...built.agencyEpisodes);
      return built.episodes.map((e) =>
        Object.assign(e, { nationalChildId, childKey: this.recordKeys.child(nationalChildId), episodeKey: this.recordKeys.episode(nationalChildId, e.startedAt) }));
    });
    return { episodes, agencyEpisodes };
  }

  private async stored(db: EntityManager, nationalChildIds: number[]): Promise<(StoredNationalEpisode & { id: string })[]> {
    const rows: Record<string, never>[] = await db.query(
      `SELECT id, ${COLUMNS.replace('started_at, ended_at, start_week, end_week', `${epochMs('started_at')} AS started_at, ${epochMs('ended_at')} AS ended_at, start_week::text, end_week::text`)}
         FROM national_episode WHERE national_child_id = ANY($1::bigint[])`,
      [nationalChildIds],
    );
    return rows.map((r) => ({
      id: r.id, nationalChildId: Number(r.national_child_id), startedAt: r.started_at, endedAt: r.ended_at, startWeek: r.start_week,
      endWeek: r.end_week, setting: r.setting, laCode: r.la_code, agencyEpisodeCount: r.agency_episode_count, regionCode: r.region_code,
      ageBand: r.age_band, sex: r.sex, ethnicityGroup: r.ethnicity_group, riskGrade: r.risk_grade, durationBand: r.duration_band,
      returnInterviewWithin72h: r.return_interview_within_72h, repeatMissing: r.repeat_missing, careMissingType: r.care_missing_type,
      childKey: Number(r.child_key), episodeKey: Number(r.episode_key),
    }));
  }
}
