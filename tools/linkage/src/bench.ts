import { assignNationalIds, LinkableRecord, newNationalIdsNeeded, settleNationalIds } from '@mcm/incidence';
import { deduplicate, evaluateClusters, LinkageRecord, nameFrequencies, ProbabilisticChildLinker } from '@mcm/linkage';
import { ChildAttributes } from '@mcm/shared';
import { parseArgs, single } from './args';
import { generateChildren } from './synthetic-children';

/** Targets (docs/PERFORMANCE.md, docs/LINKAGE.md): each figure is printed beside its limit. */
const LIMITS = { dedupeSeconds: 60, linkOneP99Ms: 5 } as const;

/**
 * npm run bench:linkage [-- --records 1000000 --new 10000]
 * 1. Generates synthetic child records in-process (not timed), deduplicates them (training on
 *    the input, blocking, scoring, clustering) and reports seconds and peak RSS.
 * 2. Loads those records as the aggregator's child register (the dedupe's clusters as national
 *    children, every record's link keys indexed; not timed), then links new records one by one
 *    the way the aggregator does, in memory: the probabilistic ChildLinker's keys, the capped
 *    neighbours per key, the closed set with the neighbours' national children, the linker's
 *    partition and the national ID assignment (libs/incidence). Reports p50/p99 ms per record.
 * A raw limit, the same fixed CPU work timed at the start and at the end of the run (sorting
 * 2,000,000 doubles), says how loaded the machine was.
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const n = Number(single(args, 'records') ?? 1_000_000);
  const newCount = Number(single(args, 'new') ?? 10_000);
  const rawBefore = rawSortMs();
  console.log(`raw limit: sorting 2,000,000 doubles takes ${rawBefore.toFixed(0)} ms now`);
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
    onProgress: (stage, done) => {
      if (done === 0) console.log(`  ${stage} started at ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
    },
  });
  const dedupeSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = evaluateClusters(Array.from(result.cluster), baseTruth);
  console.log(
    `dedupe ${base.length} records: ${dedupeSeconds.toFixed(1)} s, limit ${LIMITS.dedupeSeconds} s (${Object.entries(result.seconds)
      .map(([k, v]) => `${k} ${v.toFixed(1)}s`)
      .join(', ')})`,
  );
  console.log(
    `  ${result.candidatePairs} candidate pairs, ${result.links} links, ${result.clusters} clusters; pairwise P ${m.precision.toFixed(4)} R ${m.recall.toFixed(4)} F1 ${m.f1.toFixed(4)}`,
  );
  console.log(`  peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  const r0 = Date.now();
  const register = new InMemoryChildRegister(
    new ProbabilisticChildLinker(result.model, nameFrequencies(base.map(toChildAttributes))),
    base.map((record, i) => ({ profile: toChildAttributes(record), nationalId: result.cluster[i] + 1 })),
  );
  console.log(
    `child register of ${base.length} records (${register.keyCount} link keys) loaded in ${((Date.now() - r0) / 1000).toFixed(1)} s (not timed)`,
  );
  // Truth of each existing national child's majority child, to check the new links.
  const clusterTruth = new Map<number, Map<number, number>>();
  result.cluster.forEach((c, i) => {
    const id = c + 1;
    let counts = clusterTruth.get(id);
    if (!counts) clusterTruth.set(id, (counts = new Map()));
    counts.set(baseTruth[i], (counts.get(baseTruth[i]) ?? 0) + 1);
  });
  const childHasBase = new Set(baseTruth);
  const times = new Float64Array(fresh.length);
  let correct = 0;
  let closedSet = 0;
  fresh.forEach((record, i) => {
    const s = process.hrtime.bigint();
    const res = register.add(toChildAttributes(record));
    times[i] = Number(process.hrtime.bigint() - s) / 1e6;
    closedSet += res.closedSet;
    const counts = clusterTruth.get(res.nationalId);
    const majority = counts ? [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0] : -1;
    const expectedExisting = childHasBase.has(freshTruth[i]);
    if ((expectedExisting && majority === freshTruth[i]) || (!expectedExisting && !counts)) correct++;
  });
  const sorted = Float64Array.from(times).sort();
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  console.log(
    `link ${fresh.length} new records one by one (aggregator path): p50 ${q(0.5).toFixed(3)} ms, p99 ${q(0.99).toFixed(3)} ms (limit ${LIMITS.linkOneP99Ms} ms), ` +
      `max ${sorted[sorted.length - 1].toFixed(1)} ms; ${(closedSet / fresh.length).toFixed(1)} records in the closed set/record; placed in the right national child ${((correct / fresh.length) * 100).toFixed(1)}%`,
  );
  const peak = process.resourceUsage().maxRSS / 1024;
  const rawAfter = rawSortMs();
  console.log(`peak RSS ${peak.toFixed(0)} MB; raw limit at the end: ${rawAfter.toFixed(0)} ms`);
  console.log(
    `against the limits: dedupe ${(dedupeSeconds / LIMITS.dedupeSeconds).toFixed(2)} of ${LIMITS.dedupeSeconds} s, link p99 ${(q(0.99) / LIMITS.linkOneP99Ms).toFixed(2)} of ${LIMITS.linkOneP99Ms} ms ` +
      `(raw limit ${rawBefore.toFixed(0)} / ${rawAfter.toFixed(0)} ms)`,
  );
  console.log(
    `RESULT dedupe_1m_s=${dedupeSeconds.toFixed(1)} link_one_p50_ms=${q(0.5).toFixed(3)} link_one_p99_ms=${q(0.99).toFixed(3)} records=${base.length} dedupe_f1=${m.f1.toFixed(4)} ` +
      `peak_rss_mb=${peak.toFixed(0)} raw_sort_ms=${((rawBefore + rawAfter) / 2).toFixed(0)}`,
  );
}

/**
 * The aggregator's child register (ChildRegisterRepository.relink) with its tables in memory:
 * link keys per key in arrival order (child_link_key), each record's national child
 * (agency_child), the members of each national child. The decisions are the production ones.
 */
