import { ChildLinker, LinkableRecord, PairDecision, ReviewPair } from './child-linker';
import { IdAssignment } from './national-id-assignment';

/**
 * The child register's decisions when records change, apart from storage: which hashed link keys
 * to replace, how to partition a closed candidate set, and what the national IDs become. The
 * aggregator's ChildRegisterRepository runs them between its SQL reads and writes; the linkage
 * benchmark runs them in memory.
 */

export interface LinkKeyChanges {
  /** [agency child id, hashed key] pairs no longer stated. */
  toDelete: [number, string][];
  /** [agency child id, hashed key] pairs newly stated. */
  toInsert: [number, string][];
  /** The agency children whose set of keys changed, in the order given. */
  changed: number[];
}

/** Compares each record's current hashed keys with the stored ones. */
export function diffLinkKeys(
  stored: ReadonlyMap<number, ReadonlySet<string>>,
  current: readonly { id: number; keys: readonly string[] }[],
): LinkKeyChanges {
  const toDelete: [number, string][] = [];
  const toInsert: [number, string][] = [];
  const changed = new Set<number>();
  for (const { id, keys } of current) {
    const now = new Set(keys);
    const old = stored.get(id) ?? new Set<string>();
    for (const h of old) if (!now.has(h)) toDelete.push([id, h]);
    for (const h of now) if (!old.has(h)) toInsert.push([id, h]);
    if (old.size !== now.size || [...now].some((h) => !old.has(h))) changed.add(id);
  }
  return { toDelete, toInsert, changed: [...changed] };
}

export interface ClosedSetPartition {
  clusters: number[][];
  /** Set for a linker that reports review pairs: the pending review pairs among the set, exactly. */
  review?: ReviewPair[];
}

/** Partitions a closed candidate set; a linker with `link` also honours reviewers' decisions and reports review pairs. */
export function partitionClosedSet(linker: ChildLinker, records: readonly LinkableRecord[], decisions: readonly PairDecision[]): ClosedSetPartition {
  if (!linker.link) return { clusters: linker.cluster(records) };
  return linker.link(records, decisions);
}

/** How many national children an assignment needs created. */
export function newNationalIdsNeeded(assignment: IdAssignment): number {
  return assignment.keptIds.filter((id) => id === null).length;
}

export interface LinkChange {
  change: 'MERGE' | 'SPLIT';
  /** The national child that absorbed others (MERGE) or was split off them (SPLIT). */
  id: number;
  others: number[];
}

export interface NationalIdOutcome {
  /** Each cluster's national ID (same order as the clusters). */
  finalIds: number[];
  /** [agency child id, national child id] for every record whose national child changed. */
  updates: [number, number][];
  /** National IDs whose membership changed: kept, new and retired. */
  touched: Set<number>;
  /** Retired national IDs and the national ID that absorbed them. */
  retirements: { id: number; survivor: number }[];
  /** The merges and splits to record, in cluster order. */
  changes: LinkChange[];
}

/**
 * Applies an assignment (assignNationalIds) given the IDs created for the clusters left without
 * one (ascending, handed out in cluster order): the records' new national IDs, the retirements
 * and the merges and splits to record.
 */
export function settleNationalIds(
  clusters: readonly number[][],
  current: ReadonlyMap<number, number | null>,
  assignment: IdAssignment,
  createdIds: readonly number[],
): NationalIdOutcome {
  const { keptIds, retired } = assignment;
  let next = 0;
  const finalIds = keptIds.map((id) => id ?? createdIds[next++]);
  if (next !== createdIds.length || finalIds.some((id) => id === undefined)) {
    throw new Error(`expected ${newNationalIdsNeeded(assignment)} new national IDs, got ${createdIds.length}`);
  }
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
  const changes: LinkChange[] = [];
  clusters.forEach((members, index) => {
    const absorbed = retired.filter((r) => r.absorbedBy === index).map((r) => r.id);
    if (absorbed.length) changes.push({ change: 'MERGE', id: finalIds[index], others: absorbed });
    if (keptIds[index] === null) {
      const formerIds = [...new Set(members.map((m) => current.get(m)).filter((id): id is number => id != null))];
      if (formerIds.length) changes.push({ change: 'SPLIT', id: finalIds[index], others: formerIds });
    }
  });
  const retirements = retired.map((r) => ({ id: r.id, survivor: finalIds[r.absorbedBy] }));
  return { finalIds, updates, touched, retirements, changes };
}
