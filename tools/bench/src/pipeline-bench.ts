import { generateScenario, SimEvent } from '../../simulator/src';
import { IsolatedPipeline, waitFor } from '../../harness/src';
import { rawConsumeRate, rawInsertRate, rawSealRate } from './raw-limits';
import { LatencyProbe } from './latency-probe';

/**
 * `npm run bench`: replays a simulated stream (at least 200,000 events) through ingest and the
 * aggregator on the real broker and database, and measures, in the same run, the raw limits of
 * the machine: a consume-only kafkajs pass and a bulk insert of as many rows.
 */
interface Options {
  children: number;
  days: number;
  latencyRate: number;
  latencySeconds: number;
  seed: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { children: 26000, days: 365, latencyRate: 1000, latencySeconds: 20, seed: 20261123 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as keyof Options;
    if (!(key in options) || Number.isNaN(Number(argv[i + 1]))) throw new Error(`unknown or invalid option ${argv[i]} ${argv[i + 1] ?? ''}`);
    options[key] = Number(argv[i + 1]);
  }
  return options;
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const round = (n: number) => Math.round(n);

async function publishAll(pipeline: IsolatedPipeline, events: SimEvent[]): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < events.length; i += 5000) {
    await pipeline.publish(events.slice(i, i + 5000).map((e) => ({ as: e.publisher, key: e.key, value: e.bytes, headers: { ...e.headers } })));
    if ((i / 5000) % 10 === 0) log(`published ${Math.min(i + 5000, events.length)} / ${events.length}`);
  }
  return (events.length / (Date.now() - started)) * 1000;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  log(`generating ${options.children} children over ${options.days} days`);
  const scenario = generateScenario({ seed: options.seed, children: options.children, days: options.days, now: new Date() });
  const events = scenario.events;
  if (events.length < 200_000) log(`warning: only ${events.length} events; raise --children for the 200,000-event target`);

  // Every agency is onboarded before ingest starts: ingest lists topics at the production pace.
  const pipeline = new IsolatedPipeline('bench', { INGEST_RESUBSCRIBE_SECONDS: '5' });
  await pipeline.start([]);
  try {
    const onboardStarted = Date.now();
    const agencies = [...new Set(events.map((e) => e.publisher))];
    await pipeline.onboard(agencies);
    log(`onboarded ${agencies.length} agencies (certificates, topics, grants, register) in ${((Date.now() - onboardStarted) / 1000).toFixed(1)} s`);
    const publishPerS = await publishAll(pipeline, events);
    log(`published ${events.length} events at ${round(publishPerS)}/s`);

    const inputTopics = await pipeline.agencyInputTopics();
    const rawConsume = await rawConsumeRate(pipeline.kafka, inputTopics, events.length);
    log(`raw kafkajs consume: ${round(rawConsume)} msg/s`);
    const rawRows = events.filter((e) => e.event).map((e) => e.event!);
    const rawPg = await rawInsertRate(pipeline.db.url, rawRows);
    log(`raw PostgreSQL bulk insert: ${round(rawPg)} rows/s`);
    const sealPerS = rawSealRate(rawRows.map((e) => e.child));
    log(
      `identity sealing: ${round(sealPerS)} events/s on one core (2 seals + 2 opens each) = ${((rawPg / sealPerS) * 100).toFixed(1)}% of the time of a raw-PG-bound event`,
    );

    const started = Date.now();
    await pipeline.startService('aggregator');
    await pipeline.startService('ingest');
    let last = 0;
    await waitFor(
      'the pipeline to drain the backlog',
      async () => {
        const [{ n }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM agency_event').catch(() => [{ n: '0' }]);
        if (Date.now() - last > 5000) {
          last = Date.now();
          log(`aggregated ${n} events (${round((Number(n) / (Date.now() - started)) * 1000)}/s)`);
        }
        return pipeline
          .caughtUp(pipeline.group('aggregator'), pipeline.topics.accepted)
          .then(async (aggregated) => aggregated && (await pipeline.caughtUp(pipeline.group('ingest'), inputTopics)));
      },
      1_800_000,
      200,
    );
    const drainS = (Date.now() - started) / 1000;
    const eventsPerS = events.length / drainS;
    log(`end to end: ${events.length} events in ${drainS.toFixed(1)} s = ${round(eventsPerS)} events/s (includes service start-up)`);

    const probe = new LatencyProbe(pipeline, options.latencyRate, options.latencySeconds, options.seed + 1);
    const latency = await probe.run();
    log(
      `latency at ${options.latencyRate} events/s for ${options.latencySeconds} s: p50 ${latency.p50} ms, p99 ${latency.p99} ms (${latency.samples} samples)`,
    );

    const rss = Object.fromEntries([...pipeline.services].map(([name, s]) => [name, s.peakRssMiB()]));
    log(`peak RSS MiB: ${JSON.stringify(rss)}`);
    process.stdout.write(
      `events=${events.length} publish_per_s=${round(publishPerS)} drain_s=${drainS.toFixed(1)} ` +
        `ingest_peak_rss_mib=${round(rss.ingest ?? 0)} aggregator_peak_rss_mib=${round(rss.aggregator ?? 0)}\n`,
    );
    process.stdout.write(
      `RESULT events_per_s=${round(eventsPerS)} p99_ms=${latency.p99} raw_consume_per_s=${round(rawConsume)} raw_pg_rows_per_s=${round(rawPg)} ` +
        `agencies=${agencies.length} end_to_end_over_raw_pg=${(eventsPerS / rawPg).toFixed(3)} end_to_end_over_raw_consume=${(eventsPerS / rawConsume).toFixed(4)} ` +
        `seal_per_s=${round(sealPerS)} seal_cost_over_raw_pg=${(rawPg / sealPerS).toFixed(3)}\n`,
    );
  } finally {
    await pipeline.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
