import { ChildAttributes, isValidUpn } from '@mcm/shared';
import { BLOCKING_RULES } from './blocking';
import { nameFrequencies, ProbabilisticChildLinker } from './probabilistic-child-linker';
import { fixtureModel } from './testing';

const model = fixtureModel({ modelId: 'lm-test' });
const amelia: ChildAttributes = { givenName: 'AMELIA', familyName: 'JONES', dateOfBirth: '2012-04-09', homePostcode: 'SW1A 1AA', sex: 'F' };
const ameliaTypo: ChildAttributes = { givenName: 'AMELIA', familyName: 'JONSE', dateOfBirth: '2012-04-09', homePostcode: 'SW1A1AA', sex: 'F' };
const other: ChildAttributes = { givenName: 'OSCAR', familyName: 'BROWN', dateOfBirth: '2010-11-30', homePostcode: 'M1 1AE', sex: 'M' };
// Same names only: plausible, not enough to link (review band with the fixture model).
const namesOnly: ChildAttributes = { givenName: 'OSCAR', familyName: 'BROWN' };

describe('ProbabilisticChildLinker', () => {
  const linker = new ProbabilisticChildLinker(model);

  it('names the model that makes its links', () => {
    expect(linker.name).toBe('probabilistic:lm-test');
    expect(linker.neighboursPerKey).toBeGreaterThanOrEqual(2 * model.blocking.window);
  });

  it('gives the deterministic exact keys plus one key per blocking rule of the model', () => {
    const keys = linker.keysOf({ ...amelia, nhsNumber: '9434765919' });
    expect(keys).toEqual(expect.arrayContaining(['nhs:9434765919', 'name-dob:AMELIA|JONES|2012-04-09']));
    // Every rule the record has a value for (no email, so no email rules); rules sharing blocks share a key.
    expect(
      keys
        .filter((k) => k.startsWith('pl:'))
        .map((k) => k.split(':')[1])
        .sort(),
    ).toEqual([
      'dob',
      'family_phonetic',
      'family_phonetic_birth_year',
      'family_phonetic_month_day',
      'given_phonetic_birth_year',
      'given_phonetic_dob',
      'given_phonetic_month_day',
      'name_pair_phonetic',
      'nhs_number',
      'postcode',
    ]);
    expect(new Set(keys).size).toBe(keys.length);
    // A typo in the family name, nicknames and a day/month transposition keep shared block keys.
    const shared = (a: ChildAttributes, b: ChildAttributes) => linker.keysOf(a).filter((k) => linker.keysOf(b).includes(k));
    expect(shared(amelia, ameliaTypo).length).toBeGreaterThanOrEqual(3);
    expect(shared({ givenName: 'WILLIAM', familyName: 'SMITH' }, { givenName: 'BILL', familyName: 'SMITH' })).toContain(
      linker.keysOf({ givenName: 'WILLIAM', familyName: 'SMITH' }).find((k) => k.startsWith('pl:name_pair_phonetic')),
    );
    expect(shared({ dateOfBirth: '2012-04-09' }, { dateOfBirth: '2012-09-04' })).toHaveLength(1);
  });

  it('gathers by every blocking rule the library has: a key for each, taken from the rule itself', () => {
    const everything = { ...amelia, nhsNumber: '9434765919', upn: 'A123456789012' };
    const names = new Set(
      linker
        .keysOf(everything)
        .filter((k) => k.startsWith('pl:'))
        .map((k) => k.split(':')[1]),
    );
    for (const rule of BLOCKING_RULES) {
      if (rule.name.startsWith('email') || (rule.name === 'upn' && !isValidUpn(everything.upn))) continue; // no email in the contract
      expect(names).toContain(rule.sameBlocksAs ?? rule.name);
    }
    // A wrong year with the family name missing still shares the given name + day/month key.
    const shared = linker.keysOf({ givenName: 'AMELIA', dateOfBirth: '2013-04-09' }).filter((k) => linker.keysOf(amelia).includes(k));
    expect(shared.some((k) => k.startsWith('pl:given_phonetic_month_day:'))).toBe(true);
  });

  it('only emits keys for the rules the model blocks on', () => {
    const narrow = new ProbabilisticChildLinker(fixtureModel({ blocking: { rules: ['dob'], window: 6 } }));
    expect(narrow.keysOf(amelia).filter((k) => k.startsWith('pl:'))).toEqual(['pl:dob:2012-4-9']);
  });

  it('links a typo when the other evidence agrees, and not different children', () => {
    const records = [
      { id: 1, profile: amelia },
      { id: 2, profile: other },
      { id: 3, profile: ameliaTypo },
    ];
    expect(linker.cluster(records)).toEqual(expect.arrayContaining([[1, 3], [2]]));
  });

  it('queues review-band pairs left apart, with comparison levels and no attribute value', () => {
    const { clusters, review } = linker.link(
      [
        { id: 7, profile: other },
        { id: 4, profile: namesOnly },
      ],
      [],
    );
    expect(clusters).toHaveLength(2);
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ a: 4, b: 7 });
    expect(review[0].probability).toBeGreaterThanOrEqual(model.thresholds.review);
    expect(review[0].probability).toBeLessThan(model.thresholds.link);
    expect(review[0].comparisonLevels.map((c) => c.comparison)).toContain('given_name');
    expect(JSON.stringify(review)).not.toMatch(/OSCAR|BROWN|2010|M1/);
  });

  it('honours reviewers: a confirmed pair is one child, a rejected pair never links directly', () => {
    const confirmed = linker.link(
      [
        { id: 7, profile: other },
        { id: 4, profile: namesOnly },
      ],
      [{ a: 4, b: 7, decision: 'CONFIRMED' }],
    );
    expect(confirmed.clusters).toEqual([[4, 7]]);
    expect(confirmed.review).toEqual([]);
    const rejected = linker.link(
      [
        { id: 1, profile: amelia },
        { id: 3, profile: ameliaTypo },
      ],
      [{ a: 3, b: 1, decision: 'REJECTED' }],
    );
    expect(rejected.clusters).toHaveLength(2);
    expect(rejected.review).toEqual([]);
    // A confirmed pair the blocking would never propose is still linked.
    const apart = linker.link(
      [
        { id: 1, profile: amelia },
        { id: 2, profile: other },
      ],
      [{ a: 1, b: 2, decision: 'CONFIRMED' }],
    );
    expect(apart.clusters).toEqual([[1, 2]]);
  });

  it('weighs a common name less than a rare one with register-wide name counts', () => {
    const pair = (given: string) => [1, 2].map((id) => ({ id, profile: { givenName: given, familyName: 'KOWALCZYK' } }));
    const counts = nameFrequencies([
      ...Array.from({ length: 300 }, () => ({ givenName: 'OLIVER', familyName: 'SMITH' })),
      ...Array.from({ length: 700 }, (_, i) => ({ givenName: `NAME${i}`, familyName: 'BROWN' })),
    ]);
    const withCounts = new ProbabilisticChildLinker(model, counts);
    expect(withCounts.cluster(pair('OLIVER'))).toHaveLength(2);
    expect(withCounts.cluster(pair('ZEPHYRINE'))).toHaveLength(1);
  });
});
