export { mapSsda903Return } from './map-return';
export { deterministicUuid, SSDA903_UUID_NAMESPACE } from './deterministic-uuid';
export type { Ssda903Mapping, Ssda903Return, Ssda903RowError } from './types';
