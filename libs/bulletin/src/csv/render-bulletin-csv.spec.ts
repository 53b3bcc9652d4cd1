import { Bulletin } from '../bulletin.model';
import { sampleBulletin } from '../testing/sample-bulletin';
import { DATA_COLUMNS, TIME_GEOGRAPHY_COLUMNS } from './columns';
import { parseCsv, toCsv } from './csv';
import { renderBulletinCsv } from './render-bulletin-csv';

type Row = Record<string, string>;
function records(text: string): Row[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('renderBulletinCsv', () => {
  const b = sampleBulletin();
  const { data, meta } = renderBulletinCsv(b);
  const parsed = parseCsv(data);
  const rows = records(data);

  it('writes lower snake_case columns, the same number of fields on every row', () => {
    expect(parsed[0]).toEqual([...DATA_COLUMNS]);
    for (const name of parsed[0]) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const row of parsed) expect(row).toHaveLength(DATA_COLUMNS.length);
    expect(data.endsWith('\n')).toBe(true);
  });

  it('fills the mandatory time and geography columns on every row', () => {
    for (const r of rows) {
      expect(r.time_period).toMatch(/^\d{4}$/);
      expect(r.time_identifier).toMatch(/^Week ([1-9]|[1-4]\d|5[0-3])$/);
      expect(r.week_commencing).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['National', 'Regional', 'Local authority']).toContain(r.geographic_level);
      expect(r.country_code).toBe('E92000001');
      expect(r.country_name).toBe('England');
    }
  });

  it('carries region on regional and LA rows, LA columns on LA rows only', () => {
    for (const r of rows) {
      const regional = r.geographic_level !== 'National';
      const la = r.geographic_level === 'Local authority';
      expect(r.region_code !== '').toBe(regional);
      expect(r.region_name !== '').toBe(regional);
      expect(r.new_la_code !== '').toBe(la);
      expect(r.la_name !== '').toBe(la);
      expect(r.old_la_code !== '').toBe(la);
      if (regional) expect(r.region_code).toMatch(/^E12\d{6}$/);
    }
    const hull = rows.find((r) => r.new_la_code === 'E06000010' && r.setting === 'Total');
    expect(hull).toMatchObject({
      la_name: 'Kingston upon Hull, City of',
      old_la_code: '810',
      region_code: 'E12000003',
      region_name: 'Yorkshire and The Humber',
    });
    expect(data).toContain('"Kingston upon Hull, City of"');
  });

  it('writes one row per observation and completes the matrix', () => {
    const keys = rows.map((r) => [r.week_commencing, r.geographic_level, r.region_code, r.new_la_code, r.setting, r.breakdown, r.category].join('|'));
    expect(new Set(keys).size).toBe(rows.length);
    const areas = new Set(b.areas.map((a) => `${a.level}|${a.code}`)).size;
    const trendWeeks = new Set(b.trend.map((t) => t.weekCommencing)).size - 1;
    expect(rows).toHaveLength(trendWeeks * 4 + areas * 4 + b.breakdowns.length);

    // A missing area x setting combination still gets a row, of x.
    const gap: Bulletin = { ...b, areas: b.areas.filter((a) => !(a.code === 'E08000025' && a.setting === 'CARE')) };
    const filled = records(renderBulletinCsv(gap).data).find((r) => r.new_la_code === 'E08000025' && r.setting === 'Care');
    expect(filled).toMatchObject({ children_count: 'x', episodes_started_count: 'x', la_name: 'Birmingham', region_code: 'E12000005' });
  });

  it('preserves the symbols in cells and uses z where a measure does not apply', () => {
    for (const a of b.areas) {
      const r = rows.find(
        (x) =>
          x.week_commencing === b.weekCommencing &&
          x.geographic_level === a.level &&
          (x.new_la_code || x.region_code || 'E92000001') === a.code &&
          x.setting === ({ ALL: 'Total', HOME: 'Home', CARE: 'Care', EDUCATION: 'During school' } as const)[a.setting] &&
          x.breakdown === 'Total',
      );
      expect(r).toBeDefined();
      expect(r?.children_count).toBe(String(a.children));
      expect(r?.episodes_started_count).toBe(String(a.episodesStarted));
      expect(r?.open_at_week_end_count).toBe(String(a.openAtWeekEnd));
      expect(r?.children_rate_per_10000).toBe(a.ratePer10000 === undefined ? 'x' : String(a.ratePer10000));
    }
    expect(rows.some((r) => r.children_count === 'c')).toBe(true);
    expect(rows.find((r) => r.new_la_code === 'E06000019' && r.setting === 'Total')?.children_rate_per_10000).toBe('x');
    for (const r of rows.filter((x) => x.setting === 'During school')) expect(r.return_interview_percent).toBe('z');
    for (const r of rows) for (const c of DATA_COLUMNS.slice(-10)) expect(r[c]).toMatch(/^(-?\d+(\.\d+)?|c|x|z|low)$/);
  });

  it('puts repeat missing and return interviews on the England total row', () => {
    const total = rows.find(
      (r) => r.week_commencing === b.weekCommencing && r.geographic_level === 'National' && r.setting === 'Total' && r.breakdown === 'Total',
    );
    expect(total).toMatchObject({
      repeat_missing_children_count: String(b.repeatMissing.repeatChildren),
      repeat_missing_percent: String(b.repeatMissing.percent),
      return_interview_episodes_ended_count: String(b.returnInterviews.episodesEnded),
      return_interview_offered_72h_count: String(b.returnInterviews.offeredWithin72h),
      return_interview_percent: String(b.returnInterviews.percent),
    });
  });

  it('shows care episodes by missing type (M and A apart) under the Care setting', () => {
    const care = rows.filter((r) => r.breakdown === 'Missing from care: missing or away without authorisation');
    expect(care.map((r) => [r.setting, r.category])).toEqual([
      ['Care', 'Missing (M)'],
      ['Care', 'Away from placement without authorisation (A)'],
      ['Care', 'Missing type not stated'],
      ['Care', 'Total'],
    ]);
    const m = b.breakdowns.find((r) => r.dimension === 'care_missing_type' && r.category === 'Missing (M)')!;
    expect([care[0].children_count, care[0].episodes_started_count]).toEqual([String(m.children), String(m.episodes)]);
  });

  it('writes breakdowns with a Total category and the episodes they count', () => {
    const age = rows.filter((r) => r.breakdown === 'Age band and sex');
    expect(age.map((r) => r.category)).toContain('Total');
    expect(age.every((r) => r.setting === 'Total' && r.geographic_level === 'National')).toBe(true);
    const duration = rows.find((r) => r.breakdown === 'Duration band' && r.category === 'Total');
    expect(duration?.episodes_started_count).toBe('x');
    expect(duration?.episodes_ended_count).not.toBe('x');
    expect(rows.find((r) => r.breakdown === 'Risk grade' && r.category === 'High')).toBeDefined();
    expect(rows.find((r) => r.breakdown === 'Age band and sex' && r.category === 'Any age Sex not known')?.children_count).toBe('c');
  });

  it('marks provisional weeks p and revised figures r', () => {
    for (const r of rows) {
      if (b.provisionalWeeks.includes(r.week_commencing)) expect(r.revision_status).toBe('p');
    }
    const revised = b.revisions.find((v) => v.setting === 'HOME' && v.areaCode === 'E92000001');
    const row = rows.find((r) => r.week_commencing === revised?.weekCommencing && r.geographic_level === 'National' && r.setting === 'Home');
    expect(row?.revision_status).toBe('r');
    expect(rows.find((r) => r.week_commencing === revised?.weekCommencing && r.setting === 'During school')?.revision_status).toBe('');
  });

  it('labels ISO week 53 as Week 53 with its week_commencing, and ISO years across New Year', () => {
    const w53 = records(renderBulletinCsv(sampleBulletin({ weekCommencing: '2026-12-28' })).data);
    expect(w53.filter((r) => r.week_commencing === '2026-12-28').every((r) => r.time_period === '2026' && r.time_identifier === 'Week 53')).toBe(
      true,
    );
    const after = records(renderBulletinCsv(sampleBulletin({ weekCommencing: '2027-01-04' })).data);
    expect(after.find((r) => r.week_commencing === '2026-12-28')?.time_identifier).toBe('Week 53');
    expect(after.find((r) => r.week_commencing === '2027-01-04')).toMatchObject({ time_period: '2027', time_identifier: 'Week 1' });
    // ISO year, not calendar year: the week commencing 2024-12-30 is 2025 Week 1.
    const midYear = records(renderBulletinCsv(sampleBulletin({ weekCommencing: '2025-06-02' })).data);
    expect(midYear.find((r) => r.week_commencing === '2024-12-30')).toMatchObject({ time_period: '2025', time_identifier: 'Week 1' });
    expect(midYear.find((r) => r.week_commencing === '2024-12-23')).toMatchObject({ time_period: '2024', time_identifier: 'Week 52' });
  });

  it('lists every filter and indicator column in the meta file', () => {
    const metaRows = records(meta);
    expect(parseCsv(meta)[0]).toEqual([
      'col_name',
      'col_type',
      'label',
      'indicator_grouping',
      'indicator_unit',
      'indicator_dp',
      'filter_hint',
      'filter_grouping_column',
    ]);
    const listed = metaRows.map((m) => m.col_name);
    expect(new Set(listed).size).toBe(listed.length);
    const observational = new Set<string>(TIME_GEOGRAPHY_COLUMNS);
    expect(listed.sort()).toEqual(parsed[0].filter((c) => !observational.has(c)).sort());
    for (const m of metaRows) {
      expect(['Filter', 'Indicator']).toContain(m.col_type);
      expect(m.label).not.toBe('');
      if (m.col_type === 'Indicator') {
        expect(m.indicator_dp).toMatch(/^\d$/);
        expect(['', '%', 'pp']).toContain(m.indicator_unit);
        expect(m.col_name.endsWith('_percent') ? '%' : '').toBe(m.indicator_unit);
      } else {
        expect(m.indicator_dp).toBe('');
        if (m.filter_grouping_column) expect(listed).toContain(m.filter_grouping_column);
      }
    }
    expect(meta).toContain('"Children going missing per 10,000 children"');
  });

  it('quotes fields per RFC 4180 so that any text round-trips', () => {
    const awkward = ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', '', "it's"];
    expect(
      parseCsv(
        toCsv(
          ['v'],
          awkward.map((a) => [a]),
        ),
      ),
    ).toEqual([['v'], ...awkward.map((a) => [a])]);
    const named: Bulletin = { ...b, areas: b.areas.map((a) => (a.code === 'E06000008' ? { ...a, name: 'Blackburn "with", Darwen' } : a)) };
    expect(records(renderBulletinCsv(named).data).find((r) => r.new_la_code === 'E06000008')?.la_name).toBe('Blackburn "with", Darwen');
  });

  it('refuses a non-finite number rather than writing NaN', () => {
    const broken: Bulletin = { ...b, areas: b.areas.map((a, i) => (i === 0 ? { ...a, children: Number.NaN } : a)) };
    expect(() => renderBulletinCsv(broken)).toThrow(/finite/);
  });
});
