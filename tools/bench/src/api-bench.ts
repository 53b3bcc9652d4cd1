import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, dataSourceOptions } from '@mcm/persistence';
import { addWeeks, isoWeekLabel, referenceData } from '@mcm/shared';
import { mintToken } from '../../../apps/api/src';
import { analyzeAfterBulkLoad, IsolatedPipeline, weeklyCellCount } from '../../harness/src';
import { freePort } from '../../harness/src/service-process';
import { buildHistory } from './synthetic-history';

/**
 * `npm run bench:api`: ten years of national history (about 2,000,000 episodes, loaded in bulk
 * into a scratch database), the compiled API in front of it, and autocannon with 50 concurrent
 * clients on a mix of incidence queries (England, regions, LAs; every setting; 12- and 52-week
 * ranges ending anywhere in the history) with a valid statistician token. In the same run and
 * with the same load generator, the floor: a bare node:http server (as many processes as the API
 * has workers) answering a fixed JSON body as long as the API's mean answer. Prints p50, p95, p99
 * and requests/s of the API and of the floor; target: the API at least half the floor's
 * requests/s, with p95 at most twice the floor's.
 */
const log = (m: string) => process.stderr.write(`[bench:api] ${m}\n`);
const JWT_SECRET = 'bench-api-secret-0123456789abcdef0123';
const SETTINGS = ['ALL', 'HOME', 'CARE', 'EDUCATION'];

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`usage: npm run bench:api [-- --episodes N --connections N --seconds N --workers N]`);
  return value;
}

async function main(): Promise<void> {
  const episodes = flag('episodes', 2_000_000);
  const connections = flag('connections', 50);
  const seconds = flag('seconds', 20);
  // Production settings for the API: answers reused for 2 s, two worker processes (one per core).
  const workers = String(flag('workers', 2));
  const pipeline = new IsolatedPipeline('bench-api', {
    JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_FORMAT: 'json',
    API_CACHE_SECONDS: '2',
    API_WORKERS: workers,
  });
  log(`api: ${workers} workers, answers reused for 2 s`);
  let dataSource: DataSource | undefined;
  try {
    await pipeline.start(['api']); // the api migrates the scratch database at start-up
    dataSource = await new DataSource(dataSourceOptions(pipeline.db.url)).initialize();
    const lastWeek = await buildHistory(dataSource, episodes, log);
    await analyzeAfterBulkLoad(dataSource, 'weekly_incidence');
    const { cells, weeks } = await weeklyCellCount(dataSource);
    log(`${cells} weekly cells over ${weeks} weeks`);
    await dataSource.destroy();
    dataSource = undefined;

    const token = await mintToken(
      { sub: 'bench', role: 'statistician' },
      { secret: JWT_SECRET, issuer: 'missing-children-monitor', audience: 'mcm-api' },
    );
    const url = `http://127.0.0.1:${pipeline.apiPort}`;
    const paths = queryMix(lastWeek, weeks);
    // Retried: the health check's keep-alive socket may have been closed by the api during the load.
    const get = () => fetch(`${url}${paths[0]}`, { headers: { Authorization: `Bearer ${token}` } });
    const check = await get().catch(get);
    if (check.status !== 200) throw new Error(`the api answered ${check.status} to ${paths[0]}: ${await check.text()}`);

    // Our request path without the database (auth, rate limit, audit, validation, problem details).
    const stack = await load(url, token, ['/v1/incidence/weekly?la=E99999999'], connections, 5, 400);
    log(`the API without the database (400 on a bad la): p50 ${stack.p50} ms, p95 ${stack.p95} ms, p99 ${stack.p99} ms, ${stack.rps} requests/s`);
    await load(url, token, paths, connections, 3, 200); // warm-up: JIT, connection pool, buffers
    const bytes = await meanBodyBytes(url, token, paths.slice(0, 100));
    const floor = await floorLoad(bytes, Number(workers), token, connections, seconds);
    log(
      `floor: bare node:http, ${workers} processes, a fixed ${bytes}-byte JSON body: p50 ${floor.p50} ms, p95 ${floor.p95} ms, p99 ${floor.p99} ms, ${floor.rps} requests/s`,
    );
    // Every client sends its next request as soon as the last is answered, so at saturation the
    // latency is mostly queueing: about clients / throughput.
    const apiPid = pipeline.service('api').pid;
    const cpuBefore = processTreeCpuMs(apiPid);
    const result = await load(url, token, paths, connections, seconds, 200);
    const cpuMs = processTreeCpuMs(apiPid) - cpuBefore;
    log(`saturation, ${connections} connections, ${seconds} s, ${paths.length} distinct queries: ${result.total} requests, ${result.errors} errors`);
    log(`  latency p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms; ${result.rps} requests/s`);
    // Busy well below its cores while clients wait: the API is waiting (database, audit commits,
    // a CPU shared with others), not computing.
    log(`  the API's processes used ${(cpuMs / (seconds * 1000)).toFixed(2)} cores, ${(cpuMs / result.total).toFixed(2)} ms of CPU a request`);
    const share = result.rps / floor.rps;
    const tail = result.p95 / floor.p95;
    log(
      `against the floor: ${(share * 100).toFixed(0)}% of its requests/s (target >= 50%: ${share >= 0.5 ? 'met' : 'NOT MET'}), ` +
        `p95 ${tail.toFixed(2)} times its p95 (target <= 2: ${tail <= 2 ? 'met' : 'NOT MET'})`,
    );
    process.stdout.write(
      `RESULT p50_ms=${result.p50} p95_ms=${result.p95} p99_ms=${result.p99} requests_per_s=${result.rps} floor_requests_per_s=${floor.rps} floor_p95_ms=${floor.p95}\n`,
    );
  } finally {
    await dataSource?.destroy();
    await pipeline.stop();
  }
}

