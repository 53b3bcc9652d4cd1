import { AreaRow, Bulletin, Published, SettingKey } from '../bulletin.model';
import { assertFinite, parseWeekLabel, roundTo } from '../format';
import {
  categoryLabel,
  DIMENSION_EPISODES,
  DIMENSION_LABEL,
  DIMENSION_SETTING,
  DIMENSIONS,
  ENGLAND,
  isEnglandCode,
  SETTING_LABEL,
  SETTINGS,
} from '../labels';
import { isoWeekLabel } from '@mcm/shared';
import { DATA_COLUMNS, FILTER_COLUMNS, INDICATOR_COLUMNS, IndicatorName, META_HEADER } from './columns';
import { toCsv } from './csv';

export interface BulletinCsv {
  /** The tidy data file. */
  data: string;
  /** Its `.meta.csv` companion. */
  meta: string;
}

type Cell = Published | undefined;
type Indicators = Partial<Record<IndicatorName, Cell>>;

interface Geography {
  level: AreaRow['level'];
  code: string;
  name: string;
  regionCode?: string;
  regionName?: string;
  oldLaCode?: string;
}

const LEVEL_RANK: Record<AreaRow['level'], number> = { National: 0, Regional: 1, 'Local authority': 2 };
const NOT_AVAILABLE = { code: 'x', name: 'Not available' };
const NATIONAL: Geography = { level: 'National', code: ENGLAND.code, name: ENGLAND.name };

/**
 * The bulletin as tidy CSV (one row per observation: week x geography x setting x breakdown
 * category, indicators as columns) and its meta file, in the EES layout of docs/outputs.md.
 *
 * Blocks, each a complete matrix:
 * - earlier weeks of the 52-week trend: England x setting (children, episodes started);
 * - this week: every area x every setting present (missing combinations are rows of `x`);
 * - this week's breakdowns: England, setting Total (Care for the missing type), each breakdown x category (Total included).
 * Repeat missing and return interviews sit on the England / Total setting / Total row; return
 * interviews count episodes from home and care only (their own denominator column says so).
 * Cells the bulletin does not hold are `x`; return interviews are `z` during school.
 */
export function renderBulletinCsv(b: Bulletin): BulletinCsv {
  const rows: string[][] = [];
  const method = `${b.disclosure.method} (${b.disclosure.ptable})`;
  const provisional = new Set(b.provisionalWeeks);
  // Breakdown revisions concern earlier weeks' breakdowns, which the CSV does not hold.
  const revised = new Set(
    b.revisions
      .filter((r) => !r.dimension)
      .map((r) => revisionKey(r.weekCommencing, r.setting, isEnglandCode(r.areaCode) ? ENGLAND.code : r.areaCode)),
  );
  const status = (weekCommencing: string, setting: SettingKey, areaCode: string | null): string =>
    provisional.has(weekCommencing) ? 'p' : areaCode !== null && revised.has(revisionKey(weekCommencing, setting, areaCode)) ? 'r' : '';

  const push = (
    weekCommencing: string,
    geo: Geography,
    setting: SettingKey,
    breakdown: string,
    category: string,
    values: Indicators,
    revisionStatus: string,
  ) => rows.push(row(method, weekCommencing, geo, setting, breakdown, category, values, revisionStatus));

  // Earlier weeks of the trend, England only.
  const trendWeeks = [...new Set(b.trend.map((t) => t.weekCommencing))].filter((w) => w !== b.weekCommencing).sort();
  const trendSettings = SETTINGS.filter((s) => b.trend.some((t) => t.setting === s));
  const trendByKey = new Map(b.trend.map((t) => [`${t.weekCommencing}|${t.setting}`, t]));
  for (const week of trendWeeks) {
    for (const setting of trendSettings) {
      const point = trendByKey.get(`${week}|${setting}`);
      push(
        week,
        NATIONAL,
        setting,
        'Total',
        'Total',
        withDefaults(setting, point ? { children_count: point.children, episodes_started_count: point.episodes } : {}),
        status(week, setting, ENGLAND.code),
      );
    }
  }

  // This week, every area and setting.
  const areas = new Map<string, Geography>();
  const cells = new Map<string, AreaRow>();
  for (const a of b.areas) {
    const key = `${a.level}|${a.code}`;
    if (!areas.has(key)) areas.set(key, a);
    cells.set(`${key}|${a.setting}`, a);
  }
  const nationalKey = `National|${ENGLAND.code}`;
  if (!areas.has(nationalKey)) areas.set(nationalKey, NATIONAL);
  const settings = SETTINGS.filter((s) => s === 'ALL' || b.areas.some((a) => a.setting === s) || b.headline.some((h) => h.setting === s));
  const ordered = [...areas.entries()].sort(
    ([, x], [, y]) =>
      LEVEL_RANK[x.level] - LEVEL_RANK[y.level] || (x.regionCode ?? '').localeCompare(y.regionCode ?? '') || x.code.localeCompare(y.code),
  );
  for (const [key, geo] of ordered) {
    for (const setting of settings) {
      const cell = cells.get(`${key}|${setting}`);
      let values: Indicators = {};
      if (cell) {
        values = {
          children_count: cell.children,
          episodes_started_count: cell.episodesStarted,
          episodes_ended_count: cell.episodesEnded,
          open_at_week_end_count: cell.openAtWeekEnd,
          children_rate_per_10000: cell.ratePer10000,
        };
      } else if (geo.level === 'National') {
        const headline = b.headline.find((h) => h.setting === setting);
        if (headline) values = { children_count: headline.children, episodes_started_count: headline.episodes };
      }
      if (geo.level === 'National' && setting === 'ALL') {
        values.repeat_missing_children_count = b.repeatMissing.repeatChildren;
        values.repeat_missing_percent = b.repeatMissing.percent;
        values.return_interview_episodes_ended_count = b.returnInterviews.episodesEnded;
        values.return_interview_offered_72h_count = b.returnInterviews.offeredWithin72h;
        values.return_interview_percent = b.returnInterviews.percent;
      }
      const code = geo.level === 'National' ? ENGLAND.code : geo.code;
      push(b.weekCommencing, geo, setting, 'Total', 'Total', withDefaults(setting, values), status(b.weekCommencing, setting, code));
    }
  }

  // This week's breakdowns: England, all settings (CARE alone for its missing type).
  for (const dimension of DIMENSIONS) {
    const items = b.breakdowns.filter((r) => r.dimension === dimension);
    if (!items.length) continue;
    if (!items.some((r) => r.category === 'Total')) items.push({ dimension, category: 'Total', children: 'x', episodes: 'x' });
    const episodesColumn = DIMENSION_EPISODES[dimension] === 'ended' ? 'episodes_ended_count' : 'episodes_started_count';
    for (const item of items) {
      const setting = DIMENSION_SETTING[dimension];
      push(
        b.weekCommencing,
        NATIONAL,
        setting,
        DIMENSION_LABEL[dimension],
        categoryLabel(item.category),
        withDefaults(setting, { children_count: item.children, [episodesColumn]: item.episodes }),
        status(b.weekCommencing, setting, null),
      );
    }
  }

  const header = [...DATA_COLUMNS];
  // The meta file names the method and its perturbation table, and says in one sentence what it does.
  const described = FILTER_COLUMNS.map((c) =>
    c.col_name === 'disclosure_method' ? { ...c, filter_hint: `${method}: ${b.disclosure.statement}` } : c,
  );
  const meta = toCsv(
    META_HEADER,
    [...described, ...INDICATOR_COLUMNS].map((c) => META_HEADER.map((h) => c[h])),
  );
  return { data: toCsv(header, rows), meta };
}

