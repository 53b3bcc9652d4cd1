import { stringify } from 'csv-stringify/sync';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { deduplicate, parseFieldMap, parseModel } from '@mcm/linkage';
import { fail, parseArgs, required, single } from './args';
import { readInputs } from './datasets';

/**
 * npm run linkage:dedupe -- --input <file.csv> [--input <second.csv>] --id <column>
 *   --map <field>=<column>[+<column>],... --out <clusters.csv> [--model <model.json>] [--review-out <pairs.csv>]
 * Fields: given_name family_name full_name dob sex postcode nhs_number upn email city address la_code extra:<name>.
 * With two inputs records of both files are clustered together and ids are prefixed "<file>:".
 * Without --model the parameters are estimated from the input itself (no labels needed).
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const files = args.get('input') ?? fail('--input is required');
  const id = required(args, 'id');
  const mapping = parseFieldMap(required(args, 'map'));
  const out = required(args, 'out');
  const modelFile = single(args, 'model');
  const t0 = Date.now();
  const records = readInputs(files.map((file) => ({ file, id, mapping })));
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) fail(`duplicate record id "${r.id}" (ids must be unique${files.length > 1 ? ' within each file' : ''})`);
    seen.add(r.id);
  }
  const large = records.length >= 50_000;
  process.stderr.write(`read ${records.length} records in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  let lastReport = 0;
  const result = deduplicate(records, {
    model: modelFile ? parseModel(readFileSync(modelFile, 'utf8')) : undefined,
    source: files.join(' + '),
    collectReviewPairs: single(args, 'review-out') !== undefined,
    onProgress: (stage, done, total) => {
      const now = Date.now();
      if (!large || (now - lastReport < 1000 && done !== 0 && done !== total)) return;
      lastReport = now;
      process.stderr.write(`${stage.padEnd(10)} ${total > 0 ? Math.round((100 * done) / total) : 100}%  (${((now - t0) / 1000).toFixed(1)} s)\n`);
    },
  });
  const stream = createWriteStream(out);
  stream.write('record_id,cluster_id,match_probability\n');
  let buffer = '';
  records.forEach((r, i) => {
    buffer += stringify([[r.id, String(result.cluster[i] + 1), result.bestProbability[i] === 0 ? '' : result.bestProbability[i].toFixed(4)]]);
    if (buffer.length > 1 << 16) {
      stream.write(buffer);
      buffer = '';
    }
  });
  stream.end(buffer);
  const reviewOut = single(args, 'review-out');
  if (reviewOut) {
    const rows = result.reviewPairs.map((p) => [records[p.a].id, records[p.b].id, p.probability.toFixed(4)]);
    writeFileSync(reviewOut, stringify([['record_id_a', 'record_id_b', 'match_probability'], ...rows]));
  }
  const seconds = (Date.now() - t0) / 1000;
  process.stderr.write(
    `${records.length} records -> ${result.clusters} clusters; ${result.candidatePairs} candidate pairs, ${result.links} links, ${result.reviews} for review; ` +
      `model ${result.model.modelId}; ${seconds.toFixed(1)} s (${Math.round(records.length / seconds)} records/s); wrote ${out}\n`,
  );
}

try {
  main();
} catch (e) {
  fail((e as Error).message);
}
