import { Queryable } from '../agencies/agency-register.repository';

/** An agency child whose identifying data may go, and the national child it belongs to. */
export interface DormantChild {
  agencyChildId: number;
  nationalChildId: number;
}

/** What one purge removed or rewrote. */
export interface PurgeCounts {
  observations: number;
  profiles: number;
  linkKeys: number;
  reviews: number;
  episodes: number;
  events: number;
}

/**
 * An agency's reference always starts with a letter or digit (contract v1), so a reference that
 * starts with `~` is one retention wrote: `~<agency child id>` for the child, `~<agency child
 * id>.<n>` for its episodes. No event can name one.
 */
export const PURGED_REF_MARK = '~';

/**
 * The agency children of national children that are dormant at the cutoff: none of their
 * episodes is open (no end and not withdrawn), none started or ended on or after the cutoff, and
 * no event about any of them was reported on or after it. Only children not purged already.
 * `$CUTOFF` stands for the cutoff parameter; `members` selects the agency children to look at.
 */
const dormantChildren = (members: string, cutoff: string) => `
  WITH member AS (
    SELECT c.id, c.national_child_id, left(c.agency_child_ref, 1) = '${PURGED_REF_MARK}' AS purged
      FROM agency_child c
     WHERE ${members}
  ), episode AS (
    SELECT m.national_child_id, e.agency_code, e.agency_episode_ref, e.status, e.started_at, e.ended_at
      FROM member m JOIN agency_episode e ON e.agency_child_id = m.id
  ), candidate AS (
    SELECT e.national_child_id
      FROM episode e
     GROUP BY e.national_child_id
    HAVING NOT bool_or(e.ended_at IS NULL AND e.status <> 'WITHDRAWN')
       AND coalesce(greatest(max(e.started_at), max(e.ended_at)), '-infinity') < ${cutoff}
  ), dormant AS (
    SELECT d.national_child_id
      FROM candidate d
     WHERE NOT EXISTS (
             SELECT 1 FROM episode e
               JOIN agency_event v ON v.agency_code = e.agency_code AND v.agency_episode_ref = e.agency_episode_ref
              WHERE e.national_child_id = d.national_child_id AND v.reported_at >= ${cutoff})
  )
  SELECT m.id AS agency_child_id, m.national_child_id
    FROM member m JOIN dormant d ON d.national_child_id = m.national_child_id
   WHERE NOT m.purged
   ORDER BY m.id`;

const toDormant = (rows: { agency_child_id: string; national_child_id: string }[]): DormantChild[] =>
  rows.map((r) => ({ agencyChildId: Number(r.agency_child_id), nationalChildId: Number(r.national_child_id) }));

/**
 * Retention of children's identifying data: finds the agency children whose whole national child
 * has been dormant for the retention period, and deletes their identifying rows by key. Set-based,
 * one statement per table per batch; never reads an identifying attribute.
 */
export class IdentityRetentionRepository {
  /** The highest national child id (ranges of ids are the batches of a run). */
  async maxNationalChildId(db: Queryable): Promise<number> {
    const [row]: { max: string | null }[] = await db.query('SELECT max(id) AS max FROM national_child');
    return row.max === null ? 0 : Number(row.max);
  }

  /** Dormant, not yet purged agency children of the national children with ids in [from, to). */
  async dormantInRange(db: Queryable, from: number, to: number, cutoff: Date): Promise<DormantChild[]> {
    return toDormant(
      await db.query(dormantChildren('c.national_child_id >= $1 AND c.national_child_id < $2', '$3::timestamptz'), [from, to, cutoff.toISOString()]),
    );
  }

  /** The same question for given national children (asked again under the writer's lock). */
  async dormantAmong(db: Queryable, nationalChildIds: number[], cutoff: Date): Promise<DormantChild[]> {
    if (nationalChildIds.length === 0) return [];
    return toDormant(
      await db.query(dormantChildren('c.national_child_id = ANY($1::bigint[])', '$2::timestamptz'), [nationalChildIds, cutoff.toISOString()]),
    );
  }

  /**
   * Deletes the identifying data of these agency children: their identity statements, folded
   * profiles, hashed linkage keys and linkage review pairs; then replaces the agency's own
   * references (child and episodes, in the register, the episodes and the stored events) by
   * retention's marks, so no later event can reach these records. Counted facts are untouched.
   */
  async purge(db: Queryable, agencyChildIds: number[]): Promise<PurgeCounts> {
    if (agencyChildIds.length === 0) return { observations: 0, profiles: 0, linkKeys: 0, reviews: 0, episodes: 0, events: 0 };
    const ids = [agencyChildIds];
    const counted = async (statement: string): Promise<number> => {
      const [row]: { n: string }[] = await db.query(`WITH d AS (${statement} RETURNING 1) SELECT count(*) AS n FROM d`, ids);
      return Number(row.n);
    };
    // By the agency's reference, before it is replaced below.
    const observations = await counted(
      `DELETE FROM child_identity_observation o USING agency_child c
        WHERE c.id = ANY($1::bigint[]) AND o.agency_code = c.agency_code AND o.agency_child_ref = c.agency_child_ref`,
    );
    const profiles = await counted('DELETE FROM agency_child_profile WHERE agency_child_id = ANY($1::bigint[])');
    const linkKeys = await counted('DELETE FROM child_link_key WHERE agency_child_id = ANY($1::bigint[])');
    const reviews = await counted('DELETE FROM linkage_review WHERE agency_child_a = ANY($1::bigint[]) OR agency_child_b = ANY($1::bigint[])');
    const [references]: { episodes: string; events: string }[] = await db.query(
      `WITH renamed AS (
         SELECT e.agency_code, e.agency_episode_ref AS old_ref, '${PURGED_REF_MARK}' || e.agency_child_id AS child_ref,
                '${PURGED_REF_MARK}' || e.agency_child_id || '.' ||
                  row_number() OVER (PARTITION BY e.agency_child_id ORDER BY e.started_at NULLS LAST, e.agency_episode_ref) AS new_ref
           FROM agency_episode e
          WHERE e.agency_child_id = ANY($1::bigint[])
       ), events AS (
         UPDATE agency_event v SET agency_episode_ref = r.new_ref, agency_child_ref = r.child_ref
           FROM renamed r
          WHERE v.agency_code = r.agency_code AND v.agency_episode_ref = r.old_ref
         RETURNING 1
       ), episodes AS (
         UPDATE agency_episode e SET agency_episode_ref = r.new_ref
           FROM renamed r
          WHERE e.agency_code = r.agency_code AND e.agency_episode_ref = r.old_ref
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM episodes) AS episodes, (SELECT count(*) FROM events) AS events`,
      ids,
    );
    await db.query(`UPDATE agency_child SET agency_child_ref = '${PURGED_REF_MARK}' || id WHERE id = ANY($1::bigint[])`, ids);
    return { observations, profiles, linkKeys, reviews, episodes: Number(references.episodes), events: Number(references.events) };
  }
}
