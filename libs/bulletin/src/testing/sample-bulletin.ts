import { addWeeks, isoWeekLabel, mulberry32, weekEndInstant } from '@mcm/shared';
import { AreaRow, BreakdownRow, Bulletin, CompletenessNote, HeadlineRow, Published, Revision, SettingKey, TrendPoint } from '../bulletin.model';

export interface SampleOptions {
  /** Week commencing of the bulletin (a Monday); '2026-12-28' gives a Week 53 bulletin. */
  weekCommencing?: string;
  revision?: number;
}

type Counts = { children: number; episodes: number };
const SETTINGS_BY_SOURCE: SettingKey[] = ['HOME', 'CARE', 'EDUCATION'];

/** Weekly children, episodes per child, share of episodes open at week end. Sized from docs/domain.md. */
const BASE: Record<Exclude<SettingKey, 'ALL'>, { children: number; episodesPerChild: number; openShare: number }> = {
  HOME: { children: 2150, episodesPerChild: 1.24, openShare: 0.09 },
  CARE: { children: 760, episodesPerChild: 2.05, openShare: 0.21 },
  EDUCATION: { children: 640, episodesPerChild: 1.02, openShare: 1.6 },
};

/** Children going missing from more than one setting in a week are counted once in ALL. */
const OVERLAP = 0.94;

const REGIONS = [
  { code: 'E12000001', name: 'North East', share: 0.058, population: 520_000 },
  { code: 'E12000002', name: 'North West', share: 0.142, population: 1_560_000 },
  { code: 'E12000003', name: 'Yorkshire and The Humber', share: 0.104, population: 1_180_000 },
  { code: 'E12000004', name: 'East Midlands', share: 0.083, population: 1_010_000 },
  { code: 'E12000005', name: 'West Midlands', share: 0.113, population: 1_300_000 },
  { code: 'E12000006', name: 'East of England', share: 0.1, population: 1_330_000 },
  { code: 'E12000007', name: 'London', share: 0.156, population: 1_990_000 },
  { code: 'E12000008', name: 'South East', share: 0.151, population: 1_950_000 },
  { code: 'E12000009', name: 'South West', share: 0.088, population: 1_100_000 },
];

/** A few real children's services authorities per region (a subset: the sample is not complete). */
const LAS = [
  { code: 'E08000021', old: '391', name: 'Newcastle upon Tyne', region: 'E12000001', population: 60_000 },
  { code: 'E08000024', old: '394', name: 'Sunderland', region: 'E12000001', population: 56_000 },
  { code: 'E06000057', old: '929', name: 'Northumberland', region: 'E12000001', population: 61_000 },
  { code: 'E08000003', old: '352', name: 'Manchester', region: 'E12000002', population: 130_000 },
  { code: 'E10000017', old: '888', name: 'Lancashire', region: 'E12000002', population: 260_000 },
  { code: 'E06000008', old: '889', name: 'Blackburn with Darwen', region: 'E12000002', population: 42_000 },
  { code: 'E06000010', old: '810', name: 'Kingston upon Hull, City of', region: 'E12000003', population: 58_000 },
  { code: 'E08000035', old: '383', name: 'Leeds', region: 'E12000003', population: 175_000 },
  { code: 'E08000039', old: '373', name: 'Sheffield', region: 'E12000003', population: 120_000 },
  { code: 'E06000015', old: '831', name: 'Derby', region: 'E12000004', population: 58_000 },
  { code: 'E10000024', old: '891', name: 'Nottinghamshire', region: 'E12000004', population: 165_000 },
  { code: 'E06000017', old: '857', name: 'Rutland', region: 'E12000004', population: 7_500 },
  { code: 'E08000025', old: '330', name: 'Birmingham', region: 'E12000005', population: 290_000 },
  { code: 'E08000028', old: '333', name: 'Sandwell', region: 'E12000005', population: 82_000 },
  { code: 'E06000019', old: '884', name: 'Herefordshire, County of', region: 'E12000005', population: 34_000 },
  { code: 'E10000012', old: '881', name: 'Essex', region: 'E12000006', population: 320_000 },
  { code: 'E06000032', old: '821', name: 'Luton', region: 'E12000006', population: 60_000 },
  { code: 'E09000001', old: '201', name: 'City of London', region: 'E12000007', population: 1_100 },
  { code: 'E09000008', old: '306', name: 'Croydon', region: 'E12000007', population: 95_000 },
  { code: 'E09000030', old: '211', name: 'Tower Hamlets', region: 'E12000007', population: 72_000 },
  { code: 'E10000016', old: '886', name: 'Kent', region: 'E12000008', population: 350_000 },
  { code: 'E06000043', old: '846', name: 'Brighton and Hove', region: 'E12000008', population: 50_000 },
  { code: 'E06000023', old: '801', name: 'Bristol, City of', region: 'E12000009', population: 98_000 },
  { code: 'E06000052', old: '908', name: 'Cornwall', region: 'E12000009', population: 105_000 },
  { code: 'E06000053', old: '420', name: 'Isles of Scilly', region: 'E12000009', population: 350 },
];
const CHILD_POPULATION = 12_040_000;

