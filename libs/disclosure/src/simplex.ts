import { Rational } from './rational';

export type LpResult = { status: 'optimal'; value: Rational } | { status: 'unbounded' };

/**
 * A basic feasible tableau of the polyhedron { z >= 0 : A z = b }, kept in exact rationals.
 *
 * Built by phase 1 of the simplex method (artificial variables, Bland's rule so it cannot cycle);
 * redundant equations are dropped, so the rows are a basis of the row space of A. `maximize` then
 * runs phase 2 for any linear objective from the current basis and leaves the tableau at the
 * optimal (still feasible) basis, so several objectives can be optimised one after the other
 * without rebuilding.
 */
export class FeasibleTableau {
  private constructor(
    /** rows[i][j]: coefficient of variable j in row i; the basic column of row i is a unit vector. */
    private rows: Rational[][],
    private rhs: Rational[],
    private basis: number[],
    readonly variables: number,
  ) {}

  /** Throws if the system has no non-negative solution. */
  static build(a: readonly (readonly Rational[])[], b: readonly Rational[], variables: number): FeasibleTableau {
    const m = a.length;
    const rows: Rational[][] = [];
    const rhs: Rational[] = [];
    for (let i = 0; i < m; i++) {
      const flip = b[i].sign() < 0;
      const row: Rational[] = new Array<Rational>(variables + m);
      for (let j = 0; j < variables; j++) row[j] = flip ? a[i][j].neg() : a[i][j];
      for (let j = 0; j < m; j++) row[variables + j] = j === i ? Rational.ONE : Rational.ZERO;
      rows.push(row);
      rhs.push(flip ? b[i].neg() : b[i]);
    }
    const t = new FeasibleTableau(rows, rhs, rows.map((_, i) => variables + i), variables + m);
    // Phase 1: maximise minus the sum of the artificial variables.
    const phase1 = new Array<Rational>(variables + m).fill(Rational.ZERO);
    for (let j = 0; j < m; j++) phase1[variables + j] = Rational.ONE.neg();
    const r = t.maximize(phase1);
    if (r.status !== 'optimal' || !r.value.isZero()) throw new RangeError('The published equations have no non-negative solution');
    // Drive artificial variables out of the basis; a row where that is impossible is redundant.
    for (let i = t.rows.length - 1; i >= 0; i--) {
      if (t.basis[i] < variables) continue;
      const j = t.rows[i].findIndex((v, col) => col < variables && !v.isZero());
      if (j >= 0) t.pivot(i, j);
      else {
        t.rows.splice(i, 1);
        t.rhs.splice(i, 1);
        t.basis.splice(i, 1);
      }
    }
    return new FeasibleTableau(
      t.rows.map((row) => row.slice(0, variables)),
      t.rhs,
      t.basis,
      variables,
    );
  }

  /** Rank of A. */
  get rank(): number {
    return this.rows.length;
  }

  /**
   * Whether the unit vector e_k lies in the row space of A, i.e. z_k is fixed by the equations
   * alone (whatever the bounds). With the basic columns unit vectors, that holds iff k is basic and
   * its row has no other non-zero coefficient.
   */
  isLinearlyDetermined(k: number): boolean {
    const i = this.basis.indexOf(k);
    return i >= 0 && this.rows[i].every((v, j) => j === k || v.isZero());
  }

  /** The current basic solution. */
  solution(): Rational[] {
    const z = new Array<Rational>(this.variables).fill(Rational.ZERO);
    this.basis.forEach((j, i) => {
      if (j < this.variables) z[j] = this.rhs[i];
    });
    return z;
  }

  /** Maximises c.z over the polyhedron (phase 2, Bland's rule). */
  maximize(c: readonly Rational[]): LpResult {
    const n = this.variables;
    for (;;) {
      let entering = -1;
      for (let j = 0; j < n && entering < 0; j++) {
        if (this.basis.includes(j)) continue;
        let reduced = c[j];
        for (let i = 0; i < this.rows.length; i++) {
          const a = this.rows[i][j];
          if (!a.isZero()) reduced = reduced.sub(c[this.basis[i]].mul(a));
        }
        if (reduced.sign() > 0) entering = j;
      }
      if (entering < 0) {
        let value = Rational.ZERO;
        this.basis.forEach((j, i) => {
          if (!c[j].isZero()) value = value.add(c[j].mul(this.rhs[i]));
        });
        return { status: 'optimal', value };
      }
      let leaving = -1;
      let best: Rational | undefined;
      for (let i = 0; i < this.rows.length; i++) {
        const a = this.rows[i][entering];
        if (a.sign() <= 0) continue;
        const ratio = this.rhs[i].div(a);
        const cmp = best === undefined ? -1 : ratio.compare(best);
        if (cmp < 0 || (cmp === 0 && this.basis[i] < this.basis[leaving])) {
          best = ratio;
          leaving = i;
        }
      }
      if (leaving < 0) return { status: 'unbounded' };
      this.pivot(leaving, entering);
    }
  }

  private pivot(r: number, c: number): void {
    const pr = this.rows[r];
    const p = pr[c];
    if (!p.equals(Rational.ONE)) {
      for (let j = 0; j < pr.length; j++) if (!pr[j].isZero()) pr[j] = pr[j].div(p);
      this.rhs[r] = this.rhs[r].div(p);
    }
    for (let i = 0; i < this.rows.length; i++) {
      if (i === r) continue;
      const row = this.rows[i];
      const f = row[c];
      if (f.isZero()) continue;
      for (let j = 0; j < row.length; j++) if (!pr[j].isZero()) row[j] = row[j].sub(f.mul(pr[j]));
      this.rhs[i] = this.rhs[i].sub(f.mul(this.rhs[r]));
    }
    this.basis[r] = c;
  }
}
