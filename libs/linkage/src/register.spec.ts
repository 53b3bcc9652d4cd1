import { LinkageRecord } from './record';
import { LinkageRegister } from './register';
import { fixtureModel } from './testing';

const NHS_A = '9434765919';
const NHS_B = '6541003238';
const amy = (id: string, extra: Partial<LinkageRecord> = {}): LinkageRecord => ({ id, givenName: 'Amy', familyName: 'Khan', ...extra });
const dob = { year: 2012, month: 5, day: 4 };

describe('LinkageRegister', () => {
  it('creates a cluster for a new child and adds later records of the same child to it', () => {
    const reg = new LinkageRegister(fixtureModel());
    const first = reg.add(amy('p1', { dob, postcode: 'SW1A 1AA' }));
    expect(first.changes).toEqual([{ type: 'created', clusterId: 1, recordIds: ['p1'] }]);
    const second = reg.add(amy('s1', { givenName: 'Amie', dob, postcode: 'sw1a1aa', nhsNumber: NHS_A }));
    expect(second.clusterId).toBe(1);
    expect(second.changes).toEqual([{ type: 'joined', clusterId: 1, recordId: 's1' }]);
    expect(second.links[0]).toMatchObject({ otherRecordId: 'p1', decision: 'link', modelId: 'lm-fixture' });
    const other = reg.add({ id: 'x1', givenName: 'Oliver', familyName: 'Smith', dob: { year: 2010, month: 1, day: 2 } });
    expect(other.clusterId).toBe(2);
    expect(reg.members(1).sort()).toEqual(['p1', 's1']);
    expect(reg.explain('p1', 's1')).toContainEqual({ comparison: 'given_name', level: 'phonetic', weight: expect.any(Number) });
    expect(() => reg.add(amy('p1'))).toThrow(/duplicate/);
  });

  it('links swapped names and day/month transposed dates of birth', () => {
    const reg = new LinkageRegister(fixtureModel());
    reg.add(amy('a', { dob, postcode: 'M1 1AE' }));
    const swapped = reg.add({ id: 'b', givenName: 'KHAN', familyName: 'AMY', dob: { year: 2012, month: 4, day: 5 }, postcode: 'M1 1AE' });
    expect(swapped.clusterId).toBe(reg.clusterOf('a'));
  });

  it('keeps a different child with a different valid NHS number apart even with the same name', () => {
    const reg = new LinkageRegister(fixtureModel());
    reg.add(amy('a', { dob, nhsNumber: NHS_A }));
    const twin = reg.add(amy('b', { givenName: 'Zara', dob, nhsNumber: NHS_B }));
    expect(twin.clusterId).not.toBe(reg.clusterOf('a'));
  });

  it('merges the clusters a new record bridges, keeping the older ID, and splits them again on withdrawal', () => {
    const reg = new LinkageRegister(fixtureModel());
    expect(reg.add(amy('a', { nhsNumber: NHS_A })).clusterId).toBe(1);
    // Same name only: not enough to link (review at most), so a second cluster.
    const b = reg.add(amy('b', { dob }));
    expect(b.clusterId).toBe(2);
    const bridge = reg.add(amy('c', { dob, nhsNumber: NHS_A }));
    expect(bridge.clusterId).toBe(1);
    expect(bridge.changes).toContainEqual({ type: 'merged', clusterId: 1, absorbedClusterIds: [2], movedRecordIds: ['b'] });
    expect(reg.clusterOf('b')).toBe(1);

    const withdrawn = reg.remove('c');
    expect(withdrawn.changes[0]).toEqual({ type: 'left', clusterId: 1, recordId: 'c' });
    expect(withdrawn.changes[1]).toEqual({ type: 'split', clusterId: 1, newClusters: [{ clusterId: 3, recordIds: ['b'] }] });
    expect(reg.clusterOf('a')).toBe(1);
    expect(reg.clusterOf('b')).toBe(3); // 2 was retired by the merge and is never reused
    expect(reg.nextClusterId).toBe(4);
  });

  it('retires the ID of a cluster whose only record is withdrawn', () => {
    const reg = new LinkageRegister(fixtureModel());
    reg.add(amy('a', { dob }));
    const result = reg.remove('a');
    expect(result.changes).toEqual([{ type: 'left', clusterId: 1, recordId: 'a' }, { type: 'retired', clusterId: 1 }]);
    expect(reg.add(amy('b', { dob })).clusterId).toBe(2);
    expect(() => reg.remove('a')).toThrow(/not in the register/);
  });

  it('splits a record out when a correction removes the evidence, and reports no change for a harmless correction', () => {
    const reg = new LinkageRegister(fixtureModel());
    reg.add(amy('a', { dob, postcode: 'SW1A 1AA' }));
    reg.add(amy('b', { dob, postcode: 'SW1A 1AA' }));
    expect(reg.clusterOf('b')).toBe(1);
    const harmless = reg.update(amy('b', { dob, postcode: 'SW1A 1AB' }));
    expect(harmless.changes).toEqual([]);
    expect(harmless.clusterId).toBe(1);
    const corrected = reg.update({ id: 'b', givenName: 'Noah', familyName: 'Price', dob: { year: 2009, month: 2, day: 3 } });
    expect(corrected.clusterId).toBe(2);
    expect(corrected.changes).toEqual([
      { type: 'left', clusterId: 1, recordId: 'b' },
      { type: 'created', clusterId: 2, recordIds: ['b'] },
    ]);
  });

  it('keeps a singleton cluster ID when its record is corrected and stays alone', () => {
    const reg = new LinkageRegister(fixtureModel());
    reg.add(amy('a', { dob }));
    const r = reg.update(amy('a', { dob: { year: 2012, month: 5 } }));
    expect(r.clusterId).toBe(1);
    expect(r.changes).toEqual([]);
  });

  it('resists chaining: a record linking to one member does not drag in an unrelated cluster', () => {
    const reg = new LinkageRegister(fixtureModel());
    reg.add({ id: 'a1', givenName: 'Leo', familyName: 'Hart', dob, postcode: 'LS1 4AP' });
    reg.add({ id: 'a2', givenName: 'Leo', familyName: 'Hart', dob, postcode: 'LS1 4AP' });
    reg.add({ id: 'b1', givenName: 'Mia', familyName: 'Cole', dob: { year: 2015, month: 1, day: 1 }, postcode: 'LS2 7EW', nhsNumber: NHS_B });
    // Shares the NHS number of b1 but otherwise looks like the Leo Hart records.
    const bridge = reg.add({ id: 'x', givenName: 'Leo', familyName: 'Hart', dob, postcode: 'LS1 4AP', nhsNumber: NHS_B });
    const clusters = new Set([reg.clusterOf('a1'), reg.clusterOf('b1')]);
    expect(clusters.size).toBe(2);
    expect(bridge.changes.some((c) => c.type === 'merged')).toBe(false);
  });

  it('restores existing IDs without relinking and continues numbering after them', () => {
    const model = fixtureModel();
    const reg = LinkageRegister.restore(model, [
      { record: amy('a', { dob }), clusterId: 7 },
      { record: amy('b', { dob }), clusterId: 7 },
    ], { nextClusterId: 12 });
    expect(reg.clusterOf('b')).toBe(7);
    expect(reg.add(amy('c', { dob })).clusterId).toBe(7);
    expect(reg.add({ id: 'd', givenName: 'Noah', familyName: 'Price', dob: { year: 2009, month: 2, day: 3 } }).clusterId).toBe(12);
    expect([...reg.entries()]).toHaveLength(4);
  });

  it('builds a register in batch with IDs in record order', () => {
    const reg = LinkageRegister.build(fixtureModel(), [
      amy('a', { dob }),
      { id: 'n', givenName: 'Noah', familyName: 'Price', dob: { year: 2009, month: 2, day: 3 } },
      amy('b', { dob, givenName: 'Amie' }),
    ]);
    expect(reg.clusterOf('a')).toBe(1);
    expect(reg.clusterOf('n')).toBe(2);
    expect(reg.clusterOf('b')).toBe(1);
    expect(reg.nextClusterId).toBe(3);
  });
});
