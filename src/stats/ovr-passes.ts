/**
 * The unit of work of a one-vs-rest DeLong pass (delong-ovr.ts): the per-class passes over some of the
 * classes, run by this thread or the helper thread (ovr-parallel.ts).
 */
import { placementScratch, placementsInto } from './delong.js';

/**
 * Rows of a multiclass run for OvR DeLong: `label[r]` is the class index of row r, and `score(c, out)`
 * fills `out[r]` with the probability of class c for every row r.
 */
export interface OvrInput {
  n: number;
  k: number;
  label: Int32Array;
  score(c: number, out: Float64Array): void;
  /** The row-major n × k block itself when rows are not subset: read in place, no column copy. */
  block?: Float64Array;
}

/** An `OvrInput` over rows `rows` (or all rows) of a row-major n × k probability block. */
export function ovrInput(yTrue: Int32Array, proba: Float64Array, k: number, rows?: Int32Array): OvrInput {
  const n = rows ? rows.length : yTrue.length;
  const label = rows ? Int32Array.from(rows, (r) => yTrue[r]) : yTrue;
  return {
    n,
    k,
    label,
    block: rows ? undefined : proba,
    score(c, out) {
      if (rows) for (let i = 0; i < n; i++) out[i] = proba[rows[i] * k + c];
      else for (let i = 0; i < n; i++) out[i] = proba[i * k + c];
    },
  };
}

/**
 * Per-class passes over classes `classes` (weights `weights`): writes each class's AUC, positives and
 * negatives to `results[3j..3j+2]` and adds w·ψ_c(i) into `acc[i]`. Returns false when some class has
 * fewer than two examples in or out of it (its ψ is then undefined and `acc` incomplete). The unit of
 * work of both threads (ovr-parallel.ts).
 */
export function ovrPasses(
  input: OvrInput,
  classes: readonly number[],
  weights: readonly number[],
  acc: Float64Array,
  results: Float64Array,
  columns?: (c: number, psi: Float64Array) => void,
): boolean {
  const { n, k, label } = input;
  const col = input.block ? undefined : new Float64Array(n);
  const isPos = new Uint8Array(n);
  const scratch = placementScratch(n);
  const psi = columns ? new Float64Array(n) : undefined;
  let whole = true;
  for (let j = 0; j < classes.length; j++) {
    const c = classes[j];
    const w = weights[j];
    for (let i = 0; i < n; i++) isPos[i] = label[i] === c ? 1 : 0;
    let p;
    if (col) {
      input.score(c, col);
      p = placementsInto(col, isPos, scratch);
    } else p = placementsInto(input.block!, isPos, scratch, k, c);
    results[3 * j] = p.auc;
    results[3 * j + 1] = p.m;
    results[3 * j + 2] = p.n;
    if (p.m < 2 || p.n < 2) {
      whole = false;
      continue;
    }
    if (!whole && !psi) continue;
    const sp = Math.sqrt(p.m * (p.m - 1));
    const sn = Math.sqrt(p.n * (p.n - 1));
    const { v10, v01 } = p;
    let a = 0;
    let b = 0;
    // ψ_c(i) added straight into the sum; kept as a column only for `columns` (one pass either way).
    for (let i = 0; i < n; i++) {
      const v = isPos[i] ? (v10[a++] - p.auc) / sp : (v01[b++] - p.auc) / sn;
      if (psi) psi[i] = v;
      acc[i] += w * v;
    }
    if (columns && psi) columns(c, psi);
  }
  return whole;
}