/**
 * A realistic, deterministic bulletin for specs and demos: 52 weeks of trend with seasonality,
 * regions and a subset of local authorities with suppressed ('c') and unavailable ('x') cells,
 * breakdowns, revisions (a late event and a linkage merge) and flagged agencies.
 */
export function sampleBulletin(options: SampleOptions = {}): Bulletin {
  const weekCommencing = options.weekCommencing ?? '2026-11-16';
  const revision = options.revision ?? 0;
  const random = mulberry32(hash(weekCommencing) ^ 0x5eed);

  // 53 weeks: index 0 is the same week a year earlier, 1..52 the trend, 52 this week.
  const weeks = Array.from({ length: 53 }, (_, i) => addWeeks(weekCommencing, i - 52));
  const series = new Map<SettingKey, Counts[]>();
  for (const setting of SETTINGS_BY_SOURCE) {
    const base = BASE[setting as Exclude<SettingKey, 'ALL'>];
    series.set(
      setting,
      weeks.map((w, i) => {
        const children = Math.round(base.children * seasonal(setting, w) * (0.96 + i * 0.0009) * (1 + (random() - 0.5) * 0.07));
        return { children, episodes: Math.round(children * base.episodesPerChild * (1 + (random() - 0.5) * 0.04)) };
      }),
    );
  }
  series.set(
    'ALL',
    weeks.map((_, i) => {
      const parts = SETTINGS_BY_SOURCE.map((s) => (series.get(s) as Counts[])[i]);
      return {
        children: Math.round(parts.reduce((sum, p) => sum + p.children, 0) * OVERLAP),
        episodes: parts.reduce((sum, p) => sum + p.episodes, 0),
      };
    }),
  );
  const at = (setting: SettingKey, i: number) => (series.get(setting) as Counts[])[i];

  const trend: TrendPoint[] = [];
  for (let i = 1; i < weeks.length; i++) {
    for (const setting of ['ALL', ...SETTINGS_BY_SOURCE] as SettingKey[]) {
      trend.push({ weekCommencing: weeks[i], week: isoWeekLabel(weeks[i]), setting, ...at(setting, i) });
    }
  }

  const current = 52;
  const headline: HeadlineRow[] = (['ALL', ...SETTINGS_BY_SOURCE] as SettingKey[]).map((setting) => {
    const lastFour = [48, 49, 50, 51].map((i) => at(setting, i));
    return {
      setting,
      ...at(setting, current),
      previousWeek: at(setting, current - 1),
      fourWeekAverage: {
        children: lastFour.reduce((s, c) => s + c.children, 0) / 4,
        episodes: lastFour.reduce((s, c) => s + c.episodes, 0) / 4,
      },
      // Education records start 52 weeks ago: nothing to compare with a year earlier.
      sameWeekLastYear: setting === 'EDUCATION' ? null : at(setting, 0),
    };
  });

  const areas = sampleAreas(headline, random);
  const nationalAll = areas.find((a) => a.level === 'National' && a.setting === 'ALL') as AreaRow;
  const allNow = at('ALL', current);

  const repeatChildren = Math.round(allNow.children * 0.31);
  const episodesEnded = nationalAll.episodesEnded as number;
  const offered = Math.round(episodesEnded * 0.64);

  const revisions: Revision[] = [
    revisionOf(weeks[44], 'CARE', 'E12000007', 'children', 212, 215, `${addWeeks(weekCommencing, 1)}T06:02:11Z`, 'late event'),
    revisionOf(weeks[44], 'CARE', 'E12000007', 'episodes_started', 431, 436, `${addWeeks(weekCommencing, 1)}T06:02:11Z`, 'late event'),
    revisionOf(
      weeks[40],
      'HOME',
      'E92000001',
      'children',
      at('HOME', 40).children + 3,
      at('HOME', 40).children,
      `${addWeeks(weekCommencing, 1)}T06:02:11Z`,
      'linkage merge',
    ),
    revisionOf(
      weeks[40],
      'ALL',
      'E92000001',
      'children',
      at('ALL', 40).children + 3,
      at('ALL', 40).children,
      `${addWeeks(weekCommencing, 1)}T06:02:11Z`,
      'linkage merge',
    ),
  ];

  const publishedAt = new Date(weekEndInstant(weekCommencing).getTime() + (revision > 0 ? 2 * 86_400_000 + 11.5 : 9.5) * 3_600_000);
  const nextReleaseAt = new Date(weekEndInstant(addWeeks(weekCommencing, 1)).getTime() + 9.5 * 3_600_000);

  return {
    week: isoWeekLabel(weekCommencing),
    weekCommencing,
    revision,
    releaseStatus: revision > 0 ? 'revised' : 'final',
    publishedAt: publishedAt.toISOString(),
    nextReleaseAt: nextReleaseAt.toISOString(),
    status: 'Official statistics in development',
    methodologyUrl: '/docs/STATISTICS.md',
    contact: 'Missing Children Statistics team: missing.children.statistics@example.gov.uk',
    disclosure: SAMPLE_DISCLOSURE,
    headline,
    areas,
    breakdowns: sampleBreakdowns(allNow, episodesEnded, random),
    repeatMissing: { children: allNow.children, repeatChildren, percent: round1((100 * repeatChildren) / allNow.children) },
    returnInterviews: { episodesEnded, offeredWithin72h: offered, percent: round1((100 * offered) / episodesEnded) },
    revisions,
    completeness: sampleCompleteness(weekCommencing),
    trend,
    provisionalWeeks: weeks.slice(-4),
  };
}

