import { writeFileSync } from 'node:fs';
import { LinkageModel, LinkageRecord, parseFieldMap, serialiseModel, trainModel, TrainOptions } from '@mcm/linkage';
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
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const files = args.get('input') ?? fail('--input is required (database mode: call trainFromRecords with the register records)');
  const mapping = parseFieldMap(required(args, 'map'));
  const out = required(args, 'out');
  const records = readInputs(files.map((file) => ({ file, id: required(args, 'id'), mapping })));
  const model = trainFromRecords(records, { source: single(args, 'source') ?? files.join(' + ') });
  writeFileSync(out, serialiseModel(model) + '\n');
  const t = model.training;
  process.stdout.write(
    `model ${model.modelId}: ${t.records} records, ${t.candidatePairs} candidate pairs, prior ${model.prior.toPrecision(3)}, ` +
      `EM ${t.emIterations} iterations${t.emConverged ? '' : ' (not converged)'}, ${t.seconds.toFixed(1)} s -> ${out}\n`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    fail((e as Error).message);
  }
}
