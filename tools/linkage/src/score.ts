import { readFileSync } from 'node:fs';
import { evaluateByGroup, evaluateClusters, parseCsv } from '@mcm/linkage';
import { fail, parseArgs, required, single } from './args';

/**
 * npm run linkage:score -- --truth <labelled.csv> --clusters <dedupe output.csv>
 *   [--id unique_id] [--cluster cluster] [--group true_sex --group ethnic_group]
 * Scores linkage:dedupe's output against the labels of a generated (or any labelled) set:
 * pairwise and B-cubed overall, and pairwise by each --group column.
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const truthTable = parseCsv(readFileSync(required(args, 'truth'), 'utf8'));
  const clusters = parseCsv(readFileSync(required(args, 'clusters'), 'utf8'));
  const col = (header: string[], name: string) => {
    const k = header.indexOf(name);
    if (k < 0) fail(`column "${name}" not found`);
    return k;
  };
  const idCol = col(truthTable.header, single(args, 'id') ?? truthTable.header[0]);
  const clusterCol = col(truthTable.header, single(args, 'cluster') ?? 'cluster');
  const predictedOf = new Map(clusters.rows.map((r) => [r[col(clusters.header, 'record_id')], r[col(clusters.header, 'cluster_id')]]));
  const predicted = truthTable.rows.map((r) => predictedOf.get(r[idCol]) ?? fail(`record ${r[idCol]} missing from the clusters file`));
  const truth = truthTable.rows.map((r) => r[clusterCol]);
  const m = evaluateClusters(predicted, truth);
  const fmt = (x: number) => x.toFixed(4);
  console.log(`records ${m.records}; pairs true ${m.truePairs}, predicted ${m.predictedPairs}, correct ${m.truePositivePairs}`);
  console.log(`pairwise  precision ${fmt(m.precision)}  recall ${fmt(m.recall)}  F1 ${fmt(m.f1)}`);
  console.log(`B-cubed   precision ${fmt(m.bcubedPrecision)}  recall ${fmt(m.bcubedRecall)}  F1 ${fmt(m.bcubedF1)}`);
  for (const g of args.get('group') ?? ['true_sex', 'ethnic_group'].filter((c) => truthTable.header.includes(c))) {
    const k = col(truthTable.header, g);
    for (const r of evaluateByGroup(
      predicted,
      truth,
      truthTable.rows.map((row) => row[k]),
    )) {
      console.log(
        `GROUP ${g}=${r.group} records=${r.records} true_pairs=${r.truePairs} precision=${fmt(r.precision)} recall=${fmt(r.recall)} f1=${fmt(r.f1)}`,
      );
    }
  }
  console.log(`RESULT precision=${fmt(m.precision)} recall=${fmt(m.recall)} f1=${fmt(m.f1)}`);
}

try {
  main();
} catch (e) {
  fail((e as Error).message);
}
