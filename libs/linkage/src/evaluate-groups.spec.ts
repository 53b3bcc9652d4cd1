import { evaluateByGroup, recallLoss } from './evaluate';

describe('evaluateByGroup', () => {
  it('gives recall within each group and precision of the predicted pairs touching it', () => {
    // Truth: A = {0,1,2} (group x), B = {3,4} (group y). Predicted: {0,1}, {2,3,4}.
    const truth = ['A', 'A', 'A', 'B', 'B'];
    const predicted = [1, 1, 2, 2, 2];
    const group = ['x', 'x', 'x', 'y', 'y'];
    const [x, y] = evaluateByGroup(predicted, truth, group);
    expect(x).toMatchObject({ group: 'x', records: 3, truePairs: 3, truePositivePairs: 1, predictedPairs: 3 });
    expect(x.recall).toBeCloseTo(1 / 3);
    expect(x.precision).toBeCloseTo(1 / 3); // {0,1} right; {2,3}, {2,4} wrong
    expect(y).toMatchObject({ group: 'y', records: 2, truePairs: 1, truePositivePairs: 1, predictedPairs: 3 });
    expect(y.recall).toBe(1);
    expect(y.precision).toBeCloseTo(1 / 3);
  });
});

describe('recallLoss', () => {
  it('says whether each missed true pair was never a candidate, scored low, or split by clustering', () => {
    const truth = ['A', 'A', 'A', 'A'];
    const predicted = [0, 0, 1, 2];
    const pairs = { a: Int32Array.from([0, 1, 0]), b: Int32Array.from([1, 2, 3]), length: 3 };
    const weights = Float64Array.from([10, -5, 8]);
    expect(recallLoss(predicted, truth, pairs, weights, 2)).toEqual({
      truePairs: 6,
      together: 1,
      notCandidate: 3,
      belowThreshold: 1,
      splitByClustering: 1,
    });
  });
});
