import { KafkaPublisher } from '@mcm/kafka';
import { DataSource, dataSourceOptions } from '@mcm/persistence';
import { addWeeks, normaliseEvent, referenceData, weekCommencing } from '@mcm/shared';
import { BulletinService, createBatchAggregator } from '../apps/aggregator/src';
import { IsolatedPipeline } from '../tools/harness/src';
import {
  AdhocAnswer,
  averagingAttack,
  cellKey,
  directAttack,
  FamilyResult,
  FamilyScore,
  formatResults,
  geographyAttack,
  marginAttack,
  Observations,
  Prior,
  settingsAttack,
  weekIdentityAttack,
  weeklyKey,
  WeeklyTable,
} from '../tools/harness/src/adversary';
import { generateScenario } from '../tools/simulator/src';
import {
  AdhocSpec,
  adhocAnswer,
  adhocPath,
  ApiReader,
  ApiWeeklyTable,
  parseCsv,
  pool,
  recordAdhoc,
  recordAdhocCsv,
  recordWeeklyCsv,
  weekLabel,
} from './support/analyst-view';
import { TEST_SECRETS } from './support/test-secrets';

/**
 * The adversary of issue 10: a simulated year through the aggregator into a real database, the
 * compiled API in front of it, and an attacker who sees only what an analyst token shows. Each
 * attack family of the issue is run as code (tools/harness/src/adversary.ts); each derivation is
 * checked against the statistician's exact figures (and the database for the bulletin's
 * breakdowns). No small value may be shown; no family may recover small cells more often than
 * guessing from each cell's own published value under the public ptable; the same cell is the
 * same in every query, grouping and format.
 */
