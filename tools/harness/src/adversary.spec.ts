import { perturb, ptableMoments } from '@mcm/disclosure';
import { cellKey, FamilyScore, geographyAttack, Prior, ptablePmf, weekIdentityAttack, weeklyKey, WeeklyTable } from './adversary';

describe('the adversary suite’s attack code', () => {
  it('names one cell the same way whichever query shows it', () => {
    expect(weeklyKey('E09000033', 'CARE', '2026-07-06', 'episodesStarted')).toBe(
      cellKey('2026-07-06', { setting: 'CARE', la: 'E09000033' }, 'episodesStarted'),
    );
    expect(weeklyKey('ALL', 'ALL', '2026-07-06', 'children')).toBe('2026-07-06||children');
    expect(cellKey('2026-07', { region: 'E12000007', la: 'E09000033' }, 'children')).toBe(cellKey('2026-07', { la: 'E09000033' }, 'children'));
  });

  it('reads the public ptable as probabilities with the documented means', () => {
    for (const v of [0, 1, 2, 3, 4, 5, 6, 7, 40]) {
      const pmf = ptablePmf(v);
      expect([...pmf.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect([...pmf].reduce((s, [p, q]) => s + p * q, 0)).toBeCloseTo(ptableMoments(v).mean, 12);
    }
  });

  it('guesses the most likely small value from a published value', () => {
    const prior = new Prior([1, 1, 1, 1, 2, 3, 4, 4]);
    expect(prior.guess(0)).toBe(1); // 0.5 x 0.8 beats 0.25 x 0.2 for 4
    expect(prior.guess(5)).toBe(4); // 0.25 x 0.8 beats 0.5 x 0.2 for 1
    expect(prior.guess(undefined)).toBe(1);
  });

  /** A small region of three LAs over three weeks; shown = f(true). */
  function toy(show: (value: number, key: number) => number): WeeklyTable {
    const regionOf = new Map([
      ['E09000001', 'E12000007'],
      ['E09000002', 'E12000007'],
      ['E09000003', 'E12000007'],
    ]);
    const weeks = ['2026-07-06', '2026-07-13', '2026-07-20'];
    const truth = new Map<string, number>();
    let n = 0;
    for (const w of weeks) {
      for (const la of regionOf.keys()) {
        for (const m of ['children', 'episodesStarted', 'episodesEnded', 'episodesOpenAtWeekEnd'])
          truth.set(weeklyKey(la, 'ALL', w, m), (n++ * 7) % 9);
      }
    }
    const sum = (w: string, m: string) => [...regionOf.keys()].reduce((s, la) => s + truth.get(weeklyKey(la, 'ALL', w, m))!, 0);
    for (const w of weeks)
      for (const m of ['children', 'episodesStarted', 'episodesEnded', 'episodesOpenAtWeekEnd']) {
        truth.set(weeklyKey('E12000007', 'ALL', w, m), sum(w, m));
        truth.set(weeklyKey('ALL', 'ALL', w, m), sum(w, m));
      }
    const keyOf = (k: string) => [...k].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
    return {
      weeks,
      regionOf,
      truth: (a, s, w, m) => truth.get(weeklyKey(a, s, w, m)) ?? 0,
      shown: (a, s, w, m) => show(truth.get(weeklyKey(a, s, w, m)) ?? 0, keyOf(weeklyKey(a, s, w, m))),
    };
  }

  it('recovers every small cell by geography from exact figures, and fewer once perturbed', () => {
    const exact = toy((v) => v);
    const score = new FamilyScore(
      'geography',
      () => undefined,
      () => undefined,
    );
    geographyAttack(exact, score, ['ALL']);
    const result = score.result(new Prior([1, 2, 3, 4]));
    expect(result.targeted).toBeGreaterThan(5);
    expect(result.rate).toBe(1);

    const perturbed = new FamilyScore(
      'geography',
      () => undefined,
      () => undefined,
    );
    geographyAttack(
      toy((v, k) => perturb(v, (k * 2654435761) >>> 0)),
      perturbed,
      ['ALL'],
    );
    expect(perturbed.result(new Prior([1, 2, 3, 4])).rate).toBeLessThan(1);
  });

  it('solves the week-to-week identity for each of its terms', () => {
    const table: WeeklyTable = {
      weeks: ['2026-07-06', '2026-07-13'],
      regionOf: new Map(),
      truth: (_a, _s, w, m) =>
        (
          ({
            episodesOpenAtWeekEnd: w === '2026-07-06' ? 10 : 9,
            episodesStarted: w === '2026-07-13' ? 2 : 0,
            episodesEnded: w === '2026-07-13' ? 3 : 0,
          }) as Record<string, number>
        )[m] ?? 0,
      shown: (a, s, w, m) => table.truth(a, s, w, m),
    };
    const score = new FamilyScore(
      'identity',
      () => undefined,
      () => undefined,
    );
    weekIdentityAttack(table, score, ['ALL'], ['ALL']);
    const result = score.result(new Prior([2, 3]));
    expect([result.targeted, result.recovered]).toEqual([2, 2]); // started 2 and ended 3
  });
});
