import { RecordStore } from './store';

/**
 * A blocking rule maps a record to a block key (or -1: the record is not in this rule's
 * blocks) and a sort key. Within a block, records are ordered by sort key and each record is
 * paired only with its `window` nearest neighbours on either side (sorted neighbourhood), so
 * the candidate pairs per record stay bounded however common the key is (e.g. a block holding
 * every child born on one day). Rules are OR-ed: a pair is a candidate if any rule proposes it.
 */
export interface BlockingRule {
  readonly name: string;
  key(s: RecordStore, i: number): number;
  sortKey(s: RecordStore, i: number): number;
  /**
   * The block as text, the same in every store (key() numbers interned codes, which differ
   * between stores); undefined when the record is in none of this rule's blocks. Records share
   * a value exactly when they share a key, except for the sorted-value rules (one block ordered
   * by text), whose value is the text's first (or last) characters: the neighbours a register
   * can find by an exact lookup. The aggregator's linker gathers closed candidate sets by it.
   */
  value(s: RecordStore, i: number): string | undefined;
  /** A rule with the same blocks in another order names the first such rule (one register key for both). */
  readonly sameBlocksAs?: string;
}

const P = 4_194_304; // 2^22: phonetic codes stay below it

const familyAlpha = (s: RecordStore, i: number) => (s.family[i] >= 0 ? s.names.alpha[s.family[i]] : -1);
const givenAlpha = (s: RecordStore, i: number) => (s.given[i] >= 0 ? s.names.alpha[s.given[i]] : -1);
/** Day number of the date of birth (missing parts as 0), below 2^20 for years up to 2800. */
const dobDays = (s: RecordStore, i: number) => (s.year[i] > 0 ? (s.year[i] - 1000) * 384 + s.month[i] * 32 + s.day[i] : 0);
/** First four letters, below 2^20. */
const alpha4 = (alpha: number) => Math.floor(alpha / 729);

/** Day and month of birth as one number, invariant to their transposition (0 when either is missing). */
const monthDay = (s: RecordStore, i: number) => {
  const m = s.month[i];
  const d = s.day[i];
  return m === 0 || d === 0 ? 0 : Math.min(m, d) * 32 + Math.max(m, d);
};

/*
 * Composite sort keys. Ties on the main sort key are broken by a second attribute, not by
 * record order: in a big block (every SMITH of 50,000 records) the records of two OLIVER
 * SMITHs would otherwise interleave by arrival, and one person's records would drift apart
 * by more than the window as the data grow. Records missing the main key come first, ordered
 * by the second one.
 */
const byName = (name: (s: RecordStore, i: number) => number, then: (s: RecordStore, i: number) => number) => (s: RecordStore, i: number) =>
  name(s, i) * 1_048_576 + then(s, i);
const givenThenDob = byName(givenAlpha, dobDays);
const familyThenDob = byName(familyAlpha, dobDays);
const familyThenGiven = byName(familyAlpha, (s, i) => (s.given[i] >= 0 ? alpha4(s.names.alpha[s.given[i]]) : 0));
const dobThenGiven = (s: RecordStore, i: number) => dobDays(s, i) * 1_048_576 + (s.given[i] >= 0 ? alpha4(s.names.alpha[s.given[i]]) : 0);

/** Sortable number from the first ten characters (letters in either case, digits, anything else as one symbol); below 2^53. */
export function prefixKey(text: string): number {
  let key = 0;
  for (let i = 0; i < 10; i++) {
    const c = i < text.length ? text.charCodeAt(i) | 32 : -1; // letters folded to lower case
    const v = c < 0 ? 0 : c >= 97 && c <= 122 ? c - 96 : c >= 48 && c <= 57 ? c - 21 : 37;
    key = key * 38 + v;
  }
  return key / 8; // 38^10 is about 6.3e15, 8 times below 2^53 after the division
}

const reversed = (text: string) => [...text].reverse().join('');

/** Characters of a sorted-value rule's text used as its register key. */
const SORTED_VALUE_PREFIX = 6;

