import { writeFileSync } from 'node:fs';
import { LinkageModel, LinkageRecord, parseFieldMap, serialiseModel, trainModel, trainOnRegister, TrainOptions } from '@mcm/linkage';
import {
  ChildIdentityRepository,
  databaseUrlFromEnv,
  DataSource,
  dataSourceOptions,
  LinkageModelRepository,
  migrateDatabase,
} from '@mcm/persistence';
import { identityCipherFor } from '@mcm/shared';
import { fail, parseArgs, required, single } from './args';
import { readInputs } from './datasets';

/**
 * Estimates a versioned model from records. Call this with the register's current records
 * (database mode) or use the CSV mode below. The result is JSON-serialisable with
 * serialiseModel and is loaded back with parseModel.
 */
export function trainFromRecords(records: readonly LinkageRecord[], options: TrainOptions = {}): LinkageModel {
  return trainModel(records, options);
}

/**
 * npm run linkage:train -- --input <file.csv> [--input <second.csv>] --id <column> --map <field>=<column>,... --out <model.json>
 * npm run linkage:train -- --from-database [--out <model.json>] [--min-records N]
 *   trains on the register's current agency child profiles (DATABASE_URL; opened with the
 *   aggregator's identity keys, IDENTITY_KEYS or IDENTITY_KEYS_FILE), stores the model in
 *   linkage_model and makes it the active one; the aggregator (LINKER=probabilistic) uses it
 *   from its next start.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = single(args, 'out');
  let model: LinkageModel;
  if (single(args, 'from-database') !== undefined) {
    const url = databaseUrlFromEnv(process.env);
    await migrateDatabase(url, { identityKeys: process.env });
    const dataSource = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      const minRecords = Number(single(args, 'min-records') ?? 200);
      const identities = new ChildIdentityRepository(identityCipherFor(process.env));
      const trained = await dataSource.transaction(async (db) => {
        // Personal data in memory only, for training.
        const profiles = await identities.allProfiles(db);
        if (profiles.length < minRecords) return null;
        const { model: fitted } = trainOnRegister(profiles);
        await new LinkageModelRepository().save(db, fitted, true);
        return fitted;
      });
      if (!trained) fail(`the register holds fewer than ${minRecords} agency child profiles: not enough to train on`);
      model = trained;
    } finally {
      await dataSource.destroy();
    }
  } else {
    const files = args.get('input') ?? fail('--input (CSV mode) or --from-database is required');
    const mapping = parseFieldMap(required(args, 'map'));
    if (out === undefined) fail('--out is required in CSV mode');
    const records = readInputs(files.map((file) => ({ file, id: required(args, 'id'), mapping })));
    model = trainFromRecords(records, { source: single(args, 'source') ?? files.join(' + ') });
  }
  if (out !== undefined) writeFileSync(out, serialiseModel(model) + '\n');
  const t = model.training;
  process.stdout.write(
    `model ${model.modelId}: ${t.records} records, ${t.candidatePairs} candidate pairs, prior ${model.prior.toPrecision(3)}, ` +
      `EM ${t.emIterations} iterations${t.emConverged ? '' : ' (not converged)'}, ${t.seconds.toFixed(1)} s -> ${out ?? 'linkage_model (active)'}\n`,
  );
}

if (require.main === module) {
  main().catch((e: Error) => fail(e.message));
}
