import { NationalEpisode } from './national-episodes';

/**
 * A national episode as stored, with the child it belongs to and the record keys of the cell-key
 * method (derived from the child's ID and the episode's start, so a rebuilt row keeps them).
 */
export type KeyedNationalEpisode = NationalEpisode & { nationalChildId: number; childKey: number; episodeKey: number };

export interface NationalEpisodeChanges<T extends KeyedNationalEpisode = KeyedNationalEpisode> {
  removed: T[];
  inserted: KeyedNationalEpisode[];
  /** The other episodes of the same children, unchanged. */
  kept: KeyedNationalEpisode[];
}

/** Every stored column but the id: two episodes with the same identity are the same row. */
export const sameNationalEpisode = (a: KeyedNationalEpisode, b: KeyedNationalEpisode): boolean =>
  a.nationalChildId === b.nationalChildId &&
  a.startedAt === b.startedAt &&
  a.endedAt === b.endedAt &&
  a.setting === b.setting &&
  a.laCode === b.laCode &&
  a.agencyEpisodeCount === b.agencyEpisodeCount &&
  a.regionCode === b.regionCode &&
  a.ageBand === b.ageBand &&
  a.sex === b.sex &&
  a.ethnicityGroup === b.ethnicityGroup &&
  a.riskGrade === b.riskGrade &&
  a.durationBand === b.durationBand &&
  a.returnInterviewWithin72h === b.returnInterviewWithin72h &&
  a.repeatMissing === b.repeatMissing &&
  a.careMissingType === b.careMissingType &&
  a.childKey === b.childKey &&
  a.episodeKey === b.episodeKey;

/**
 * What turns the stored episodes of some children into the wanted ones, writing only what
 * changed: matched within each child (a handful of episodes), column by column.
 */
export function diffNationalEpisodes<T extends KeyedNationalEpisode>(
  stored: readonly T[],
  wanted: readonly KeyedNationalEpisode[],
): NationalEpisodeChanges<T> {
  const byChild = new Map<number, KeyedNationalEpisode[]>();
  for (const e of wanted) (byChild.get(e.nationalChildId) ?? byChild.set(e.nationalChildId, []).get(e.nationalChildId)!).push(e);
  const kept: KeyedNationalEpisode[] = [];
  const removed = stored.filter((e) => {
    const candidates = byChild.get(e.nationalChildId);
    const same = candidates?.findIndex((c) => sameNationalEpisode(c, e)) ?? -1;
    if (same < 0) return true;
    kept.push(candidates!.splice(same, 1)[0]);
    return false;
  });
  return { removed, inserted: [...byChild.values()].flat(), kept };
}

/**
 * Each changed national child's episodes before and after a rebuild, as far as distinct children
 * can change: the kept episodes that start in a week where one was removed or inserted.
 */
export function episodesBeforeAndAfter(changes: NationalEpisodeChanges): { before: KeyedNationalEpisode[]; after: KeyedNationalEpisode[] }[] {
  const children = new Map<number, { weeks: Set<string>; before: KeyedNationalEpisode[]; after: KeyedNationalEpisode[] }>();
  const of = (e: KeyedNationalEpisode) => {
    const child =
      children.get(e.nationalChildId) ?? children.set(e.nationalChildId, { weeks: new Set(), before: [], after: [] }).get(e.nationalChildId)!;
    child.weeks.add(e.startWeek);
    return child;
  };
  for (const e of changes.removed) of(e).before.push(e);
  for (const e of changes.inserted) of(e).after.push(e);
  for (const e of changes.kept) {
    const child = children.get(e.nationalChildId);
    if (child?.weeks.has(e.startWeek)) {
      child.before.push(e);
      child.after.push(e);
    }
  }
  return [...children.values()].map(({ before, after }) => ({ before, after }));
}

/** The start and end weeks of the removed and inserted episodes: the breakdown weeks to recompute. */
export function changedWeeks(changes: Pick<NationalEpisodeChanges, 'removed' | 'inserted'>): string[] {
  const changed = [...changes.removed, ...changes.inserted];
  return [...new Set(changed.flatMap((e) => (e.endWeek ? [e.startWeek, e.endWeek] : [e.startWeek])))];
}