function sampleAreas(headline: HeadlineRow[], random: () => number): AreaRow[] {
  const rows: AreaRow[] = [];
  const measures = (setting: SettingKey, children: number, episodes: number) => {
    const openShare = setting === 'ALL' ? 0.35 : BASE[setting].openShare;
    return {
      children,
      episodesStarted: episodes,
      episodesEnded: Math.round(episodes * (0.95 + random() * 0.05)),
      openAtWeekEnd: Math.round(episodes * openShare * (0.9 + random() * 0.2)),
    };
  };
  for (const h of headline) {
    rows.push({
      level: 'National',
      code: 'E92000001',
      name: 'England',
      setting: h.setting,
      ...measures(h.setting, h.children, h.episodes),
      ...(h.setting === 'ALL' ? { ratePer10000: round1((10_000 * h.children) / CHILD_POPULATION) } : {}),
    });
  }
  for (const region of REGIONS) {
    for (const h of headline) {
      const noise = 0.92 + random() * 0.16;
      const children = Math.round(h.children * region.share * noise);
      const episodes = Math.round(h.episodes * region.share * noise * (0.97 + random() * 0.06));
      rows.push({
        level: 'Regional',
        code: region.code,
        name: region.name,
        setting: h.setting,
        ...measures(h.setting, children, episodes),
        ...(h.setting === 'ALL' ? { ratePer10000: round1((10_000 * children) / region.population) } : {}),
      });
    }
  }
  for (const la of LAS) {
    const region = REGIONS.find((r) => r.code === la.region) as (typeof REGIONS)[number];
    const cells = headline.map((h) => {
      const regionRow = rows.find((r) => r.level === 'Regional' && r.code === region.code && r.setting === h.setting) as AreaRow;
      const share = (la.population / region.population) * (0.8 + random() * 0.4);
      const children = Math.round((regionRow.children as number) * share);
      return { setting: h.setting, ...measures(h.setting, children, Math.round(children * (h.episodes / h.children))) };
    });
    const suppressed = suppress(cells);
    for (const cell of suppressed) {
      rows.push({
        level: 'Local authority',
        code: la.code,
        name: la.name,
        regionCode: region.code,
        regionName: region.name,
        oldLaCode: la.old,
        ...cell,
        // Herefordshire's child population estimate is not available this week: rate 'x'.
        ...(cell.setting === 'ALL'
          ? {
              ratePer10000:
                la.code === 'E06000019'
                  ? ('x' as const)
                  : typeof cell.children === 'number'
                    ? round1((10_000 * cell.children) / la.population)
                    : ('c' as const),
            }
          : {}),
      });
    }
  }
  return rows;
}

