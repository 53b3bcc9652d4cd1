import { assignNationalIds, ChildLinker, ChildProfile, IdentityObservation, latestStatements, LinkableRecord, mergeIntoProfile, ProfileChange, settleChanges } from '@mcm/incidence';
import { ChildIdentityRepository } from '@mcm/persistence';
import { PositionedEvent } from './accepted-event';
import { ChildAttributes } from '@mcm/shared';
import { EntityManager } from 'typeorm';
import { AgencyRef } from './event-store.repository';
import { LinkKeyHasher } from './link-key-hasher';
import { ReviewQueue } from '../linkage/linkage-review.repository';

export interface AgencyChildRow {
  id: number;
  agencyCode: string;
  agencyChildRef: string;
  nationalChildId: number | null;
}

const refKey = (agencyCode: string, ref: string) => `${agencyCode}\u0000${ref}`;

/**
 * Agency children, their folded identity profiles, their hashed linkage keys, and their
 * resolution into national children. National IDs stay stable: see assignNationalIds.
 */
export class ChildRegisterRepository {
  /** `reviews`: where a probabilistic linker's reviewer decisions come from and its review pairs go. */
  constructor(
    private readonly hasher: LinkKeyHasher, private readonly linker: ChildLinker, private readonly identities: ChildIdentityRepository,
    private readonly reviews?: ReviewQueue,
  ) {}

  /** Ensures a row per agency child and returns id + national id keyed by agency code and ref. */
  async resolve(db: EntityManager, refs: AgencyRef[]): Promise<Map<string, AgencyChildRow>> {
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
    return new Map(rows.map((r) => [refKey(r.agency_code, r.agency_child_ref), {
      id: Number(r.id), agencyCode: r.agency_code, agencyChildRef: r.agency_child_ref, nationalChildId: r.national_child_id === null ? null : Number(r.national_child_id),
    }]));
  }

  /**
   * Folds the identities stated by new events into their agency children's profiles and replaces
   * the linkage keys of those that changed. Returns the ids whose keys changed (or that have no
   * national child yet): the records linkage must look at again.
   */
  async refreshProfiles(db: EntityManager, fresh: PositionedEvent[], ids: Map<string, AgencyChildRow>): Promise<number[]> {
    const observations = new Map<number, IdentityObservation[]>();
    for (const { event: e } of fresh) {
      const id = ids.get(refKey(e.agency.code, e.agencyChildRef))!.id;
      const observation = { eventId: e.eventId, reportedAt: Date.parse(e.reportedAt), attributes: e.child };
      (observations.get(id) ?? observations.set(id, []).get(id)!).push(observation);
    }
    const before: Map<number, ChildProfile> = await this.identities.profilesOf(db, [...observations.keys()]);
    const proposed: { id: number; change: ProfileChange }[] = [];
    for (const [id, list] of observations) {
      const change = mergeIntoProfile(before.get(id), list);
      if (change) proposed.push({ id, change });
    }
    const changed = await this.settle(db, proposed, before, ids);
    await this.identities.upsertProfiles(db, changed);
    const unlinked = [...ids.values()].filter((r) => r.nationalChildId === null).map((r) => r.id);
    const keysChanged = await this.replaceKeys(db, changed.map((c) => ({ id: c.id, profile: c.profile.attributes })));
    return [...new Set([...unlinked, ...keysChanged])];
  }

  /**
   * Settles the proposed changes to profiles that already existed against the latest stored
   * statement of each changed attribute (see settleChanges); new profiles stand as folded. The
   * statements are sealed, so they are opened and compared here rather than in SQL.
   */
  private async settle(
    db: EntityManager, proposed: { id: number; change: ProfileChange }[], before: Map<number, ChildProfile>, ids: Map<string, AgencyChildRow>,
  ): Promise<{ id: number; profile: ChildProfile }[]> {
    const rowOf = new Map([...ids.values()].map((row) => [row.id, row]));
    const settling = proposed.filter((p) => before.has(p.id)).map((p) => rowOf.get(p.id)!);
    const statements = await this.identities.observationsOf(db, settling);
    const idOf = new Map(settling.map((row) => [refKey(row.agencyCode, row.agencyChildRef), row.id]));
    const observationsOf = new Map<number, IdentityObservation[]>();
    for (const s of statements) {
      const id = idOf.get(refKey(s.agencyCode, s.agencyChildRef))!;
      (observationsOf.get(id) ?? observationsOf.set(id, []).get(id)!).push(s);
    }
    return proposed.flatMap(({ id, change }) => {
      const previous = before.get(id);
      const settled = previous ? settleChanges(previous, change, latestStatements(observationsOf.get(id) ?? [])) : change;
      return settled ? [{ id, profile: settled.profile }] : [];
    });
  }

