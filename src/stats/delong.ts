/**
 * DeLong, DeLong & Clarke-Pearson (1988) variance of the ROC AUC and of the difference of two correlated
 * AUCs, with the fast algorithm of Sun & Xu (2014): the structural components ("placement values") come
 * from ranks instead of the O(m·n) pairwise kernel, so the cost is one sort per score vector,
 * O(N log N).
 *
 * For positive i and negative j with kernel ψ(x, y) = 1 if x > y, ½ if x = y, 0 otherwise:
 *   V10_i = (1/n)·Σ_j ψ(x_i, y_j),   V01_j = (1/m)·Σ_i ψ(x_i, y_j),   AUC = mean(V10) = mean(V01),
 *   Var(AUC) = S10/m + S01/n  with S10, S01 the sample variances (denominators m − 1, n − 1).
 * Ties get half credit, so the AUC equals scikit-learn's `roc_auc_score` (trapezoidal ROC).
 */

/** Placement values of one score vector over a fixed set of examples. */
export interface Placements {
  auc: number;
  /** Number of positives (m) and negatives (n). */
  m: number;
  n: number;
  /** V10 per positive, in the order positives appear in the traversal. */
  v10: Float64Array;
  /** V01 per negative, in traversal order. */
  v01: Float64Array;
}

/** Count of entries < x and ≤ x in an ascending array (binary search). */
function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function countAtOrBelow(sorted: Float64Array, x: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Placement values of `score` with `positive[i]` telling whether example i is a positive. Positives and
 * negatives keep their order in the input, so two score vectors over the same examples and labels give
 * aligned components (needed for the paired covariance).
 */
export function placements(score: ArrayLike<number>, positive: ArrayLike<number | boolean>): Placements {
  const N = score.length;
  let m = 0;
  for (let t = 0; t < N; t++) if (positive[t]) m++;
  const n = N - m;
  const pos = new Float64Array(m);
  const neg = new Float64Array(n);
  let a = 0;
  let b = 0;
  for (let t = 0; t < N; t++) {
    if (positive[t]) pos[a++] = score[t];
    else neg[b++] = score[t];
  }
  const posSorted = Float64Array.from(pos).sort();
  const negSorted = Float64Array.from(neg).sort();
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let twiceSum = 0;
  for (let i = 0; i < m; i++) {
    const lt = countBelow(negSorted, pos[i]);
    const le = countAtOrBelow(negSorted, pos[i], lt);
    twiceSum += lt + le;
    v10[i] = (lt + le) / (2 * n);
  }
  for (let j = 0; j < n; j++) {
    const lt = countBelow(posSorted, neg[j]);
    const le = countAtOrBelow(posSorted, neg[j], lt);
    // positives above y count 1, ties ½: m − (lt + le)/2
    v01[j] = (2 * m - lt - le) / (2 * m);
  }
  // Σ(lt + le) is an exact integer (< 2^53), so the AUC carries a single rounding.
  const auc = m > 0 && n > 0 ? twiceSum / (2 * m * n) : NaN;
  return { auc, m, n, v10, v01 };
}

function covariance(x: Float64Array, y: Float64Array): number {
  const k = x.length;
  if (k < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < k; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= k;
  my /= k;
  let s = 0;
  for (let i = 0; i < k; i++) s += (x[i] - mx) * (y[i] - my);
  return s / (k - 1);
}

/** AUC and its DeLong variance. Variance is NaN with fewer than two positives or negatives. */
export function delongVariance(p: Placements): { auc: number; variance: number } {
  if (p.m < 2 || p.n < 2) return { auc: p.auc, variance: NaN };
  return { auc: p.auc, variance: covariance(p.v10, p.v10) / p.m + covariance(p.v01, p.v01) / p.n };
}

/**
 * Paired DeLong: AUCs of two score vectors on the same examples and labels, and the variance of their
 * difference Var(A₂ − A₁) = Var(A₁) + Var(A₂) − 2·Cov(A₁, A₂), each term from the S10/S01 (co)variances.
 */
export function delongPaired(
  a: Placements,
  b: Placements,
): { auc1: number; auc2: number; var1: number; var2: number; covariance: number; varianceOfDifference: number } {
  if (a.m !== b.m || a.n !== b.n) throw new Error('delongPaired: placements over different example sets');
  const m = a.m;
  const n = a.n;
  if (m < 2 || n < 2) {
    return { auc1: a.auc, auc2: b.auc, var1: NaN, var2: NaN, covariance: NaN, varianceOfDifference: NaN };
  }
  const var1 = covariance(a.v10, a.v10) / m + covariance(a.v01, a.v01) / n;
  const var2 = covariance(b.v10, b.v10) / m + covariance(b.v01, b.v01) / n;
  const cov = covariance(a.v10, b.v10) / m + covariance(a.v01, b.v01) / n;
  return {
    auc1: a.auc,
    auc2: b.auc,
    var1,
    var2,
    covariance: cov,
    varianceOfDifference: Math.max(0, var1 + var2 - 2 * cov),
  };
}
