import { deduplicate, evaluateByGroup, evaluateClusters, recallLoss, weightFromProbability } from '@mcm/linkage';
import { fail, parseArgs, required, single } from './args';
import { DATASET_NAMES, dataDir, loadDataset } from './datasets';

/**
 * npm run linkage:eval -- --dataset <name> [--data-dir <dir>] [--records <n> (children, gen:*)] [--seed <s> (gen:*)] [--diagnose]
 * gen:children, gen:fake, gen:historical are the generated sets (see linkage:generate); they also report by group.
 * Trains on the dataset itself (labels are never used for training), clusters it, and scores
 * the clusters against the ground truth.
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const name = required(args, 'dataset');
  if (!DATASET_NAMES.includes(name)) fail(`unknown dataset "${name}"; known: ${DATASET_NAMES.join(', ')}`);
  const records = single(args, 'records');
  const seed = single(args, 'seed');
  const data = loadDataset(name, dataDir(single(args, 'data-dir') ?? process.env.LINKAGE_DATA_DIR), {
    childrenRecords: records ? Number(records) : undefined,
    seed: seed ? Number(seed) : undefined,
  });
  const diagnose = single(args, 'diagnose') !== undefined;
  const started = process.hrtime.bigint();
  const result = deduplicate(data.records, { source: name, keepPairs: diagnose });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const m = evaluateClusters(Array.from(result.cluster), data.truth);
  const fmt = (x: number) => x.toFixed(4);
  const perSecond = Math.round(data.records.length / seconds);
  console.log(`dataset           ${data.name}: ${data.description}`);
  console.log(
    `model             ${result.model.modelId} (prior ${result.model.prior.toPrecision(3)}${result.model.householdPrior ? `, household prior ${result.model.householdPrior.toPrecision(3)}` : ''}, EM ${result.model.training.emIterations} iterations${result.model.training.emConverged ? '' : ', not converged'})`,
  );
  console.log(`records           ${m.records}`);
  console.log(`candidate pairs   ${result.candidatePairs} (links ${result.links}, review ${result.reviews})`);
  console.log(`clusters          ${result.clusters} predicted`);
  console.log(`pairs             true ${m.truePairs}, predicted ${m.predictedPairs}, correct ${m.truePositivePairs}`);
  console.log(`pairwise          precision ${fmt(m.precision)}  recall ${fmt(m.recall)}  F1 ${fmt(m.f1)}`);
  console.log(`B-cubed           precision ${fmt(m.bcubedPrecision)}  recall ${fmt(m.bcubedRecall)}  F1 ${fmt(m.bcubedF1)}`);
  for (const [label, values] of Object.entries(data.groups ?? {})) {
    for (const g of evaluateByGroup(Array.from(result.cluster), data.truth, values)) {
      console.log(
        `GROUP ${label}=${g.group} records=${g.records} true_pairs=${g.truePairs} precision=${fmt(g.precision)} recall=${fmt(g.recall)} f1=${fmt(g.f1)}`,
      );
    }
  }
  if (diagnose && result.scored) {
    const loss = recallLoss(
      result.cluster,
      data.truth,
      result.scored.pairs,
      result.scored.weights,
      weightFromProbability(result.model.thresholds.link),
    );
    const share = (k: number) => `${k} (${((100 * k) / Math.max(1, loss.truePairs)).toFixed(2)}%)`;
    console.log(
      `true pairs lost  not candidates ${share(loss.notCandidate)}, below threshold ${share(loss.belowThreshold)}, split by clustering ${share(loss.splitByClustering)}`,
    );
  }
  console.log(
    `speed             ${seconds.toFixed(2)} s, ${perSecond} records/s (${Object.entries(result.seconds)
      .map(([k, v]) => `${k} ${v.toFixed(2)}s`)
      .join(', ')})`,
  );
  if (single(args, 'verbose')) {
    for (const c of result.model.comparisons) {
      const h = (k: number) => (c.h ? ` h=${c.h[k].toFixed(4)}` : '');
      console.log(
        `  ${c.name.padEnd(20)} ${c.levels.map((l, k) => `${l}: m=${c.m[k].toFixed(4)}${h(k)} u=${c.u[k].toExponential(2)} w=${Math.log2(c.m[k] / c.u[k]).toFixed(2)}`).join(' | ')}`,
      );
    }
  }
  console.log(
    `RESULT dataset=${name} precision=${fmt(m.precision)} recall=${fmt(m.recall)} f1=${fmt(m.f1)} bcubed_p=${fmt(m.bcubedPrecision)} bcubed_r=${fmt(m.bcubedRecall)} records_per_s=${perSecond} peak_rss_mb=${Math.round(process.resourceUsage().maxRSS / 1024)}`,
  );
}

try {
  main();
} catch (e) {
  fail((e as Error).message);
}
