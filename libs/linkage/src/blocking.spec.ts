import { BLOCKING_RULES, BlockIndex, blockingRuleByName, prefixKey } from './blocking';
import { RecordStore } from './store';
import { LinkageRecord } from './record';

describe('blocking', () => {
  const dobRule = [blockingRuleByName(new RecordStore(), 'dob')!];

  it('bounds candidates per record in a huge block (sorted neighbourhood)', () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({
      id: String(i),
      familyName: `N${String.fromCharCode(65 + (i % 26))}${i}`,
      dob: { year: 2010, month: 1, day: 1 },
    }));
    const store = RecordStore.fromRecords(records);
    const index = BlockIndex.build(store, dobRule, 5);
    const pairs = index.pairs();
    expect(pairs.length).toBeLessThanOrEqual(2000 * 5);
    expect(pairs.length).toBeGreaterThan(2000 * 4);
    for (let i = 0; i < 2000; i += 97) expect(index.candidates(i).length).toBeLessThanOrEqual(10);
  });

  it('OR-s rules, deduplicating pairs found by several rules, and finds swapped names', () => {
    const store = RecordStore.fromRecords([
      { id: 'a', givenName: 'Amy', familyName: 'Khan', dob: { year: 2012, month: 5, day: 4 }, postcode: 'M1 1AE' },
      { id: 'b', givenName: 'Khan', familyName: 'Amy', dob: { year: 2012, month: 4, day: 5 }, postcode: 'M1 1AE' },
      { id: 'c', givenName: 'Noah', familyName: 'Price', dob: { year: 2001, month: 1, day: 1 }, postcode: 'LS1 1AA' },
    ]);
    const pairs = BlockIndex.build(store, BLOCKING_RULES, 10).pairs();
    expect(pairs.length).toBe(1);
    expect([pairs.a[0], pairs.b[0]]).toEqual([0, 1]);
  });

  it('gives every rule a text value shared exactly when the block key is, the same in any store', () => {
    const given = ['AMELIA', 'AMELIE', 'BILL', 'WILLIAM', 'NOAH'];
    const family = ['KHAN', 'KAHN', 'SMITH', 'SMYTH', 'PRICE'];
    const records: LinkageRecord[] = Array.from({ length: 60 }, (_, i) => ({
      id: String(i),
      givenName: i % 7 === 0 ? undefined : given[i % 5],
      familyName: i % 11 === 0 ? undefined : family[(i * 3) % 5],
      dob: i % 13 === 0 ? undefined : { year: 2010 + (i % 3), month: 1 + (i % 4), day: 1 + ((i * 5) % 4) },
      postcode: i % 2 ? `M${i % 3} 1AE` : undefined,
      nhsNumber: i % 5 === 0 ? ['9434765919', '4010232137'][i % 2] : undefined,
      email: i % 3 === 0 ? `${given[i % 5].toLowerCase()}@${i % 2 ? 'example.org' : 'mail.com'}` : undefined,
    }));
    const store = RecordStore.fromRecords(records);
    const reversedStore = RecordStore.fromRecords([...records].reverse());
    for (const rule of BLOCKING_RULES) {
      const sorted = rule.name === 'email_sorted' || rule.name === 'email_reversed';
      for (let i = 0; i < records.length; i++) {
        const value = rule.value(store, i);
        expect(value === undefined).toBe(rule.key(store, i) < 0);
        expect(rule.value(reversedStore, records.length - 1 - i)).toBe(value);
        if (sorted) continue;
        for (let j = 0; j < records.length; j++) {
          if (value !== undefined && rule.value(store, j) !== undefined)
            expect(rule.value(store, j) === value).toBe(rule.key(store, j) === rule.key(store, i));
        }
      }
    }
  });

  it('gives an incrementally inserted record the same neighbours as a bulk build', () => {
    const records = Array.from({ length: 300 }, (_, i) => ({
      id: String(i),
      familyName: `F${(i * 7919) % 300}`,
      dob: { year: 2010, month: 1 + (i % 2), day: 1 },
    }));
    const bulk = BlockIndex.build(RecordStore.fromRecords(records), dobRule, 4);
    const store = new RecordStore();
    const inc = new BlockIndex(store, dobRule, 4);
    for (const r of records) inc.insert(store.add(r));
    for (const i of [0, 17, 150, 299]) expect(inc.candidates(i).sort()).toEqual(bulk.candidates(i).sort());
    inc.delete(17);
    expect(inc.candidates(16)).not.toContain(17);
  });
});

describe('dedupePairs flags', () => {
  it('flags a pair proposed by a flagged rule even when another rule proposed it too', () => {
    const store = RecordStore.fromRecords([
      { id: 'a', givenName: 'Amy', familyName: 'Khan', dob: { year: 2012, month: 5, day: 4 }, postcode: 'M1 1AE' },
      { id: 'b', givenName: 'Zoe', familyName: 'Khan', dob: { year: 2012, month: 5, day: 4 }, postcode: 'M1 1AE' },
      { id: 'c', givenName: 'Ian', familyName: 'Khan', dob: { year: 2001, month: 1, day: 1 }, postcode: 'M1 1AE' },
    ]);
    const pairs = BlockIndex.build(store, BLOCKING_RULES, 10).pairs((r) => r.name === 'dob');
    expect(pairs.length).toBe(3);
    const flags = new Map<string, number>();
    for (let p = 0; p < pairs.length; p++) flags.set(`${pairs.a[p]}-${pairs.b[p]}`, pairs.flagged![p]);
    expect(flags.get('0-1')).toBe(1);
    expect(flags.get('0-2')).toBe(0);
    expect(flags.get('1-2')).toBe(0);
  });
});