  private async replaceKeys(db: EntityManager, profiles: { id: number; profile: ChildAttributes }[]): Promise<number[]> {
    if (profiles.length === 0) return [];
    const childIds = profiles.map((p) => p.id);
    const existing: { agency_child_id: string; key_hash: Buffer }[] = await db.query(
      'SELECT agency_child_id, key_hash FROM child_link_key WHERE agency_child_id = ANY($1::bigint[])',
      [childIds],
    );
    const before = new Map<number, Set<string>>();
    for (const row of existing) {
      const id = Number(row.agency_child_id);
      (before.get(id) ?? before.set(id, new Set()).get(id)!).add(row.key_hash.toString('hex'));
    }
    const toDelete: [number, string][] = [];
    const toInsert: [number, string][] = [];
    const changed = new Set<number>();
    for (const { id, profile } of profiles) {
      const now = new Set(this.linker.keysOf(profile).map((k) => this.hasher.hash(k).toString('hex')));
      const old = before.get(id) ?? new Set<string>();
      for (const h of old) if (!now.has(h)) toDelete.push([id, h]);
      for (const h of now) if (!old.has(h)) toInsert.push([id, h]);
      if (old.size !== now.size || [...now].some((h) => !old.has(h))) changed.add(id);
    }
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
    return [...changed];
  }

  /**
   * Re-clusters every record that a change to `changedIds` may affect: the records sharing a key
   * with them and every record of their current national children. Returns the national child IDs
   * whose membership changed (kept, new and retired).
   */
  async relink(db: EntityManager, keysChangedIds: number[]): Promise<Set<number>> {
    // Reviewers' decisions recorded since the last batch are applied with this batch's changes.
    const decided = this.reviews ? await this.reviews.takeDecisionsToApply(db) : [];
    const changedIds = decided.length ? [...new Set([...keysChangedIds, ...decided])] : keysChangedIds;
    if (changedIds.length === 0) return new Set();
    // Three index-driven steps rather than one query: plans stay right on tables that grow fast.
    const perKey = this.linker.neighboursPerKey;
    const neighbours: { agency_child_id: string }[] = perKey === undefined
      ? await db.query(
        `SELECT DISTINCT n.agency_child_id FROM child_link_key n
          WHERE n.key_hash IN (SELECT k.key_hash FROM child_link_key k WHERE k.agency_child_id = ANY($1::bigint[]))`,
        [changedIds],
      )
      // Capped: per key, the records that arrived just before and just after the changed one.
      : await db.query(
        `SELECT DISTINCT x.agency_child_id FROM child_link_key k CROSS JOIN LATERAL (
           (SELECT n.agency_child_id FROM child_link_key n WHERE n.key_hash = k.key_hash AND n.agency_child_id < k.agency_child_id
             ORDER BY n.agency_child_id DESC LIMIT $2)
           UNION ALL
           (SELECT n.agency_child_id FROM child_link_key n WHERE n.key_hash = k.key_hash AND n.agency_child_id > k.agency_child_id
             ORDER BY n.agency_child_id LIMIT $2)) x
          WHERE k.agency_child_id = ANY($1::bigint[])`,
        [changedIds, perKey],
      );
    const seeds = [...new Set([...changedIds, ...neighbours.map((n) => Number(n.agency_child_id))])];
    const candidates: { id: string; national_child_id: string | null }[] = await db.query(
      `WITH nationals AS (
         SELECT DISTINCT national_child_id FROM agency_child WHERE id = ANY($1::bigint[]) AND national_child_id IS NOT NULL
       ), members AS (
         SELECT c.id FROM agency_child c WHERE c.national_child_id IN (SELECT national_child_id FROM nationals)
         UNION SELECT unnest($1::bigint[])
       )
       SELECT c.id, c.national_child_id FROM members m JOIN agency_child c ON c.id = m.id ORDER BY c.id`,
      [seeds],
    );
    const current = new Map(candidates.map((c) => [Number(c.id), c.national_child_id === null ? null : Number(c.national_child_id)]));
    const profiles = await this.identities.profilesOf(db, candidates.map((c) => Number(c.id)));
    const records = candidates.map((c) => ({ id: Number(c.id), profile: profiles.get(Number(c.id))?.attributes ?? {} }));
    const clusters = await this.cluster(db, records);
    const { keptIds, retired } = assignNationalIds(clusters, current);
    const newIds = await this.createNationalChildren(db, keptIds.filter((id) => id === null).length);
    const finalIds = keptIds.map((id) => id ?? newIds.shift()!);

    const updates: [number, number][] = [];
    const touched = new Set<number>();
    clusters.forEach((members, index) => {
      for (const member of members) {
        const before = current.get(member);
        if (before !== finalIds[index]) {
          updates.push([member, finalIds[index]]);
          touched.add(finalIds[index]);
          if (before != null) touched.add(before);
        }
      }
    });
    if (updates.length) {
      await db.query(
        `UPDATE agency_child c SET national_child_id = t.nid FROM unnest($1::bigint[], $2::bigint[]) AS t(id, nid) WHERE c.id = t.id`,
        [updates.map((u) => u[0]), updates.map((u) => u[1])],
      );
    }
    await this.recordChanges(db, clusters, current, finalIds, keptIds, retired);
    return touched;
  }

