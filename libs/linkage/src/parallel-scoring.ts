import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CandidatePairs } from './blocking';
import { LinkageModel, scorerFor } from './model';
import { RecordStore, snapshotStore, StoreSnapshot } from './store';

export interface ScoringWorkerData {
  snapshot: StoreSnapshot;
  model: LinkageModel;
  a: Int32Array;
  b: Int32Array;
  out: SharedArrayBuffer;
  done: SharedArrayBuffer;
}

/** Below this many pairs, starting worker threads costs more than it saves. */
export const PARALLEL_MIN_PAIRS = 1_000_000;

/**
 * Match weights of all candidate pairs. Large batches are split between the main thread and
 * worker threads (one per extra core); the call stays synchronous (the main thread waits on an
 * Atomics flag after scoring its own share). Workers run only from compiled JavaScript.
 */
export function scorePairs(store: RecordStore, model: LinkageModel, pairs: CandidatePairs, workers?: number): Float64Array {
  const weights = new Float64Array(pairs.length);
  const scorer = scorerFor(store, model);
  const workerFile = join(__dirname, 'scoring-worker.js');
  const count = workers ?? Math.max(1, availableParallelism() - 1);
  if (pairs.length < PARALLEL_MIN_PAIRS || count < 1 || !__filename.endsWith('.js')) {
    for (let p = 0; p < pairs.length; p++) weights[p] = scorer.weight(pairs.a[p], pairs.b[p]);
    return weights;
  }
  const snapshot = snapshotStore(store);
  const done = new SharedArrayBuffer(8);
  const flags = new Int32Array(done);
  const share = Math.ceil(pairs.length / (count + 1));
  const jobs: { lo: number; hi: number; out: SharedArrayBuffer; worker: Worker }[] = [];
  for (let k = 0; k < count; k++) {
    const lo = share * (k + 1);
    const hi = Math.min(pairs.length, lo + share);
    if (lo >= hi) break;
    const out = new SharedArrayBuffer(8 * (hi - lo));
    const data: ScoringWorkerData = { snapshot, model, a: pairs.a.slice(lo, hi), b: pairs.b.slice(lo, hi), out, done };
    jobs.push({ lo, hi, out, worker: new Worker(workerFile, { workerData: data }) });
  }
  const mainHi = Math.min(share, pairs.length);
  for (let p = 0; p < mainHi; p++) weights[p] = scorer.weight(pairs.a[p], pairs.b[p]);
  const deadline = Date.now() + 30 * 60_000;
  while (Atomics.load(flags, 0) + Atomics.load(flags, 1) < jobs.length && Date.now() < deadline) {
    Atomics.wait(flags, 0, Atomics.load(flags, 0), 50);
  }
  const failed = Atomics.load(flags, 1) > 0 || Atomics.load(flags, 0) < jobs.length;
  for (const job of jobs) {
    void job.worker.terminate();
    if (failed) for (let p = job.lo; p < job.hi; p++) weights[p] = scorer.weight(pairs.a[p], pairs.b[p]);
    else weights.set(new Float64Array(job.out), job.lo);
  }
  return weights;
}