type Cell = { setting: SettingKey; children: Published; episodesStarted: Published; episodesEnded: Published; openAtWeekEnd: Published };

/**
 * Primary suppression of counts 1-4 as 'c', then secondary suppression: if a single setting of
 * an LA is suppressed, the next smallest setting is too, so the first cannot be recovered.
 */
function suppress(cells: { setting: SettingKey; children: number; episodesStarted: number; episodesEnded: number; openAtWeekEnd: number }[]): Cell[] {
  const measures = ['children', 'episodesStarted', 'episodesEnded', 'openAtWeekEnd'] as const;
  const out: Cell[] = cells.map((c) => ({ ...c }));
  for (const m of measures) {
    const parts = out.filter((c) => c.setting !== 'ALL');
    for (const c of out) if (typeof c[m] === 'number' && (c[m] as number) > 0 && (c[m] as number) < 5) c[m] = 'c';
    const hidden = parts.filter((c) => c[m] === 'c');
    if (hidden.length === 1) {
      const next = parts.filter((c) => typeof c[m] === 'number').sort((a, b) => (a[m] as number) - (b[m] as number))[0];
      if (next) next[m] = 'c';
    }
  }
  return out;
}

function sampleBreakdowns(all: Counts, episodesEnded: number, random: () => number): BreakdownRow[] {
  const rows: BreakdownRow[] = [];
  const add = (dimension: BreakdownRow['dimension'], shares: [string, number][], totalChildren: number, totalEpisodes: number) => {
    const items = shares.map(([category, share]) => {
      const noise = 0.95 + random() * 0.1;
      const children = Math.round(totalChildren * share * noise);
      return { dimension, category, children, episodes: Math.max(children, Math.round(totalEpisodes * share * noise)) };
    });
    const small = (v: number) => v > 0 && v < 5;
    const hidden = items.filter((r) => small(r.children) || small(r.episodes));
    // Secondary suppression: one hidden category could be recovered from the Total.
    const secondary = hidden.length === 1 ? items.filter((r) => !hidden.includes(r)).sort((a, b) => a.children - b.children)[0] : undefined;
    for (const r of items) {
      const hide = hidden.includes(r) || r === secondary;
      rows.push({ dimension, category: r.category, children: hide ? 'c' : r.children, episodes: hide ? 'c' : r.episodes });
    }
    rows.push({ dimension, category: 'Total', children: totalChildren, episodes: totalEpisodes });
  };
  add(
    'age_band_sex',
    [
      ['Under 10 Female', 0.021],
      ['Under 10 Male', 0.027],
      ['10-15 Female', 0.281],
      ['10-15 Male', 0.236],
      ['16-17 Female', 0.224],
      ['16-17 Male', 0.2095],
      ['Any age Sex not known', 0.0008],
    ],
    all.children,
    all.episodes,
  );
  add(
    'ethnicity_group',
    [
      ['White', 0.676],
      ['Mixed', 0.093],
      ['Asian', 0.071],
      ['Black', 0.104],
      ['Other', 0.028],
      ['Not known', 0.028],
    ],
    all.children,
    all.episodes,
  );
  add(
    'risk_grade',
    [
      ['NO_APPARENT_RISK', 0.17],
      ['LOW', 0.33],
      ['MEDIUM', 0.31],
      ['HIGH', 0.064],
      ['NOT_GRADED', 0.126],
    ],
    all.children,
    all.episodes,
  );
  const endedChildren = Math.round(episodesEnded / 1.3);
  add(
    'duration_band',
    [
      ['Under 24 hours', 0.77],
      ['1 to 7 days', 0.208],
      ['Over 7 days', 0.022],
    ],
    endedChildren,
    episodesEnded,
  );
  // CARE episodes only (a share of all), by SSDA903 missing type.
  add(
    'care_missing_type',
    [
      ['Missing (M)', 0.62],
      ['Away from placement without authorisation (A)', 0.35],
      ['Missing type not stated', 0.03],
    ],
    Math.round(all.children * 0.3),
    Math.round(all.episodes * 0.45),
  );
  return rows;
}