/** National, regional and LA queries for every setting, 12- and 52-week ranges, ending anywhere in the history. */
function queryMix(lastWeek: string, weeksOfHistory: number): string[] {
  const reference = referenceData();
  const areas = ['ALL', ...reference.regions.keys(), ...reference.localAuthorities.keys()];
  const paths: string[] = [];
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 2000; i++) {
    // A third national, a third regional, a third LA; half the ranges end at the latest week.
    const kind = i % 3;
    const la =
      kind === 0
        ? 'ALL'
        : kind === 1
          ? areas[1 + Math.floor(random() * reference.regions.size)]
          : areas[1 + reference.regions.size + Math.floor(random() * reference.localAuthorities.size)];
    const span = random() < 0.5 ? 12 : 52;
    const to = random() < 0.5 ? lastWeek : addWeeks(lastWeek, -Math.floor(random() * (weeksOfHistory - span)));
    const from = addWeeks(to, -(span - 1));
    paths.push(`/v1/incidence/weekly?from=${isoWeekLabel(from)}&to=${isoWeekLabel(to)}&setting=${SETTINGS[i % 4]}&la=${la}`);
  }
  return paths;
}

/** CPU time (user + system, ms) of a process and its descendants, from /proc (Linux; NaN elsewhere). */
function processTreeCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return own + children.reduce((sum, child) => sum + processTreeCpuMs(child), 0);
  } catch {
    return NaN;
  }
}

/** The mean length of the API's JSON answers to these queries. */
async function meanBodyBytes(url: string, token: string, paths: string[]): Promise<number> {
  let total = 0;
  for (const path of paths) {
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    total += Buffer.byteLength(await response.text());
  }
  return Math.round(total / paths.length);
}

/** The same load against the floor server (tools/bench/src/http-floor.ts), in its own processes. */
async function floorLoad(bytes: number, workers: number, token: string, connections: number, seconds: number): Promise<LoadResult> {
  const port = await freePort();
  const server = fork(join(__dirname, 'http-floor.js'), [String(port), String(bytes), String(workers)], { stdio: 'inherit' });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('message', () => resolve());
      server.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    await load(url, token, ['/'], connections, 3, 200); // warm-up, as for the API
    return await load(url, token, ['/'], connections, seconds, 200);
  } finally {
    server.kill('SIGTERM');
  }
}

interface LoadResult {
  total: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  rps: number;
}

/** autocannon over the paths (round robin from a random start per connection); percentiles from every response time. */
async function load(url: string, token: string, paths: string[], connections: number, seconds: number, expectedStatus: number): Promise<LoadResult> {
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
      if (statusCode !== expectedStatus) unexpected++;
    });
  });
  if (unexpected > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${unexpected} responses other than ${expectedStatus}, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)].toFixed(1));
  return {
    total: times.length,
    errors: result.errors,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: Number(times[times.length - 1].toFixed(1)),
    rps: Math.round(times.length / seconds),
  };
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`bench:api failed: ${error.stack ?? error.message} ${String((error as { cause?: unknown }).cause ?? '')}\n`);
    process.exit(1);
  },
);
