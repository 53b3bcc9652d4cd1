import { Queryable } from '../agencies/agency-register.repository';

/** A merge or split of national children, as recorded in `child_link_change`. */
export interface NationalLinkChange {
  change: 'MERGE' | 'SPLIT';
  id: number;
  others: number[];
}

/**
 * The national register: `national_child` (IDs, and which were merged into which) and its
 * history `child_link_change` (every merge and split, with the linker that made it). Written by
 * the aggregator only.
 */
export class NationalRegisterRepository {
  /** Creates `count` national children; their IDs in ascending order. */
  async createChildren(db: Queryable, count: number): Promise<number[]> {
    if (count === 0) return [];
    const rows: { id: string }[] = await db.query('INSERT INTO national_child (created_at) SELECT now() FROM generate_series(1, $1) RETURNING id', [
      count,
    ]);
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  }

  /** Retires national children, each merged into its survivor. */
  async retire(db: Queryable, retirements: readonly { id: number; survivor: number }[]): Promise<void> {
    if (retirements.length === 0) return;
    await db.query(
      `UPDATE national_child n SET merged_into = t.survivor, retired_at = now() FROM unnest($1::bigint[], $2::bigint[]) AS t(id, survivor) WHERE n.id = t.id`,
      [retirements.map((r) => r.id), retirements.map((r) => r.survivor)],
    );
  }

  /** Appends merges and splits to `child_link_change`, naming the linker that made them. */
  async recordChanges(db: Queryable, changes: readonly NationalLinkChange[], linker: string): Promise<void> {
    if (changes.length === 0) return;
    await db.query(
      `INSERT INTO child_link_change (change, national_child_id, other_ids, linker)
       SELECT r.change, r.id, ARRAY(SELECT jsonb_array_elements_text(r.others)::bigint), $2
         FROM jsonb_to_recordset($1::jsonb) AS r(change text, id bigint, others jsonb)`,
      [JSON.stringify(changes), linker],
    );
  }
}
