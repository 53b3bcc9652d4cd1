import { LinkageModel, parseModel } from '@mcm/linkage';

export { isShippedModel, SHIPPED_SOURCE_PREFIX } from '@mcm/linkage';
import shipped from './shipped-linkage-model.json';

/**
 * The simulated stream the shipped model was trained on (node dist/tools/shipped-linkage-model/src/main.js train):
 * synthetic people only, and a seed the demo (`npm start`, seed 1) does not use, so the demo is
 * not linked with a model fitted to itself.
 */
export const SHIPPED_MODEL_SCENARIO = { seed: 20261130, children: 6000, days: 365, now: '2026-01-05T00:00:00.000Z' } as const;

let cached: LinkageModel | undefined;

/**
 * The linkage model shipped with the aggregator: what it links with while the register is too
 * small to train on (docs/ARCHITECTURE.md, "Linkage"). The JSON holds m/u probabilities, the
 * prior, thresholds and blocking rules only; no record and no name.
 */
export function shippedLinkageModel(): LinkageModel {
  return (cached ??= parseModel(shipped));
}
