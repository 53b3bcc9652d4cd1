import { generateTable } from './generated-sets';
import { generatePersons, PERSON_ERROR_RATES } from './synthetic-persons';
import { generateChildren } from './synthetic-children';

describe('synthetic persons (independent error model)', () => {
  const fake = generatePersons({ shape: 'fake', records: 6000, seed: 3 });
  const col = (name: string) => fake.header.indexOf(name);

  it('is deterministic for a seed and different for another seed', () => {
    expect(generatePersons({ shape: 'fake', records: 6000, seed: 3 }).rows).toEqual(fake.rows);
    expect(generatePersons({ shape: 'fake', records: 6000, seed: 4 }).rows).not.toEqual(fake.rows);
    expect(fake.rows).toHaveLength(6000);
    expect(new Set(fake.truth).size).toBe(fake.persons);
  });

  it('has the fake_1000 shape with clusters of 1 to 7 records', () => {
    expect(fake.header).toEqual(['unique_id', 'first_name', 'surname', 'dob', 'city', 'email', 'cluster', 'true_sex', 'ethnic_group']);
    const sizes = new Map<number, number>();
    for (const t of fake.truth) sizes.set(t, (sizes.get(t) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeLessThanOrEqual(7);
    expect(fake.rows.length / fake.persons).toBeGreaterThan(3.5);
    expect(fake.rows.length / fake.persons).toBeLessThan(4.5);
  });

  it('applies each kind of error at about its stated rate', () => {
    const rate = (f: (row: string[]) => boolean) => fake.rows.filter(f).length / fake.rows.length;
    const e = PERSON_ERROR_RATES.fake;
    // A blank first name comes from givenMissing only.
    expect(rate((r) => r[col('first_name')] === '')).toBeGreaterThan(e.givenMissing - 0.02);
    expect(rate((r) => r[col('first_name')] === '')).toBeLessThan(e.givenMissing + 0.02);
    expect(rate((r) => r[col('email')] === '')).toBeGreaterThan(e.emailMissing - 0.02);
    expect(rate((r) => r[col('email')] === '')).toBeLessThan(e.emailMissing + 0.02);
    // Dates of birth differing from the person's most common one: shifts, transpositions, years, wrong dates.
    const byPerson = new Map<number, string[]>();
    fake.rows.forEach((r, i) => byPerson.set(fake.truth[i], [...(byPerson.get(fake.truth[i]) ?? []), r[col('dob')]]));
    let differ = 0;
    for (const dobs of byPerson.values()) {
      const mode = [...new Set(dobs)].sort((x, y) => dobs.filter((d) => d === y).length - dobs.filter((d) => d === x).length)[0];
      differ += dobs.filter((d) => d !== mode).length;
    }
    expect(differ / fake.rows.length).toBeGreaterThan(0.15);
    expect(differ / fake.rows.length).toBeLessThan(0.4);
  });

  it('gives every record a true sex and an ethnicity group, with smaller groups present', () => {
    const groups = new Set(fake.rows.map((r) => r[col('ethnic_group')]));
    expect(groups).toEqual(new Set(['White', 'Asian', 'Black', 'Mixed', 'Other']));
    expect(new Set(fake.rows.map((r) => r[col('true_sex')]))).toEqual(new Set(['M', 'F']));
    const asian = fake.rows.filter((r) => r[col('ethnic_group')] === 'Asian').length / fake.rows.length;
    expect(asian).toBeGreaterThan(0.08);
    expect(asian).toBeLessThan(0.16);
  });

  it('historical shape: partial dates, name variants and moves of address', () => {
    const h = generatePersons({ shape: 'historical', records: 5000, seed: 2 });
    const c = (name: string) => h.header.indexOf(name);
    const yearOnly = h.rows.filter((r) => /^\d{4}$/.test(r[c('dob')])).length / h.rows.length;
    expect(yearOnly).toBeGreaterThan(PERSON_ERROR_RATES.historical.dobYearOnly * 0.6);
    expect(yearOnly).toBeLessThan(PERSON_ERROR_RATES.historical.dobYearOnly * 1.4);
    const byPerson = new Map<number, Set<string>>();
    h.rows.forEach((r, i) => byPerson.set(h.truth[i], (byPerson.get(h.truth[i]) ?? new Set()).add(r[c('first_name')])));
    expect([...byPerson.values()].filter((names) => names.size > 1).length).toBeGreaterThan(200);
  });
});

describe('generated tables', () => {
  it('are shuffled with fresh ids that do not reveal the person', () => {
    const t = generateTable('fake', 2000, 5);
    expect(t.rows.map((r) => r[0])).toEqual(Array.from({ length: 2000 }, (_, i) => String(i)));
    let sameAsNext = 0;
    for (let i = 1; i < t.truth.length; i++) if (t.truth[i] === t.truth[i - 1]) sameAsNext++;
    expect(sameAsNext).toBeLessThan(20); // in generation order, most neighbours are the same person
    expect(generateTable('fake', 2000, 5)).toEqual(t);
  });

  it('children with ethnicity groups: deterministic, labelled, and spelling variants used', () => {
    const a = generateChildren({ records: 4000, seed: 9, ethnicGroups: true });
    expect(generateChildren({ records: 4000, seed: 9, ethnicGroups: true }).records).toEqual(a.records);
    expect(a.group.every((g) => ['White', 'Asian', 'Black', 'Mixed', 'Other'].includes(g))).toBe(true);
    expect(a.sex.every((x) => x === 'M' || x === 'F')).toBe(true);
    const plain = generateChildren({ records: 4000, seed: 9 });
    expect(plain.group.every((g) => g === '')).toBe(true);
  });
});
