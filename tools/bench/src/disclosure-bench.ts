import autocannon from 'autocannon';
import { perturb } from '@mcm/disclosure';
import { DataSource, dataSourceOptions } from '@mcm/persistence';
import { addWeeks, isoWeekLabel, referenceData } from '@mcm/shared';
import { mintToken } from '../../../apps/api/src';
import { FamilyScore, formatResults, geographyAttack, Prior, settingsAttack, weekIdentityAttack, WeeklyTable } from '../../harness/src/adversary';
import { analyzeAfterBulkLoad, everyKeyedWeeklyRow, IsolatedPipeline, KeyedWeeklyRow } from '../../harness/src';
import { buildHistory } from './synthetic-history';

/**
 * `npm run bench:disclosure`: the cost of the cell-key method over ten years of national history
 * (about 2,000,000 synthetic episodes loaded in bulk, weekly figures rebuilt with their cell keys).
 * Prints, at England, region and LA level, the share of weekly cells the perturbation changes and
 * its mean absolute error; the attack families of issue 10 that work on the weekly table
 * (geography, settings, the week-to-week identity; the code of the adversary suite) with their
 * guessing baselines; and the latency of the same API queries answered protected (analyst) and
 * exact (statistician). Targets: England's weekly totals within ±1% or ±2 of the truth (whichever
 * is larger), and a protected p50 less than 20% above the exact p50.
 */
const log = (m: string) => process.stderr.write(`[bench:disclosure] ${m}\n`);
const JWT_SECRET = 'bench-disclosure-secret-0123456789abcdef';
const MEASURES = ['children', 'episodesStarted', 'episodesEnded', 'episodesOpenAtWeekEnd'] as const;
const SETTINGS = ['ALL', 'HOME', 'CARE', 'EDUCATION'];

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0)
    throw new Error('usage: npm run bench:disclosure [-- --episodes N --connections N --seconds N --rounds N]');
  return value;
}

type Row = KeyedWeeklyRow;

/** The weekly table of the bench: true values and their published values (perturb(true, key)), 4 measures each. */
class PerturbedTable implements WeeklyTable {
  private readonly cells = new Map<string, Int32Array>();
  constructor(
    readonly weeks: string[],
    readonly regionOf: Map<string, string>,
  ) {}

  put(r: Row): void {
    const values = [r.children, r.episodes_started, r.episodes_ended, r.open_at_week_end];
    const keys = [r.children_key, r.started_key, r.ended_key, r.open_key].map(Number);
    const cell = new Int32Array(8);
    values.forEach((v, i) => {
      cell[i] = v;
      cell[4 + i] = perturb(v, keys[i]);
    });
    this.cells.set(`${r.area_code}|${r.setting}|${r.week_start}`, cell);
  }

  shown(area: string, setting: string, week: string, measure: string): number {
    return this.cells.get(`${area}|${setting}|${week}`)?.[4 + MEASURES.indexOf(measure as (typeof MEASURES)[number])] ?? 0;
  }

  truth(area: string, setting: string, week: string, measure: string): number {
    return this.cells.get(`${area}|${setting}|${week}`)?.[MEASURES.indexOf(measure as (typeof MEASURES)[number])] ?? 0;
  }

  *all(): Generator<[string, Int32Array]> {
    yield* this.cells;
  }
}

