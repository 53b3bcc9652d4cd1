import { isValidNhsNumber } from '@mcm/shared';
import { parseArgs } from './args';
import { generateChildren } from './synthetic-children';

describe('synthetic children', () => {
  const data = generateChildren({ records: 3000, seed: 5 });

  it('is deterministic for a seed and has ground truth for every record', () => {
    expect(generateChildren({ records: 3000, seed: 5 }).records).toEqual(data.records);
    expect(data.records).toHaveLength(3000);
    expect(data.truth).toHaveLength(3000);
    expect(new Set(data.truth).size).toBe(data.children);
    expect(data.children).toBeLessThan(3000);
  });

  it('contains the child-specific difficulties', () => {
    const partial = data.records.filter((r) => r.dob && r.dob.day === undefined).length;
    const withNhs = data.records.filter((r) => r.nhsNumber).length;
    const validNhs = data.records.filter((r) => r.nhsNumber && isValidNhsNumber(r.nhsNumber)).length;
    expect(partial).toBeGreaterThan(50);
    expect(withNhs).toBeGreaterThan(500);
    expect(withNhs).toBeLessThan(2500);
    expect(validNhs).toBeLessThan(withNhs); // a few mistyped numbers
    const byChild = new Map<number, string[]>();
    data.records.forEach((r, i) => byChild.set(data.truth[i], [...(byChild.get(data.truth[i]) ?? []), (r.givenName ?? '').toUpperCase()]));
    const variants = [...byChild.values()].filter((names) => new Set(names.filter((n) => n)).size > 1).length;
    expect(variants).toBeGreaterThan(50); // nicknames, typos or swapped names within a child
  });
});

describe('parseArgs', () => {
  it('reads repeated options, key=value and flags', () => {
    const args = parseArgs(['--input', 'a.csv', '--input=b.csv', '--verbose', '--id', 'rec_id']);
    expect(args.get('input')).toEqual(['a.csv', 'b.csv']);
    expect(args.get('verbose')).toEqual(['true']);
    expect(args.get('id')).toEqual(['rec_id']);
    expect(() => parseArgs(['stray'])).toThrow(/unexpected/);
  });
});