const phoneticText = (s: RecordStore, code: number) => s.names.phoneticPool.strings[code];
const familyPhonetic = (s: RecordStore, i: number) => (s.family[i] >= 0 ? phoneticText(s, s.names.phonetic1[s.family[i]]) : undefined);
const givenPhonetic = (s: RecordStore, i: number) => (s.given[i] >= 0 ? phoneticText(s, s.names.canonicalPhonetic[s.given[i]]) : undefined);
const valueText = (column: (s: RecordStore) => Int32Array) => (s: RecordStore, i: number) =>
  column(s)[i] >= 0 ? s.values.strings[column(s)[i]] : undefined;
const withPart = (name: string | undefined, part: number) => (name !== undefined && part > 0 ? `${name}|${part}` : undefined);

/**
 * One block holding every record with a value, ordered by the value's text (or its reversed
 * text): a sorted neighbourhood over the strings themselves, so values one typo apart (an
 * email address mistyped after its first letters, or before its last ones) become neighbours
 * even though they share no exact key.
 */
function sortedValueRule(name: string, column: (s: RecordStore) => Int32Array, fromEnd: boolean): BlockingRule {
  return {
    name,
    key: (s, i) => (column(s)[i] >= 0 ? 0 : -1),
    sortKey: (s, i) => {
      const code = column(s)[i];
      if (code < 0) return -1;
      const text = s.values.strings[code];
      return prefixKey(fromEnd ? reversed(text) : text);
    },
    value: (s, i) => {
      const code = column(s)[i];
      if (code < 0) return undefined;
      const text = s.values.strings[code];
      return (fromEnd ? reversed(text) : text).slice(0, SORTED_VALUE_PREFIX);
    },
  };
}

function exactRule(name: string, column: (s: RecordStore) => Int32Array): BlockingRule {
  return { name, key: (s, i) => column(s)[i], sortKey: dobThenGiven, value: valueText(column) };
}

/**
 * Rules whose key is a household-level attribute: their blocks are dominated by relatives
 * (siblings share family name, postcode and local authority), so their pairs are used to find
 * candidates but not to train m by EM, where they would pull the "match" class towards
 * "same household".
 */
export const HOUSEHOLD_RULES: ReadonlySet<string> = new Set([
  'postcode',
  'family_phonetic_birth_year',
  'family_phonetic',
  'family_phonetic_dob',
  'family_phonetic_month_day',
]);

/**
 * Rules available by name but not used by default: on 200,000 synthetic child records
 * family_phonetic_birth_year proposed 948k pairs of which only 299 true pairs were found by no
 * other rule (family_phonetic without the year finds almost all of them).
 */
export const OPTIONAL_RULES: ReadonlySet<string> = new Set(['family_phonetic_birth_year']);

