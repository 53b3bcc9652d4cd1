// The aggregator's public entry for tools and tests (the build forbids deeper imports into the
// app: .dependency-cruiser.cjs). Modules and env classes may also be imported directly.
export { BatchAggregator } from './aggregation/batch-aggregator';
export { createBatchAggregator, type AggregatorSecrets } from './aggregation/create-batch-aggregator';
export { BulletinService } from './bulletin/bulletin.service';
export { selectLinker } from './linkage/linker-selection';
export { SHIPPED_MODEL_SCENARIO, shippedLinkageModel } from './linkage/shipped-model';
