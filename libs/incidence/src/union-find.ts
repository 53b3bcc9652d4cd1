/**
 * Disjoint sets over the dense indices 0..n-1 (path halving), the one union-find of the code
 * base: the deterministic linker, the probabilistic linker's reviewer overrides and the linkage
 * library's clustering all partition records with it. Callers with other keys (database ids,
 * strings) number them first.
 */
export class UnionFind {
  private readonly parent: Int32Array;

  constructor(readonly size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Joins the sets of `a` and `b`; the smaller root stays the root (so a set's root is its smallest index). Returns it. */
  union(a: number, b: number): number {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return ra;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[child] = root;
    return root;
  }

  /** Puts the root `child` under the root `root`, for callers that choose the surviving root themselves (e.g. by set size). */
  attach(child: number, root: number): void {
    this.parent[child] = root;
  }

  /** The sets, each in ascending index order, ordered by their smallest index. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.size; i++) {
      const root = this.find(i);
      const group = byRoot.get(root);
      if (group) group.push(i);
      else byRoot.set(root, [i]);
    }
    return [...byRoot.values()];
  }
}
