import type { AgencyEpisode, ImpliedEnd } from '@mcm/incidence';
import type { RiskGrade, Setting } from '@mcm/shared';
import { epochMs } from '../epoch-ms';
import { AgencyRef } from './agency-event.repository';
import { Db } from './transaction';

/** A counted (ACTIVE) agency episode with the national child it belongs to, as national episodes are built from. */
export interface CountedEpisodeRow {
  national_child_id: string;
  agency_child_id: string;
  agency_code: string;
  agency_episode_ref: string;
  setting: Setting;
  started_ms: number;
  ended_ms: number | null;
  risk_grade: RiskGrade | null;
  return_interview_within_72h: boolean;
  care_missing_type: 'M' | 'A' | null;
  la_code: string | null;
}

/** An agency episode's implied end (docs/events.md, "Episodes without a reported end"), or none. */
export interface ImpliedEndRow {
  agencyCode: string;
  agencyEpisodeRef: string;
  impliedEnd: ImpliedEnd | null;
  /** Epoch milliseconds; null with no implied end. */
  impliedEndAt: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** `agency_episode`: each agency's episode folded from its events. */
export class AgencyEpisodeRepository {
  /** The stored episodes among these references, with their agency child. */
  async childrenOf(db: Db, episodes: AgencyRef[]): Promise<{ agencyCode: string; ref: string; agencyChildId: number }[]> {
    const rows: { agency_code: string; agency_episode_ref: string; agency_child_id: string }[] = await db.query(
      `SELECT e.agency_code, e.agency_episode_ref, e.agency_child_id FROM agency_episode e JOIN unnest($1::text[], $2::text[]) AS t(code, ref)
          ON e.agency_code = t.code AND e.agency_episode_ref = t.ref`,
      [episodes.map((r) => r.agencyCode), episodes.map((r) => r.ref)],
    );
    return rows.map((r) => ({ agencyCode: r.agency_code, ref: r.agency_episode_ref, agencyChildId: Number(r.agency_child_id) }));
  }

  /** Writes the folded episodes, each with its agency child's id (insert or replace by agency code and ref). */
  async upsert(db: Db, folded: AgencyEpisode[], agencyChildIds: number[]): Promise<void> {
    await db.query(
      `INSERT INTO agency_episode AS e (agency_code, agency_episode_ref, agency_child_id, setting, care_missing_type, risk_grade,
                                        started_at, ended_at, return_interview_offered, status, return_interview_within_72h, la_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[],
                            $9::boolean[], $10::text[], $11::boolean[], $12::text[])
       ORDER BY 1, 2
       ON CONFLICT (agency_code, agency_episode_ref) DO UPDATE SET
         agency_child_id = excluded.agency_child_id, setting = excluded.setting, care_missing_type = excluded.care_missing_type,
         risk_grade = excluded.risk_grade, started_at = excluded.started_at, ended_at = excluded.ended_at,
         return_interview_offered = excluded.return_interview_offered, status = excluded.status,
         return_interview_within_72h = excluded.return_interview_within_72h, la_code = excluded.la_code`,
      [
        folded.map((e) => e.agencyCode),
        folded.map((e) => e.agencyEpisodeRef),
        agencyChildIds,
        folded.map((e) => e.setting),
        folded.map((e) => e.careMissingType),
        folded.map((e) => e.riskGrade),
        folded.map((e) => iso(e.startedAt)),
        folded.map((e) => iso(e.endedAt)),
        folded.map((e) => e.returnInterviewOffered),
        folded.map((e) => e.status),
        folded.map((e) => e.returnInterviewWithin72h),
        folded.map((e) => e.laCode),
      ],
    );
  }

  /** The counted episodes of every agency child of these national children. */
  countedOfNationalChildren(db: Db, nationalChildIds: number[]): Promise<CountedEpisodeRow[]> {
    return db.query(
      `SELECT c.national_child_id, e.agency_code, e.agency_episode_ref, e.setting, ${epochMs('e.started_at')} AS started_ms,
              ${epochMs('e.ended_at')} AS ended_ms, e.risk_grade, e.return_interview_within_72h, c.id AS agency_child_id, e.care_missing_type,
              e.la_code
         FROM agency_child c
         JOIN agency_episode e ON e.agency_child_id = c.id AND e.status = 'ACTIVE'
        WHERE c.national_child_id = ANY($1::bigint[])`,
      [nationalChildIds],
    );
  }

  /**
   * Keeps each counted episode's implied end beside it, writing only the rows whose implied end
   * changed; the other episodes of these national children that had one lose it.
   */
  async recordImpliedEnds(db: Db, nationalChildIds: number[], ends: ImpliedEndRow[]): Promise<void> {
    const codes = ends.map((e) => e.agencyCode);
    const refs = ends.map((e) => e.agencyEpisodeRef);
    await db.query(
      `UPDATE agency_episode e SET implied_end_at = v.at, implied_end = v.why
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) AS v(code, ref, at, why)
        WHERE e.agency_code = v.code AND e.agency_episode_ref = v.ref
          AND (e.implied_end IS DISTINCT FROM v.why OR e.implied_end_at IS DISTINCT FROM v.at)`,
      [codes, refs, ends.map((e) => iso(e.impliedEndAt)), ends.map((e) => e.impliedEnd)],
    );
    await db.query(
      `UPDATE agency_episode e SET implied_end_at = NULL, implied_end = NULL
         FROM agency_child c
        WHERE e.agency_child_id = c.id AND c.national_child_id = ANY($1::bigint[]) AND e.implied_end IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS v(code, ref) WHERE v.code = e.agency_code AND v.ref = e.agency_episode_ref)`,
      [nationalChildIds, codes, refs],
    );
  }
}
