import { createHmac } from 'node:crypto';

const MAX_KNOWN = 500_000;

/**
 * The permanent record keys of the cell-key method: a national child's (for counts of children)
 * and a national episode's (for counts of episodes). Derived from a secret seed
 * (DISCLOSURE_KEY_SEED, never in the repository) and the record's permanent identity, so a
 * record rebuilt by the aggregator keeps its key, and a national child keeps its key through
 * merges as it keeps its ID. Integers in [0, 2^32).
 */
export class RecordKeys {
  /** Keys already derived (deterministic, so safe to keep): an HMAC costs microseconds, and a batch asks for the same ones again. */
  private readonly known = new Map<string, number>();

  constructor(private readonly seed: string) {
    if (seed.length < 16) throw new RangeError('the disclosure key seed must have at least 16 characters');
  }

  child(nationalChildId: number): number {
    return this.key(`child:${nationalChildId}`);
  }

  /** An episode is the national child's episode that started at this instant (epoch ms). */
  episode(nationalChildId: number, startedAt: number): number {
    return this.key(`episode:${nationalChildId}:${startedAt}`);
  }

  private key(label: string): number {
    let key = this.known.get(label);
    if (key === undefined) {
      key = createHmac('sha256', this.seed).update(label).digest().readUInt32BE(0);
      if (this.known.size >= MAX_KNOWN) this.known.clear();
      this.known.set(label, key);
    }
    return key;
  }
}