describe('rules that keep recall as blocks grow', () => {
  const rule = (name: string) => [blockingRuleByName(new RecordStore(), name)!];

  it('orders a family-name block by date of birth too, reaching a record without a given name', () => {
    // 200 SMITHs with given names; the target pair: one record with, one without a given name.
    const records: LinkageRecord[] = Array.from({ length: 200 }, (_, i) => ({
      id: `s${i}`,
      givenName: `G${String.fromCharCode(65 + (i % 26))}${i}`,
      familyName: 'Smith',
      dob: { year: 1950 + (i % 50), month: 1 + (i % 12), day: 1 + (i % 28) },
    }));
    records.push({ id: 'x', givenName: 'Zed', familyName: 'Smith', dob: { year: 1975, month: 6, day: 15 } });
    records.push({ id: 'y', familyName: 'Smith', dob: { year: 1975, month: 6, day: 15 } });
    const store = RecordStore.fromRecords(records);
    const [x, y] = [records.length - 2, records.length - 1];
    const found = (names: string[]) => {
      const pairs = BlockIndex.build(store, names.flatMap(rule), 3).pairs();
      for (let p = 0; p < pairs.length; p++) if (pairs.a[p] === x && pairs.b[p] === y) return true;
      return false;
    };
    expect(found(['family_phonetic'])).toBe(false);
    expect(found(['family_phonetic_dob'])).toBe(true);
  });

  it('finds a wrong year of birth with a missing family name through given name + day and month', () => {
    const store = RecordStore.fromRecords([
      { id: 'a', givenName: 'Hannah', familyName: 'Patel', dob: { year: 1974, month: 9, day: 28 } },
      { id: 'b', givenName: 'Hannah', dob: { year: 1964, month: 9, day: 28 } },
      { id: 'c', givenName: 'Hannah', familyName: 'Jones', dob: { year: 1974, month: 3, day: 2 } },
    ]);
    const pairs = BlockIndex.build(store, rule('given_phonetic_month_day'), 6).pairs();
    expect(pairs.length).toBe(1);
    expect([pairs.a[0], pairs.b[0]]).toEqual([0, 1]);
    const family = BlockIndex.build(
      RecordStore.fromRecords([
        { id: 'a', familyName: 'Wilson', dob: { year: 1923, month: 9, day: 17 } },
        { id: 'b', givenName: 'Ava', familyName: 'Wilson', dob: { year: 1933, month: 9, day: 17 } },
      ]),
      rule('family_phonetic_month_day'),
      6,
    ).pairs();
    expect(family.length).toBe(1);
  });

  it('makes email addresses one typo apart neighbours (forwards and reversed), without an exact match', () => {
    const filler = Array.from({ length: 300 }, (_, i) => ({ id: `f${i}`, email: `person${(i * 7919) % 1000}.${i}@example.org` }));
    const store = RecordStore.fromRecords([
      ...filler,
      { id: 'a', email: 'olivia.harrison123@brooks.com' },
      { id: 'b', email: 'olivia.harirson123@brooks.com' }, // typo in the middle: same beginning
      { id: 'c', email: 'xolivia.harrison123@brooks.com' }, // typo at the start: same end
    ]);
    const n = filler.length;
    const has = (names: string[], x: number, y: number) => {
      const pairs = BlockIndex.build(store, names.flatMap(rule), 2).pairs();
      for (let p = 0; p < pairs.length; p++) if (pairs.a[p] === x && pairs.b[p] === y) return true;
      return false;
    };
    expect(has(['email'], n, n + 1)).toBe(false);
    expect(has(['email_sorted'], n, n + 1)).toBe(true);
    expect(has(['email_sorted'], n, n + 2)).toBe(false);
    expect(has(['email_reversed'], n, n + 2)).toBe(true);
    expect(BlockIndex.build(store, rule('email_sorted'), 2).pairs().length).toBeLessThanOrEqual(2 * store.size);
  });

  it('prefixKey keeps the order of the first ten characters, case-insensitively', () => {
    const words = ['abc', 'ABD', 'abd1', 'b', 'b.a', 'zzzzzzzzzz', '0abc'];
    const sorted = [...words].sort((x, y) => prefixKey(x) - prefixKey(y));
    expect(sorted).toEqual(['abc', 'ABD', 'abd1', 'b', 'b.a', 'zzzzzzzzzz', '0abc']);
    expect(prefixKey('zzzzzzzzzz')).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(prefixKey('Olivia')).toBe(prefixKey('OLIVIA'));
  });
});
