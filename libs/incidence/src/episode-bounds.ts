import { scopeEndMs } from '@mcm/shared';
import { buildNationalEpisodes, CountedAgencyEpisode, NationalEpisode } from './national-episodes';

/**
 * Why an agency episode without a reported return ends (docs/events.md, "Episodes without a
 * reported end"): the child's next episode began more than a day later (NEXT_EPISODE: an implied
 * return), another report of the same episode began within a day (CO_REPORT), or the child turned
 * 18 (AGED_18).
 */
export type ImpliedEnd = 'NEXT_EPISODE' | 'CO_REPORT' | 'AGED_18';

/**
 * A later report of the child starting within this time of an unreturned one is taken as another
 * agency's report of the same episode (ours): police are told hours after a school or a home.
 */
export const CO_REPORT_WINDOW_MS = 24 * 3_600_000;

/**
 * An implied return is placed this long before the next episode's start: the child was back before
 * it began, so the two never overlap and stay separate national episodes (timestamps are in ms).
 */
export const IMPLIED_RETURN_LEAD_MS = 1;

export type BoundedAgencyEpisode<T extends CountedAgencyEpisode = CountedAgencyEpisode> = T & { endedAt: number; impliedEnd: ImpliedEnd | null };

/**
 * One national child's agency episodes with every end known. An episode with no reported end ends
 * at the next later start among the child's episodes from any agency: as it starts when within
 * CO_REPORT_WINDOW_MS (a report of the same episode), else just before it (the child must have been
 * back); and at the latest on the child's 18th birthday (scopeEndMs, from its own agency record).
 * An episode starting on or after that birthday is out of scope and left out. Order-independent.
 */
export function boundAgencyEpisodes<T extends CountedAgencyEpisode>(episodes: readonly T[]): BoundedAgencyEpisode<T>[] {
  const inScope = episodes
    .map((e) => ({ e, scopeEnd: scopeEndMs(e.child?.dateOfBirth, e.startedAt) }))
    .filter(({ e, scopeEnd }) => e.startedAt < scopeEnd);
  const starts = [...new Set(inScope.map(({ e }) => e.startedAt))].sort((a, b) => a - b);
  return inScope.map(({ e, scopeEnd }) => {
    if (e.endedAt !== null) return { ...e, endedAt: e.endedAt, impliedEnd: null };
    const next = starts.find((s) => s > e.startedAt);
    if (next === undefined || next >= scopeEnd) return { ...e, endedAt: scopeEnd, impliedEnd: 'AGED_18' as const };
    // Another report of the same episode: this one ends as it starts, so the two are one national
    // episode, which ends when that one does.
    if (next - e.startedAt <= CO_REPORT_WINDOW_MS) return { ...e, endedAt: next, impliedEnd: 'CO_REPORT' as const };
    return { ...e, endedAt: next - IMPLIED_RETURN_LEAD_MS, impliedEnd: 'NEXT_EPISODE' as const };
  });
}

/** A national child's episodes, and the implied ends of its agency episodes (the data-quality measure). */
export function nationalEpisodesOfChild<T extends CountedAgencyEpisode>(
  episodes: readonly T[],
  regionOf?: (la: string) => string,
): { episodes: NationalEpisode[]; agencyEpisodes: BoundedAgencyEpisode<T>[] } {
  const bounded = boundAgencyEpisodes(episodes);
  return { episodes: buildNationalEpisodes(bounded, regionOf), agencyEpisodes: bounded };
}