export const BLOCKING_RULES: readonly BlockingRule[] = [
  { name: 'nhs_number', key: (s, i) => s.nhs[i], sortKey: dobThenGiven, value: (s, i) => (s.nhs[i] >= 0 ? String(s.nhs[i]) : undefined) },
  exactRule('upn', (s) => s.upn),
  exactRule('email', (s) => s.email),
  sortedValueRule('email_sorted', (s) => s.email, false),
  sortedValueRule('email_reversed', (s) => s.email, true),
  {
    // Phonetic codes of (canonical given name, family name) as an unordered pair: survives
    // spelling variants, nicknames and swapped given/family names.
    name: 'name_pair_phonetic',
    key(s, i) {
      const g = s.given[i];
      const f = s.family[i];
      if (g < 0 || f < 0) return -1;
      const x = s.names.canonicalPhonetic[g];
      const y = s.names.phonetic1[f];
      return x < y ? x * P + y : y * P + x;
    },
    sortKey: dobThenGiven,
    value(s, i) {
      const g = givenPhonetic(s, i);
      const f = familyPhonetic(s, i);
      return g !== undefined && f !== undefined ? [g, f].sort().join('|') : undefined;
    },
  },
  {
    name: 'family_phonetic_birth_year',
    key: (s, i) => (s.family[i] >= 0 && s.year[i] > 0 ? s.names.phonetic1[s.family[i]] * 4096 + s.year[i] : -1),
    sortKey: givenThenDob,
    value: (s, i) => withPart(familyPhonetic(s, i), s.year[i]),
  },
  {
    // Family name alone, ordered by given name: survives a wrong year of birth.
    name: 'family_phonetic',
    key: (s, i) => (s.family[i] >= 0 ? s.names.phonetic1[s.family[i]] : -1),
    sortKey: givenThenDob,
    value: familyPhonetic,
  },
  {
    // The same blocks ordered by date of birth: reaches records whose given name is missing,
    // misspelt at the start or a nickname, which the order by given name puts far apart.
    name: 'family_phonetic_dob',
    key: (s, i) => (s.family[i] >= 0 ? s.names.phonetic1[s.family[i]] : -1),
    sortKey: dobThenGiven,
    value: familyPhonetic,
    sameBlocksAs: 'family_phonetic',
  },
  {
    // Formal given name ordered by date of birth: survives a missing or changed family name
    // and a wrong year of birth.
    name: 'given_phonetic_dob',
    key: (s, i) => (s.given[i] >= 0 ? s.names.canonicalPhonetic[s.given[i]] : -1),
    sortKey: dobThenGiven,
    value: givenPhonetic,
  },
  {
    name: 'given_phonetic_birth_year',
    key: (s, i) => (s.given[i] >= 0 && s.year[i] > 0 ? s.names.canonicalPhonetic[s.given[i]] * 4096 + s.year[i] : -1),
    sortKey: familyThenDob,
    value: (s, i) => withPart(givenPhonetic(s, i), s.year[i]),
  },
  {
    // Given name with day and month of birth (either order), ordered by year: survives a
    // wrong year of birth together with a missing or changed family name.
    name: 'given_phonetic_month_day',
    key: (s, i) => (s.given[i] >= 0 && monthDay(s, i) > 0 ? s.names.canonicalPhonetic[s.given[i]] * 2048 + monthDay(s, i) : -1),
    sortKey: byName(
      (s, i) => s.year[i],
      (s, i) => (s.family[i] >= 0 ? alpha4(s.names.alpha[s.family[i]]) : 0),
    ),
    value: (s, i) => withPart(givenPhonetic(s, i), monthDay(s, i)),
  },
  {
    // Family name with day and month of birth, ordered by year: the same with the given name
    // missing or changed.
    name: 'family_phonetic_month_day',
    key: (s, i) => (s.family[i] >= 0 && monthDay(s, i) > 0 ? s.names.phonetic1[s.family[i]] * 2048 + monthDay(s, i) : -1),
    sortKey: byName(
      (s, i) => s.year[i],
      (s, i) => (s.given[i] >= 0 ? alpha4(s.names.alpha[s.given[i]]) : 0),
    ),
    value: (s, i) => withPart(familyPhonetic(s, i), monthDay(s, i)),
  },
  {
    // Full date of birth, invariant to a day/month transposition.
    name: 'dob',
    key(s, i) {
      const m = s.month[i];
      const d = s.day[i];
      if (s.year[i] === 0 || m === 0 || d === 0) return -1;
      return s.year[i] * 10000 + Math.min(m, d) * 100 + Math.max(m, d);
    },
    sortKey: familyThenGiven,
    value(s, i) {
      const m = s.month[i];
      const d = s.day[i];
      return s.year[i] === 0 || m === 0 || d === 0 ? undefined : `${s.year[i]}-${Math.min(m, d)}-${Math.max(m, d)}`;
    },
  },
  {
    name: 'postcode',
    key: (s, i) => s.postcode[i],
    sortKey: familyThenGiven,
    value: (s, i) => (s.postcode[i] >= 0 ? s.postcodeText(s.postcode[i]) : undefined),
  },
];

export function blockingRuleByName(store: RecordStore, name: string): BlockingRule | undefined {
  const builtIn = BLOCKING_RULES.find((r) => r.name === name);
  if (builtIn) return builtIn;
  if (name.startsWith('extra:')) {
    const k = store.extraNames.indexOf(name.slice(6));
    if (k >= 0) return exactRule(name, (s) => s.extras[k]);
  }
  return undefined;
}

