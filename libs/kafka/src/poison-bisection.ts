/** An item no attempt can apply, with the error that its attempt alone ended with. */
export interface Poison<T> {
  item: T;
  error: unknown;
}

export interface BisectionOutcome<T, R> {
  /** The result of every attempt that committed, in the order they ran. */
  applied: R[];
  poison: Poison<T>[];
  /** Attempts made, the first (whole batch) included: 1 when nothing failed. */
  attempts: number;
}

export interface BisectionOptions {
  /** Whether an error is the data's fault for good (bisected) rather than passing (rethrown). */
  isPermanent: (error: unknown) => boolean;
  /** Called before each attempt after the first: keeps the consumer's group membership alive. */
  beforeRetry?: () => Promise<void>;
}

/**
 * Applies `items` with `apply` (one transaction per call). When a call fails for good, the items
 * are split in halves and each half applied on its own, down to the single items that fail: those
 * are the poison, and everything else is committed exactly as the whole batch would have been
 * (the caller's `apply` must be indifferent to how a stream is cut into batches). k poison items
 * among n cost about 2·k·log2(n) extra attempts. A failure that may pass is rethrown at once,
 * whatever was committed before it (the caller retries the whole batch; `apply` is idempotent).
 */
export async function applyBisecting<T, R>(
  items: T[],
  apply: (items: T[]) => Promise<R>,
  options: BisectionOptions,
): Promise<BisectionOutcome<T, R>> {
  const outcome: BisectionOutcome<T, R> = { applied: [], poison: [], attempts: 0 };
  const attempt = async (part: T[]): Promise<void> => {
    if (part.length === 0) return;
    if (outcome.attempts > 0) await options.beforeRetry?.();
    outcome.attempts += 1;
    try {
      outcome.applied.push(await apply(part));
      return;
    } catch (error) {
      if (!options.isPermanent(error)) throw error;
      if (part.length === 1) {
        outcome.poison.push({ item: part[0], error });
        return;
      }
    }
    const middle = Math.ceil(part.length / 2);
    await attempt(part.slice(0, middle));
    await attempt(part.slice(middle));
  };
  await attempt(items);
  return outcome;
}