describe('disclosure control against an adversary (simulated year, running api)', () => {
  const pipeline = new IsolatedPipeline('adversary', { RATE_LIMIT_PER_MINUTE: '100000000' });
  const reference = referenceData();
  const regions = [...reference.regions.keys()];
  const regionOf = new Map([...reference.localAuthorities.values()].map((la) => [la.code, la.regionCode]));
  const las = [...regionOf.keys()];
  const SETTINGS = ['ALL', 'HOME', 'CARE', 'EDUCATION'];
  const lastWeek = addWeeks(weekCommencing(new Date()), -1);
  const weeks = Array.from({ length: 52 }, (_, i) => addWeeks(lastWeek, i - 51));
  const bulletinWeeks = weeks.slice(-4);
  let dataSource: DataSource;
  let analyst: ApiReader;
  let statistician: ApiReader;
  const table = new ApiWeeklyTable(weeks, regionOf);
  const seen = new Observations();
  const truth = new Map<string, number>();
  const adhoc: { spec: AdhocSpec; shown: AdhocAnswer }[] = [];
  const bulletins: { week: string; json: Bulletin; csv: string }[] = [];
  const results: FamilyResult[] = [];
  let prior: Prior;

  beforeAll(async () => {
    await pipeline.start([]);
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    // A year of realistic agency traffic, applied in two parts with a bulletin between them, so
    // that later bulletins carry revisions of figures an earlier one published.
    const scenario = generateScenario({ seed: 1010, children: 1500, days: 365, now: new Date() });
    const events = scenario.events.filter((e) => e.valid).map((e) => normaliseEvent(e.event!));
    const cut = Date.parse(`${bulletinWeeks[1]}T00:00:00Z`);
    const aggregator = createBatchAggregator(dataSource, TEST_SECRETS);
    const apply = async (batch: typeof events, offset: number) => {
      for (let i = 0; i < batch.length; i += 1000) {
        await aggregator.apply(batch.slice(i, i + 1000).map((event, j) => ({ event, partition: 0, offset: String(offset + i + j) })));
      }
      await aggregator.refreshBreakdowns();
    };
    const early = events.filter((e) => Date.parse(e.reportedAt) < cut);
    const late = events.filter((e) => Date.parse(e.reportedAt) >= cut);
    const publisher = new KafkaPublisher(pipeline.kafka);
    await publisher.connect();
    try {
      const service = new BulletinService(dataSource, publisher, {
        silentDaysFlag: 14,
        methodologyUrl: '/docs/STATISTICS.md',
        contact: 'test',
        topic: pipeline.topics.bulletins,
      });
      await apply(early, 0);
      await service.build(bulletinWeeks[0]);
      await apply(late, early.length);
      for (const week of bulletinWeeks) await service.build(week);
    } finally {
      await publisher.disconnect();
    }
    await pipeline.startService('api');
    const base = `http://127.0.0.1:${pipeline.apiPort}`;
    analyst = new ApiReader(base, await pipeline.token('analyst', 'adversary'));
    statistician = new ApiReader(base, await pipeline.token('statistician', 'referee'));
    await collect();
    prior = new Prior([...truth.values()]);
  }, 600_000);

  afterAll(async () => {
    await dataSource?.destroy();
    await pipeline.stop();
  });

  /** Everything the attacker asks, each asked again by the statistician for the truth. */
  async function collect(): Promise<void> {
    const from = weekLabel(weeks[0]);
    const to = weekLabel(lastWeek);
    // Every area and setting, a year of weeks: what the dashboard's own queries show.
    const series = ['ALL', ...regions, 'UNKNOWN', ...las].flatMap((area) => SETTINGS.map((setting) => ({ area, setting })));
    await pool(series, 8, async ({ area, setting }) => {
      const path = `/v1/incidence/weekly?from=${from}&to=${to}&setting=${setting}&la=${area}`;
      const [shown, exact] = await Promise.all([analyst.json<WeeklyBody>(path), statistician.json<WeeklyBody>(path)]);
      if (shown) {
        ApiWeeklyTable.record(table.shownValues, area, setting, shown);
        ApiWeeklyTable.record(seen, area, setting, shown, 'weekly.json');
      }
      if (exact) {
        ApiWeeklyTable.record(table.trueValues, area, setting, exact);
        ApiWeeklyTable.record(truth, area, setting, exact);
      }
    });
    // The busiest series again: as CSV, and through shorter, shifted windows (averaging).
    const busiest = [
      ...new Set(
        las
          .map((la) => ({ la, n: weeks.reduce((s, w) => s + (table.truth(la, 'ALL', w, 'episodesStarted') ?? 0), 0) }))
          .sort((a, b) => b.n - a.n)
          .slice(0, 12)
          .map((x) => x.la),
      ),
    ];
    const repeats = [...busiest.slice(0, 8), ...regions.slice(0, 3)].flatMap((area) => SETTINGS.map((setting) => ({ area, setting })));
    await pool(repeats, 8, async ({ area, setting }) => {
      const csv = await analyst.get(`/v1/incidence/weekly.csv?from=${from}&to=${to}&setting=${setting}&la=${area}`);
      if (csv.status === 200) recordWeeklyCsv(seen, area, setting, csv.text, 'weekly.csv');
      for (const shift of [0, 13, 26, 39]) {
        const path = `/v1/incidence/weekly?from=${weekLabel(weeks[shift])}&to=${weekLabel(weeks[Math.min(51, shift + 12)])}&setting=${setting}&la=${area}`;
        const shown = await analyst.json<WeeklyBody>(path);
        if (shown) ApiWeeklyTable.record(seen, area, setting, shown, `weekly.window${shift}.json`);
      }
    });

    // (a) Margins against finer answers: an area's total against its settings; a region's LAs
    // against their settings; national cross-tabs against their finer cross-tabs; and the same
    // cells as filters (which must not differ from the groupings).
    const specs: [AdhocSpec, AdhocSpec, string, string[]][] = [];
    const week = (filters: Record<string, string>, groupBy: string[]): AdhocSpec => ({ filters, groupBy, granularity: 'week' });
    const settingCategories = ['HOME', 'CARE', 'EDUCATION'];
    const sexes = ['F', 'M', 'U'];
    const ethnicities = ['White', 'Mixed', 'Asian', 'Black', 'Other', 'Refused or not obtained', 'UNKNOWN'];
    const ageBands = ['Under 1', '1-4', '5-9', '10-15', '16-17', 'UNKNOWN'];
    for (const area of [...regions, ...busiest]) {
      const filter: Record<string, string> = area.startsWith('E12') ? { region: area } : { la: area };
      specs.push([week(filter, []), week(filter, ['setting']), 'setting', settingCategories]);
    }
    for (const region of regions.slice(0, 4))
      specs.push([week({ region }, ['la']), week({ region }, ['la', 'setting']), 'setting', settingCategories]);
    specs.push([week({}, ['region']), week({}, ['region', 'setting']), 'setting', settingCategories]);
    specs.push([week({}, []), week({}, ['setting']), 'setting', settingCategories]);
    specs.push([week({}, ['sex']), week({}, ['sex', 'ethnicityGroup']), 'ethnicityGroup', ethnicities]);
    specs.push([week({}, ['ethnicityGroup']), week({}, ['ethnicityGroup', 'sex']), 'sex', sexes]);
    specs.push([week({}, ['ageBand']), week({}, ['ageBand', 'sex']), 'sex', sexes]);
    specs.push([week({}, ['sex', 'ageBand']), week({}, ['sex', 'ageBand', 'ethnicityGroup']), 'ethnicityGroup', ethnicities]);
    specs.push([week({ sex: 'F' }, []), week({ sex: 'F' }, ['ethnicityGroup']), 'ethnicityGroup', ethnicities]);
    specs.push([week({ setting: 'CARE' }, ['ageBand']), week({ setting: 'CARE' }, ['ageBand', 'sex']), 'sex', sexes]);
    specs.push([
      { filters: {}, groupBy: ['region'], granularity: 'month' },
      { filters: {}, groupBy: ['region', 'setting'], granularity: 'month' },
      'setting',
      settingCategories,
    ]);
    specs.push([
      { filters: {}, groupBy: ['sex'], granularity: 'month' },
      { filters: {}, groupBy: ['sex', 'ageBand'], granularity: 'month' },
      'ageBand',
      ageBands,
    ]);
    const asked = new Map<string, AdhocAnswer>();
    const exactAnswers = new Map<string, AdhocAnswer>();
    const ask = async (spec: AdhocSpec): Promise<AdhocAnswer> => {
      const [f, t] = spec.granularity === 'week' ? [from, to] : [weeks[0].slice(0, 7), lastWeek.slice(0, 7)];
      const path = adhocPath(spec, f, t);
      if (!asked.has(path)) {
        const [shown, exact] = await Promise.all([analyst.json<AdhocBody>(path), statistician.json<AdhocBody>(path)]);
        recordAdhoc(seen, spec, shown, `adhoc ${JSON.stringify(spec)}.json`);
        recordAdhoc(truth, spec, exact, 'truth');
        asked.set(path, adhocAnswer(spec, shown));
        exactAnswers.set(path, adhocAnswer(spec, exact));
        adhoc.push({ spec, shown: asked.get(path)! });
        if (spec.groupBy.length <= 1) {
          const csv = await analyst.get(adhocPath(spec, f, t, true));
          if (csv.status === 200) recordAdhocCsv(seen, spec, csv.text, `adhoc ${JSON.stringify(spec)}.csv`);
        }
      }
      return asked.get(path)!;
    };
    const aFamily = new FamilyScore(
      '(a) filters and groupings',
      (k) => truth.get(k) ?? 0,
      (k) => seen.first(k),
    );
    const aControl = new FamilyScore(
      '(a) on exact figures',
      (k) => truth.get(k) ?? 0,
      (k) => truth.get(k),
    );
    const exactOf = (spec: AdhocSpec) =>
      exactAnswers.get(
        adhocPath(spec, ...((spec.granularity === 'week' ? [from, to] : [weeks[0].slice(0, 7), lastWeek.slice(0, 7)]) as [string, string])),
      )!;
    for (const [marginSpec, finerSpec, dimension, categories] of specs) {
      marginAttack(await ask(marginSpec), await ask(finerSpec), dimension, categories, aFamily);
      marginAttack(exactOf(marginSpec), exactOf(finerSpec), dimension, categories, aControl);
    }
    settingsAttack(table, aFamily, ['ALL', ...regions, ...las]);
    settingsAttack(exactTable, aControl, ['ALL', ...regions, ...las]);
    aControlResult = aControl;
    // The same cells through filters rather than groupings (property check; averaging).
    for (const sex of sexes) await ask(week({ sex }, ['ethnicityGroup']));
    for (const area of busiest.slice(0, 6)) for (const setting of settingCategories) await ask(week({ la: area, setting }, []));
    for (const region of regions.slice(0, 3)) await ask(week({ region }, ['setting']));
    aResult = aFamily;

    // (d) Bulletins: JSON and CSV as the analyst reads them; each of their cells is an
    // observation of the same cell as the API's (the property check covers them too).
    for (const w of bulletinWeeks) {
      const json = await analyst.json<Bulletin>(`/v1/bulletins/${weekLabel(w)}.json`);
      const csv = await analyst.get(`/v1/bulletins/${weekLabel(w)}.csv`);
      if (json) bulletins.push({ week: w, json, csv: csv.status === 200 ? csv.text : '' });
    }
    for (const b of bulletins) {
      const source = `bulletin ${weekLabel(b.week)}`;
      for (const row of b.json.areas ?? []) {
        const area = row.level === 'National' ? 'ALL' : row.code;
        for (const [field, measure] of Object.entries(AREA_MEASURES))
          seen.add(weeklyKey(area, row.setting, b.week, measure), row[field], `${source} areas`);
      }
      for (const p of b.json.trend ?? []) {
        seen.add(weeklyKey('ALL', p.setting, p.weekCommencing, 'children'), p.children, `${source} trend`);
        seen.add(weeklyKey('ALL', p.setting, p.weekCommencing, 'episodesStarted'), p.episodes, `${source} trend`);
      }
      for (const h of b.json.headline ?? []) {
        for (const [w, figures] of [
          [b.week, h],
          [addWeeks(b.week, -1), h.previousWeek],
        ] as const) {
          seen.add(weeklyKey('ALL', h.setting, w, 'children'), figures?.children, `${source} headline`);
          seen.add(weeklyKey('ALL', h.setting, w, 'episodesStarted'), figures?.episodes, `${source} headline`);
        }
      }
      for (const r of b.json.breakdowns ?? []) {
        for (const measure of ['children', 'episodes'] as const)
          seen.add(cellKey(b.week, { dimension: r.dimension, category: r.category }, measure), r[measure], `${source} breakdowns`);
      }
      // A revision's value now is the cell's published value now; the value before was another cell's (other records).
      for (const r of b.json.revisions ?? []) {
        // A breakdown cell's revision (it names its dimension and category) is that breakdown cell of its week.
        if (r.dimension) {
          seen.add(cellKey(r.weekCommencing, { dimension: r.dimension, category: r.category }, r.measure), r.published, `${source} revisions`);
          continue;
        }
        const measure = REVISION_MEASURES[r.measure];
        if (measure) seen.add(weeklyKey(r.areaCode, r.setting, r.weekCommencing, measure), r.published, `${source} revisions`);
      }
    }
    const completeness = await fetch(`http://127.0.0.1:${pipeline.apiPort}/v1/completeness?week=${weekLabel(lastWeek)}`, {
      headers: { authorization: `Bearer ${await pipeline.token('analyst', 'adversary')}` },
    });
    completenessBody = completeness.status === 200 ? await completeness.json() : { status: completeness.status };
  }

  let completenessBody: unknown;
  let aResult: FamilyScore;
  let aControlResult: FamilyScore;
  /** The control: the same attacks on the statistician's exact figures must recover most small cells, or they prove nothing. */
  const exactTable: WeeklyTable = { weeks, regionOf, shown: (...a) => table.truth(...a), truth: (...a) => table.truth(...a) };
  const truthOf = (k: string) => truth.get(k) ?? 0;
  const shownOf = (k: string) => seen.first(k);

  it('has a year of figures with small cells to attack, and a bulletin with revisions', () => {
    const small = [...truth.values()].filter((v) => v >= 1 && v <= 4).length;
    expect(small).toBeGreaterThan(1000);
    expect(bulletins.length).toBe(bulletinWeeks.length);
    console.log(
      `adversary data: ${truth.size} true cells, ${small} of them 1-4 (prior ${prior.describe()}); analyst asked ${analyst.requests} queries, ${analyst.refused} refused (400); ` +
        `${bulletins.length} bulletins, ${bulletins.reduce((n, b) => n + (b.json.revisions?.length ?? 0), 0)} revision entries`,
    );
  });

  it('never shows a value from 1 to 4, in any query, format or bulletin', () => {
    const small = seen.smallShown();
    const bulletinSmall: string[] = [];
    for (const b of bulletins) {
      for (const [path, v] of countFields(b.json)) if (v >= 1 && v <= 4) bulletinSmall.push(`${weekLabel(b.week)} ${path}=${v}`);
      for (const row of b.csv ? parseCsv(b.csv) : []) {
        for (const [column, v] of Object.entries(row))
          if (/_count$/.test(column) && /^[1-4]$/.test(v)) bulletinSmall.push(`${weekLabel(b.week)} csv ${column}=${v}`);
      }
    }
    for (const b of bulletins) {
      for (const r of b.json.revisions ?? [])
        for (const v of [r.previouslyPublished, r.published])
          if (typeof v === 'number' && v >= 1 && v <= 4) bulletinSmall.push(`${weekLabel(b.week)} revision ${v}`);
    }
    const completenessSmall = countFields(completenessBody).filter(([, v]) => v >= 1 && v <= 4);
    bulletinSmall.push(...completenessSmall.map(([path, v]) => `completeness ${path}=${v}`));
    console.log(
      `values 1-4 shown: API queries ${small.length}, bulletins (JSON, CSV, revisions) and completeness ${bulletinSmall.length}` +
        (small.length + bulletinSmall.length
          ? ` (e.g. ${[...small.slice(0, 3).map((s) => `${s.source} ${s.key}=${s.value}`), ...bulletinSmall.slice(0, 3)].join('; ')})`
          : ''),
    );
    expect(small.slice(0, 5)).toEqual([]);
    expect(bulletinSmall.slice(0, 5)).toEqual([]);
  });

  it('shows the same cell the same way through every query, grouping, window and format', () => {
    const inconsistent = seen.inconsistent();
    // Which ways of asking met on one cell: each pair must have been tried on many cells.
    const kind = (source: string) =>
      source.includes('.csv') ? 'CSV' : source.startsWith('bulletin') ? 'bulletin' : source.startsWith('adhoc') ? 'ad hoc' : 'weekly';
    const pairs = new Map<string, number>();
    for (const observations of seen.byCell.values()) {
      const kinds = [...new Set(observations.map((o) => kind(o.source)))].sort();
      for (let i = 0; i < kinds.length; i++)
        for (let j = i + 1; j < kinds.length; j++) pairs.set(`${kinds[i]} & ${kinds[j]}`, (pairs.get(`${kinds[i]} & ${kinds[j]}`) ?? 0) + 1);
      for (const k of kinds) {
        const pair = `${k} & ${k} (other query)`;
        if (new Set(observations.filter((o) => kind(o.source) === k).map((o) => o.source)).size > 1) pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      }
    }
    console.log(
      `property: ${seen.byCell.size} cells shown, ${seen.multiplySeen()} of them through more than one query or format ` +
        `(${[...pairs]
          .sort()
          .map(([p, n]) => `${p}: ${n}`)
          .join('; ')}); ${inconsistent.length} shown with different values`,
    );
    expect(seen.multiplySeen()).toBeGreaterThan(1000);
    for (const pair of [
      'CSV & weekly',
      'CSV & ad hoc',
      'ad hoc & weekly',
      'bulletin & weekly',
      'ad hoc & ad hoc (other query)',
      'weekly & weekly (other query)',
    ])
      expect([pair, (pairs.get(pair) ?? 0) > 0]).toEqual([pair, true]);
    expect(inconsistent.slice(0, 5)).toEqual([]);
  });

  it('recovers small cells no more often than guessing from the published noise, in every attack family', () => {
    const b = new FamilyScore('(b) geography', truthOf, shownOf);
    geographyAttack(table, b);
    const c = new FamilyScore('(c) open(w) = open(w-1) + started - ended', truthOf, shownOf);
    weekIdentityAttack(table, c, ['ALL', ...regions, 'UNKNOWN', ...las]);
    const d = new FamilyScore('(d) bulletin tables vs each other and the API', (k) => bulletinTruth.get(k) ?? truthOf(k), shownOf);
    return bulletinAttack(d).then(() => {
      const e = new FamilyScore('(e) shown directly', truthOf, shownOf);
      directAttack(seen, e);
      const f = new FamilyScore('(f) averaging over queries', truthOf, shownOf);
      averagingAttack(seen, f);
      results.push(...[aResult, b, c, d, e, f].map((s) => s.result(prior)));
      // Controls: the attack code against exact figures (what issue 10 measured before).
      const bControl = new FamilyScore('(b) on exact figures', truthOf, truthOf);
      geographyAttack(exactTable, bControl);
      const cControl = new FamilyScore('(c) on exact figures', truthOf, truthOf);
      weekIdentityAttack(exactTable, cControl, ['ALL', ...regions, 'UNKNOWN', ...las]);
      const controls = [aControlResult, bControl, cControl].map((s) => s.result(prior));
      console.log(`control: the same attack code on the statistician's exact figures:\n${formatResults(controls)}`);
      for (const r of controls) expect([r.family, r.rate > 0.5]).toEqual([r.family, true]);
      console.log(
        `attack families after the cell-key method (success = the attack's estimate equals the true value 1-4; ` +
          `baseline = guessing the most likely value from the cell's own published value; allowed = baseline + 2 s.e. + 0.01):\n${formatResults(results)}`,
      );
      for (const r of results) {
        expect(r.targeted).toBeGreaterThan(0);
        expect([r.family, r.rate <= r.allowed]).toEqual([r.family, true]);
      }
    });
  });

  const bulletinTruth = new Map<string, number>();

  /** (d) Within each bulletin: geography, settings and breakdown margins; across: the bulletin against the API. */
  async function bulletinAttack(score: FamilyScore): Promise<void> {
    for (const b of bulletins) {
      const shown = new Map<string, number>();
      for (const row of b.json.areas ?? []) {
        const area = row.level === 'National' ? 'ALL' : row.code;
        for (const [field, measure] of Object.entries(AREA_MEASURES)) {
          const v = row[field];
          if (typeof v === 'number') shown.set(weeklyKey(area, row.setting, b.week, measure), v);
        }
      }
      const one: WeeklyTable = {
        weeks: [b.week],
        regionOf,
        shown: (area, setting, w, measure) => shown.get(weeklyKey(area, setting, w, measure)),
        truth: (area, setting, w, measure) => table.truth(area, setting, w, measure),
      };
      geographyAttack(one, score);
      settingsAttack(one, score, ['ALL', ...regions, ...las]);
      // The bulletin's cells against the API's: an attacker averages two different values of one cell.
      for (const [key, v] of shown) {
        const api = table.shownValues.get(key);
        score.estimate(key, api === undefined ? v : (v + api) / 2, undefined, v);
      }
      // Trend and headline: national cells of earlier weeks, again.
      for (const p of b.json.trend ?? []) {
        const w = p.weekCommencing;
        for (const [measure, v] of [
          ['children', p.children],
          ['episodesStarted', p.episodes],
        ] as const) {
          const key = weeklyKey('ALL', p.setting, w, measure);
          const api = table.shownValues.get(key);
          if (typeof v === 'number') score.estimate(key, api === undefined ? v : (v + api) / 2, undefined, api ?? v);
        }
      }
      // Breakdowns: Total − the other categories of a dimension.
      const rows: { week_start: string; dimension: string; category: string; children: number; episodes: number }[] = await dataSource.query(
        `SELECT week_start::text, dimension, category, children, episodes FROM weekly_breakdown WHERE week_start = $1::date AND setting = 'ALL' AND area_code = 'ALL'`,
        [b.week],
      );
      for (const r of rows) {
        bulletinTruth.set(cellKey(b.week, { dimension: r.dimension, category: r.category }, 'children'), r.children);
        bulletinTruth.set(cellKey(b.week, { dimension: r.dimension, category: r.category }, 'episodes'), r.episodes);
      }
      const byDimension = new Map<string, BreakdownRow[]>();
      for (const r of b.json.breakdowns ?? []) (byDimension.get(r.dimension) ?? byDimension.set(r.dimension, []).get(r.dimension)!).push(r);
      for (const [dimension, cells] of byDimension) {
        const total = cells.find((c) => c.category === 'Total');
        const parts = cells.filter((c) => c.category !== 'Total');
        for (const measure of ['children', 'episodes'] as const) {
          for (const cell of parts) {
            const key = cellKey(b.week, { dimension, category: cell.category }, measure);
            const own = typeof cell[measure] === 'number' ? (cell[measure] as number) : undefined;
            const rest = parts.filter((p) => p !== cell).map((p) => p[measure]);
            if (typeof total?.[measure] !== 'number' || rest.some((v) => typeof v !== 'number')) score.target(key, bulletinTruth.get(key), own);
            else score.estimate(key, (total[measure] as number) - (rest as number[]).reduce((s, v) => s + v, 0), bulletinTruth.get(key), own);
          }
        }
      }
    }
  }
});

