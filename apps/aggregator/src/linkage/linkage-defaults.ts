/** Fewer agency child profiles than this and the aggregator does not train a model on the register. */
export const MIN_TRAINING_RECORDS = 200;

/**
 * Register size (agency child profiles) from which the aggregator trains its own model at start-up
 * instead of linking with the shipped one: enough records for EM to separate matches from
 * relatives and strangers on real data.
 */
export const DEFAULT_RETRAIN_MIN_PROFILES = 1000;
