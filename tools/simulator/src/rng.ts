/**
 * Deterministic randomness for the simulator. Never Math.random: the same seed gives the same
 * stream, byte for byte.
 *
 * The generator is sfc32 (128-bit state, passes PractRand), seeded through mulberry32-style
 * mixing of (seed, stream labels). A 32-bit generator such as plain mulberry32 has a single
 * 2^32 cycle: thousands of per-child streams would overlap and repeat UUIDs.
 */

/** 32-bit hash of a seed and labels: independent streams per (seed, label, index). */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  const text = labels.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return mix32(h + text.length);
}

function mix32(x: number): number {
  let t = (x + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A 32-bit seed (expanded by mulberry32), or the four 32-bit words of the state. */
  constructor(seed: number | readonly [number, number, number, number]) {
    if (typeof seed === 'number') {
      let s = seed >>> 0;
      const next = () => ((s = (s + 0x6d2b79f5) >>> 0), mix32(s - 0x6d2b79f5));
      [this.a, this.b, this.c, this.d] = [next(), next(), next(), next()];
    } else {
      [this.a, this.b, this.c, this.d] = seed.map((w) => w >>> 0) as [number, number, number, number];
    }
    this.d = (this.d | 1) >>> 0;
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /**
   * A new independent stream for labels (e.g. 'child', index): 128 bits of state derived from
   * the seed, so distinct streams never share a state (32-bit seeds would collide at ~10^5 streams).
   */
  static for(seed: number, ...labels: (string | number)[]): Rng {
    return new Rng([
      deriveSeed(seed, 'a', ...labels),
      deriveSeed(seed, 'b', ...labels),
      deriveSeed(seed, 'c', ...labels),
      deriveSeed(seed, 'd', ...labels),
    ]);
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.next() * values.length)];
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** Log-uniform in [min, max): many short values, a long tail. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.between(Math.log(min), Math.log(max)));
  }

  /** A random (version 4 shaped) UUID, lower case. Built with join: a flat string, not a tree of string fragments. */
  uuid(): string {
    const w0 = this.uint32();
    const w1 = this.uint32();
    const w2 = this.uint32();
    const w3 = this.uint32();
    const h = (w: number, shift: number) => HEX_BYTE[(w >>> shift) & 0xff];
    return [
      h(w0, 24),
      h(w0, 16),
      h(w0, 8),
      h(w0, 0),
      '-',
      h(w1, 24),
      h(w1, 16),
      '-4',
      HEX_BYTE[(w1 >>> 8) & 0xff][1],
      h(w1, 0),
      '-',
      '89ab'[w2 >>> 30],
      HEX_BYTE[(w2 >>> 16) & 0xff][1],
      h(w2, 8),
      '-',
      h(w2, 0),
      h(w3, 24),
      h(w3, 16),
      h(w3, 8),
      h(w3, 0),
      HEX_BYTE[(w2 >>> 20) & 0xff],
    ].join('');
  }

  shuffle<T>(values: T[]): T[] {
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [values[i], values[j]] = [values[j], values[i]];
    }
    return values;
  }
}
