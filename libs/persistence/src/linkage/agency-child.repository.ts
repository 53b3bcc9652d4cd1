import { Queryable } from '../agencies/agency-register.repository';

export interface AgencyChildRow {
  id: number;
  agencyCode: string;
  agencyChildRef: string;
  nationalChildId: number | null;
}

/**
 * `agency_child`: one row per child as an agency knows it, and the national child it resolves
 * to. Written by the aggregator only.
 */
export class AgencyChildRepository {
  /** Ensures a row per (agency code, ref) and returns them all, with their national child. */
  async resolve(db: Queryable, refs: readonly { agencyCode: string; ref: string }[]): Promise<AgencyChildRow[]> {
    const codes = refs.map((r) => r.agencyCode);
    const childRefs = refs.map((r) => r.ref);
    await db.query(
      `INSERT INTO agency_child (agency_code, agency_child_ref)
       SELECT * FROM unnest($1::text[], $2::text[]) ORDER BY 1, 2
       ON CONFLICT (agency_code, agency_child_ref) DO NOTHING`,
      [codes, childRefs],
    );
    const rows: { id: string; agency_code: string; agency_child_ref: string; national_child_id: string | null }[] = await db.query(
      `SELECT c.id, c.agency_code, c.agency_child_ref, c.national_child_id
         FROM agency_child c JOIN unnest($1::text[], $2::text[]) AS t(code, ref) ON c.agency_code = t.code AND c.agency_child_ref = t.ref`,
      [codes, childRefs],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      agencyCode: r.agency_code,
      agencyChildRef: r.agency_child_ref,
      nationalChildId: r.national_child_id === null ? null : Number(r.national_child_id),
    }));
  }

  /**
   * The closed set around `seeds`: the seeds and every record of their current national
   * children, in id order, each with its national child (null: not linked yet).
   */
  async withTheirNationalChildren(db: Queryable, seeds: readonly number[]): Promise<{ id: number; nationalChildId: number | null }[]> {
    const rows: { id: string; national_child_id: string | null }[] = await db.query(
      `WITH nationals AS (
         SELECT DISTINCT national_child_id FROM agency_child WHERE id = ANY($1::bigint[]) AND national_child_id IS NOT NULL
       ), members AS (
         SELECT c.id FROM agency_child c WHERE c.national_child_id IN (SELECT national_child_id FROM nationals)
         UNION SELECT unnest($1::bigint[])
       )
       SELECT c.id, c.national_child_id FROM members m JOIN agency_child c ON c.id = m.id ORDER BY c.id`,
      [seeds],
    );
    return rows.map((r) => ({ id: Number(r.id), nationalChildId: r.national_child_id === null ? null : Number(r.national_child_id) }));
  }

  /** Moves agency children to national children: [agency child id, national child id]. */
  async setNationalIds(db: Queryable, updates: readonly [number, number][]): Promise<void> {
    if (updates.length === 0) return;
    await db.query(`UPDATE agency_child c SET national_child_id = t.nid FROM unnest($1::bigint[], $2::bigint[]) AS t(id, nid) WHERE c.id = t.id`, [
      updates.map((u) => u[0]),
      updates.map((u) => u[1]),
    ]);
  }
}
