import { AnswerCache, answerKey } from './answer-cache';

describe('AnswerCache', () => {
  it('reuses an answer within its lifetime and recomputes after it', async () => {
    let calls = 0;
    const cache = new AnswerCache<number>(50);
    const compute = async () => ++calls;
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('a', compute)).toBe(1);
    expect(await cache.get('b', compute)).toBe(2);
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.get('a', compute)).toBe(3);
  });
  it('is off with a lifetime of 0 and forgets failures', async () => {
    let calls = 0;
    const off = new AnswerCache<number>(0);
    await off.get('a', async () => ++calls);
    await off.get('a', async () => ++calls);
    expect(calls).toBe(2);
    const cache = new AnswerCache<number>(1000);
    await expect(
      cache.get('x', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('x', async () => 7)).toBe(7);
  });
});

describe('answerKey', () => {
  it('keeps exact and perturbed answers apart for the same query', async () => {
    const cache = new AnswerCache<string>(60_000);
    const query = { from: '2026-W40', to: '2026-W44', la: 'E09000033' };
    expect(answerKey('exact', query)).not.toBe(answerKey('cell-key', query));
    await cache.get(answerKey('exact', query), async () => 'exact figures');
    expect(await cache.get(answerKey('cell-key', query), async () => 'perturbed figures')).toBe('perturbed figures');
  });
});
