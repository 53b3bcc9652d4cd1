import { deduplicate, LinkageRecord, LinkageRegister, evaluateClusters } from '@mcm/linkage';
import { parseArgs, single } from './args';
import { generateChildren } from './synthetic-children';

/**
 * npm run bench:linkage [-- --records 1000000 --new 10000]
 * 1. Generates synthetic child records in-process (not timed), deduplicates them (training on
 *    the input, blocking, scoring, clustering) and reports seconds and peak RSS.
 * 2. Restores a register of those records with their cluster IDs, then links new records one
 *    by one and reports p50/p99 milliseconds per record.
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const n = Number(single(args, 'records') ?? 1_000_000);
  const newCount = Number(single(args, 'new') ?? 10_000);
  const g0 = Date.now();
  const data = generateChildren({ records: n + newCount, seed: 11 });
  // Hold out a random subset as "new" records arriving later.
  const isNew = new Uint8Array(data.records.length);
  let chosen = 0;
  let state = 12345;
  while (chosen < newCount) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const k = state % data.records.length;
    if (!isNew[k]) {
      isNew[k] = 1;
      chosen++;
    }
  }
  const base: LinkageRecord[] = [];
  const baseTruth: number[] = [];
  const fresh: LinkageRecord[] = [];
  const freshTruth: number[] = [];
  data.records.forEach((r, i) => {
    if (isNew[i]) {
      fresh.push(r);
      freshTruth.push(data.truth[i]);
    } else {
      base.push(r);
      baseTruth.push(data.truth[i]);
    }
  });
  console.log(`generated ${data.records.length} records of ${data.children} children in ${((Date.now() - g0) / 1000).toFixed(1)} s (not timed)`);

  const t0 = process.hrtime.bigint();
  const result = deduplicate(base, {
    source: 'bench',
    onProgress: (stage, done, total) => {
      if (done === 0) console.log(`  ${stage} started at ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
    },
  });
  const dedupeSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = evaluateClusters(Array.from(result.cluster), baseTruth);
  console.log(`dedupe ${base.length} records: ${dedupeSeconds.toFixed(1)} s (${Object.entries(result.seconds).map(([k, v]) => `${k} ${v.toFixed(1)}s`).join(', ')})`);
  console.log(`  ${result.candidatePairs} candidate pairs, ${result.links} links, ${result.clusters} clusters; pairwise P ${m.precision.toFixed(4)} R ${m.recall.toFixed(4)} F1 ${m.f1.toFixed(4)}`);
  const rssAfterDedupe = process.resourceUsage().maxRSS / 1024;
  console.log(`  peak RSS so far ${rssAfterDedupe.toFixed(0)} MB`);

  const r0 = Date.now();
  const register = LinkageRegister.restore(result.model, base.map((record, i) => ({ record, clusterId: result.cluster[i] + 1 })));
  console.log(`register of ${register.size} records restored in ${((Date.now() - r0) / 1000).toFixed(1)} s`);
  const times = new Float64Array(fresh.length);
  const clusterTruth = new Map<number, Map<number, number>>();
  let correct = 0;
  let candidates = 0;
  // Truth of each existing cluster's majority child, to check the new links.
  result.cluster.forEach((c, i) => {
    const id = c + 1;
    let counts = clusterTruth.get(id);
    if (!counts) clusterTruth.set(id, (counts = new Map()));
    counts.set(baseTruth[i], (counts.get(baseTruth[i]) ?? 0) + 1);
  });
  const childHasBase = new Set(baseTruth);
  fresh.forEach((record, i) => {
    const s = process.hrtime.bigint();
    const res = register.add(record);
    times[i] = Number(process.hrtime.bigint() - s) / 1e6;
    candidates += res.candidates;
    const counts = clusterTruth.get(res.clusterId!);
    const majority = counts ? [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0] : -1;
    const expectedExisting = childHasBase.has(freshTruth[i]);
    if ((expectedExisting && majority === freshTruth[i]) || (!expectedExisting && !counts)) correct++;
  });
  const sorted = Float64Array.from(times).sort();
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(`link ${fresh.length} new records one by one: p50 ${q(0.5).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms; ` +
    `${(candidates / fresh.length).toFixed(1)} candidates/record; placed in the right cluster ${(correct / fresh.length * 100).toFixed(1)}%`);
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`peak RSS ${peak.toFixed(0)} MB`);
  console.log(`RESULT dedupe_1m_s=${dedupeSeconds.toFixed(1)} link_one_p50_ms=${q(0.5).toFixed(3)} link_one_p99_ms=${q(0.99).toFixed(3)} records=${base.length} dedupe_f1=${m.f1.toFixed(4)} peak_rss_mb=${peak.toFixed(0)}`);
}

main();
