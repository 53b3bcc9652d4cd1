import { buildNationalEpisodes, CountedAgencyEpisode, NationalEpisode } from '@mcm/incidence';
import { ChildAttributes, referenceData, RiskGrade, Setting } from '@mcm/shared';
import { EntityManager } from 'typeorm';

/** A national episode as stored, with the child it belongs to. */
export type StoredNationalEpisode = NationalEpisode & { nationalChildId: number };

/** Every stored column but the id: two episodes with the same identity are the same row. */
const identity = (e: StoredNationalEpisode) =>
  [e.nationalChildId, e.startedAt, e.endedAt, e.setting, e.laCode, e.agencyEpisodeCount, e.regionCode, e.ageBand, e.sex,
    e.ethnicityGroup, e.riskGrade, e.durationBand, e.returnInterviewWithin72h, e.repeatMissing].join('|');

const regionOf = (la: string) => referenceData().localAuthorities.get(la)?.regionCode ?? 'UNKNOWN';

const COLUMNS = `national_child_id, started_at, ended_at, start_week, end_week, setting, la_code, agency_episode_count,
  region_code, age_band, sex, ethnicity_group, risk_grade, duration_band, return_interview_within_72h, repeat_missing`;

/** Rebuilds the national episodes of whole national children from their counted agency episodes. */
export class NationalEpisodeRepository {
  /**
   * Brings the national episodes of these children up to date, writing only what changed.
   * Returns the episodes removed and inserted: the weekly figures depend on nothing else.
   */
  async rebuild(db: EntityManager, nationalChildIds: number[]): Promise<{ removed: StoredNationalEpisode[]; inserted: StoredNationalEpisode[] }> {
    if (nationalChildIds.length === 0) return { removed: [], inserted: [] };
    const [current, stored] = [await this.computed(db, nationalChildIds), await this.stored(db, nationalChildIds)];
    const wanted = new Map(current.map((e) => [identity(e), e]));
    const removed = stored.filter((e) => !wanted.delete(identity(e)));
    const inserted = [...wanted.values()];
    if (removed.length) {
      await db.query('DELETE FROM national_episode WHERE id = ANY($1::bigint[])', [removed.map((e) => e.id)]);
    }
    if (inserted.length) {
      const column = <T>(f: (e: StoredNationalEpisode) => T) => inserted.map(f);
      await db.query(
        `INSERT INTO national_episode (${COLUMNS})
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::date[], $5::date[], $6::text[], $7::text[], $8::int[],
                              $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::boolean[], $16::boolean[])`,
        [
          column((e) => e.nationalChildId), column((e) => new Date(e.startedAt).toISOString()),
          column((e) => (e.endedAt === null ? null : new Date(e.endedAt).toISOString())), column((e) => e.startWeek), column((e) => e.endWeek),
          column((e) => e.setting), column((e) => e.laCode), column((e) => e.agencyEpisodeCount), column((e) => e.regionCode),
          column((e) => e.ageBand), column((e) => e.sex), column((e) => e.ethnicityGroup), column((e) => e.riskGrade),
          column((e) => e.durationBand), column((e) => e.returnInterviewWithin72h), column((e) => e.repeatMissing),
        ],
      );
    }
    return { removed, inserted };
  }

  private async computed(db: EntityManager, nationalChildIds: number[]): Promise<StoredNationalEpisode[]> {
    const rows: {
      national_child_id: string; agency_code: string; agency_episode_ref: string; setting: Setting; started_at: Date; ended_at: Date | null;
      risk_grade: RiskGrade | null; return_interview_within_72h: boolean; attributes: ChildAttributes | null;
    }[] = await db.query(
      `SELECT c.national_child_id, e.agency_code, e.agency_episode_ref, e.setting, e.started_at, e.ended_at, e.risk_grade,
              e.return_interview_within_72h, p.attributes
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
        startedAt: r.started_at.getTime(), endedAt: r.ended_at?.getTime() ?? null, laCode: r.attributes?.responsibleLaCode ?? null,
        riskGrade: r.risk_grade, returnInterviewWithin72h: r.return_interview_within_72h,
        child: { dateOfBirth: r.attributes?.dateOfBirth, sex: r.attributes?.sex, ethnicity: r.attributes?.ethnicity },
      };
      (byChild.get(id) ?? byChild.set(id, []).get(id)!).push(episode);
    }
    return [...byChild].flatMap(([nationalChildId, episodes]) => buildNationalEpisodes(episodes, regionOf).map((e) => ({ ...e, nationalChildId })));
  }

  private async stored(db: EntityManager, nationalChildIds: number[]): Promise<(StoredNationalEpisode & { id: string })[]> {
    const rows: Record<string, never>[] = await db.query(
      `SELECT id, ${COLUMNS.replace('start_week, end_week', 'start_week::text, end_week::text')}
         FROM national_episode WHERE national_child_id = ANY($1::bigint[])`,
      [nationalChildIds],
    );
    return rows.map((r) => ({
      id: r.id, nationalChildId: Number(r.national_child_id), startedAt: (r.started_at as Date).getTime(),
      endedAt: (r.ended_at as Date | null)?.getTime() ?? null, startWeek: r.start_week, endWeek: r.end_week, setting: r.setting,
      laCode: r.la_code, agencyEpisodeCount: r.agency_episode_count, regionCode: r.region_code, ageBand: r.age_band, sex: r.sex,
      ethnicityGroup: r.ethnicity_group, riskGrade: r.risk_grade, durationBand: r.duration_band,
      returnInterviewWithin72h: r.return_interview_within_72h, repeatMissing: r.repeat_missing,
    }));
  }
}
