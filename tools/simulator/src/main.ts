import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CommonEnv, DEFAULT_REFERENCE_VERSION, defaultReferenceDir, envValidator, ReferenceData, useReferenceDataDir } from '@mcm/shared';
import { topicNames } from '@mcm/kafka';
import { parseArgs, UsageError, USAGE } from './cli-args';
import { computeExpected } from './expected';
import { buildGroundTruth, writeGroundTruth } from './ground-truth';
import { ProgressReporter, rate } from './progress';
import { publishingAgenciesCsv, publishScenario } from './publish';
import { generateScenario } from './scenario';

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The packaged reference data, or the repository's copy when running from dist/. */
function loadReference(): ReferenceData {
  const dir = defaultReferenceDir();
  if (existsSync(dir)) return ReferenceData.load(dir);
  const fromCwd = join(process.cwd(), 'libs/shared/reference', DEFAULT_REFERENCE_VERSION);
  if (existsSync(fromCwd)) return ReferenceData.load(fromCwd);
  throw new Error(`reference data not found in ${dir} or ${fromCwd}; set REFERENCE_DATA_DIR`);
}

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      log(`simulate: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args === null) {
    log(USAGE);
    return 0;
  }
  const config = envValidator(CommonEnv)(process.env);
  useReferenceDataDir(config.REFERENCE_DATA_DIR);
  const now = args.now ?? new Date();
  const reference = loadReference();

  const t0 = performance.now();
  const scenario = generateScenario({
    seed: args.seed,
    children: args.children,
    days: args.days,
    now,
    invalidShare: args.invalidShare,
    linkableOnly: args.linkableOnly,
    reference,
  });
  const t1 = performance.now();
  const expected = computeExpected(scenario.events);
  const t2 = performance.now();
  const brokers = args.brokers ?? config.KAFKA_BROKERS.split(',');
  const groundTruth = buildGroundTruth(scenario, expected, { rate: args.rate ?? null, dryRun: args.dryRun, brokers });
  const out = resolve(process.cwd(), args.out);
  await writeGroundTruth(groundTruth, out);
  const { counts } = groundTruth;
  log(
    `generated ${counts.events} events (${counts.valid} valid, ${counts.invalid} invalid) for ${counts.trueChildren} children, ` +
      `${counts.incidents} incidents, ${counts.agencyRecords} agency records in ${((t1 - t0) / 1000).toFixed(2)} s ` +
      `(${rate(counts.events, t1 - t0)} events/s); expected figures in ${((t2 - t1) / 1000).toFixed(2)} s; ground truth: ${out}`,
  );

  if (args.agenciesOut) {
    writeFileSync(resolve(process.cwd(), args.agenciesOut), publishingAgenciesCsv(scenario.events));
    log(`agencies that publish: ${args.agenciesOut} (onboard them with npm run agency -- add --file ${args.agenciesOut})`);
  }
  if (args.dryRun) {
    log(`summary: dry run, nothing published; ${counts.events} events, horizon week ${groundTruth.horizonWeek}, ground truth ${out}`);
    return 0;
  }
  const progress = new ProgressReporter(scenario.events.length, log);
  const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
  const env = { ...config, KAFKA_BROKERS: brokers.join(',') };
  const result = await publishScenario(scenario.events, { topics, env, rate: args.rate, onProgress: (published) => progress.update(published) });
  log(
    `summary: published ${result.published}/${scenario.events.length} events to ${topics.agencyInputPrefix}<agency> via ${brokers.join(',')} in ` +
      `${(result.elapsedMs / 1000).toFixed(1)} s (${rate(result.published, result.elapsedMs)} events/s); ground truth ${out}`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`simulate: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