async function main(): Promise<void> {
  const episodes = flag('episodes', 2_000_000);
  const connections = flag('connections', 4);
  const seconds = flag('seconds', 5);
  const rounds = flag('rounds', 3);
  // Answers are not reused (API_CACHE_SECONDS=0): every request computes, so the comparison is of the work.
  const pipeline = new IsolatedPipeline('bench-disclosure', {
    JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_FORMAT: 'json',
    API_CACHE_SECONDS: '0',
    API_WORKERS: '2',
  });
  let dataSource: DataSource | undefined;
  try {
    await pipeline.start(['api']);
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    const lastWeek = await buildHistory(dataSource, episodes, log);
    await analyzeAfterBulkLoad(dataSource, 'weekly_incidence');

    // Utility: every weekly cell, published as the API publishes it to analysts.
    const reference = referenceData();
    const regionOf = new Map([...reference.localAuthorities.values()].map((la) => [la.code, la.regionCode]));
    const rows = await everyKeyedWeeklyRow(dataSource);
    const weeks = [...new Set(rows.map((r) => r.week_start))].sort();
    const table = new PerturbedTable(weeks, regionOf);
    for (const r of rows) table.put(r);
    const levelOf = (area: string) => (area === 'ALL' ? 'England' : area.startsWith('E12') ? 'region' : 'LA');
    const utility = new Map<string, { cells: number; changed: number; absError: number; small: number }>();
    let englandChecked = 0,
      englandOutside = 0,
      worst = 0;
    for (const [key, cell] of table.all()) {
      const [area, setting] = key.split('|');
      const level = utility.get(levelOf(area)) ?? utility.set(levelOf(area), { cells: 0, changed: 0, absError: 0, small: 0 }).get(levelOf(area))!;
      for (let i = 0; i < 4; i++) {
        const [t, p] = [cell[i], cell[4 + i]];
        level.cells++;
        if (p !== t) level.changed++;
        level.absError += Math.abs(p - t);
        if (t >= 1 && t <= 4) level.small++;
        if (area === 'ALL' && setting === 'ALL') {
          englandChecked++;
          worst = Math.max(worst, Math.abs(p - t));
          if (Math.abs(p - t) > Math.max(2, 0.01 * t)) englandOutside++;
        }
      }
    }
    log(`${rows.length} weekly rows (${weeks.length} weeks x areas x settings), 4 measures each`);
    for (const level of ['England', 'region', 'LA']) {
      const u = utility.get(level)!;
      log(
        `  ${level.padEnd(7)} ${String(u.cells).padStart(8)} cells: ${((100 * u.changed) / u.cells).toFixed(1)}% changed, mean absolute error ${(u.absError / u.cells).toFixed(3)}, ${((100 * u.small) / u.cells).toFixed(1)}% truly 1-4`,
      );
    }
    const englandPass = englandOutside === 0;
    log(
      `England weekly totals (setting ALL, 4 measures, ${englandChecked} cells) within ±1% or ±2 of the truth: ${englandPass ? 'PASS' : `FAIL (${englandOutside} outside)`}; largest error ${worst}`,
    );

    // Attacks that need only the weekly table (the adversary suite's code; success = estimate equals the true 1-4).
    const smallTruths: number[] = [];
    for (const [, cell] of table.all()) for (let i = 0; i < 4; i++) if (cell[i] >= 1 && cell[i] <= 4) smallTruths.push(cell[i]);
    const prior = new Prior(smallTruths);
    const none = () => undefined;
    const geography = new FamilyScore('geography: England - regions - UNKNOWN, region - other LAs', none, none);
    geographyAttack(table, geography);
    const settings = new FamilyScore('settings: area ALL - other settings', none, none);
    const areas = ['ALL', ...reference.regions.keys(), 'UNKNOWN', ...regionOf.keys()];
    settingsAttack(table, settings, areas);
    const identity = new FamilyScore('open(w) = open(w-1) + started - ended', none, none);
    weekIdentityAttack(table, identity, areas);
    const attacks = [geography, settings, identity].map((s) => s.result(prior));
    log(`attack families on ${weeks.length} weeks (prior of small true values ${prior.describe()}):\n${formatResults(attacks)}`);
    const attacksPass = attacks.every((a) => a.rate <= a.allowed);

    // Latency: the same queries as analyst (cell-key) and statistician (exact), interleaved.
    const url = `http://127.0.0.1:${pipeline.apiPort}`;
    const tokens = {
      exact: await mintToken(
        { sub: 'bench-statistician', role: 'statistician' },
        { secret: JWT_SECRET, issuer: 'missing-children-monitor', audience: 'mcm-api' },
      ),
      protected: await mintToken(
        { sub: 'bench-analyst', role: 'analyst' },
        { secret: JWT_SECRET, issuer: 'missing-children-monitor', audience: 'mcm-api' },
      ),
    };
    const mixes = queryMixes(lastWeek, weeks.length, reference);
    for (const token of Object.values(tokens)) {
      for (const paths of Object.values(mixes)) {
        const get = () => fetch(`${url}${paths[0]}`, { headers: { authorization: `Bearer ${token}` } });
        const check = await get().catch(get);
        if (check.status !== 200) throw new Error(`the api answered ${check.status} to ${paths[0]}: ${await check.text()}`);
      }
    }
    const latency: Record<string, { exact: number; protected: number; n: number; overhead: number }> = {};
    for (const [name, paths] of Object.entries(mixes)) {
      await load(url, tokens.exact, paths, connections, 2); // warm-up: JIT, pool, buffers
      await load(url, tokens.protected, paths, connections, 2);
      const times = { exact: [] as number[], protected: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        // Interleaved, each role first in turn, so drift in the machine's load falls on both.
        for (const mode of (round % 2 ? ['protected', 'exact'] : ['exact', 'protected']) as ('exact' | 'protected')[]) {
          times[mode].push(...(await load(url, tokens[mode], paths, connections, seconds)));
        }
      }
      const p50 = (t: number[]) => {
        const sorted = [...t].sort((a, b) => a - b);
        return sorted[Math.ceil(0.5 * sorted.length) - 1];
      };
      const [exactP50, protectedP50] = [p50(times.exact), p50(times.protected)];
      latency[name] = {
        exact: exactP50,
        protected: protectedP50,
        n: Math.min(times.exact.length, times.protected.length),
        overhead: (protectedP50 - exactP50) / exactP50,
      };
      log(
        `latency of ${name} queries (${paths.length} distinct), ${connections} connections, ${rounds} x ${seconds} s per role, answers not reused: ` +
          `exact (statistician) p50 ${exactP50.toFixed(2)} ms over ${times.exact.length} requests, protected (analyst) p50 ${protectedP50.toFixed(2)} ms over ${times.protected.length}: ` +
          `overhead ${(100 * latency[name].overhead).toFixed(1)}% (target < 20%)`,
      );
    }
    const overheadPass = Object.values(latency).every((l) => l.overhead < 0.2);
    log(`latency overhead below 20% of the exact p50: ${overheadPass ? 'PASS' : 'FAIL'}`);

    const u = (level: string) => utility.get(level)!;
    const figure = (level: string, name: string) =>
      `${name}_changed_pct=${((100 * u(level).changed) / u(level).cells).toFixed(1)} ${name}_mae=${(u(level).absError / u(level).cells).toFixed(3)}`;
    const rate = (name: string, i: number) => `${name}_rate=${attacks[i].rate.toFixed(3)} ${name}_baseline=${attacks[i].baseline.toFixed(3)}`;
    process.stdout.write(
      `RESULT episodes=${episodes} weeks=${weeks.length} ${figure('England', 'england')} ${figure('region', 'region')} ${figure('LA', 'la')} ` +
        `england_target=${englandPass ? 'PASS' : 'FAIL'} england_max_error=${worst} ${rate('geography', 0)} ${rate('settings', 1)} ${rate('identity', 2)} ` +
        `attacks=${attacksPass ? 'PASS' : 'FAIL'} ` +
        Object.entries(latency)
          .map(
            ([name, l]) =>
              `${name}_p50_exact_ms=${l.exact.toFixed(2)} ${name}_p50_protected_ms=${l.protected.toFixed(2)} ${name}_overhead_pct=${(100 * l.overhead).toFixed(1)} `,
          )
          .join('') +
        `overhead_target=${overheadPass ? 'PASS' : 'FAIL'}\n`,
    );
  } finally {
    await dataSource?.destroy();
    await pipeline.stop();
  }
}

