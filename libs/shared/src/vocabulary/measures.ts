/**
 * The measures, one canonical name each (`code`: the weekly tables' column and the `measure` of
 * a revision or a published cell). The public outputs keep their documented spellings of the same
 * measure, listed here beside it so nothing else retypes them: the API field (camelCase), the
 * bulletin JSON field, the tidy CSV's indicator column, and the label a reader sees.
 */
export interface MeasureNames {
  code: string;
  api: string | null;
  bulletin: string | null;
  csv: string | null;
  label: string;
}

export const MEASURES = {
  children: { code: 'children', api: 'children', bulletin: 'children', csv: 'children_count', label: 'Children' },
  episodes_started: {
    code: 'episodes_started',
    api: 'episodesStarted',
    bulletin: 'episodesStarted',
    csv: 'episodes_started_count',
    label: 'Episodes started',
  },
  episodes_ended: { code: 'episodes_ended', api: 'episodesEnded', bulletin: 'episodesEnded', csv: 'episodes_ended_count', label: 'Episodes ended' },
  open_at_week_end: {
    code: 'open_at_week_end',
    api: 'episodesOpenAtWeekEnd',
    bulletin: 'openAtWeekEnd',
    csv: 'open_at_week_end_count',
    label: 'Open at week end',
  },
  /** A breakdown cell's episodes: started in the week, or ended in it for the duration band and return interviews. */
  episodes: { code: 'episodes', api: 'episodes', bulletin: 'episodes', csv: null, label: 'Episodes started' },
  repeat_missing_children: {
    code: 'repeat_missing_children',
    api: null,
    bulletin: 'repeatChildren',
    csv: 'repeat_missing_children_count',
    label: 'Repeat missing children',
  },
  return_interview_offered_72h: {
    code: 'return_interview_offered_72h',
    api: null,
    bulletin: 'offeredWithin72h',
    csv: 'return_interview_offered_72h_count',
    label: 'Return interviews offered within 72 hours',
  },
} as const satisfies Record<string, MeasureNames>;
export type Measure = keyof typeof MEASURES;

/** The measures of a weekly incidence cell, in the order every output lists them. */
export const WEEKLY_MEASURES = ['children', 'episodes_started', 'episodes_ended', 'open_at_week_end'] as const satisfies readonly Measure[];
export type WeeklyMeasure = (typeof WEEKLY_MEASURES)[number];
/** The measures of a breakdown cell. */
export const BREAKDOWN_MEASURES = ['children', 'episodes'] as const satisfies readonly Measure[];

const LABEL_BY_NAME = new Map<string, string>(
  Object.values(MEASURES as Record<string, MeasureNames>).flatMap((m) =>
    [m.code, m.api, m.bulletin, m.csv].filter((n): n is string => n !== null).map((n) => [n, m.label] as const),
  ),
);
/** A measure's label from any of its names; an unknown name reads with its underscores as spaces. */
export function measureLabel(measure: string): string {
  return LABEL_BY_NAME.get(measure) ?? measure.replace(/_/g, ' ');
}
