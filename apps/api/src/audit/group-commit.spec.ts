import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  /** A store whose calls the test completes by hand. */
  const manualStore = () => {
    const calls: { items: number[]; finish: (error?: Error) => void }[] = [];
    const store = (items: number[]) =>
      new Promise<void>((resolve, reject) => calls.push({ items, finish: (error) => (error ? reject(error) : resolve()) }));
    return { calls, store };
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('stores items submitted together in one batch and answers each when it is stored', async () => {
    const { calls, store } = manualStore();
    const commits = new GroupCommit(store, { maxBatch: 10, maxConcurrent: 1 });
    const answered: number[] = [];
    const waits = [1, 2, 3].map((n) => commits.submit(n).then(() => answered.push(n)));
    await settle();
    expect(calls.map((c) => c.items)).toEqual([[1, 2, 3]]);
    expect(answered).toEqual([]);
    calls[0].finish();
    await Promise.all(waits);
    expect(answered).toEqual([1, 2, 3]);
  });

  it('gathers what arrives while the store is busy into the next batch, at most maxBatch at a time', async () => {
    const { calls, store } = manualStore();
    const commits = new GroupCommit(store, { maxBatch: 2, maxConcurrent: 1 });
    const first = commits.submit(1);
    await settle();
    const later = [2, 3, 4].map((n) => commits.submit(n));
    await settle();
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0].finish();
    await first;
    await settle();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3]]);
    calls[1].finish();
    await settle();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3], [4]]);
    calls[2].finish();
    await Promise.all(later);
  });

  it('tells every waiter of a failed batch, and only them', async () => {
    const { calls, store } = manualStore();
    const commits = new GroupCommit(store, { maxBatch: 10, maxConcurrent: 2 });
    const failed = [commits.submit(1), commits.submit(2)].map((p) =>
      p.then(
        () => 'stored',
        (e: Error) => e.message,
      ),
    );
    await settle();
    const ok = commits.submit(3).then(
      () => 'stored',
      (e: Error) => e.message,
    );
    await settle();
    expect(calls.map((c) => c.items)).toEqual([[1, 2], [3]]);
    calls[0].finish(new Error('store down'));
    calls[1].finish();
    expect(await Promise.all([...failed, ok])).toEqual(['store down', 'store down', 'stored']);
  });

  it('turns a store that throws at once into a failed batch', async () => {
    const commits = new GroupCommit<number>(
      () => {
        throw new Error('no connection');
      },
      { maxBatch: 10, maxConcurrent: 1 },
    );
    await expect(commits.submit(1)).rejects.toThrow('no connection');
  });

  it('is drained when everything submitted is stored', async () => {
    const { calls, store } = manualStore();
    const commits = new GroupCommit(store, { maxBatch: 10, maxConcurrent: 1 });
    await commits.drained();
    const item = commits.submit(1);
    let drained = false;
    const done = commits.drained().then(() => {
      drained = true;
    });
    await settle();
    expect(drained).toBe(false);
    calls[0].finish();
    await item;
    await done;
    expect(drained).toBe(true);
  });
});