/** What the aggregator's assembly says about the method (apps/aggregator's BULLETIN_DISCLOSURE). */
export const SAMPLE_DISCLOSURE = {
  method: 'Cell-key perturbation',
  ptable: 'mcm-ptable-v1',
  statement:
    'Figures are changed by a small random amount, up to 2 either way, and counts of 1 to 4 are shown as 0 or 5, so that no child can be identified; the same figure is always shown the same way.',
};

function sampleCompleteness(weekCommencing: string): CompletenessNote[] {
  const day = (offsetDays: number) => shiftDate(weekCommencing, offsetDays);
  return [
    {
      agencyType: 'POLICE',
      regionCode: 'E12000007',
      regionName: 'London',
      eventsThisWeek: 1290,
      usualWeeklyEvents: 1320,
      meanLagHours: 2,
      lastEventOn: day(6),
      silentDays: 0,
      flagged: false,
    },
    {
      agencyType: 'POLICE',
      regionCode: 'E12000002',
      regionName: 'North West',
      eventsThisWeek: 100,
      usualWeeklyEvents: 230,
      meanLagHours: 3,
      lastEventOn: day(2),
      silentDays: 4,
      flagged: true,
    },
    {
      agencyType: 'POLICE',
      regionCode: 'E12000009',
      regionName: 'South West',
      eventsThisWeek: 170,
      usualWeeklyEvents: 180,
      meanLagHours: 2,
      lastEventOn: day(6),
      silentDays: 0,
      flagged: false,
    },
    {
      agencyType: 'LOCAL_AUTHORITY',
      regionCode: 'E12000005',
      regionName: 'West Midlands',
      eventsThisWeek: 140,
      usualWeeklyEvents: 150,
      meanLagHours: 27,
      lastEventOn: day(6),
      silentDays: 0,
      flagged: false,
    },
    {
      agencyType: 'LOCAL_AUTHORITY',
      regionCode: 'E12000001',
      regionName: 'North East',
      eventsThisWeek: 20,
      usualWeeklyEvents: 40,
      meanLagHours: 71,
      lastEventOn: day(4),
      silentDays: 2,
      flagged: false,
    },
    {
      agencyType: 'SCHOOL',
      regionCode: 'x',
      regionName: 'Not available',
      eventsThisWeek: 0,
      usualWeeklyEvents: 0,
      meanLagHours: null,
      lastEventOn: null,
      silentDays: null,
      flagged: true,
    },
  ];
}

function revisionOf(
  weekCommencing: string,
  setting: SettingKey,
  areaCode: string,
  measure: string,
  previouslyPublished: number,
  published: number,
  changedAt: string,
  reason: string,
): Revision {
  return {
    weekCommencing,
    week: isoWeekLabel(weekCommencing),
    setting,
    areaCode,
    measure,
    previouslyPublished,
    published,
    revisedOn: changedAt.slice(0, 10),
    reason,
  };
}

/** Seasonality: more children missing from home in summer, fewer missing during school in school holidays. */
function seasonal(setting: SettingKey, weekCommencing: string): number {
  const month = Number(weekCommencing.slice(5, 7));
  const dayOfYear = (Date.parse(`${weekCommencing}T00:00:00Z`) - Date.parse(`${weekCommencing.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000;
  const summer = Math.cos(((dayOfYear - 196) / 365) * 2 * Math.PI); // peaks mid-July
  if (setting === 'EDUCATION') {
    if (month === 8) return 0.35;
    if (weekCommencing.slice(5) >= '12-21' || weekCommencing.slice(5) <= '01-03') return 0.5;
    return 1.05;
  }
  return setting === 'HOME' ? 1 + 0.12 * summer : 1 + 0.06 * summer;
}

function shiftDate(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
