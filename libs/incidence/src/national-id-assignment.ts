/**
 * Keeps national child IDs stable across re-clustering. Each new cluster takes the oldest
 * (smallest) existing ID among those it may keep; an existing ID goes to the cluster holding most
 * of its former records, so a split keeps the ID on the larger part. Clusters left without an ID
 * get a new one; IDs no cluster keeps are retired (merged into the cluster that took their records).
 */
export interface IdAssignment {
  /** For each cluster (same order as given), the kept national ID, or null for a new one. */
  keptIds: (number | null)[];
  /** Retired IDs and the cluster index that absorbed most of their records. */
  retired: { id: number; absorbedBy: number }[];
}

export function assignNationalIds(clusters: readonly number[][], currentId: ReadonlyMap<number, number | null>): IdAssignment {
  // For each existing ID: the cluster holding most of its records (ties: the lower cluster index).
  const counts = new Map<number, Map<number, number>>();
  clusters.forEach((members, index) => {
    for (const member of members) {
      const id = currentId.get(member);
      if (id == null) continue;
      const perCluster = counts.get(id) ?? new Map<number, number>();
      perCluster.set(index, (perCluster.get(index) ?? 0) + 1);
      counts.set(id, perCluster);
    }
  });
  const home = new Map<number, number>();
  for (const [id, perCluster] of counts) {
    let best = -1;
    let bestCount = -1;
    for (const [index, count] of perCluster) if (count > bestCount || (count === bestCount && index < best)) [best, bestCount] = [index, count];
    home.set(id, best);
  }
  const offered = clusters.map(() => [] as number[]);
  for (const [id, index] of home) offered[index].push(id);
  const keptIds = offered.map((ids) => (ids.length > 0 ? Math.min(...ids) : null));
  const kept = new Set(keptIds.filter((id): id is number => id !== null));
  const retired = [...home].filter(([id]) => !kept.has(id)).map(([id, absorbedBy]) => ({ id, absorbedBy }));
  return { keptIds, retired };
}