  /** Partitions the closed set; a probabilistic linker also gets decisions and fills the review queue. */
  private async cluster(db: EntityManager, records: LinkableRecord[]): Promise<number[][]> {
    if (!this.linker.link) return this.linker.cluster(records);
    const ids = records.map((r) => r.id);
    const decisions = this.reviews ? await this.reviews.decisionsAmong(db, ids) : [];
    const { clusters, review } = this.linker.link(records, decisions);
    if (this.reviews) await this.reviews.replacePending(db, ids, review, this.linker.name);
    return clusters;
  }

  private async createNationalChildren(db: EntityManager, count: number): Promise<number[]> {
    if (count === 0) return [];
    const rows: { id: string }[] = await db.query('INSERT INTO national_child (created_at) SELECT now() FROM generate_series(1, $1) RETURNING id', [count]);
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  }

  private async recordChanges(
    db: EntityManager, clusters: number[][], current: Map<number, number | null>, finalIds: number[],
    keptIds: (number | null)[], retired: { id: number; absorbedBy: number }[],
  ): Promise<void> {
    const changes: { change: 'MERGE' | 'SPLIT'; id: number; others: number[] }[] = [];
    clusters.forEach((members, index) => {
      const absorbed = retired.filter((r) => r.absorbedBy === index).map((r) => r.id);
      if (absorbed.length) changes.push({ change: 'MERGE', id: finalIds[index], others: absorbed });
      if (keptIds[index] === null) {
        const formerIds = [...new Set(members.map((m) => current.get(m)).filter((id): id is number => id != null))];
        if (formerIds.length) changes.push({ change: 'SPLIT', id: finalIds[index], others: formerIds });
      }
    });
    if (retired.length) {
      await db.query(
        `UPDATE national_child n SET merged_into = t.survivor, retired_at = now() FROM unnest($1::bigint[], $2::bigint[]) AS t(id, survivor) WHERE n.id = t.id`,
        [retired.map((r) => r.id), retired.map((r) => finalIds[r.absorbedBy])],
      );
    }
    if (changes.length) {
      await db.query(
        `INSERT INTO child_link_change (change, national_child_id, other_ids, linker)
         SELECT r.change, r.id, ARRAY(SELECT jsonb_array_elements_text(r.others)::bigint), $2
           FROM jsonb_to_recordset($1::jsonb) AS r(change text, id bigint, others jsonb)`,
        [JSON.stringify(changes), this.linker.name],
      );
    }
  }
}

export { refKey };