class InMemoryChildRegister {
  private readonly profiles: ChildAttributes[] = [];
  private readonly nationalOf: number[] = [];
  private readonly members = new Map<number, number[]>();
  private readonly byKey = new Map<string, number[]>();
  private nextNationalId = 1;

  constructor(
    private readonly linker: ProbabilisticChildLinker,
    records: readonly { profile: ChildAttributes; nationalId: number }[],
  ) {
    for (const { profile, nationalId } of records) {
      const id = this.store(profile);
      this.join(id, nationalId);
      this.nextNationalId = Math.max(this.nextNationalId, nationalId + 1);
    }
  }

  get keyCount(): number {
    return this.byKey.size;
  }

  /** A new agency child: stores its keys, re-clusters its closed set, returns its national child. */
  add(profile: ChildAttributes): { nationalId: number; closedSet: number } {
    const id = this.store(profile);
    // Capped neighbours: the records that arrived just before it under each of its keys.
    const perKey = this.linker.neighboursPerKey;
    const seeds = new Set([id]);
    for (const key of this.linker.keysOf(profile)) {
      const ids = this.byKey.get(key)!;
      for (let k = ids.length - 2, taken = 0; k >= 0 && taken < perKey; k--, taken++) seeds.add(ids[k]);
    }
    const closed = new Set(seeds);
    for (const seed of seeds) for (const member of this.members.get(this.nationalOf[seed]) ?? []) closed.add(member);
    const ids = [...closed].sort((a, b) => a - b);
    const records: LinkableRecord[] = ids.map((r) => ({ id: r, profile: this.profiles[r] }));
    const current = new Map(ids.map((r) => [r, this.nationalOf[r] || null]));
    const { clusters } = this.linker.link(records, []);
    const assignment = assignNationalIds(clusters, current);
    const created = Array.from({ length: newNationalIdsNeeded(assignment) }, () => this.nextNationalId++);
    const outcome = settleNationalIds(clusters, current, assignment, created);
    for (const [member, nationalId] of outcome.updates) this.move(member, nationalId);
    return { nationalId: this.nationalOf[id], closedSet: ids.length };
  }

  private store(profile: ChildAttributes): number {
    const id = this.profiles.length + 1;
    this.profiles[id] = profile;
    for (const key of this.linker.keysOf(profile)) {
      const ids = this.byKey.get(key);
      if (ids) ids.push(id);
      else this.byKey.set(key, [id]);
    }
    return id;
  }

  private join(id: number, nationalId: number): void {
    this.nationalOf[id] = nationalId;
    const list = this.members.get(nationalId);
    if (list) list.push(id);
    else this.members.set(nationalId, [id]);
  }

  private move(id: number, nationalId: number): void {
    const before = this.nationalOf[id];
    if (before) {
      const list = this.members.get(before)!;
      list.splice(list.indexOf(id), 1);
      if (list.length === 0) this.members.delete(before);
    }
    this.join(id, nationalId);
  }
}

function toChildAttributes(r: LinkageRecord): ChildAttributes {
  const child: ChildAttributes = {};
  if (r.givenName) child.givenName = r.givenName;
  if (r.familyName) child.familyName = r.familyName;
  if (r.nhsNumber) child.nhsNumber = r.nhsNumber;
  if (r.upn) child.upn = r.upn;
  if (r.dob)
    child.dateOfBirth = [String(r.dob.year).padStart(4, '0'), r.dob.month, r.dob.day]
      .filter((p) => p !== undefined)
      .map((p) => String(p).padStart(2, '0'))
      .join('-');
  if (r.sex) child.sex = r.sex as ChildAttributes['sex'];
  if (r.postcode) child.homePostcode = r.postcode;
  if (r.laCode) child.responsibleLaCode = r.laCode;
  return child;
}

/** The raw limit: median of three sorts of the same 2,000,000 pseudo-random doubles. */
function rawSortMs(): number {
  const values = new Float64Array(2_000_000);
  let s = 7;
  for (let i = 0; i < values.length; i++) values[i] = (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const runs = [0, 1, 2].map(() => {
    const copy = values.slice();
    const t = process.hrtime.bigint();
    copy.sort();
    return Number(process.hrtime.bigint() - t) / 1e6;
  });
  return runs.sort((a, b) => a - b)[1];
}

main();