function revisionKey(weekCommencing: string, setting: string, areaCode: string): string {
  return `${weekCommencing}|${setting}|${areaCode}`;
}

/** Unheld cells are `x`; return interviews do not apply to children missing during school. */
function withDefaults(setting: SettingKey, values: Indicators): Indicators {
  const out: Indicators = { ...values };
  if (setting === 'EDUCATION') {
    out.return_interview_episodes_ended_count ??= 'z';
    out.return_interview_offered_72h_count ??= 'z';
    out.return_interview_percent ??= 'z';
  }
  return out;
}

function row(
  method: string,
  weekCommencing: string,
  geo: Geography,
  setting: SettingKey,
  breakdown: string,
  category: string,
  values: Indicators,
  revisionStatus: string,
): string[] {
  const label = isoWeekLabel(weekCommencing);
  const { year, week } = parseWeekLabel(label);
  const regional = geo.level !== 'National';
  const la = geo.level === 'Local authority';
  const byName: Record<string, string> = {
    time_period: String(year),
    time_identifier: `Week ${week}`,
    geographic_level: geo.level,
    country_code: ENGLAND.code,
    country_name: ENGLAND.name,
    region_code: regional ? (geo.level === 'Regional' ? geo.code : (geo.regionCode ?? NOT_AVAILABLE.code)) : '',
    region_name: regional ? (geo.level === 'Regional' ? geo.name : (geo.regionName ?? NOT_AVAILABLE.name)) : '',
    new_la_code: la ? geo.code : '',
    la_name: la ? geo.name : '',
    old_la_code: la ? (geo.oldLaCode ?? NOT_AVAILABLE.code) : '',
    week_commencing: weekCommencing,
    setting: SETTING_LABEL[setting],
    breakdown,
    category,
    revision_status: revisionStatus,
    disclosure_method: method,
  };
  for (const c of INDICATOR_COLUMNS) byName[c.col_name] = cellText(values[c.col_name as IndicatorName], Number(c.indicator_dp), c.col_name);
  return DATA_COLUMNS.map((name) => byName[name]);
}

/** Counts as they are, rates and percentages at their published decimal places, symbols kept. */
function cellText(value: Cell, dp: number, column: string): string {
  if (value === undefined) return 'x';
  if (typeof value === 'string') return value;
  assertFinite(value, column);
  return dp === 0 ? String(value) : String(roundTo(value, dp));
}
