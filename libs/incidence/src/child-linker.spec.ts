import * as fc from 'fast-check';
import { DeterministicChildLinker } from './child-linker';
import { assignNationalIds } from './national-id-assignment';
import { ChildProfile, foldChildProfile, IdentityObservation, latestStatements, mergeIntoProfile, settleChanges } from './child-profile';

describe('DeterministicChildLinker', () => {
  const linker = new DeterministicChildLinker();
  it('keys on valid NHS number, valid UPN and name + full date of birth only', () => {
    expect(linker.keysOf({ nhsNumber: '9434765919', upn: 'UN2', givenName: 'AMY', familyName: 'LEE', dateOfBirth: '2012-04' })).toEqual([
      'nhs:9434765919',
    ]);
    expect(linker.keysOf({ nhsNumber: '9434765918', givenName: 'AMY', familyName: 'LEE', dateOfBirth: '2012-04-03' })).toEqual([
      'name-dob:AMY|LEE|2012-04-03',
    ]);
  });
  it('clusters transitively: NHS links 1-2, name+dob links 2-3', () => {
    const clusters = linker.cluster([
      { id: 1, profile: { nhsNumber: '9434765919' } },
      { id: 2, profile: { nhsNumber: '9434765919', givenName: 'AMY', familyName: 'LEE', dateOfBirth: '2012-04-03' } },
      { id: 3, profile: { givenName: 'AMY', familyName: 'LEE', dateOfBirth: '2012-04-03' } },
      { id: 4, profile: { givenName: 'AMY', familyName: 'LEE', dateOfBirth: '2012-04-04' } },
    ]);
    expect(clusters.sort((a, b) => a[0] - b[0])).toEqual([[1, 2, 3], [4]]);
  });
});

describe('assignNationalIds', () => {
  it('keeps the older ID on a merge and retires the other', () => {
    const result = assignNationalIds(
      [[1, 2, 3]],
      new Map([
        [1, 7],
        [2, 5],
        [3, null],
      ]),
    );
    expect(result).toEqual({ keptIds: [5], retired: [{ id: 7, absorbedBy: 0 }] });
  });
  it('keeps the ID on the larger part of a split and leaves the other part for a new ID', () => {
    const result = assignNationalIds(
      [[1], [2, 3]],
      new Map([
        [1, 5],
        [2, 5],
        [3, 5],
      ]),
    );
    expect(result).toEqual({ keptIds: [null, 5], retired: [] });
  });
});

describe('foldChildProfile', () => {
  it('takes each attribute from the latest report that states it', () => {
    const profile = foldChildProfile([
      { eventId: 'b', reportedAt: 2, attributes: { givenName: 'AMY' } },
      { eventId: 'a', reportedAt: 1, attributes: { givenName: 'AMIE', nhsNumber: '9434765919' } },
    ]);
    expect(profile).toEqual({ givenName: 'AMY', nhsNumber: '9434765919' });
  });
});

describe('mergeIntoProfile', () => {
  const observations = [
    { eventId: 'a', reportedAt: 1, attributes: { givenName: 'AMIE', nhsNumber: '9434765919' } },
    { eventId: 'b', reportedAt: 2, attributes: { givenName: 'AMY' } },
    { eventId: 'c', reportedAt: 2, attributes: { givenName: 'AMELIA', sex: 'F' as const } },
  ];
  it('equals the full fold whatever the order and grouping of arrivals', () => {
    const expected = foldChildProfile(observations);
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
    ]) {
      let profile = mergeIntoProfile(undefined, [observations[order[0]]])!.profile;
      for (const i of order.slice(1)) profile = mergeIntoProfile(profile, [observations[i]])?.profile ?? profile;
      expect(profile.attributes).toEqual(expected);
    }
    expect(expected.givenName).toBe('AMELIA');
  });
  it('reports no change when an older report arrives late', () => {
    const { profile } = mergeIntoProfile(undefined, observations)!;
    expect(mergeIntoProfile(profile, [{ eventId: '0', reportedAt: 0, attributes: { givenName: 'X' } }])).toBeNull();
  });
  it('settles a change against a later restatement whose provenance was not stored', () => {
    const { profile } = mergeIntoProfile(undefined, [{ eventId: 'a', reportedAt: 1, attributes: { givenName: 'AMY' } }])!;
    // Report c (t=3) restates AMY: nothing to store.
    expect(mergeIntoProfile(profile, [{ eventId: 'c', reportedAt: 3, attributes: { givenName: 'AMY' } }])).toBeNull();
    // Report b (t=2) arrives late with AMIE: newer than the stored provenance (t=1), so proposed...
    const proposed = mergeIntoProfile(profile, [{ eventId: 'b', reportedAt: 2, attributes: { givenName: 'AMIE' } }])!;
    expect(proposed.changedFields).toEqual(['givenName']);
    // ...and settled against the latest stored statement (c, t=3): no change remains.
    expect(settleChanges(profile, proposed, new Map([['givenName', { value: 'AMY', reportedAt: 3, eventId: 'c' }]]))).toBeNull();
  });
  it('equals the full fold for any arrivals, batching and restatements (stored only when a value changed)', () => {
    const statement = fc.record({
      reportedAt: fc.integer({ min: 0, max: 5 }),
      attributes: fc.record({ givenName: fc.constantFrom('AMY', 'AMIE'), sex: fc.constantFrom('F' as const, 'U' as const) }, { requiredKeys: [] }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(statement, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (raw) => {
        let n = 0;
        const batches = raw.map((batch) => batch.map((o) => ({ ...o, eventId: `e${String(n++).padStart(2, '0')}` })));
        let stored: ChildProfile | undefined;
        const seen: IdentityObservation[] = [];
        for (const batch of batches) {
          seen.push(...batch);
          const change = mergeIntoProfile(stored, batch);
          if (!change) continue;
          const settled = stored ? settleChanges(stored, change, latestStatements(seen)) : change;
          if (settled) stored = settled.profile;
        }
        expect(stored?.attributes ?? {}).toEqual(foldChildProfile(seen));
      }),
      { numRuns: 1000 },
    );
  });
});
