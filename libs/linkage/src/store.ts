import {
  canonicalNhsNumber,
  canonicalUpn,
  isUnknownUpnCode,
  isValidNhsNumber,
  isValidUpn,
  normaliseName,
  normalisePostcode,
  postcodeDistrict,
  postcodeSector,
} from '@mcm/shared';
import { doubleMetaphone } from './double-metaphone';
import { canonicalGivenName, nicknameGroups } from './nicknames';
import { LinkageRecord } from './record';
import { alphaKey, StringPool } from './string-pool';

/** Fields whose exact-agreement weight is adjusted for the frequency of the value. */
export const enum TfField {
  Given = 0,
  Family = 1,
  City = 2,
  Address = 3,
  Email = 4,
  FirstExtra = 5,
}

/** Per-name derived data, computed once per distinct name. */
export class NamePool extends StringPool {
  readonly phonetic1: number[] = [];
  readonly phonetic2: number[] = [];
  /** Phonetic code of the canonical (formal) given name, for blocking on nicknames. */
  readonly canonicalPhonetic: number[] = [];
  readonly groups: (readonly number[])[] = [];
  readonly alpha: number[] = [];
  readonly phoneticPool = new StringPool();

  override intern(value: string): number {
    const before = this.size;
    const code = super.intern(value);
    if (code === before) {
      const [p1, p2] = doubleMetaphone(value);
      this.phonetic1.push(this.phoneticPool.intern(p1 || value));
      this.phonetic2.push(this.phoneticPool.intern(p2 || p1 || value));
      const canonical = canonicalGivenName(value);
      this.canonicalPhonetic.push(canonical === value ? this.phonetic1[code] : this.phoneticPool.intern(doubleMetaphone(canonical)[0] || canonical));
      this.groups.push(nicknameGroups(value));
      this.alpha.push(alphaKey(value));
    }
    return code;
  }
}

/** Compact upper-case A-Z form used for name comparison ("O'Brien" -> "OBRIEN"). */
export function linkageName(raw: string | undefined): string {
  if (!raw) return '';
  return normaliseName(raw).replace(/[^A-Z]/g, '');
}

