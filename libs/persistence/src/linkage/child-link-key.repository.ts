import { Queryable } from '../agencies/agency-register.repository';

/**
 * `child_link_key`: each agency child's linkage keys, as HMAC digests (hex in memory), so the
 * table holds no identifier in clear. Written by the aggregator only.
 */
export class ChildLinkKeyRepository {
  /** The stored key digests (hex) of each of these agency children (absent ids have none). */
  async keysOf(db: Queryable, agencyChildIds: readonly number[]): Promise<Map<number, Set<string>>> {
    const rows: { agency_child_id: string; key_hash: Buffer }[] = await db.query(
      'SELECT agency_child_id, key_hash FROM child_link_key WHERE agency_child_id = ANY($1::bigint[])',
      [agencyChildIds],
    );
    const keys = new Map<number, Set<string>>();
    for (const row of rows) {
      const id = Number(row.agency_child_id);
      (keys.get(id) ?? keys.set(id, new Set()).get(id)!).add(row.key_hash.toString('hex'));
    }
    return keys;
  }

  /** Deletes and inserts [agency child id, key digest (hex)] pairs. */
  async replace(db: Queryable, toDelete: readonly [number, string][], toInsert: readonly [number, string][]): Promise<void> {
    if (toDelete.length) {
      await db.query(
        `DELETE FROM child_link_key k USING unnest($1::bigint[], $2::text[]) AS t(id, h)
          WHERE k.agency_child_id = t.id AND k.key_hash = decode(t.h, 'hex')`,
        [toDelete.map((d) => d[0]), toDelete.map((d) => d[1])],
      );
    }
    if (toInsert.length) {
      await db.query(
        `INSERT INTO child_link_key (key_hash, agency_child_id)
         SELECT decode(t.h, 'hex'), t.id FROM unnest($1::bigint[], $2::text[]) AS t(id, h) ORDER BY 1, 2
         ON CONFLICT DO NOTHING`,
        [toInsert.map((d) => d[0]), toInsert.map((d) => d[1])],
      );
    }
  }

  /**
   * The agency children sharing a key with any of `agencyChildIds`. With `perKey`, at most that
   * many on each side of each changed record per key, in arrival (id) order, so a very common
   * key cannot make the set explode. Not deduplicated against the input; in no particular order.
   */
  async neighbours(db: Queryable, agencyChildIds: readonly number[], perKey?: number): Promise<number[]> {
    // Index-driven: plans stay right on a table that grows fast.
    const rows: { agency_child_id: string }[] =
      perKey === undefined
        ? await db.query(
            `SELECT DISTINCT n.agency_child_id FROM child_link_key n
          WHERE n.key_hash IN (SELECT k.key_hash FROM child_link_key k WHERE k.agency_child_id = ANY($1::bigint[]))`,
            [agencyChildIds],
          )
        : await db.query(
            `SELECT DISTINCT x.agency_child_id FROM child_link_key k CROSS JOIN LATERAL (
           (SELECT n.agency_child_id FROM child_link_key n WHERE n.key_hash = k.key_hash AND n.agency_child_id < k.agency_child_id
             ORDER BY n.agency_child_id DESC LIMIT $2)
           UNION ALL
           (SELECT n.agency_child_id FROM child_link_key n WHERE n.key_hash = k.key_hash AND n.agency_child_id > k.agency_child_id
             ORDER BY n.agency_child_id LIMIT $2)) x
          WHERE k.agency_child_id = ANY($1::bigint[])`,
            [agencyChildIds, perKey],
          );
    return rows.map((r) => Number(r.agency_child_id));
  }
}
