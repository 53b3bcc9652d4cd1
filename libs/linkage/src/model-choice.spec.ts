import { chooseModel, isShippedModel } from './model-choice';
import { fixtureModel } from './testing';

describe('chooseModel', () => {
  const trained = fixtureModel({ modelId: 'lm-register' });
  const shipped = fixtureModel({ modelId: 'lm-shipped', training: { ...trained.training, source: 'shipped: simulator (seed 1)' } });

  it('links with the shipped model from the first event while the register is small', () => {
    expect(isShippedModel(shipped)).toBe(true);
    expect(chooseModel(null, 0, 1000)).toBe('shipped');
    expect(chooseModel(shipped, 999, 1000)).toBe('shipped');
  });

  it('trains on the register once it holds enough profiles, replacing the shipped model', () => {
    expect(chooseModel(null, 1000, 1000)).toBe('train');
    expect(chooseModel(shipped, 5000, 1000)).toBe('train');
  });

  it('keeps a trained model, however small the register', () => {
    expect(isShippedModel(trained)).toBe(false);
    expect(chooseModel(trained, 0, 1000)).toBe('active');
    expect(chooseModel(trained, 50_000, 1000)).toBe('active');
  });
});
