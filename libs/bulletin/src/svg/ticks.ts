export interface Scale {
  /** Lowest and highest tick: the axis domain. */
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * "Nice" axis ticks (1, 2 or 5 times a power of ten) covering [min, max] with at most about
 * `maxTicks` ticks. With `integer`, the step is at least 1 (counts have no fractional ticks).
 */
export function niceTicks(min: number, max: number, maxTicks = 6, integer = false): Scale {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError(`axis bounds must be finite: ${min}, ${max}`);
  if (min > max) [min, max] = [max, min];
  // A span too small to tick (or none): run the axis from zero to the value instead.
  if (max - min <= 1e-9 * Math.max(1, Math.abs(min), Math.abs(max))) {
    const v = max;
    if (Math.abs(v) < 1e-9) [min, max] = [0, 1];
    else if (v > 0) [min, max] = [0, v];
    else [min, max] = [v, 0];
  }
  const intervals = Math.max(1, Math.floor(maxTicks) - 1);
  let step = niceStep((max - min) / intervals);
  if (integer) step = Math.max(1, Math.round(step));
  // A rough step just under a nice one can still leave too many ticks once the ends are
  // rounded outwards: step up until the ticks fit.
  for (;;) {
    const lo = Math.floor(min / step + 1e-9) * step;
    const hi = Math.ceil(max / step - 1e-9) * step;
    const count = Math.round((hi - lo) / step) + 1;
    if (count <= Math.max(2, Math.floor(maxTicks))) {
      const decimals = decimalsOf(step);
      const ticks = Array.from({ length: count }, (_, i) => Number((lo + i * step).toFixed(decimals)));
      return { min: ticks[0], max: ticks[ticks.length - 1], step, ticks };
    }
    step = niceStep(step * 1.0001);
  }
}

/** The smallest of 1, 2, 5 x 10^k that is at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 + 1e-9 ? 1 : fraction <= 2 + 1e-9 ? 2 : fraction <= 5 + 1e-9 ? 5 : 10;
  return Number((nice * power).toPrecision(12));
}

function decimalsOf(step: number): number {
  if (step >= 1) return 0;
  return Math.min(12, Math.ceil(-Math.log10(step) - 1e-9));
}
