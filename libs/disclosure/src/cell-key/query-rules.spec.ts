import { crossedDimensions, QUERY_RULES_V1, shapeRefusal, sparsityRefusal } from './query-rules';

const GEO = ['region', 'la'];

describe('query-shape rules', () => {
  it('counts grouped and filtered dimensions once each, geography as one', () => {
    expect(crossedDimensions({ dimensions: ['setting', 'setting', 'sex'], geographic: GEO })).toEqual({ count: 2, belowNational: false });
    expect(crossedDimensions({ dimensions: ['region', 'la', 'setting'], geographic: GEO })).toEqual({ count: 2, belowNational: true });
  });

  it('allows 3 dimensions for England and 2 below national level, and refuses more', () => {
    expect(QUERY_RULES_V1.maxDimensionsNational).toBe(3);
    expect(QUERY_RULES_V1.maxDimensionsBelowNational).toBe(2);
    expect(shapeRefusal({ dimensions: ['sex', 'ageBand', 'riskGrade'], geographic: GEO })).toBeNull();
    expect(shapeRefusal({ dimensions: ['sex', 'ageBand', 'riskGrade', 'ethnicityGroup'], geographic: GEO })?.code).toBe('TOO_MANY_DIMENSIONS');
    expect(shapeRefusal({ dimensions: ['la', 'setting'], geographic: GEO })).toBeNull();
    expect(shapeRefusal({ dimensions: ['region', 'la', 'setting'], geographic: GEO })).toBeNull();
    const refusal = shapeRefusal({ dimensions: ['la', 'setting', 'sex'], geographic: GEO });
    expect(refusal?.code).toBe('TOO_MANY_DIMENSIONS');
    expect(refusal?.message).toMatch(/at most 2 dimensions/);
  });

  it('refuses a table when more than half its non-zero cells are 1 to 4, without saying any value', () => {
    expect(sparsityRefusal([0, 0, 0])).toBeNull();
    expect(sparsityRefusal([3, 20])).toBeNull(); // exactly half: allowed
    expect(sparsityRefusal([3, 4, 20, 0, 0])).not.toBeNull();
    const refusal = sparsityRefusal([1, 2, 3, 4, 7])!;
    expect(refusal.code).toBe('TOO_SPARSE');
    expect(refusal.message).not.toMatch(/\d/);
    expect(sparsityRefusal([5, 6, 1])).toBeNull();
  });
});