/**
 * `weekly`: /v1/incidence/weekly for England, regions and LAs, every setting, 12- and 52-week
 * ranges ending anywhere in the history (the dashboard's and bench:api's queries). `adhoc`:
 * /v1/incidence for one month, England or a region, grouped by setting (an LA's single month can
 * be refused to analysts as too sparse, and a refusal is not an answer to time).
 */
function queryMixes(lastWeek: string, weeksOfHistory: number, reference: ReturnType<typeof referenceData>): { weekly: string[]; adhoc: string[] } {
  const regions = [...reference.regions.keys()];
  const las = [...reference.localAuthorities.keys()];
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const weekly = Array.from({ length: 1000 }, (_, i) => {
    const kind = i % 3;
    const la = kind === 0 ? 'ALL' : kind === 1 ? regions[Math.floor(random() * regions.length)] : las[Math.floor(random() * las.length)];
    const span = random() < 0.5 ? 12 : 52;
    const to = random() < 0.5 ? lastWeek : addWeeks(lastWeek, -Math.floor(random() * (weeksOfHistory - span)));
    return `/v1/incidence/weekly?from=${isoWeekLabel(addWeeks(to, -(span - 1)))}&to=${isoWeekLabel(to)}&setting=${SETTINGS[i % 4]}&la=${la}`;
  });
  const adhoc = Array.from({ length: 200 }, (_, i) => {
    const month = addWeeks(lastWeek, -Math.floor(random() * (weeksOfHistory - 5))).slice(0, 7);
    const area = i % 2 ? `&region=${regions[Math.floor(random() * regions.length)]}` : '';
    return `/v1/incidence?from=${month}&to=${month}&granularity=month&groupBy=setting${area}`;
  });
  return { weekly, adhoc };
}

/** autocannon over the paths; every response time (ms). */
async function load(url: string, token: string, paths: string[], connections: number, seconds: number): Promise<number[]> {
  let next = 0;
  const times: number[] = [];
  let unexpected = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
      },
      (error, outcome) => (error ? reject(error) : resolve(outcome)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode !== 200) unexpected++;
    });
  });
  if (unexpected > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(`${unexpected} responses other than 200, ${result.errors} errors, ${result.timeouts} timeouts`);
  return times;
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`bench:disclosure failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
