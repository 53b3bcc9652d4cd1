import { backoffDelayMs, DEFAULT_BACKOFF } from './retry-backoff';

describe('backoffDelayMs', () => {
  it('doubles from the base, between half and the whole of each step', () => {
    for (const [attempt, step] of [
      [1, 500],
      [2, 1000],
      [3, 2000],
      [4, 4000],
    ]) {
      expect(backoffDelayMs(attempt, DEFAULT_BACKOFF, () => 0)).toBe(step / 2);
      expect(backoffDelayMs(attempt, DEFAULT_BACKOFF, () => 1)).toBe(step);
    }
  });

  it('is capped however many failures in a row', () => {
    for (const attempt of [7, 8, 50, 10_000]) {
      expect(backoffDelayMs(attempt, DEFAULT_BACKOFF, () => 1)).toBe(DEFAULT_BACKOFF.maxMs);
      expect(backoffDelayMs(attempt, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.maxMs / 2);
    }
  });

  it('spreads instances that fail together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(5)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(4000);
      expect(d).toBeLessThanOrEqual(8000);
    }
  });
});
