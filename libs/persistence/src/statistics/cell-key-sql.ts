/**
 * The SQL of the cell-key method's cell keys, one definition for every table and query that
 * computes them (weekly_incidence, weekly_breakdown, the ad-hoc query): a cell is keyed the same
 * whichever of them it comes from.
 */

/** A sum of record keys (possibly a negative delta) reduced to a cell key in [0, 2^32). */
export const cellKeySql = (sum: string): string => `((((${sum}) % 4294967296) + 4294967296) % 4294967296)::bigint`;

/** Children: each distinct child's key once (its ID in the bits above the key makes DISTINCT per child). */
export const childrenKeySql = (alias: string): string => cellKeySql(`sum(DISTINCT ${alias}.national_child_id * 4294967296 + ${alias}.child_key)`);

/** Episodes: every episode's key. */
export const episodesKeySql = (alias: string): string => cellKeySql(`sum(${alias}.episode_key)`);
