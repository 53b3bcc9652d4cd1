import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { DataSource, dataSourceOptions, defaultServiceDatabaseUrl } from '@mcm/persistence';
import { NationalRegisterTotalsRepository } from '@mcm/persistence/linkage/national-register-totals.repository';
import { CommonEnv, envValidator } from '@mcm/shared';
import { clockDependentEventIds, DemoTruth, demoFigures, describeDemoFigures } from './demo-comparison';

/**
 * `node dist/tools/demo-check/src/main.js --truth .infra/demo-ground-truth.json`: the demo's
 * national children and episodes as linked (whole history, DATABASE_URL, default the
 * aggregator's role on the local database) against the simulator's truth. Counts only.
 */
async function main(argv: string[]): Promise<void> {
  const i = argv.indexOf('--truth');
  const file = i >= 0 ? argv[i + 1] : undefined;
  if (!file) throw new Error('usage: demo-check --truth <ground-truth.json>');
  const truth = JSON.parse(readFileSync(file, 'utf8')) as DemoTruth;
  const dataSource = await new DataSource(
    dataSourceOptions(envValidator(CommonEnv)(process.env).DATABASE_URL || defaultServiceDatabaseUrl('aggregator')),
  ).initialize();
  try {
    const repository = new NationalRegisterTotalsRepository();
    const totals = await repository.totals(dataSource.manager);
    const acceptedFuture = await repository.acceptedEvents(dataSource.manager, clockDependentEventIds(truth));
    process.stdout.write(`demo: ${describeDemoFigures(demoFigures(truth, totals, acceptedFuture))}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`demo-check: ${e.message}\n`);
  process.exit(1);
});