/**
 * Default rules for a store: every built-in rule, plus an exact rule for each extra attribute
 * that looks like an identifier (at least 50% distinct values among the records holding it).
 */
export function defaultBlockingRuleNames(store: RecordStore): string[] {
  const names = BLOCKING_RULES.map((r) => r.name).filter((n) => !OPTIONAL_RULES.has(n));
  store.extraNames.forEach((extra, k) => {
    const col = store.extras[k];
    const seen = new Set<number>();
    let present = 0;
    for (let i = 0; i < store.size; i++) {
      if (col[i] < 0 || store.removed[i]) continue;
      present++;
      seen.add(col[i]);
    }
    if (present > 0 && seen.size / present >= 0.5) names.push(`extra:${extra}`);
  });
  return names;
}

/** Growable pair buffer. */
export class PairBuffer {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  length = 0;

  push(x: number, y: number): void {
    if (this.length === this.a.length) {
      const na = new Int32Array(this.a.length * 2);
      na.set(this.a);
      this.a = na;
      const nb = new Int32Array(this.b.length * 2);
      nb.set(this.b);
      this.b = nb;
    }
    this.a[this.length] = x < y ? x : y;
    this.b[this.length] = x < y ? y : x;
    this.length++;
  }
}

export interface CandidatePairs {
  a: Int32Array;
  b: Int32Array;
  length: number;
  /** Set by pairs(flagRule): 1 when a rule accepted by flagRule proposed the pair. */
  flagged?: Uint8Array;
}

/** The flagged subset of candidate pairs. */
export function flaggedPairs(pairs: CandidatePairs): CandidatePairs {
  const f = pairs.flagged;
  if (!f) return pairs;
  let n = 0;
  for (let p = 0; p < pairs.length; p++) n += f[p];
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  let k = 0;
  for (let p = 0; p < pairs.length; p++) {
    if (f[p]) {
      a[k] = pairs.a[p];
      b[k] = pairs.b[p];
      k++;
    }
  }
  return { a, b, length: n };
}

/** Blocks of every rule, kept sorted, supporting bulk candidate generation and incremental queries. */
export class BlockIndex {
  readonly blocks: Map<number, number[]>[];
  private stamp = new Int32Array(0);
  private stampValue = 0;

  constructor(
    readonly store: RecordStore,
    readonly rules: readonly BlockingRule[],
    readonly window: number,
  ) {
    this.blocks = rules.map(() => new Map<number, number[]>());
  }

  /** Indexes every live record of the store at once. */
  static build(store: RecordStore, rules: readonly BlockingRule[], window: number): BlockIndex {
    const index = new BlockIndex(store, rules, window);
    const n = store.size;
    const sk = new Float64Array(n);
    rules.forEach((rule, r) => {
      const map = index.blocks[r];
      for (let i = 0; i < n; i++) {
        if (store.removed[i]) continue;
        const k = rule.key(store, i);
        if (k < 0) continue;
        const block = map.get(k);
        if (block) block.push(i);
        else map.set(k, [i]);
      }
      for (let i = 0; i < n; i++) sk[i] = rule.sortKey(store, i);
      const cmp = (x: number, y: number) => sk[x] - sk[y] || x - y;
      for (const block of map.values()) if (block.length > 1) block.sort(cmp);
    });
    return index;
  }

  /**
   * All distinct candidate pairs (a < b) proposed by any rule. When `flagRule` is given, the
   * result also flags the pairs proposed by at least one rule it accepts.
   */
  pairs(flagRule?: (rule: BlockingRule) => boolean): CandidatePairs {
    const raw = new PairBuffer();
    const w = this.window;
    const order = this.rules.map((_, r) => r);
    if (flagRule) order.sort((x, y) => Number(flagRule(this.rules[y])) - Number(flagRule(this.rules[x])));
    let flaggedRaw = 0;
    for (const r of order) {
      const map = this.blocks[r];
      for (const block of map.values()) {
        const len = block.length;
        for (let p = 0; p < len - 1; p++) {
          const end = p + w < len - 1 ? p + w : len - 1;
          const x = block[p];
          for (let q = p + 1; q <= end; q++) raw.push(x, block[q]);
        }
      }
      if (flagRule && flagRule(this.rules[r])) flaggedRaw = raw.length;
    }
    return dedupePairs(raw, this.store.size, flagRule ? flaggedRaw : -1);
  }

