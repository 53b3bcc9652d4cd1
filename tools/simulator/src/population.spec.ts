import { isValidNhsNumber, isValidUpn, referenceData } from '@mcm/shared';
import { generatePopulation, nameDobKey } from './population';
import { DAY, YEAR, yearsAfter } from './time-utils';

const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('generatePopulation', () => {
  const windowStartMs = NOW - 365 * DAY;
  const population = generatePopulation({ seed: 4, children: 5000, nowMs: NOW, windowStartMs, reference: referenceData() });

  it('gives every child unique, valid identifiers', () => {
    expect(population).toHaveLength(5000);
    expect(new Set(population.map((c) => c.id)).size).toBe(5000);
    expect(new Set(population.map((c) => c.nhsNumber)).size).toBe(5000);
    expect(population.filter((c) => !isValidNhsNumber(c.nhsNumber))).toEqual([]);
    const upns = population.flatMap((c) => (c.upn ? [c.upn] : []));
    expect(new Set(upns).size).toBe(upns.length);
    expect(upns.filter((u) => !isValidUpn(u))).toEqual([]);
    expect(upns.length / population.length).toBeGreaterThan(0.5);
    expect(upns.length / population.length).toBeLessThan(0.95);
  });

  it('never gives two children the same normalised names and full date of birth', () => {
    const keys = population.map((c) => nameDobKey(c.givenName, c.familyName, c.dateOfBirth));
    expect(new Set(keys).size).toBe(population.length);
  });

  it('keeps every child aged 5-17 during the whole window, mostly 12-17', () => {
    expect(population.filter((c) => yearsAfter(c.dateOfBirth, 5) > windowStartMs || yearsAfter(c.dateOfBirth, 18) <= NOW)).toEqual([]);
    const midWindow = (NOW + windowStartMs) / 2;
    const teenagers = population.filter((c) => (midWindow - Date.parse(c.dateOfBirth)) / YEAR >= 12);
    expect(teenagers.length / population.length).toBeGreaterThan(0.7);
  });

  it('uses names with diacritics, apostrophes and hyphens, UK-shaped postcodes and real LAs', () => {
    const reference = referenceData();
    expect(population.some((c) => [...(c.givenName + c.familyName)].some((ch) => ch.charCodeAt(0) > 0x7f))).toBe(true);
    expect(population.some((c) => c.familyName.includes("'"))).toBe(true);
    expect(population.some((c) => (c.givenName + c.familyName).includes('-'))).toBe(true);
    expect(population.filter((c) => !/^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/.test(c.homePostcode))).toEqual([]);
    expect(population.filter((c) => !reference.localAuthorities.has(c.responsibleLaCode))).toEqual([]);
    expect(population.filter((c) => !reference.policeForces.has(c.policeForceCode))).toEqual([]);
    expect(new Set(population.map((c) => c.responsibleLaCode)).size).toBeGreaterThan(140);
  });

  it('is deterministic for a seed', () => {
    const again = generatePopulation({ seed: 4, children: 5000, nowMs: NOW, windowStartMs, reference: referenceData() });
    expect(again).toEqual(population);
  });

  it('refuses a window in which children cannot stay 5-17', () => {
    expect(() => generatePopulation({ seed: 1, children: 1, nowMs: NOW, windowStartMs: NOW - 13 * 365 * DAY, reference: referenceData() })).toThrow();
  });
});
