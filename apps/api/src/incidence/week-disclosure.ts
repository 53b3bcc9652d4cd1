import { Published, protectSeries } from '@mcm/disclosure';

export interface AreaWeek { children: number; episodesStarted: number; episodesEnded: number; episodesOpenAtWeekEnd: number }
export type PublishedAreaWeek = { [K in keyof AreaWeek]: Published };
export type SettingRows = Record<'ALL' | 'HOME' | 'CARE' | 'EDUCATION', AreaWeek>;

const LEVEL = ['HOME', 'CARE', 'EDUCATION'] as const;
const MEASURES: (keyof AreaWeek)[] = ['children', 'episodesStarted', 'episodesEnded', 'episodesOpenAtWeekEnd'];

/**
 * Disclosure control for one area's week below national level, as an analyst receives it. The
 * three settings and their total are protected together (primary and secondary suppression), so
 * that asking for each setting and for the total gives nothing away by subtraction. Children are
 * distinct counts: their total is published as the true distinct count when not suppressed.
 */
export function discloseAreaWeek(rows: SettingRows): Record<keyof SettingRows, PublishedAreaWeek> {
  const out = { ALL: {}, HOME: {}, CARE: {}, EDUCATION: {} } as Record<keyof SettingRows, PublishedAreaWeek>;
  for (const m of MEASURES) {
    const series = protectSeries(LEVEL.map((s) => rows[s][m]));
    LEVEL.forEach((s, i) => (out[s][m] = series.values[i]));
    out.ALL[m] = series.total === 'c' ? 'c' : m === 'children' ? suppressSmall(rows.ALL.children) : series.total;
  }
  return out;
}

/** A distinct total can be small even where the sum is not (one child in three settings). */
function suppressSmall(n: number): Published {
  return n >= 1 && n <= 4 ? 'c' : n;
}