  private position(rule: BlockingRule, block: number[], seq: number): number {
    // First position whose (sortKey, seq) is not less than the record's.
    const s = this.store;
    const key = rule.sortKey(s, seq);
    let lo = 0;
    let hi = block.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const k = rule.sortKey(s, block[mid]);
      if (k < key || (k === key && block[mid] < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(seq: number): void {
    this.rules.forEach((rule, r) => {
      const k = rule.key(this.store, seq);
      if (k < 0) return;
      const map = this.blocks[r];
      const block = map.get(k);
      if (!block) map.set(k, [seq]);
      else block.splice(this.position(rule, block, seq), 0, seq);
    });
  }

  /** Removes a record; call before its attributes change in the store. */
  delete(seq: number): void {
    this.rules.forEach((rule, r) => {
      const k = rule.key(this.store, seq);
      if (k < 0) return;
      const map = this.blocks[r];
      const block = map.get(k);
      if (!block) return;
      let pos = this.position(rule, block, seq);
      if (block[pos] !== seq) pos = block.indexOf(seq);
      if (pos < 0) return;
      block.splice(pos, 1);
      if (block.length === 0) map.delete(k);
    });
  }

  /** Distinct candidates of an indexed record: its window neighbours in every rule's block. */
  candidates(seq: number): number[] {
    if (this.stamp.length < this.store.size) {
      const next = new Int32Array(Math.max(this.store.size * 2, 1024));
      next.set(this.stamp);
      this.stamp = next;
    }
    const stamp = this.stamp;
    const mark = ++this.stampValue;
    stamp[seq] = mark;
    const out: number[] = [];
    const w = this.window;
    this.rules.forEach((rule, r) => {
      const k = rule.key(this.store, seq);
      if (k < 0) return;
      const block = this.blocks[r].get(k);
      if (!block || block.length < 2) return;
      let pos = this.position(rule, block, seq);
      if (block[pos] !== seq) pos = block.indexOf(seq);
      const lo = Math.max(0, pos - w);
      const hi = Math.min(block.length - 1, pos + w);
      for (let q = lo; q <= hi; q++) {
        const other = block[q];
        if (stamp[other] === mark) continue;
        stamp[other] = mark;
        out.push(other);
      }
    });
    return out;
  }
}

/**
 * Removes duplicate pairs in linear time (counting sort by first record, then a stamp per
 * record). With flaggedRaw >= 0, a kept pair is flagged when any of its raw copies has an index
 * below flaggedRaw.
 */
export function dedupePairs(raw: PairBuffer, n: number, flaggedRaw = -1): CandidatePairs {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < raw.length; i++) start[raw.a[i] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const partner = new Int32Array(raw.length);
  const rawFlag = flaggedRaw >= 0 ? new Uint8Array(raw.length) : undefined;
  for (let i = 0; i < raw.length; i++) {
    const slot = fill[raw.a[i]]++;
    partner[slot] = raw.b[i];
    if (rawFlag && i < flaggedRaw) rawFlag[slot] = 1;
  }
  const stamp = new Int32Array(n).fill(-1);
  const kept = new Int32Array(n);
  const a = new Int32Array(raw.length);
  const b = new Int32Array(raw.length);
  const flagged = rawFlag ? new Uint8Array(raw.length) : undefined;
  let length = 0;
  for (let x = 0; x < n; x++) {
    for (let p = start[x]; p < start[x + 1]; p++) {
      const y = partner[p];
      if (stamp[y] === x) {
        if (flagged && rawFlag![p]) flagged[kept[y]] = 1;
        continue;
      }
      stamp[y] = x;
      kept[y] = length;
      a[length] = x;
      b[length] = y;
      if (flagged && rawFlag![p]) flagged[length] = 1;
      length++;
    }
  }
  return { a: a.subarray(0, length), b: b.subarray(0, length), length, flagged: flagged?.subarray(0, length) };
}
