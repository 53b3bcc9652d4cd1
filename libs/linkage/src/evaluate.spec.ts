import { evaluateClusters } from './evaluate';

describe('evaluateClusters', () => {
  it('is perfect when the clustering equals the truth, whatever the labels', () => {
    const m = evaluateClusters(['x', 'x', 'y', 'z'], [1, 1, 2, 3]);
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(1);
    expect(m.bcubedPrecision).toBe(1);
    expect(m.bcubedRecall).toBe(1);
    expect(m.truePairs).toBe(1);
  });

  it('counts pairs and B-cubed for an over-merged cluster', () => {
    // truth {0,1} {2,3}; predicted everything together
    const m = evaluateClusters([0, 0, 0, 0], ['a', 'a', 'b', 'b']);
    expect(m.predictedPairs).toBe(6);
    expect(m.truePositivePairs).toBe(2);
    expect(m.precision).toBeCloseTo(2 / 6);
    expect(m.recall).toBe(1);
    expect(m.bcubedPrecision).toBeCloseTo(0.5);
    expect(m.bcubedRecall).toBe(1);
  });

  it('counts pairs and B-cubed for a split cluster', () => {
    // truth {0,1,2}; predicted {0,1} {2}
    const m = evaluateClusters([0, 0, 1], [7, 7, 7]);
    expect(m.precision).toBe(1);
    expect(m.recall).toBeCloseTo(1 / 3);
    expect(m.bcubedPrecision).toBe(1);
    expect(m.bcubedRecall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3) / 3);
    expect(m.f1).toBeCloseTo(0.5);
  });

  it('rejects inputs of different lengths', () => {
    expect(() => evaluateClusters([1], [1, 2])).toThrow();
  });
});
