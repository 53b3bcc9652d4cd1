import { jaroWinkler } from '../jaro-winkler';
import { NamePool, RecordStore, TfField } from '../store';
import { Comparison, MISSING } from './comparison';

/**
 * Given and family names are compared in the orientation that fits: when one record's given
 * name equals the other's family name (or the reverse) and the straight comparison does not
 * agree on either, the names are taken as swapped and compared crosswise; likewise when
 * neither name agrees closely straight but both do crosswise (swapped and misspelt). A
 * swapped exact agreement gets the level weight but no term-frequency bonus.
 */
export function namesSwapped(s: RecordStore, a: number, b: number): boolean {
  const ga = s.given[a];
  const fa = s.family[a];
  const gb = s.given[b];
  const fb = s.family[b];
  if (ga < 0 || fa < 0 || gb < 0 || fb < 0) return false;
  if (ga === gb || fa === fb) return false;
  if (ga === fb || fa === gb) return true;
  // Swapped and misspelt ("Campbllel Olivia" for "Olivia Campbell"): neither name agrees
  // closely straight, both agree closely crosswise.
  if (nameLevel(s.names, ga, gb, true) <= GIVEN_CLOSE || nameLevel(s.names, fa, fb, false) <= FAMILY_CLOSE) return false;
  return nameLevel(s.names, ga, fb, true) <= GIVEN_CLOSE && nameLevel(s.names, fa, gb, false) <= FAMILY_CLOSE;
}

/** Levels counted as close agreement: exact, nickname or Jaro-Winkler >= 0.92 (given); exact or Jaro-Winkler >= 0.92 (family). */
const GIVEN_CLOSE = 2;
const FAMILY_CLOSE = 1;

function phoneticMatch(pool: NamePool, x: number, y: number): boolean {
  const x1 = pool.phonetic1[x];
  const x2 = pool.phonetic2[x];
  const y1 = pool.phonetic1[y];
  const y2 = pool.phonetic2[y];
  return x1 === y1 || x1 === y2 || x2 === y1 || x2 === y2;
}

function sharesNicknameGroup(pool: NamePool, x: number, y: number): boolean {
  const gx = pool.groups[x];
  if (gx.length === 0) return false;
  const gy = pool.groups[y];
  for (let i = 0; i < gx.length; i++) if (gy.includes(gx[i])) return true;
  return false;
}

export const GIVEN_NAME_LEVELS = ['exact', 'nickname', 'jaro_winkler_0.92', 'phonetic', 'jaro_winkler_0.80', 'different'] as const;
export const FAMILY_NAME_LEVELS = ['exact', 'jaro_winkler_0.92', 'phonetic', 'jaro_winkler_0.80', 'different'] as const;

// Levels of name pairs already compared, in a direct-mapped table (names repeat a lot and
// Jaro-Winkler is the costliest step). No allocation per lookup.
const CACHE_BITS = 20;
const CACHE_MASK = (1 << CACHE_BITS) - 1;

class LevelCache {
  readonly keyX = new Int32Array(1 << CACHE_BITS).fill(-1);
  readonly keyY = new Int32Array(1 << CACHE_BITS);
  readonly level = new Int8Array(1 << CACHE_BITS);
}

const caches = new WeakMap<NamePool, LevelCache>();
let lastPool: NamePool | undefined;
let lastCache: LevelCache | undefined;

function nameLevel(pool: NamePool, x: number, y: number, nicknames: boolean): number {
  if (x === y) return 0;
  if (pool !== lastPool) {
    lastPool = pool;
    lastCache = caches.get(pool);
    if (!lastCache) caches.set(pool, (lastCache = new LevelCache()));
  }
  const cache = lastCache!;
  const kx = (x < y ? x : y) * 2 + (nicknames ? 1 : 0);
  const ky = x < y ? y : x;
  const slot = ((Math.imul(kx, 0x9e3779b1) ^ Math.imul(ky, 0x85ebca6b)) >>> (32 - CACHE_BITS)) & CACHE_MASK;
  if (cache.keyX[slot] === kx && cache.keyY[slot] === ky) return cache.level[slot];
  const level = computeNameLevel(pool, x, y, nicknames);
  cache.keyX[slot] = kx;
  cache.keyY[slot] = ky;
  cache.level[slot] = level;
  return level;
}

function computeNameLevel(pool: NamePool, x: number, y: number, nicknames: boolean): number {
  const off = nicknames ? 1 : 0;
  if (nicknames && sharesNicknameGroup(pool, x, y)) return 1;
  const jw = jaroWinkler(pool.strings[x], pool.strings[y]);
  if (jw >= 0.92) return off + 1;
  if (phoneticMatch(pool, x, y)) return off + 2;
  if (jw >= 0.8) return off + 3;
  return off + 4;
}

export const givenNameComparison: Comparison = {
  name: 'given_name',
  levels: GIVEN_NAME_LEVELS,
  compare(s, a, b) {
    const x = s.given[a];
    if (namesSwapped(s, a, b)) return nameLevel(s.names, x, s.family[b], true);
    const y = s.given[b];
    if (x < 0 || y < 0) return MISSING;
    return nameLevel(s.names, x, y, true);
  },
  present: (s, a) => s.given[a] >= 0,
  tfField: TfField.Given,
  tfValue: (s, a, b) => (s.given[a] === s.given[b] ? s.given[a] : -1),
};

export const familyNameComparison: Comparison = {
  name: 'family_name',
  levels: FAMILY_NAME_LEVELS,
  compare(s, a, b) {
    const x = s.family[a];
    if (namesSwapped(s, a, b)) return nameLevel(s.names, x, s.given[b], false);
    const y = s.family[b];
    if (x < 0 || y < 0) return MISSING;
    return nameLevel(s.names, x, y, false);
  },
  present: (s, a) => s.family[a] >= 0,
  tfField: TfField.Family,
  tfValue: (s, a, b) => (s.family[a] === s.family[b] ? s.family[a] : -1),
};
