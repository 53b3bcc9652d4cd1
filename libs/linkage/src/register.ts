import { BlockIndex } from './blocking';
import { averageLinkage, clusterLinks, clusterSubset } from './clustering';
import { decide, LinkDecision } from './decisions';
import { PairScorer, probabilityFromWeight, weightFromProbability } from './fellegi-sunter';
import { LinkageModel, resolveModel } from './model';
import { LinkageRecord } from './record';
import { RecordStore } from './store';
import { scorePairs } from './parallel-scoring';

/** What happened to national child IDs (clusters) as a result of one register operation. */
export type ClusterChange =
  | { type: 'created'; clusterId: number; recordIds: string[] }
  | { type: 'joined'; clusterId: number; recordId: string }
  | { type: 'left'; clusterId: number; recordId: string }
  /** Clusters merged; the oldest (smallest) ID is kept and the others are retired for good. */
  | { type: 'merged'; clusterId: number; absorbedClusterIds: number[]; movedRecordIds: string[] }
  /** The evidence holding a cluster together went away; `clusterId` keeps the part with its oldest record. */
  | { type: 'split'; clusterId: number; newClusters: { clusterId: number; recordIds: string[] }[] }
  /** The last record of a cluster was withdrawn; the ID is never reused. */
  | { type: 'retired'; clusterId: number };

export interface ScoredLink {
  recordId: string;
  otherRecordId: string;
  probability: number;
  decision: LinkDecision;
  /** Model that scored the pair. */
  modelId: string;
}

export interface RegisterResult {
  recordId: string;
  /** The record's cluster after the operation (null after a removal). */
  clusterId: number | null;
  modelId: string;
  changes: ClusterChange[];
  /** Pairs with the record's candidates at review level or above, strongest first. */
  links: ScoredLink[];
  /** Number of candidate records the record was compared with. */
  candidates: number;
}

export interface RegisterEntry {
  record: LinkageRecord;
  clusterId: number;
}

export interface RegisterOptions {
  /** First ID to hand out; IDs are never reused, so persist `nextClusterId` with the clusters. */
  nextClusterId?: number;
}

function extraNamesOf(model: LinkageModel): string[] {
  const names = new Set<string>();
  for (const c of model.comparisons) if (c.name.startsWith('extra:')) names.add(c.name.slice(6));
  for (const r of model.blocking.rules) if (r.startsWith('extra:')) names.add(r.slice(6));
  return [...names];
}

/**
 * In-memory incremental register of linked records with stable national child IDs.
 * - add: the record is scored against its blocking candidates only (cost proportional to the
 *   candidates, not the register), joins the best linked cluster if the anti-chaining rule
 *   allows, and may merge clusters it bridges (older ID kept, merge recorded);
 * - update: re-scores the record; its old cluster is re-checked and split if the record was
 *   what held it together;
 * - remove (withdrawal): the record leaves; the rest of its cluster is re-checked and split
 *   when the remaining evidence no longer links it.
 * IDs are integers handed out in increasing order and never reused.
 */
export class LinkageRegister {
  readonly store: RecordStore;
  private index: BlockIndex;
  private readonly scorer: PairScorer;
  private readonly linkWeight: number;
  private readonly reviewWeight: number;
  private clusterOfSeq: number[] = [];
  private readonly clusters = new Map<number, number[]>();
  private nextId: number;

  constructor(readonly model: LinkageModel, options: RegisterOptions = {}) {
    this.store = new RecordStore(extraNamesOf(model));
    const { comparisons, parameters, rules } = resolveModel(this.store, model);
    this.scorer = new PairScorer(this.store, comparisons, parameters, model.prior, model.tfCapBits);
    this.index = new BlockIndex(this.store, rules, model.blocking.window);
    this.linkWeight = weightFromProbability(model.thresholds.link);
    this.reviewWeight = weightFromProbability(model.thresholds.review);
    this.nextId = options.nextClusterId ?? 1;
  }

  /** Builds a register from records that have no IDs yet: batch clustering, IDs in record order. */
  static build(model: LinkageModel, records: readonly LinkageRecord[], options: RegisterOptions = {}): LinkageRegister {
    const register = new LinkageRegister(model, options);
    const { store } = register;
    for (const r of records) store.add(r);
    register.index = BlockIndex.build(store, register.index.rules, model.blocking.window);
    const pairs = register.index.pairs();
    const weights = scorePairs(store, model, pairs);
    const label = clusterLinks(store.size, pairs, weights, register.linkWeight, model.thresholds.clusterAverage, (a, b) => register.scorer.weight(a, b));
    const idOfLabel = new Map<number, number>();
    for (let i = 0; i < store.size; i++) {
      let id = idOfLabel.get(label[i]);
      if (id === undefined) {
        id = register.nextId++;
        idOfLabel.set(label[i], id);
        register.clusters.set(id, []);
      }
      register.clusters.get(id)!.push(i);
      register.clusterOfSeq[i] = id;
    }
    return register;
  }

