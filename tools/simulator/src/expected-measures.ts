import { weekCommencing } from '@mcm/shared';
import type { NationalEpisode } from './expected';

/**
 * England's figures for one week of two measures of docs/STATISTICS.md, recomputed from the
 * national episodes independently of the aggregator:
 * - return interviews: national episodes counted under HOME or CARE (never EDUCATION) that end in
 *   the week, and those of them with an interview offered within 72 hours;
 * - CARE by SSDA903 missing type: distinct children and national episodes counted under CARE that
 *   start in the week, per type (M, A, NOT_STATED).
 */
export interface ExpectedMeasureRow {
  weekCommencing: string;
  returnInterviewEpisodesEnded: number;
  returnInterviewOfferedWithin72h: number;
  care: Record<'M' | 'A' | 'NOT_STATED', { children: number; episodes: number }>;
}

export function measureRows(episodes: readonly NationalEpisode[]): ExpectedMeasureRow[] {
  const weeks = new Map<string, { row: ExpectedMeasureRow; children: Record<'M' | 'A' | 'NOT_STATED', Set<string>> }>();
  const weekOf = (ms: number) => {
    const week = weekCommencing(new Date(ms));
    let w = weeks.get(week);
    if (!w) {
      const empty = () => ({ children: 0, episodes: 0 });
      w = {
        row: {
          weekCommencing: week,
          returnInterviewEpisodesEnded: 0,
          returnInterviewOfferedWithin72h: 0,
          care: { M: empty(), A: empty(), NOT_STATED: empty() },
        },
        children: { M: new Set(), A: new Set(), NOT_STATED: new Set() },
      };
      weeks.set(week, w);
    }
    return w;
  };
  for (const e of episodes) {
    if (e.endMs !== null && (e.setting === 'HOME' || e.setting === 'CARE')) {
      const { row } = weekOf(e.endMs);
      row.returnInterviewEpisodesEnded++;
      if (e.returnInterviewWithin72h) row.returnInterviewOfferedWithin72h++;
    }
    if (e.setting === 'CARE' && e.careMissingType !== null) {
      const w = weekOf(e.startMs);
      w.row.care[e.careMissingType].episodes++;
      w.children[e.careMissingType].add(e.nationalChild);
    }
  }
  return [...weeks.values()]
    .map(({ row, children }) => {
      for (const type of ['M', 'A', 'NOT_STATED'] as const) row.care[type].children = children[type].size;
      return row;
    })
    .sort((a, b) => (a.weekCommencing < b.weekCommencing ? -1 : a.weekCommencing > b.weekCommencing ? 1 : 0));
}
