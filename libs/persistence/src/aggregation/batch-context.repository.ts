import { Db } from './transaction';

/**
 * What a batch reads of tables other steps own (the register's, the bulletin's) to decide what
 * changed: which national children hold some agency children, whether this transaction merged or
 * split national children, and the last week a bulletin covers.
 */
export class BatchContextRepository {
  async nationalChildrenOf(db: Db, agencyChildIds: number[]): Promise<number[]> {
    const rows: { national_child_id: string }[] = await db.query(
      'SELECT DISTINCT national_child_id FROM agency_child WHERE id = ANY($1::bigint[]) AND national_child_id IS NOT NULL',
      [agencyChildIds],
    );
    return rows.map((r) => Number(r.national_child_id));
  }

  /** Changes are stamped with now(), the transaction's start. */
  async mergedOrSplitInThisTransaction(db: Db): Promise<boolean> {
    const [row]: { changed: boolean }[] = await db.query('SELECT EXISTS (SELECT 1 FROM child_link_change WHERE changed_at = now()) AS changed');
    return row.changed;
  }

  async publishedThrough(db: Db): Promise<string | null> {
    const [row]: { week: string | null }[] = await db.query('SELECT max(week_start)::text AS week FROM bulletin');
    return row.week;
  }
}