  /**
   * Restores a register from stored records and their existing IDs (in the order the records
   * were first received, so "oldest" stays meaningful). No linking is redone.
   */
  static restore(model: LinkageModel, entries: readonly RegisterEntry[], options: RegisterOptions = {}): LinkageRegister {
    const register = new LinkageRegister(model, options);
    let maxId = 0;
    for (const { record, clusterId } of entries) {
      const seq = register.store.add(record);
      register.clusterOfSeq[seq] = clusterId;
      const members = register.clusters.get(clusterId);
      if (members) members.push(seq);
      else register.clusters.set(clusterId, [seq]);
      if (clusterId > maxId) maxId = clusterId;
    }
    register.nextId = Math.max(register.nextId, maxId + 1);
    register.index = BlockIndex.build(register.store, register.index.rules, model.blocking.window);
    return register;
  }

  get modelId(): string {
    return this.model.modelId;
  }

  /** The next ID that will be handed out (persist it: IDs are never reused). */
  get nextClusterId(): number {
    return this.nextId;
  }

  get size(): number {
    return this.store.live;
  }

  get clusterCount(): number {
    return this.clusters.size;
  }

  clusterOf(recordId: string): number | undefined {
    const seq = this.store.seqById.get(recordId);
    return seq === undefined ? undefined : this.clusterOfSeq[seq];
  }

  members(clusterId: number): string[] {
    return (this.clusters.get(clusterId) ?? []).map((s) => this.store.ids[s]);
  }

  /** Every live record with its cluster ID, in arrival order (for persistence). */
  *entries(): IterableIterator<{ recordId: string; clusterId: number }> {
    for (let s = 0; s < this.store.size; s++) {
      if (!this.store.removed[s]) yield { recordId: this.store.ids[s], clusterId: this.clusterOfSeq[s] };
    }
  }

  /** Match probability between two records of the register. */
  probability(recordIdA: string, recordIdB: string): number {
    const a = this.seqOf(recordIdA);
    const b = this.seqOf(recordIdB);
    return this.scorer.probability(a, b);
  }

  /** Per-comparison levels and weights of a pair, for a reviewer. */
  explain(recordIdA: string, recordIdB: string): { comparison: string; level: string; weight: number }[] {
    return this.scorer.explain(this.seqOf(recordIdA), this.seqOf(recordIdB));
  }

  /** Adds a new record (throws if the id is already in the register). */
  add(record: LinkageRecord): RegisterResult {
    const seq = this.store.add(record);
    this.index.insert(seq);
    const changes: ClusterChange[] = [];
    const scored = this.place(seq, undefined, changes);
    return this.result(seq, changes, scored);
  }

  /** Replaces a record's attributes (a correction) and re-links it. */
  update(record: LinkageRecord): RegisterResult {
    const seq = this.seqOf(record.id);
    const oldId = this.clusterOfSeq[seq];
    this.index.delete(seq);
    this.store.replace(seq, record);
    this.index.insert(seq);
    const changes: ClusterChange[] = [];
    const members = this.detach(seq, oldId);
    let reserved: number | undefined;
    if (members.length === 0) {
      this.clusters.delete(oldId);
      reserved = oldId;
    } else {
      changes.push({ type: 'left', clusterId: oldId, recordId: record.id });
      this.recheck(oldId, changes);
    }
    const scored = this.place(seq, reserved, changes);
    // Leaving and re-joining the same cluster is no change.
    const rejoined = changes.findIndex((c) => c.type === 'joined' && c.clusterId === oldId && c.recordId === record.id);
    if (rejoined >= 0 && !changes.some((c) => c.type === 'split')) {
      changes.splice(rejoined, 1);
      const left = changes.findIndex((c) => c.type === 'left' && c.clusterId === oldId);
      if (left >= 0) changes.splice(left, 1);
    }
    return this.result(seq, changes, scored);
  }

  /** Withdraws a record. */
  remove(recordId: string): RegisterResult {
    const seq = this.seqOf(recordId);
    const id = this.clusterOfSeq[seq];
    this.index.delete(seq);
    this.store.remove(seq);
    const changes: ClusterChange[] = [{ type: 'left', clusterId: id, recordId }];
    const members = this.detach(seq, id);
    if (members.length === 0) {
      this.clusters.delete(id);
      changes.push({ type: 'retired', clusterId: id });
    } else this.recheck(id, changes);
    this.clusterOfSeq[seq] = -1;
    return { recordId, clusterId: null, modelId: this.modelId, changes, links: [], candidates: 0 };
  }

