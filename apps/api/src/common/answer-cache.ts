import { DisclosureMode } from '@mcm/disclosure';

/**
 * A small time-bounded cache of whole answers. Figures change only when the aggregator commits a
 * batch, so an answer a second or two old is as good as a fresh one for analysts, and repeated
 * queries (dashboards, several analysts) then cost no database work. TTL 0 turns it off.
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = compute();
    // A failed computation is not kept.
    value.catch(() => this.entries.delete(key));
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { at: now, value });
    return value;
  }
}

/**
 * The key of a cached answer: the disclosure mode first, so an exact answer (statisticians) is
 * never reused for a reader of perturbed figures, nor the other way round.
 */
export function answerKey(mode: DisclosureMode, query: unknown): string {
  return `${mode}|${JSON.stringify(query)}`;
}
