import { BLOCKING_RULES, BlockIndex, blockingRuleByName } from './blocking';
import { RecordStore } from './store';

describe('blocking', () => {
  const dobRule = [blockingRuleByName(new RecordStore(), 'dob')!];

  it('bounds candidates per record in a huge block (sorted neighbourhood)', () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({ id: String(i), familyName: `N${String.fromCharCode(65 + (i % 26))}${i}`, dob: { year: 2010, month: 1, day: 1 } }));
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

  it('gives an incrementally inserted record the same neighbours as a bulk build', () => {
    const records = Array.from({ length: 300 }, (_, i) => ({ id: String(i), familyName: `F${(i * 7919) % 300}`, dob: { year: 2010, month: 1 + (i % 2), day: 1 } }));
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