  private seqOf(recordId: string): number {
    const seq = this.store.seqById.get(recordId);
    if (seq === undefined) throw new Error(`record ${recordId} is not in the register`);
    return seq;
  }

  private detach(seq: number, id: number): number[] {
    const members = this.clusters.get(id) ?? [];
    const k = members.indexOf(seq);
    if (k >= 0) members.splice(k, 1);
    return members;
  }

  private weight = (a: number, b: number): number => this.scorer.weight(a, b);

  /** Re-clusters the members of a cluster from scratch; splits it if they no longer hold together. */
  private recheck(id: number, changes: ClusterChange[]): void {
    const members = this.clusters.get(id);
    if (!members || members.length < 2) return;
    const groups = clusterSubset(members, this.linkWeight, this.model.thresholds.clusterAverage, this.weight);
    if (groups.length < 2) return;
    for (const g of groups) g.sort((x, y) => x - y);
    groups.sort((x, y) => x[0] - y[0]);
    this.clusters.set(id, groups[0]);
    const newClusters: { clusterId: number; recordIds: string[] }[] = [];
    for (const g of groups.slice(1)) {
      const newId = this.nextId++;
      this.clusters.set(newId, g);
      for (const s of g) this.clusterOfSeq[s] = newId;
      newClusters.push({ clusterId: newId, recordIds: g.map((s) => this.store.ids[s]) });
    }
    changes.push({ type: 'split', clusterId: id, newClusters });
  }

  /** Links an indexed record into the clusters; returns the scored candidate pairs. */
  private lastCandidates = 0;

  private place(seq: number, reserved: number | undefined, changes: ClusterChange[]): { other: number; weight: number }[] {
    const candidates = this.index.candidates(seq);
    this.lastCandidates = candidates.length;
    const scored: { other: number; weight: number }[] = [];
    const bestByCluster = new Map<number, number>();
    for (const other of candidates) {
      const w = this.scorer.weight(seq, other);
      if (w < this.reviewWeight) continue;
      scored.push({ other, weight: w });
      if (w >= this.linkWeight) {
        const id = this.clusterOfSeq[other];
        if (!(bestByCluster.get(id)! >= w)) bestByCluster.set(id, w);
      }
    }
    scored.sort((x, y) => y.weight - x.weight);
    const ordered = [...bestByCluster.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([id]) => id);
    const threshold = this.model.thresholds.clusterAverage;
    const id = this.store.ids[seq];
    let current: number | undefined = reserved;
    if (reserved !== undefined) this.clusters.set(reserved, [seq]);
    for (const target of ordered) {
      if (target === current) continue;
      const targetMembers = this.clusters.get(target)!;
      if (current === undefined) {
        if (targetMembers.length > 1 && averageLinkage([seq], targetMembers, this.weight) < threshold) continue;
        targetMembers.push(seq);
        current = target;
        changes.push({ type: 'joined', clusterId: target, recordId: id });
        continue;
      }
      const currentMembers = this.clusters.get(current)!;
      if (averageLinkage(currentMembers, targetMembers, this.weight) < threshold) continue;
      const keep = Math.min(current, target);
      const absorbed = keep === current ? target : current;
      const moved = keep === current ? targetMembers : currentMembers;
      const kept = this.clusters.get(keep)!;
      for (const s of moved) {
        kept.push(s);
        this.clusterOfSeq[s] = keep;
      }
      kept.sort((x, y) => x - y);
      this.clusters.delete(absorbed);
      changes.push({ type: 'merged', clusterId: keep, absorbedClusterIds: [absorbed], movedRecordIds: moved.map((s) => this.store.ids[s]) });
      current = keep;
    }
    if (current === undefined) {
      current = this.nextId++;
      this.clusters.set(current, [seq]);
      changes.push({ type: 'created', clusterId: current, recordIds: [id] });
    }
    this.clusterOfSeq[seq] = current;
    return scored;
  }

  private result(seq: number, changes: ClusterChange[], scored: { other: number; weight: number }[]): RegisterResult {
    const id = this.store.ids[seq];
    return {
      recordId: id,
      clusterId: this.clusterOfSeq[seq],
      modelId: this.modelId,
      changes,
      candidates: this.lastCandidates,
      links: scored.map(({ other, weight }) => {
        const probability = probabilityFromWeight(weight);
        return { recordId: id, otherRecordId: this.store.ids[other], probability, decision: decide(probability, this.model.thresholds), modelId: this.modelId };
      }),
    };
  }
}
