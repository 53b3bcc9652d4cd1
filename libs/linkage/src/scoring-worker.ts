import { workerData } from 'node:worker_threads';
import { scorerFor } from './model';
import type { ScoringWorkerData } from './parallel-scoring';
import { storeFromSnapshot } from './store';

/** Worker thread: scores a slice of candidate pairs into shared memory (see parallel-scoring.ts). */
const data = workerData as ScoringWorkerData;
const flags = new Int32Array(data.done);
try {
  const scorer = scorerFor(storeFromSnapshot(data.snapshot), data.model);
  const out = new Float64Array(data.out);
  const { a, b } = data;
  for (let p = 0; p < a.length; p++) out[p] = scorer.weight(a[p], b[p]);
  Atomics.add(flags, 0, 1);
} catch {
  Atomics.add(flags, 1, 1);
}
Atomics.notify(flags, 0);