function compactValue(raw: string | undefined): string {
  if (!raw) return '';
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const SEX_CODES: Record<string, number> = { M: 1, MALE: 1, F: 2, FEMALE: 2 };
const SEX_MISSING = new Set(['', 'U', 'UNKNOWN', 'NOT STATED', 'N/A', 'X', '0', '9']);

function grow<T extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>(arr: T, capacity: number, fill = 0): T {
  const Ctor = arr.constructor as new (n: number) => T;
  const next = new Ctor(capacity);
  next.set(arr);
  if (fill !== 0) next.fill(fill as never, arr.length);
  return next;
}

/**
 * Columnar, integer-encoded records. Strings are interned once; derived keys (phonetic codes,
 * nickname groups, postcode sector and district) are computed once per distinct value.
 * Term frequencies are maintained as records are added and removed.
 */
export class RecordStore {
  readonly names = new NamePool();
  readonly values = new StringPool();
  readonly ids: string[] = [];
  readonly sources: string[] = [];
  readonly seqById = new Map<string, number>();
  readonly extraNames: string[];
  private readonly extraIndex = new Map<string, number>();
  size = 0;
  live = 0;
  private capacity = 0;

  given = new Int32Array(0);
  family = new Int32Array(0);
  year = new Int16Array(0);
  month = new Int8Array(0);
  day = new Int8Array(0);
  sex = new Int8Array(0);
  postcode = new Int32Array(0);
  pcSector = new Int32Array(0);
  pcDistrict = new Int32Array(0);
  pcUk = new Uint8Array(0);
  /** Validated NHS number as a number (10 digits fit exactly in a double), or -1. */
  nhs = new Float64Array(0);
  upn = new Int32Array(0);
  la = new Int32Array(0);
  email = new Int32Array(0);
  city = new Int32Array(0);
  address = new Int32Array(0);
  extras: Int32Array[];
  removed = new Uint8Array(0);

  /** tfCounts[field][code]: number of live records holding that value in that field. */
  readonly tfCounts: number[][];
  readonly tfTotals: number[];
  private readonly nameCache = new Map<string, number>();
  private readonly postcodeCache = new Map<string, number>();

  constructor(extraNames: readonly string[] = [], capacity = 1024) {
    this.extraNames = [...extraNames];
    this.extraNames.forEach((name, i) => this.extraIndex.set(name, i));
    this.extras = this.extraNames.map(() => new Int32Array(0));
    this.tfCounts = Array.from({ length: TfField.FirstExtra + this.extraNames.length }, () => []);
    this.tfTotals = new Array<number>(this.tfCounts.length).fill(0);
    this.ensureCapacity(capacity);
  }

  static fromRecords(records: readonly LinkageRecord[], extraNames?: readonly string[]): RecordStore {
    const names = extraNames ?? collectExtraNames(records);
    const store = new RecordStore(names, Math.max(16, records.length));
    for (const r of records) store.add(r);
    return store;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    const cap = Math.max(n, this.capacity * 2, 16);
    this.given = grow(this.given, cap, -1);
    this.family = grow(this.family, cap, -1);
    this.year = grow(this.year, cap);
    this.month = grow(this.month, cap);
    this.day = grow(this.day, cap);
    this.sex = grow(this.sex, cap);
    this.postcode = grow(this.postcode, cap, -1);
    this.pcSector = grow(this.pcSector, cap, -1);
    this.pcDistrict = grow(this.pcDistrict, cap, -1);
    this.pcUk = grow(this.pcUk, cap);
    this.nhs = grow(this.nhs, cap, -1);
    this.upn = grow(this.upn, cap, -1);
    this.la = grow(this.la, cap, -1);
    this.email = grow(this.email, cap, -1);
    this.city = grow(this.city, cap, -1);
    this.address = grow(this.address, cap, -1);
    this.extras = this.extras.map((col) => grow(col, cap, -1));
    this.removed = grow(this.removed, cap);
    this.capacity = cap;
  }

  /** Appends a record and returns its sequence number (insertion order, never reused). */
  add(record: LinkageRecord): number {
    if (this.seqById.has(record.id)) throw new Error(`duplicate record id ${record.id}`);
    const seq = this.size;
    this.ensureCapacity(seq + 1);
    this.size++;
    this.live++;
    this.ids.push(record.id);
    this.sources.push(record.source ?? '');
    this.seqById.set(record.id, seq);
    this.write(seq, record);
    return seq;
  }

  /** Replaces the attributes of an existing record (same sequence number). */
  replace(seq: number, record: LinkageRecord): void {
    this.countTf(seq, -1);
    this.write(seq, record);
  }

  /** Marks a record removed; its sequence number is never reused. */
  remove(seq: number): void {
    if (this.removed[seq]) return;
    this.countTf(seq, -1);
    this.removed[seq] = 1;
    this.live--;
    this.seqById.delete(this.ids[seq]);
  }

  tf(field: number, code: number): number {
    const total = this.tfTotals[field];
    const count = this.tfCounts[field][code] ?? 0;
    return total > 0 ? Math.max(count, 1) / total : 1;
  }

  private nameCode(raw: string | undefined): number {
    if (!raw) return -1;
    let code = this.nameCache.get(raw);
    if (code === undefined) {
      const name = linkageName(raw);
      code = name === '' ? -1 : this.names.intern(name);
      if (this.nameCache.size < 2_000_000) this.nameCache.set(raw, code);
    }
    return code;
  }

  private readonly valueCache = new Map<string, number>();

  private valueCode(raw: string | undefined): number {
    if (!raw) return -1;
    let code = this.valueCache.get(raw);
    if (code === undefined) {
      const v = compactValue(raw);
      code = v === '' ? -1 : this.values.intern(v);
      if (this.valueCache.size < 4_000_000) this.valueCache.set(raw, code);
    }
    return code;
  }

  private write(seq: number, r: LinkageRecord): void {
    let given = r.givenName;
    let family = r.familyName;
    if (!given && !family && r.fullName) {
      const parts = r.fullName.trim().split(/\s+/);
      given = parts[0];
      family = parts.length > 1 ? parts[parts.length - 1] : undefined;
    }
    this.given[seq] = this.nameCode(given);
    this.family[seq] = this.nameCode(family);
    const dob = r.dob;
    this.year[seq] = dob ? dob.year : 0;
    this.month[seq] = dob?.month ?? 0;
    this.day[seq] = dob?.month !== undefined ? (dob?.day ?? 0) : 0;
    const rawSex = r.sex;
    if (rawSex === 'M') this.sex[seq] = 1;
    else if (rawSex === 'F') this.sex[seq] = 2;
    else {
      const sex = (rawSex ?? '').trim().toUpperCase();
      this.sex[seq] = SEX_MISSING.has(sex) ? 0 : (SEX_CODES[sex] ?? 3);
    }
    this.writePostcode(seq, r.postcode);
    const nhs = r.nhsNumber ? canonicalNhsNumber(r.nhsNumber) : '';
    this.nhs[seq] = nhs && isValidNhsNumber(nhs) ? Number(nhs) : -1;
    const upn = r.upn ? canonicalUpn(r.upn) : '';
    this.upn[seq] = upn && !isUnknownUpnCode(upn) && isValidUpn(upn) ? this.values.intern('UPN' + upn) : -1;
    this.la[seq] = this.valueCode(r.laCode);
    this.email[seq] = this.valueCode(r.email?.toLowerCase());
    this.city[seq] = this.valueCode(r.city);
    this.address[seq] = this.valueCode(r.address);
    for (let k = 0; k < this.extraNames.length; k++) this.extras[k][seq] = -1;
    if (r.extras) {
      for (const [name, value] of Object.entries(r.extras)) {
        const k = this.extraIndex.get(name);
        if (k !== undefined) this.extras[k][seq] = this.valueCode(value);
      }
    }
    this.countTf(seq, 1);
  }

  /** Distinct postcodes with their sector, district and UK flag (computed once per postcode). */
  private readonly postcodes = new StringPool();
  private readonly postcodeSectorOf: number[] = [];
  private readonly postcodeDistrictOf: number[] = [];
  private readonly postcodeIsUk: number[] = [];

  private postcodeCode(key: string): number {
    const uk = normalisePostcode(key);
    const compact = uk ?? key.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (compact === '') return -1;
    const before = this.postcodes.size;
    const code = this.postcodes.intern(compact);
    if (code === before) {
      if (uk) {
        this.postcodeSectorOf.push(this.values.intern('PS' + postcodeSector(uk)));
        this.postcodeDistrictOf.push(this.values.intern('PD' + postcodeDistrict(uk)));
        this.postcodeIsUk.push(1);
      } else {
        this.postcodeSectorOf.push(-1);
        this.postcodeDistrictOf.push(this.values.intern('PD' + compact.slice(0, 2)));
        this.postcodeIsUk.push(0);
      }
    }
    return code;
  }

  postcodeStrings(): string[] {
    return this.postcodes.strings;
  }

  /** Used by storeFromSnapshot only. */
  adoptPostcodes(strings: string[]): void {
    (this.postcodes as unknown as { strings: string[] }).strings = strings;
  }

  /** The postcode string of a code (for comparisons of non-UK codes). */
  postcodeText(code: number): string {
    return this.postcodes.strings[code];
  }

  private writePostcode(seq: number, raw: string | undefined): void {
    let code = -1;
    if (raw) {
      const cached = this.postcodeCache.get(raw);
      if (cached !== undefined) code = cached;
      else {
        code = this.postcodeCode(raw.trim());
        if (this.postcodeCache.size < 4_000_000) this.postcodeCache.set(raw, code);
      }
    }
    this.postcode[seq] = code;
    this.pcSector[seq] = code < 0 ? -1 : this.postcodeSectorOf[code];
    this.pcDistrict[seq] = code < 0 ? -1 : this.postcodeDistrictOf[code];
    this.pcUk[seq] = code < 0 ? 0 : this.postcodeIsUk[code];
  }

  private countTf(seq: number, delta: number): void {
    const add = (field: number, code: number) => {
      if (code < 0) return;
      const counts = this.tfCounts[field];
      counts[code] = (counts[code] ?? 0) + delta;
      this.tfTotals[field] += delta;
    };
    add(TfField.Given, this.given[seq]);
    add(TfField.Family, this.family[seq]);
    add(TfField.City, this.city[seq]);
    add(TfField.Address, this.address[seq]);
    add(TfField.Email, this.email[seq]);
    for (let k = 0; k < this.extras.length; k++) add(TfField.FirstExtra + k, this.extras[k][seq]);
  }

  /** Full date of birth as a sortable number, or -1. */
  dobKey(seq: number): number {
    return this.year[seq] > 0 ? this.year[seq] * 10000 + this.month[seq] * 100 + this.day[seq] : -1;
  }
}

/** The plain data a worker thread needs to score pairs of a store (see parallel-scoring.ts). */
export interface StoreSnapshot {
  size: number;
  extraNames: string[];
  columns: Record<string, Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>;
  extras: Int32Array[];
  names: { strings: string[]; phonetic1: number[]; phonetic2: number[]; canonicalPhonetic: number[]; groups: (readonly number[])[]; alpha: number[] };
  values: string[];
  postcodes: string[];
  tfCounts: number[][];
  tfTotals: number[];
}

const SNAPSHOT_COLUMNS = [
  'given',
  'family',
  'year',
  'month',
  'day',
  'sex',
  'postcode',
  'pcSector',
  'pcDistrict',
  'pcUk',
  'nhs',
  'upn',
  'la',
  'email',
  'city',
  'address',
  'removed',
] as const;

export function snapshotStore(store: RecordStore): StoreSnapshot {
  const n = store.size;
  const columns: StoreSnapshot['columns'] = {};
  for (const c of SNAPSHOT_COLUMNS) columns[c] = store[c].slice(0, n);
  const { names } = store;
  return {
    size: n,
    extraNames: store.extraNames,
    columns,
    extras: store.extras.map((e) => e.slice(0, n)),
    names: {
      strings: names.strings,
      phonetic1: names.phonetic1,
      phonetic2: names.phonetic2,
      canonicalPhonetic: names.canonicalPhonetic,
      groups: names.groups,
      alpha: names.alpha,
    },
    values: store.values.strings,
    postcodes: store.postcodeStrings(),
    tfCounts: store.tfCounts,
    tfTotals: store.tfTotals,
  };
}

/** A read-only store rebuilt from a snapshot, enough for comparisons and scoring. */
export function storeFromSnapshot(snapshot: StoreSnapshot): RecordStore {
  const store = new RecordStore(snapshot.extraNames, 16);
  const target = store as unknown as Record<string, unknown>;
  for (const [name, column] of Object.entries(snapshot.columns)) target[name] = column;
  store.extras = snapshot.extras;
  Object.assign(store.names, snapshot.names);
  (store.values as unknown as { strings: string[] }).strings = snapshot.values;
  store.adoptPostcodes(snapshot.postcodes);
  store.tfCounts.splice(0, store.tfCounts.length, ...snapshot.tfCounts);
  store.tfTotals.splice(0, store.tfTotals.length, ...snapshot.tfTotals);
  store.size = snapshot.size;
  store.live = snapshot.size;
  return store;
}

export function collectExtraNames(records: readonly LinkageRecord[]): string[] {
  const names = new Set<string>();
  for (const r of records) if (r.extras) for (const k of Object.keys(r.extras)) names.add(k);
  return [...names].sort();
}
