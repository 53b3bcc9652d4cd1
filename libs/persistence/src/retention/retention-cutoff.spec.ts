import { retentionCutoff } from './retention-cutoff';

describe('retentionCutoff', () => {
  const at = (iso: string, months: number) => retentionCutoff(new Date(iso), months).toISOString();

  it('goes back whole calendar months, keeping the time of day', () => {
    expect(at('2026-11-16T03:15:00.000Z', 24)).toBe('2024-11-16T03:15:00.000Z');
    expect(at('2026-11-16T03:15:00.000Z', 1)).toBe('2026-10-16T03:15:00.000Z');
    expect(at('2026-01-10T00:00:00.000Z', 13)).toBe('2024-12-10T00:00:00.000Z');
  });

  it('clamps to the end of a shorter month', () => {
    expect(at('2026-03-31T12:00:00.000Z', 1)).toBe('2026-02-28T12:00:00.000Z');
    expect(at('2028-03-31T12:00:00.000Z', 1)).toBe('2028-02-29T12:00:00.000Z');
    expect(at('2026-05-31T00:00:00.000Z', 6)).toBe('2025-11-30T00:00:00.000Z');
  });

  it('refuses a negative or fractional number of months', () => {
    expect(() => retentionCutoff(new Date(), -1)).toThrow();
    expect(() => retentionCutoff(new Date(), 1.5)).toThrow();
  });
});
