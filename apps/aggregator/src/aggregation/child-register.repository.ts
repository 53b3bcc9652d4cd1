import {
  assignNationalIds,
  ChildLinker,
  ChildProfile,
  diffLinkKeys,
  IdentityObservation,
  latestStatements,
  mergeIntoProfile,
  newNationalIdsNeeded,
  partitionClosedSet,
  ProfileChange,
  settleChanges,
  settleNationalIds,
} from '@mcm/incidence';
import {
  AgencyChildRepository,
  AgencyChildRow,
  ChildIdentityRepository,
  ChildLinkKeyRepository,
  Db,
  NationalRegisterRepository,
  ReviewQueue,
} from '@mcm/persistence';
import { PositionedEvent } from './accepted-event';
import { ChildAttributes } from '@mcm/shared';
import { AgencyRef } from './event-store.repository';
import { LinkKeyHasher } from './link-key-hasher';

export type { AgencyChildRow } from '@mcm/persistence';

const refKey = (agencyCode: string, ref: string) => `${agencyCode}\u0000${ref}`;

/**
 * The child register as a batch uses it: agency children, their folded identity profiles, their
 * hashed linkage keys, and their resolution into national children. The SQL is in the
 * repositories of libs/persistence (agency_child, child_link_key, national_child and
 * child_link_change, linkage_review); the decisions in libs/incidence (diffLinkKeys,
 * partitionClosedSet, assignNationalIds, settleNationalIds). This class only runs them in order.
 */
export class ChildRegisterRepository {
  private readonly agencyChildren = new AgencyChildRepository();
  private readonly linkKeys = new ChildLinkKeyRepository();
  private readonly nationals = new NationalRegisterRepository();

  /** `reviews`: where a probabilistic linker's reviewer decisions come from and its review pairs go. */
  constructor(
    private readonly hasher: LinkKeyHasher,
    private readonly linker: ChildLinker,
    private readonly identities: ChildIdentityRepository,
    private readonly reviews?: ReviewQueue,
  ) {}

  /** Ensures a row per agency child and returns id + national id keyed by agency code and ref. */
  async resolve(db: Db, refs: AgencyRef[]): Promise<Map<string, AgencyChildRow>> {
    const rows = await this.agencyChildren.resolve(db, refs);
    return new Map(rows.map((r) => [refKey(r.agencyCode, r.agencyChildRef), r]));
  }

  /**
   * Folds the identities stated by new events into their agency children's profiles and replaces
   * the linkage keys of those that changed. Returns the ids whose keys changed (or that have no
   * national child yet): the records linkage must look at again.
   */
  async refreshProfiles(db: Db, fresh: PositionedEvent[], ids: Map<string, AgencyChildRow>): Promise<number[]> {
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
    const keysChanged = await this.replaceKeys(
      db,
      changed.map((c) => ({ id: c.id, profile: c.profile.attributes })),
    );
    return [...new Set([...unlinked, ...keysChanged])];
  }

  /**
   * Settles the proposed changes to profiles that already existed against the latest stored
   * statement of each changed attribute (see settleChanges); new profiles stand as folded. The
   * statements are sealed, so they are opened and compared here rather than in SQL.
   */
  private async settle(
    db: Db,
    proposed: { id: number; change: ProfileChange }[],
    before: Map<number, ChildProfile>,
    ids: Map<string, AgencyChildRow>,
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

  private async replaceKeys(db: Db, profiles: { id: number; profile: ChildAttributes }[]): Promise<number[]> {
    if (profiles.length === 0) return [];
    const stored = await this.linkKeys.keysOf(
      db,
      profiles.map((p) => p.id),
    );
    const current = profiles.map(({ id, profile }) => ({ id, keys: this.linker.keysOf(profile).map((k) => this.hasher.hash(k).toString('hex')) }));
    const { toDelete, toInsert, changed } = diffLinkKeys(stored, current);
    await this.linkKeys.replace(db, toDelete, toInsert);
    return changed;
  }

  /**
   * Re-clusters every record that a change to `changedIds` may affect: the records sharing a key
   * with them and every record of their current national children. Returns the national child IDs
   * whose membership changed (kept, new and retired).
   */
  async relink(db: Db, keysChangedIds: number[]): Promise<Set<number>> {
    // Reviewers' decisions recorded since the last batch are applied with this batch's changes.
    const decided = this.reviews ? await this.reviews.takeDecisionsToApply(db) : [];
    const changedIds = decided.length ? [...new Set([...keysChangedIds, ...decided])] : keysChangedIds;
    if (changedIds.length === 0) return new Set();
    // Three index-driven steps rather than one query: plans stay right on tables that grow fast.
    const neighbours = await this.linkKeys.neighbours(db, changedIds, this.linker.neighboursPerKey);
    const seeds = [...new Set([...changedIds, ...neighbours])];
    const candidates = await this.agencyChildren.withTheirNationalChildren(db, seeds);
    const current = new Map(candidates.map((c) => [c.id, c.nationalChildId]));
    const profiles = await this.identities.profilesOf(
      db,
      candidates.map((c) => c.id),
    );
    const records = candidates.map((c) => ({ id: c.id, profile: profiles.get(c.id)?.attributes ?? {} }));

    const ids = records.map((r) => r.id);
    const decisions = this.linker.link && this.reviews ? await this.reviews.decisionsAmong(db, ids) : [];
    const { clusters, review } = partitionClosedSet(this.linker, records, decisions);
    if (review && this.reviews) await this.reviews.replacePending(db, ids, review, this.linker.name);

    const assignment = assignNationalIds(clusters, current);
    const created = await this.nationals.createChildren(db, newNationalIdsNeeded(assignment));
    const outcome = settleNationalIds(clusters, current, assignment, created);
    await this.agencyChildren.setNationalIds(db, outcome.updates);
    await this.nationals.retire(db, outcome.retirements);
    await this.nationals.recordChanges(db, outcome.changes, this.linker.name);
    return outcome.touched;
  }
}

export { refKey };
