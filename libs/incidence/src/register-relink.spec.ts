import { DeterministicChildLinker } from './child-linker';
import { assignNationalIds } from './national-id-assignment';
import { diffLinkKeys, newNationalIdsNeeded, partitionClosedSet, settleNationalIds } from './register-relink';

describe('diffLinkKeys', () => {
  it('replaces only the keys that changed and names the records whose key set changed', () => {
    const stored = new Map([
      [1, new Set(['a', 'b'])],
      [2, new Set(['c'])],
    ]);
    const result = diffLinkKeys(stored, [
      { id: 1, keys: ['b', 'd'] },
      { id: 2, keys: ['c'] },
      { id: 3, keys: ['e'] },
    ]);
    expect(result).toEqual({
      toDelete: [[1, 'a']],
      toInsert: [
        [1, 'd'],
        [3, 'e'],
      ],
      changed: [1, 3],
    });
  });

  it('counts a record that lost all its keys as changed', () => {
    expect(diffLinkKeys(new Map([[4, new Set(['x'])]]), [{ id: 4, keys: [] }])).toEqual({ toDelete: [[4, 'x']], toInsert: [], changed: [4] });
  });
});

describe('partitionClosedSet', () => {
  it('clusters with a linker that reports no reviews', () => {
    const records = [
      { id: 5, profile: { nhsNumber: '9434765919' } },
      { id: 2, profile: { nhsNumber: '9434765919' } },
      { id: 9, profile: {} },
    ];
    expect(partitionClosedSet(new DeterministicChildLinker(), records, [])).toEqual({ clusters: [[2, 5], [9]] });
  });

  it('hands reviewers decisions to a linker that links, and passes its review pairs on', () => {
    const review = [{ a: 1, b: 2, probability: 0.6, comparisonLevels: [] }];
    const linker = { name: 'x', keysOf: () => [], cluster: () => [[1], [2]], link: jest.fn(() => ({ clusters: [[1, 2]], review })) };
    const decisions = [{ a: 1, b: 2, decision: 'CONFIRMED' as const }];
    expect(
      partitionClosedSet(
        linker,
        [
          { id: 1, profile: {} },
          { id: 2, profile: {} },
        ],
        decisions,
      ),
    ).toEqual({ clusters: [[1, 2]], review });
    expect(linker.link).toHaveBeenCalledWith(expect.any(Array), decisions);
  });
});

describe('settleNationalIds', () => {
  it('on a merge keeps the older ID, moves the other records and records the merge', () => {
    const clusters = [[1, 2, 3]];
    const current = new Map<number, number | null>([
      [1, 7],
      [2, 5],
      [3, null],
    ]);
    const assignment = assignNationalIds(clusters, current);
    expect(newNationalIdsNeeded(assignment)).toBe(0);
    const outcome = settleNationalIds(clusters, current, assignment, []);
    expect(outcome).toEqual({
      finalIds: [5],
      updates: [
        [1, 5],
        [3, 5],
      ],
      touched: new Set([5, 7]),
      retirements: [{ id: 7, survivor: 5 }],
      changes: [{ change: 'MERGE', id: 5, others: [7] }],
    });
  });

  it('on a split gives the smaller part a new ID and records the split', () => {
    const clusters = [[1], [2, 3], [4]];
    const current = new Map<number, number | null>([
      [1, 5],
      [2, 5],
      [3, 5],
      [4, null],
    ]);
    const assignment = assignNationalIds(clusters, current);
    expect(newNationalIdsNeeded(assignment)).toBe(2);
    const outcome = settleNationalIds(clusters, current, assignment, [11, 12]);
    expect(outcome.finalIds).toEqual([11, 5, 12]);
    expect(outcome.updates).toEqual([
      [1, 11],
      [4, 12],
    ]);
    expect(outcome.touched).toEqual(new Set([11, 5, 12]));
    expect(outcome.retirements).toEqual([]);
    expect(outcome.changes).toEqual([{ change: 'SPLIT', id: 11, others: [5] }]);
  });

  it('refuses a number of new IDs other than the assignment needs', () => {
    const clusters = [[1]];
    const current = new Map<number, number | null>([[1, null]]);
    expect(() => settleNationalIds(clusters, current, assignNationalIds(clusters, current), [])).toThrow(/expected 1 new national IDs, got 0/);
  });
});
