import * as fc from 'fast-check';
import { unbalancedTags } from '../testing/html-inspect';
import { barChart } from './bar-chart';
import { lineChart } from './line-chart';
import { niceStep, niceTicks } from './ticks';

describe('niceTicks', () => {
  it('picks round steps that cover the data', () => {
    expect(niceTicks(0, 2436)).toEqual({ min: 0, max: 2500, step: 500, ticks: [0, 500, 1000, 1500, 2000, 2500] });
    expect(niceTicks(0, 499).ticks).toEqual([0, 100, 200, 300, 400, 500]);
    expect(niceTicks(0, 0, 6, true).ticks).toEqual([0, 1]);
    expect(niceTicks(0, 0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(7, 7, 6, true).ticks).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0, 3, 6, true).ticks).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-35, 120).ticks).toEqual([-50, 0, 50, 100, 150]);
    expect(niceStep(0.3)).toBe(0.5);
    expect(niceStep(7)).toBe(10);
  });

  it('always covers [min, max] with at most maxTicks round ticks', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.integer({ min: 3, max: 10 }),
        (a, span, maxTicks) => {
          const { min, max, step, ticks } = niceTicks(a, a + span, maxTicks);
          // Within rounding: an overshoot of 1e-9 of the step (or values within 1e-9 of zero)
          // does not earn another tick.
          const tolerance = Math.max(step, 1) * 1e-9;
          expect(min).toBeLessThanOrEqual(a + tolerance);
          expect(max).toBeGreaterThanOrEqual(a + span - tolerance);
          expect(ticks.length).toBeLessThanOrEqual(maxTicks);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
          expect([1, 2, 5]).toContain(mantissa);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('lineChart', () => {
  const options = { id: 'c1', title: 'Things <rose>', description: 'A & B', categories: ['w1', 'w2', 'w3', 'w4'], yAxisLabel: 'Count' };

  it('draws an accessible SVG with one path per series, broken at gaps', () => {
    const svg = lineChart(
      [
        { key: 'A', name: 'Alpha', values: [1, 2, null, 4] },
        { key: 'B', name: 'Beta', values: [3, 3, 3, 3] },
      ],
      options,
    );
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Things &lt;rose&gt;</title>');
    expect(svg).toContain('<desc id="c1-desc">A &amp; B</desc>');
    const alpha = /data-key="A"[^>]*><path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(alpha.match(/M/g)).toHaveLength(2);
    expect(svg).toContain('data-values="1,2,,4"');
    expect(svg).toContain('stroke-dasharray="8 4"');
    expect(unbalancedTags(svg)).toEqual([]);
  });

  it('refuses series that do not match the categories', () => {
    expect(() => lineChart([{ key: 'A', name: 'A', values: [1] }], options)).toThrow(/categories/);
  });
});

describe('barChart', () => {
  it('draws a bar per value, none for a suppressed one, with its symbol shown', () => {
    const svg = barChart(
      [
        { label: 'North', value: 120 },
        { label: 'South & West', value: null, display: 'c' },
      ],
      { id: 'b1', title: 'T', description: 'D', valueAxisLabel: 'Children' },
    );
    expect(svg.match(/<rect /g)).toHaveLength(1);
    expect(svg).toContain('data-label="South &amp; West" data-value="c"');
    expect(svg).toMatch(/>c<\/text><\/g>/);
    expect(svg).toContain('role="img"');
    expect(unbalancedTags(svg)).toEqual([]);
  });
});
