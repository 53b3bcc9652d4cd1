import { Db } from './transaction';

/**
 * What a batch reads of the register to decide what changed: which national children hold some
 * agency children, and whether this transaction merged or split national children. (The linkage
 * side's AgencyChildRepository and NationalRegisterRepository may take these over.)
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
}
