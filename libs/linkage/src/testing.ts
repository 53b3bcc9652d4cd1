import { DEFAULT_THRESHOLDS } from './decisions';
import { ComparisonParameters } from './fellegi-sunter';
import { BLOCKING_RULES } from './blocking';
import { DEFAULT_TF_CAP_BITS, LinkageModel, MODEL_FORMAT, MODEL_FORMAT_VERSION } from './model';
import { comparisonByName } from './comparisons';
import { RecordStore } from './store';

/**
 * A hand-set model for tests and examples (not estimated from data): weights in bits are
 * roughly given name 6.5, family name 7.5, date of birth 11.5, postcode 10.6, NHS number 16.6
 * on exact agreement, with a prior of 1e-4 (-13.3 bits).
 */
export function fixtureModel(overrides: Partial<LinkageModel> = {}): LinkageModel {
  const store = new RecordStore();
  const spec: Record<string, [number[], number[]]> = {
    nhs_number: [
      [0.99, 0.01],
      [0.00001, 0.99999],
    ],
    upn: [
      [0.99, 0.01],
      [0.00001, 0.99999],
    ],
    given_name: [
      [0.8, 0.05, 0.06, 0.03, 0.03, 0.03],
      [0.01, 0.002, 0.003, 0.01, 0.02, 0.955],
    ],
    family_name: [
      [0.85, 0.07, 0.03, 0.03, 0.02],
      [0.005, 0.002, 0.003, 0.02, 0.97],
    ],
    dob: [
      [0.85, 0.05, 0.03, 0.01, 0.02, 0.02, 0.02],
      [0.0003, 0.003, 0.0005, 0.003, 0.005, 0.05, 0.9382],
    ],
    sex: [
      [0.97, 0.03],
      [0.5, 0.5],
    ],
    postcode: [
      [0.8, 0.05, 0.05, 0.1],
      [0.0005, 0.002, 0.01, 0.9875],
    ],
  };
  const comparisons: ComparisonParameters[] = Object.entries(spec).map(([name, [m, u]]) => ({
    name,
    levels: [...comparisonByName(store, name)!.levels],
    m,
    u,
    tf: name.endsWith('_name'),
  }));
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    modelId: 'lm-fixture',
    createdAt: '2025-01-01T00:00:00.000Z',
    prior: 1e-4,
    tfCapBits: DEFAULT_TF_CAP_BITS,
    comparisons,
    blocking: { rules: BLOCKING_RULES.map((r) => r.name), window: 10 },
    thresholds: { ...DEFAULT_THRESHOLDS },
    training: {
      source: 'fixture',
      records: 0,
      candidatePairs: 0,
      trainingPairs: 0,
      randomPairs: 0,
      randomPairsExhaustive: false,
      emIterations: 0,
      emConverged: true,
      emPatterns: 0,
      emSampledPairs: 0,
      expectedMatches: 0,
      lambdaCandidates: 0,
      relatedShare: 0,
      seconds: 0,
    },
    ...overrides,
  };
}
