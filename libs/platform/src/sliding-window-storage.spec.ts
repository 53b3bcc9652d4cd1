import { SlidingWindowThrottlerStorage } from './sliding-window-storage';

describe('sliding-window rate-limit storage', () => {
  const minute = 60_000;
  let now = 10 * minute;
  const storage = new SlidingWindowThrottlerStorage(() => now);
  const hit = (key = 'sub:amy', limit = 3) => storage.increment(key, minute, limit, minute, 'default');

  beforeEach(() => {
    now = 10 * minute;
  });

  it('allows the limit in a window and blocks the next request, for the block duration', async () => {
    const amy = `sub:amy-${now}`;
    expect((await Promise.all([hit(amy), hit(amy), hit(amy)])).map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const refused = await hit(amy);
    expect(refused).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    now += 30_000;
    expect((await hit(amy)).isBlocked).toBe(true);
    now += 30_001;
    expect((await hit(amy)).isBlocked).toBe(false);
  });

  it('counts each subject apart', async () => {
    for (let i = 0; i < 3; i++) await hit('sub:ben');
    expect((await hit('sub:ben')).isBlocked).toBe(true);
    expect((await hit('sub:cal')).isBlocked).toBe(false);
  });

  it('weighs the previous window by how much of it is still within the last minute', async () => {
    const key = 'sub:dee';
    for (let i = 0; i < 3; i++) await hit(key, 4);
    // A quarter into the next window, three quarters of the previous three hits still count (2).
    now += minute + 15_000;
    expect((await hit(key, 4)).totalHits).toBe(3);
    expect((await hit(key, 4)).totalHits).toBe(4);
    expect((await hit(key, 4)).isBlocked).toBe(true);
  });

  it('forgets subjects idle for two windows', async () => {
    await hit('sub:eve');
    const before = storage.size;
    now += 3 * minute;
    await hit('sub:fay');
    expect(storage.size).toBeLessThan(before + 1);
  });
});
