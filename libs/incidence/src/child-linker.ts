import { ChildAttributes, isUnknownUpnCode, isValidNhsNumber, isValidUpn } from '@mcm/shared';
import { UnionFind } from './union-find';

export interface LinkableRecord {
  /** The agency child's database id. */
  id: number;
  profile: ChildAttributes;
}

/** A reviewer's standing decision on a pair of agency children (ids in either order). */
export interface PairDecision {
  a: number;
  b: number;
  decision: 'CONFIRMED' | 'REJECTED';
}

/** A pair in the review band, described by comparison levels only (never attribute values). */
export interface ReviewPair {
  /** The smaller agency child id. */
  a: number;
  b: number;
  probability: number;
  comparisonLevels: { comparison: string; level: string; weight: number }[];
}

export interface LinkOutcome {
  clusters: number[][];
  /** Undecided pairs in the review band whose records were left in different clusters. */
  review: ReviewPair[];
}

/**
 * Resolves agency children into national children. The aggregator finds the records that may be
 * affected by a change through shared keys (blocking keys for a probabilistic linker), then asks
 * the linker to partition exactly that set.
 */
export interface ChildLinker {
  /** Recorded with every link change, so each link can be traced to the method that made it. */
  readonly name: string;
  /** Keys under which a record finds its candidates; raw values are hashed before storage. */
  keysOf(profile: ChildAttributes): string[];
  /** Partitions a closed candidate set into children; each inner array is one child's records. */
  cluster(records: readonly LinkableRecord[]): number[][];
  /**
   * Optional (probabilistic linkers): at most this many records sharing a key are gathered on
   * each side of a changed record, in arrival order, so a very common blocking value cannot make
   * the closed candidate set explode. Unset: every record sharing a key is gathered.
   */
  readonly neighboursPerKey?: number;
  /**
   * Optional (probabilistic linkers): like cluster, but honours reviewers' decisions among the
   * records and reports the pairs a person should review. Used instead of cluster when present.
   */
  link?(records: readonly LinkableRecord[], decisions: readonly PairDecision[]): LinkOutcome;
}

/**
 * Deterministic first linker: the same valid NHS number, or the same valid UPN, or the same
 * normalised given name + family name + full date of birth make the same child, transitively.
 */
export class DeterministicChildLinker implements ChildLinker {
  readonly name = 'deterministic-v1';

  keysOf(profile: ChildAttributes): string[] {
    const keys: string[] = [];
    if (profile.nhsNumber && isValidNhsNumber(profile.nhsNumber)) keys.push(`nhs:${profile.nhsNumber}`);
    if (profile.upn && !isUnknownUpnCode(profile.upn) && isValidUpn(profile.upn)) keys.push(`upn:${profile.upn}`);
    if (profile.givenName && profile.familyName && profile.dateOfBirth?.length === 10) {
      keys.push(`name-dob:${profile.givenName}|${profile.familyName}|${profile.dateOfBirth}`);
    }
    return keys;
  }

  cluster(records: readonly LinkableRecord[]): number[][] {
    const sets = new UnionFind(records.length);
    const firstWithKey = new Map<string, number>();
    records.forEach((r, i) => {
      for (const key of this.keysOf(r.profile)) {
        const other = firstWithKey.get(key);
        if (other === undefined) firstWithKey.set(key, i);
        else sets.union(i, other);
      }
    });
    return sets.groups().map((g) => g.map((i) => records[i].id).sort((a, b) => a - b));
  }
}
