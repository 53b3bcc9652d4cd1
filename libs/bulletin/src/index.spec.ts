import { Bulletin, renderBulletinCsv, renderBulletinHtml, renderBulletinJson } from '.';
import { parseCsv } from './csv/csv';
import { textOf, unbalancedTags } from './testing/html-inspect';

/** A first week of operation: nothing reported yet, nothing to compare with. */
function emptyBulletin(): Bulletin {
  const zero = { children: 0, episodes: 0 };
  return {
    week: '2026-W01',
    weekCommencing: '2025-12-29',
    revision: 0,
    releaseStatus: 'final',
    publishedAt: '2026-01-05T09:30:00Z',
    nextReleaseAt: '2026-01-12T09:30:00 Europe/London',
    status: 'Official statistics in development',
    methodologyUrl: 'https://example.gov.uk/methodology',
    contact: 'statistics team',
    disclosure: { method: 'Cell-key perturbation', ptable: 'mcm-ptable-v1', statement: 'Figures are changed by a small random amount.' },
    headline: (['ALL', 'HOME', 'CARE', 'EDUCATION'] as const).map((setting) => ({
      setting,
      ...zero,
      previousWeek: zero,
      fourWeekAverage: zero,
      sameWeekLastYear: null,
    })),
    areas: [],
    breakdowns: [],
    repeatMissing: { children: 0, repeatChildren: 0, percent: 'x' },
    returnInterviews: { episodesEnded: 0, offeredWithin72h: 0, percent: 'x' },
    revisions: [],
    completeness: [],
    trend: (['2025-12-22', '2025-12-29'] as const).flatMap((weekCommencing) =>
      (['ALL', 'HOME', 'CARE', 'EDUCATION'] as const).map((setting) => ({
        weekCommencing,
        week: weekCommencing === '2025-12-29' ? '2026-W01' : '2025-W52',
        setting,
        ...zero,
      })),
    ),
    provisionalWeeks: ['2025-12-29'],
  };
}

describe('the bulletin renderers on an empty first week', () => {
  const b = emptyBulletin();

  it('render without figures to show', () => {
    expect(JSON.parse(renderBulletinJson(b))).toEqual(b);
    const html = renderBulletinHtml(b);
    expect(unbalancedTags(html)).toEqual([]);
    expect(textOf(html)).toContain('Children going missing held steady this week in every setting');
    expect(textOf(html)).toContain('No figures published earlier have been revised');
    expect(html.match(/<svg\b/g)).toHaveLength(1);
  });

  it('still writes the England rows, from the headline, and ISO year 2026 for a week starting in 2025', () => {
    const [header, ...rows] = parseCsv(renderBulletinCsv(b).data);
    const at = (row: string[], column: string) => row[header.indexOf(column)];
    expect(rows.filter((r) => at(r, 'week_commencing') === '2025-12-22').map((r) => at(r, 'time_identifier'))).toEqual([
      'Week 52',
      'Week 52',
      'Week 52',
      'Week 52',
    ]);
    const thisWeek = rows.filter((r) => at(r, 'week_commencing') === '2025-12-29');
    expect(thisWeek).toHaveLength(4);
    for (const row of thisWeek) {
      expect(at(row, 'time_period')).toBe('2026');
      expect(at(row, 'time_identifier')).toBe('Week 1');
      expect(at(row, 'week_commencing')).toBe('2025-12-29');
      expect(at(row, 'children_count')).toBe('0');
      expect(at(row, 'revision_status')).toBe('p');
    }
    expect(at(thisWeek[0], 'repeat_missing_percent')).toBe('x');
  });
});