const AREA_MEASURES: Record<string, string> = {
  children: 'children',
  episodesStarted: 'episodesStarted',
  episodesEnded: 'episodesEnded',
  openAtWeekEnd: 'episodesOpenAtWeekEnd',
};
const REVISION_MEASURES: Record<string, string> = {
  children: 'children',
  episodes_started: 'episodesStarted',
  episodes_ended: 'episodesEnded',
  open_at_week_end: 'episodesOpenAtWeekEnd',
};

interface WeeklyBody {
  weeks: Record<string, unknown>[];
}
interface AdhocBody {
  rows: { period: string; periodStart: string; groups: Record<string, string>; children: unknown; episodesStarted: unknown }[];
}
interface BreakdownRow {
  dimension: string;
  category: string;
  children: unknown;
  episodes: unknown;
}
interface Bulletin {
  areas?: (Record<string, unknown> & { level: string; code: string; setting: string })[];
  breakdowns?: BreakdownRow[];
  trend?: { weekCommencing: string; setting: string; children: unknown; episodes: unknown }[];
  revisions?: {
    weekCommencing: string;
    setting: string;
    areaCode: string;
    dimension?: string;
    category?: string;
    measure: string;
    previouslyPublished: unknown;
    published: unknown;
  }[];
  headline?: { setting: string; children: unknown; episodes: unknown; previousWeek?: { children: unknown; episodes: unknown } }[];
  [field: string]: unknown;
}

/**
 * Every count of children, episodes or events an answer shows, by path: rates, percentages,
 * averages, lags and days are not counts, nor are the numbers of agencies in a completeness group
 * (agencies are not people; their events are counted, rounded to 10).
 */
function countFields(value: unknown, path = ''): [string, number][] {
  const notCounts = /(percent|rate|average|lag|hours|usual|revision$|silentDays|agencies)/i;
  if (typeof value === 'number') return notCounts.test(path) ? [] : [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => countFields(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => countFields(v, path ? `${path}.${k}` : k));
  return [];
}
