import { ProgressReporter, rate } from './progress';
import { batchSizeFor, rateDelayMs } from './publish';

describe('publishing pace', () => {
  it('publishes 20,000 records per batch at full speed, about ten batches a second with a rate', () => {
    expect(batchSizeFor(undefined)).toBe(20_000);
    expect(batchSizeFor(100)).toBe(10);
    expect(batchSizeFor(5)).toBe(1);
    expect(batchSizeFor(1_000_000)).toBe(20_000);
  });

  it('waits so the rate is never exceeded', () => {
    expect(rateDelayMs(1000, 0, undefined)).toBe(0);
    expect(rateDelayMs(1000, 400, 1000)).toBe(600);
    expect(rateDelayMs(1000, 1500, 1000)).toBe(0);
  });

  it('reports progress at most once a second', () => {
    let now = 0;
    const lines: string[] = [];
    const progress = new ProgressReporter(
      100,
      (l) => lines.push(l),
      () => now,
    );
    progress.update(10);
    now = 500;
    progress.update(20);
    now = 1000;
    progress.update(50);
    expect(lines).toEqual(['published 10/100 events (10 events/s)', 'published 50/100 events (50 events/s)']);
    expect(rate(300, 2000)).toBe(150);
  });
});
