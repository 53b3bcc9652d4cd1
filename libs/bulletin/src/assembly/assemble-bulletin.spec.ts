import { mkdtempSync, copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { perturb } from '@mcm/disclosure';
import { defaultReferenceDir, ReferenceData } from '@mcm/shared';
import { assembleBulletin, BulletinContent, BulletinInputs } from './assemble-bulletin';
import { IncidenceFigures } from './figures';
import { publishedCells } from './published-cells';

function referenceWithPopulation(): ReferenceData {
  const dir = mkdtempSync(join(tmpdir(), 'mcm-reference-'));
  for (const file of readdirSync(defaultReferenceDir())) copyFileSync(join(defaultReferenceDir(), file), join(dir, file));
  const las = [...ReferenceData.load(dir).localAuthorities.keys()];
  writeFileSync(join(dir, 'child_population.csv'), `new_la_code,population_0_17\n${las.map((la) => `${la},50000`).join('\n')}\n`);
  return ReferenceData.load(dir);
}

const keyed = (setting: string, area: string, children: number, started: number, ended: number, open: number, seed: number): IncidenceFigures => ({
  setting,
  area,
  children,
  started,
  ended,
  open,
  childrenKey: (seed * 2654435761) % 2 ** 32,
  startedKey: (seed * 40503 + 7) % 2 ** 32,
  endedKey: (seed * 97 + 3_000_000_000) % 2 ** 32,
  openKey: (seed * 1_234_567) % 2 ** 32,
});

const CELLS = [
  keyed('ALL', 'ALL', 30, 31, 20, 5, 1),
  keyed('HOME', 'ALL', 28, 29, 17, 4, 2),
  keyed('ALL', 'E12000007', 28, 29, 18, 5, 3),
  keyed('HOME', 'E09000033', 25, 26, 15, 4, 4),
  keyed('ALL', 'E09000033', 25, 26, 15, 4, 5),
  keyed('HOME', 'E09000001', 3, 3, 3, 1, 6),
  keyed('ALL', 'E09000001', 3, 3, 3, 1, 7),
];

const inputs = (reference: ReferenceData, extra: Partial<BulletinInputs> = {}): BulletinInputs => ({
  weekStart: '2026-11-16',
  incidence: new Map([['2026-11-16', CELLS]]),
  sameWeekLastYear: '2025-11-17',
  breakdowns: [],
  revisions: [],
  agencies: [],
  reference,
  silentDaysFlag: 14,
  methodologyUrl: '/m',
  contact: 'team',
  // Weeks up to 2026-11-02 complete; the last two not yet (an agency has not reported past them).
  completeness: (week) => (week <= '2026-11-02' ? 'complete' : 'provisional'),
  horizonWeek: '2026-11-16',
  ...extra,
});

/** Every count the bulletin publishes, with where it is. */
function counts(b: BulletinContent): [string, number][] {
  const out: [string, number][] = [];
  for (const a of b.areas)
    for (const m of ['children', 'episodesStarted', 'episodesEnded', 'openAtWeekEnd'] as const)
      out.push([`${a.code} ${a.setting} ${m}`, a[m] as number]);
  for (const h of b.headline)
    out.push(
      [`headline ${h.setting}`, h.children],
      [`headline ${h.setting} episodes`, h.episodes],
      [`previous ${h.setting}`, h.previousWeek.children],
    );
  for (const t of b.trend) out.push([`trend ${t.weekCommencing}`, t.children], [`trend ${t.weekCommencing} episodes`, t.episodes]);
  for (const r of b.breakdowns)
    out.push([`${r.dimension} ${r.category}`, r.children as number], [`${r.dimension} ${r.category} episodes`, r.episodes as number]);
  for (const r of b.revisions) out.push([`revision ${r.areaCode}`, r.previouslyPublished], [`revision ${r.areaCode} now`, r.published]);
  for (const c of b.completeness)
    out.push([`completeness ${c.agencyType} ${c.regionCode}`, c.eventsThisWeek], [`usual ${c.agencyType} ${c.regionCode}`, c.usualWeeklyEvents]);
  return out;
}

describe('assembleBulletin', () => {
  it('publishes every cell, England and totals included, as perturb(true value, its cell key), and nothing as "c"', () => {
    const b = assembleBulletin(inputs(ReferenceData.load()));
    const row = (code: string, setting: string) => b.areas.find((a) => a.code === code && a.setting === setting)!;
    for (const cell of CELLS) {
      const code = cell.area === 'ALL' ? 'E92000001' : cell.area;
      expect(row(code, cell.setting)).toMatchObject({
        children: perturb(cell.children, cell.childrenKey),
        episodesStarted: perturb(cell.started, cell.startedKey),
        episodesEnded: perturb(cell.ended, cell.endedKey),
        openAtWeekEnd: perturb(cell.open, cell.openKey),
      });
    }
    expect(b.headline.find((h) => h.setting === 'ALL')).toMatchObject({
      children: perturb(30, CELLS[0].childrenKey),
      episodes: perturb(31, CELLS[0].startedKey),
    });
    expect(JSON.stringify(b)).not.toContain('"c"');
    expect(b.disclosure).toMatchObject({ method: 'Cell-key perturbation', ptable: 'mcm-ptable-v1' });
  });

  it('never publishes a count from 1 to 4, in any table', () => {
    const b = assembleBulletin(
      inputs(ReferenceData.load(), {
        breakdowns: [{ dimension: 'risk_grade', category: 'HIGH', children: 2, episodes: 3, childrenKey: 123, episodesKey: 4_000_000_000 }],
        revisions: [
          {
            weekStart: '2026-11-02',
            setting: 'ALL',
            area: 'E12000001',
            dimension: '',
            category: '',
            measure: 'children',
            value: 3,
            key: 3_999_999_999,
            previouslyPublished: 0,
            changedAt: new Date('2026-11-20T14:05:00Z'),
            reason: 'late event',
          },
        ],
        agencies: [
          {
            agencyCode: 'E23000007',
            agencyType: 'POLICE',
            lastReportedAt: new Date('2026-11-21T14:05:00Z'),
            eventsThisWeek: 3,
            eventsBefore: 9,
            weeksBefore: 8,
            lagHours: 2,
            eventsToDate: 40,
            lagHoursSum: 80,
            impliedReturnsThisWeek: 0,
            impliedReturnsToDate: 0,
          },
        ],
      }),
    );
    const small = counts(b).filter(([, v]) => v >= 1 && v <= 4);
    expect(small).toEqual([]);
  });

  it('lists a revised cell with the value published before and the value published now, both perturbed; never one whose published value is unchanged', () => {
    const now = perturb(12, 987_654_321);
    const b = assembleBulletin(
      inputs(ReferenceData.load(), {
        revisions: [
          {
            weekStart: '2026-11-02',
            setting: 'ALL',
            area: 'E12000001',
            dimension: '',
            category: '',
            measure: 'children',
            value: 12,
            key: 987_654_321,
            previouslyPublished: now + 1,
            changedAt: new Date('2026-11-20T14:05:00Z'),
            reason: 'late event',
          },
          {
            weekStart: '2026-11-02',
            setting: 'ALL',
            area: 'ALL',
            dimension: '',
            category: '',
            measure: 'episodes_started',
            value: 40,
            key: 5,
            previouslyPublished: perturb(40, 5),
            changedAt: new Date('2026-11-20T14:05:00Z'),
            reason: 'late event',
          },
        ],
      }),
    );
    expect(b.revisions).toEqual([
      {
        weekCommencing: '2026-11-02',
        week: '2026-W45',
        setting: 'ALL',
        areaCode: 'E12000001',
        measure: 'children',
        previouslyPublished: now + 1,
        published: now,
        revisedOn: '2026-11-20',
        reason: 'late event',
      },
    ]);
  });

  it('groups completeness by agency type and region, never one agency, counts rounded to 10 and dates to the day', () => {
    const b = assembleBulletin(
      inputs(ReferenceData.load(), {
        agencies: [
          {
            agencyCode: 'E23000007',
            agencyType: 'POLICE',
            lastReportedAt: new Date('2026-11-21T14:05:00Z'),
            eventsThisWeek: 13,
            eventsBefore: 80,
            weeksBefore: 8,
            lagHours: 2,
            eventsToDate: 40,
            lagHoursSum: 80,
            impliedReturnsThisWeek: 0,
            impliedReturnsToDate: 0,
          },
          {
            agencyCode: 'E23000008',
            agencyType: 'POLICE',
            lastReportedAt: new Date('2026-11-19T09:00:00Z'),
            eventsThisWeek: 3,
            eventsBefore: 8,
            weeksBefore: 8,
            lagHours: 2,
            eventsToDate: 10,
            lagHoursSum: 30,
            impliedReturnsThisWeek: 0,
            impliedReturnsToDate: 0,
          },
          {
            agencyCode: 'E06000001',
            agencyType: 'LOCAL_AUTHORITY',
            lastReportedAt: null,
            eventsThisWeek: 0,
            eventsBefore: 0,
            weeksBefore: 8,
            lagHours: null,
            eventsToDate: 0,
            lagHoursSum: 0,
            impliedReturnsThisWeek: 0,
            impliedReturnsToDate: 0,
          },
          {
            agencyCode: '140321',
            agencyType: 'SCHOOL',
            lastReportedAt: new Date('2026-11-18T09:00:00Z'),
            eventsThisWeek: 2,
            eventsBefore: 1,
            weeksBefore: 8,
            lagHours: 1,
            eventsToDate: 3,
            lagHoursSum: 3,
            impliedReturnsThisWeek: 0,
            impliedReturnsToDate: 0,
          },
        ],
      }),
    );
    expect(b.completeness).toEqual([
      {
        agencyType: 'LOCAL_AUTHORITY',
        regionCode: 'E12000001',
        regionName: 'North East',
        eventsThisWeek: 0,
        usualWeeklyEvents: 0,
        meanLagHours: null,
        lastEventOn: null,
        silentDays: null,
        flagged: true,
      },
      {
        agencyType: 'POLICE',
        regionCode: 'E12000001',
        regionName: 'North East',
        eventsThisWeek: 20,
        usualWeeklyEvents: 10,
        meanLagHours: 2,
        lastEventOn: '2026-11-21',
        silentDays: 1,
        flagged: false,
      },
      {
        agencyType: 'SCHOOL',
        regionCode: 'x',
        regionName: 'Not available',
        eventsThisWeek: 0,
        usualWeeklyEvents: 0,
        meanLagHours: 1,
        lastEventOn: '2026-11-18',
        silentDays: 4,
        flagged: false,
      },
    ]);
    expect(JSON.stringify(b.completeness)).not.toMatch(/E23000007|140321|T\d\d:/);
  });

  it('gives rates per 10,000 children from the published count where a population table is loaded, and none without', () => {
    const b = assembleBulletin(inputs(referenceWithPopulation()));
    const row = (code: string) => b.areas.find((a) => a.code === code && a.setting === 'ALL')!;
    expect(row('E92000001').ratePer10000).toBe(Math.round((perturb(30, CELLS[0].childrenKey) / (50000 * 153)) * 100_000) / 10);
    expect(row('E09000001').ratePer10000).toBe(Math.round(((row('E09000001').children as number) / 50000) * 100_000) / 10);
    expect(assembleBulletin(inputs(ReferenceData.load())).areas.every((a) => a.ratePer10000 === undefined)).toBe(true);
  });

  it('lists revised breakdown cells and LA cells too, naming the breakdown', () => {
    const b = assembleBulletin(
      inputs(ReferenceData.load(), {
        revisions: [
          {
            weekStart: '2026-11-02',
            setting: 'ALL',
            area: 'ALL',
            dimension: 'risk_grade',
            category: 'HIGH',
            measure: 'children',
            value: 12,
            key: 7,
            previouslyPublished: perturb(12, 7) + 3,
            changedAt: new Date('2026-11-20T14:05:00Z'),
            reason: 'correction',
          },
          {
            weekStart: '2026-11-02',
            setting: 'CARE',
            area: 'E09000033',
            dimension: '',
            category: '',
            measure: 'episodes_ended',
            value: 9,
            key: 11,
            previouslyPublished: perturb(9, 11) - 3,
            changedAt: new Date('2026-11-20T14:05:00Z'),
            reason: 'late event',
          },
        ],
      }),
    );
    expect(b.revisions).toEqual([
      expect.objectContaining({ areaCode: 'E92000001', dimension: 'risk_grade', category: 'HIGH', measure: 'children', published: perturb(12, 7) }),
      expect.objectContaining({ areaCode: 'E09000033', setting: 'CARE', measure: 'episodes_ended', published: perturb(9, 11) }),
    ]);
    expect(b.revisions[1]).not.toHaveProperty('dimension');
  });

  it('marks the trend weeks not yet complete p, and publishes "open at week end" as x beyond the data\'s horizon, never 0', () => {
    const b = assembleBulletin(inputs(ReferenceData.load()));
    expect(b.provisionalWeeks).toEqual(['2026-11-09', '2026-11-16']);
    expect(b.areas.every((a) => typeof a.openAtWeekEnd === 'number')).toBe(true);
    const beyond = assembleBulletin(inputs(ReferenceData.load(), { horizonWeek: '2026-11-09' }));
    expect(beyond.areas.every((a) => a.openAtWeekEnd === 'x')).toBe(true);
    expect(assembleBulletin(inputs(ReferenceData.load(), { horizonWeek: null })).areas.every((a) => a.openAtWeekEnd === 'x')).toBe(true);
  });

  it('records every published cell with its published and true values, final only for complete weeks', () => {
    const input = inputs(ReferenceData.load(), {
      incidence: new Map([
        ['2026-11-16', CELLS],
        ['2026-10-26', [keyed('ALL', 'ALL', 40, 41, 30, 9, 9)]],
      ]),
      breakdowns: [{ dimension: 'risk_grade', category: 'HIGH', children: 9, episodes: 10, childrenKey: 5, episodesKey: 6 }],
    });
    const b = assembleBulletin(input);
    const cells = publishedCells(input, b);
    const find = (week: string, area: string, setting: string, dimension: string, measure: string) =>
      cells.find((c) => c.weekStart === week && c.area === area && c.setting === setting && c.dimension === dimension && c.measure === measure);
    expect(find('2026-11-16', 'E09000033', 'HOME', '', 'episodes_ended')).toEqual(
      expect.objectContaining({ value: perturb(15, CELLS[3].endedKey), exact: 15, final: false }),
    );
    expect(find('2026-10-26', 'ALL', 'ALL', '', 'children')).toEqual(
      expect.objectContaining({ value: perturb(40, keyed('ALL', 'ALL', 40, 41, 30, 9, 9).childrenKey), exact: 40, final: true }),
    );
    expect(find('2026-11-16', 'ALL', 'ALL', 'risk_grade', 'episodes')).toEqual(
      expect.objectContaining({ category: 'HIGH', value: perturb(10, 6), exact: 10 }),
    );
    // Every area row's four measures, the trend's 52 weeks x 4 settings x 2 measures, the breakdown's 2.
    expect(cells.filter((c) => c.dimension === '' && c.weekStart === '2026-11-16' && c.area !== 'ALL').length).toBe(
      b.areas.filter((a) => a.level !== 'National').length * 4,
    );
  });
});
