import { Published } from '../bulletin.model';
import { BulletinContent, BulletinInputs } from './assemble-bulletin';

/**
 * One cell as a bulletin published it. `dimension` and `category` are '' for the weekly table's
 * cells (measures children, episodes_started, episodes_ended, open_at_week_end) and name the
 * breakdown otherwise (measures children, episodes).
 */
export interface PublishedCellValue {
  weekStart: string;
  setting: string;
  area: string;
  dimension: string;
  category: string;
  measure: string;
  /** The value published (cell-key method) and the true value it came from (for statisticians' `r`). */
  value: number;
  exact: number;
  /** Whether the cell's week was complete when published: the first such value is what `r` compares with. */
  final: boolean;
}

const AREA_MEASURES = [
  ['children', 'children', 'children'],
  ['episodesStarted', 'episodes_started', 'started'],
  ['episodesEnded', 'episodes_ended', 'ended'],
  ['openAtWeekEnd', 'open_at_week_end', 'open'],
] as const;

/** Breakdown cells the bulletin publishes outside its breakdown tables: (dimension, category, measure). */
const HEADLINE_BREAKDOWNS = [
  ['repeat_missing', 'Total', 'children'],
  ['repeat_missing', 'Repeat missing', 'children'],
  ['return_interview', 'Total', 'episodes'],
  ['return_interview', 'Offered within 72 hours', 'episodes'],
] as const;

/**
 * Every cell a bulletin publishes, with the value published and the true value behind it, for
 * published_cell (what `r` and the next revisions section compare with): this week's areas (England,
 * regions, LAs) by setting and measure, the England trend and the same week a year earlier, the
 * breakdowns and the revised cells. A cell is published `final` when its week is complete.
 */
export function publishedCells(input: BulletinInputs, content: BulletinContent): PublishedCellValue[] {
  const cells: PublishedCellValue[] = [];
  const final = (week: string) => input.completeness(week) === 'complete';
  const exactOf = (week: string, area: string, setting: string, m: 'children' | 'started' | 'ended' | 'open') =>
    input.incidence.get(week)?.find((r) => r.area === area && r.setting === setting)?.[m] ?? 0;
  const add = (cell: Omit<PublishedCellValue, 'value' | 'final'>, value: Published) => {
    if (typeof value === 'number') cells.push({ ...cell, value, final: final(cell.weekStart) });
  };

  for (const a of content.areas) {
    const area = a.level === 'National' ? 'ALL' : a.code;
    for (const [field, measure, m] of AREA_MEASURES) {
      add(
        {
          weekStart: content.weekCommencing,
          setting: a.setting,
          area,
          dimension: '',
          category: '',
          measure,
          exact: exactOf(content.weekCommencing, area, a.setting, m),
        },
        a[field],
      );
    }
  }
  const national = (weekStart: string, setting: string, children: number, episodes: number) => {
    add(
      { weekStart, setting, area: 'ALL', dimension: '', category: '', measure: 'children', exact: exactOf(weekStart, 'ALL', setting, 'children') },
      children,
    );
    add(
      {
        weekStart,
        setting,
        area: 'ALL',
        dimension: '',
        category: '',
        measure: 'episodes_started',
        exact: exactOf(weekStart, 'ALL', setting, 'started'),
      },
      episodes,
    );
  };
  for (const t of content.trend) national(t.weekCommencing, t.setting, t.children, t.episodes);
  for (const h of content.headline)
    if (h.sameWeekLastYear) national(input.sameWeekLastYear, h.setting, h.sameWeekLastYear.children, h.sameWeekLastYear.episodes);

  const breakdown = (dimension: string, category: string, measure: 'children' | 'episodes', value: Published) => {
    const figures = input.breakdowns.find((b) => b.dimension === dimension && b.category === category);
    add(
      {
        weekStart: content.weekCommencing,
        setting: figures?.setting ?? 'ALL',
        area: 'ALL',
        dimension,
        category,
        measure,
        exact: figures?.[measure] ?? 0,
      },
      value,
    );
  };
  for (const b of content.breakdowns) {
    breakdown(b.dimension, b.category, 'children', b.children);
    breakdown(b.dimension, b.category, 'episodes', b.episodes);
  }
  const headlineValues: Record<string, Published> = {
    'repeat_missing|Total': content.repeatMissing.children,
    'repeat_missing|Repeat missing': content.repeatMissing.repeatChildren,
    'return_interview|Total': content.returnInterviews.episodesEnded,
    'return_interview|Offered within 72 hours': content.returnInterviews.offeredWithin72h,
  };
  for (const [dimension, category, measure] of HEADLINE_BREAKDOWNS)
    breakdown(dimension, category, measure, headlineValues[`${dimension}|${category}`]);

  const exactRevised = new Map(
    input.revisions.map((r) => [revisionKey(r.weekStart, r.setting, r.area, r.dimension, r.category, r.measure), r.value]),
  );
  for (const r of content.revisions) {
    const area = r.areaCode === 'E92000001' ? 'ALL' : r.areaCode;
    const dimension = r.dimension ?? '';
    const category = r.category ?? '';
    const exact = exactRevised.get(revisionKey(r.weekCommencing, r.setting, area, dimension, category, r.measure)) ?? 0;
    add({ weekStart: r.weekCommencing, setting: r.setting, area, dimension, category, measure: r.measure, exact }, r.published);
  }
  return cells;
}

const revisionKey = (...parts: string[]) => parts.join('|');
