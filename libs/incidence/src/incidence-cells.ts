import { addWeeks } from '@mcm/shared';

/** A cell of the weekly incidence table. 'ALL' stands for the total over settings or LAs. */
export interface IncidenceCell {
  weekStart: string;
  setting: string;
  laCode: string;
}

export interface EpisodeWeeks {
  setting: string;
  laCode: string;
  startWeek: string;
  endWeek: string | null;
}

/**
 * The level-1 cells whose figures depend on an episode: its start week (children, episodes
 * started), its end week (episodes ended) and every week it is open at the end of, up to the
 * horizon week.
 */
export function cellsOfEpisode(e: EpisodeWeeks, horizonWeek: string | null): IncidenceCell[] {
  const cells: IncidenceCell[] = [{ weekStart: e.startWeek, setting: e.setting, laCode: e.laCode }];
  if (e.endWeek !== null && e.endWeek !== e.startWeek) cells.push({ weekStart: e.endWeek, setting: e.setting, laCode: e.laCode });
  if (horizonWeek === null) return cells;
  const lastOpenWeek = e.endWeek === null ? horizonWeek : minWeek(addWeeks(e.endWeek, -1), horizonWeek);
  for (let week = e.startWeek; week <= lastOpenWeek; week = addWeeks(week, 1)) {
    if (week !== e.startWeek && week !== e.endWeek) cells.push({ weekStart: week, setting: e.setting, laCode: e.laCode });
  }
  return cells;
}

/** Weeks after `fromExclusive` up to `toInclusive` in which an episode is open at week end. */
export function openWeeksBetween(e: EpisodeWeeks, fromExclusive: string, toInclusive: string): string[] {
  const weeks: string[] = [];
  const first = maxWeek(addWeeks(fromExclusive, 1), e.startWeek);
  const last = e.endWeek === null ? toInclusive : minWeek(addWeeks(e.endWeek, -1), toInclusive);
  for (let week = first; week <= last; week = addWeeks(week, 1)) weeks.push(week);
  return weeks;
}

export function uniqueCells(cells: Iterable<IncidenceCell>): IncidenceCell[] {
  const seen = new Map<string, IncidenceCell>();
  for (const c of cells) seen.set(`${c.weekStart}|${c.setting}|${c.laCode}`, c);
  return [...seen.values()];
}

const minWeek = (a: string, b: string) => (a < b ? a : b);
const maxWeek = (a: string, b: string) => (a > b ? a : b);
