import { applyBisecting } from './poison-bisection';

class Permanent extends Error {}
class Transient extends Error {}

/** A store that commits a batch whole or not at all, refusing any batch holding a poison item. */
function store(poison: Set<number>, failTransientlyOn?: (attempt: number) => boolean) {
  const committed: number[][] = [];
  let attempts = 0;
  const apply = async (items: number[]) => {
    attempts += 1;
    if (failTransientlyOn?.(attempts)) throw new Transient('connection terminated');
    if (items.some((i) => poison.has(i))) throw new Permanent('22008');
    committed.push(items);
    return items.length;
  };
  return { apply, committed };
}

const isPermanent = (error: unknown) => error instanceof Permanent;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('applyBisecting', () => {
  it('applies a clean batch in one attempt', async () => {
    const { apply, committed } = store(new Set());
    const outcome = await applyBisecting(range(10), apply, { isPermanent });
    expect(outcome).toEqual({ applied: [10], poison: [], attempts: 1 });
    expect(committed).toEqual([range(10)]);
  });

  it.each([
    ['one poison first', 100, [0]],
    ['one poison last', 100, [99]],
    ['one poison in the middle', 101, [50]],
    ['two neighbours', 64, [31, 32]],
    ['scattered poison', 1000, [3, 400, 401, 777, 999]],
    ['a batch of one poison', 1, [0]],
    ['every item poison', 7, range(7)],
  ])('%s: dead-letters exactly the poison and commits every other item once', async (_name, n, bad) => {
    const { apply, committed } = store(new Set(bad));
    const outcome = await applyBisecting(range(n), apply, { isPermanent });
    expect(outcome.poison.map((p) => p.item)).toEqual(bad);
    expect(outcome.poison.every((p) => p.error instanceof Permanent)).toBe(true);
    expect(committed.flat().sort((a, b) => a - b)).toEqual(range(n).filter((i) => !bad.includes(i)));
    expect(outcome.applied.reduce((a, b) => a + b, 0)).toBe(n - bad.length);
  });

  it('costs about 2·log2(n) attempts per poison item, not one per item', async () => {
    const { apply } = store(new Set([12_345]));
    const outcome = await applyBisecting(range(30_000), apply, { isPermanent });
    expect(outcome.attempts).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(30_000)));
  });

  it('rethrows a transient failure of the whole batch at once: no bisection, no poison', async () => {
    const { apply, committed } = store(new Set([5]), (attempt) => attempt === 1);
    await expect(applyBisecting(range(10), apply, { isPermanent })).rejects.toBeInstanceOf(Transient);
    expect(committed).toEqual([]);
  });

  it('rethrows a transient failure met while bisecting (the caller retries the whole batch)', async () => {
    const { apply, committed } = store(new Set([7]), (attempt) => attempt === 3);
    await expect(applyBisecting(range(10), apply, { isPermanent })).rejects.toBeInstanceOf(Transient);
    // What committed before is idempotently re-applied by the retry.
    expect(committed).toEqual([range(5)]);
  });

  it('keeps the consumer alive before every attempt after the first', async () => {
    const { apply } = store(new Set([2]));
    const beforeRetry = jest.fn(async () => undefined);
    const outcome = await applyBisecting(range(8), apply, { isPermanent, beforeRetry });
    expect(beforeRetry).toHaveBeenCalledTimes(outcome.attempts - 1);
  });

  it('does nothing with nothing', async () => {
    const apply = jest.fn();
    expect(await applyBisecting([], apply, { isPermanent })).toEqual({ applied: [], poison: [], attempts: 0 });
    expect(apply).not.toHaveBeenCalled();
  });
});
