import { AnonymousRateLimiter } from './anonymous-rate-limiter';

describe('AnonymousRateLimiter', () => {
  const minute = 60_000;
  const setUp = (limit: number, start = 10 * minute) => {
    let now = start;
    const limiter = new AnonymousRateLimiter(limit, () => now);
    return {
      limiter,
      at: (t: number) => {
        now = start + t;
      },
    };
  };

  it('lets an address fail up to its limit, then refuses it before authentication with a wait', () => {
    const { limiter } = setUp(3);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('10.0.0.1')).toBe(0);
      limiter.recordFailure('10.0.0.1');
    }
    expect(limiter.retryAfter('10.0.0.1')).toBeGreaterThan(0);
    expect(limiter.retryAfter('10.0.0.2')).toBe(0);
  });

  it('keeps no state for addresses that never failed', () => {
    const { limiter } = setUp(3);
    expect(limiter.retryAfter('10.0.0.1')).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it('frees an address when its sliding minute has room again, at the second it says', () => {
    const { limiter, at } = setUp(4);
    for (let i = 0; i < 4; i++) limiter.recordFailure('a');
    // All four at the start of a minute: the estimate drops below 4 as soon as the next one begins.
    const wait = limiter.retryAfter('a');
    expect(wait).toBe(60);
    at(wait * 1000 - 1000);
    expect(limiter.retryAfter('a')).toBe(1);
    at(wait * 1000 + 1);
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('waits into the next minute when the current one alone is over the limit', () => {
    const { limiter, at } = setUp(4);
    at(minute / 2);
    for (let i = 0; i < 8; i++) limiter.recordFailure('a');
    // 8 in this minute: next minute they weigh 8 * (1 - f), under 4 once f > 1/2.
    expect(limiter.retryAfter('a')).toBe(30 + 30);
    at(minute + minute / 2 + 1);
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('weights the previous minute by how much of it still overlaps', () => {
    const { limiter, at } = setUp(4);
    for (let i = 0; i < 4; i++) limiter.recordFailure('a');
    at(minute + minute / 2); // previous 4 weigh 2
    expect(limiter.retryAfter('a')).toBe(0);
    limiter.recordFailure('a'); // 2 + 1
    expect(limiter.retryAfter('a')).toBe(0);
    limiter.recordFailure('a'); // 2 + 2: full until previous weighs under 2
    expect(limiter.retryAfter('a')).toBe(1);
    at(minute + minute / 2 + 1);
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('forgets addresses idle for two minutes', () => {
    const { limiter, at } = setUp(2);
    limiter.recordFailure('a');
    at(2 * minute + 1);
    limiter.recordFailure('b');
    expect(limiter.size).toBe(1);
  });
});
