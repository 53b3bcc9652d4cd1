import { chooseModel, fixtureModel, isShippedModel, RecordStore, resolveModel } from '@mcm/linkage';
import { shippedLinkageModel } from './shipped-model';

describe('chooseModel', () => {
  const trained = fixtureModel({ modelId: 'lm-register' });
  const shipped = shippedLinkageModel();

  it('links with the shipped model from the first event while the register is small', () => {
    expect(chooseModel(null, 0, 1000)).toBe('shipped');
    expect(chooseModel(shipped, 999, 1000)).toBe('shipped');
  });

  it('trains on the register once it holds enough profiles, replacing the shipped model', () => {
    expect(chooseModel(null, 1000, 1000)).toBe('train');
    expect(chooseModel(shipped, 5000, 1000)).toBe('train');
  });

  it('keeps a trained model, however small the register', () => {
    expect(chooseModel(trained, 0, 1000)).toBe('active');
    expect(chooseModel(trained, 50_000, 1000)).toBe('active');
  });
});

describe('the shipped model', () => {
  it('is a model trained on simulated records, marked as shipped', () => {
    const model = shippedLinkageModel();
    expect(isShippedModel(model)).toBe(true);
    expect(model.training.source).toMatch(/simulator/);
    expect(model.training.records).toBeGreaterThan(1000);
    expect(model.comparisons.map((c) => c.name)).toEqual(expect.arrayContaining(['nhs_number', 'given_name', 'family_name', 'dob', 'postcode']));
  });

  it('binds to the linkage library as it is: every comparison (with its levels) and blocking rule', () => {
    // A library change to comparison levels or rule names would silently drop them: retrain the
    // shipped model (node dist/tools/shipped-linkage-model/src/main.js train) when this fails.
    const model = shippedLinkageModel();
    const resolved = resolveModel(new RecordStore(), model);
    expect(resolved.comparisons.map((c) => c.name)).toEqual(model.comparisons.map((c) => c.name));
    expect(resolved.rules.map((r) => r.name)).toEqual(model.blocking.rules);
  });

  it('holds parameters only: its strings are field, level and rule names, besides its id, format and source', () => {
    const { format, modelId, createdAt, training, ...parameters } = shippedLinkageModel();
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(parameters);
    walk({ ...training, source: '' });
    expect(strings.length).toBeGreaterThan(20);
    expect(strings.filter((s) => !/^[a-z][a-z0-9_.]*$/.test(s) && s !== '')).toEqual([]);
    expect([format, modelId, createdAt]).toEqual(['mcm-linkage-model', expect.stringMatching(/^lm-/), expect.any(String)]);
  });
});
