/**
 * DeLong, DeLong & Clarke-Pearson (1988) variance of the ROC AUC and of the difference of two correlated
 * AUCs, with the fast algorithm of Sun & Xu (2014): the structural components ("placement values") come
 * from ranks instead of the O(m·n) pairwise kernel: one grouping of each class's scores by a bucket
 * index (`BucketRanks`), O(N) for spread-out scores and O(N log N) at worst.
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

/** Index of the first entry of sorted `a[from..to)` not below `x` (lower bound). */
function lowerBound(a: Float64Array, x: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first entry of sorted `a[from..to)` above `x` (upper bound). */
function upperBound(a: Float64Array, x: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Buckets holding more entries than this are sorted and searched; smaller ones are scanned. */
const SCAN_MAX = 16;

/**
 * Rank look-ups among the scores of one class (positives or negatives) grouped by an equal-width bucket
 * index over their range: bucket b holds the entries with ⌊(v − min)·scale⌋ = b, a monotone function of
 * v, so every entry of a lower bucket is below x and every entry of a higher one above it; only x's own
 * bucket is looked at. With one bucket per entry, a bucket holds one distinct value or a few (scores
 * written with a few decimals put each distinct value in a bucket of its own), so the entries are
 * grouped by a counting pass and a scatter — no sort — and a small bucket is scanned; a bucket of more
 * than `SCAN_MAX` entries (clustered scores) is sorted and binary-searched, never worse than O(log n).
 * Replaced a radix sort of each class plus a bucket index over the sorted scores: one-vs-rest DeLong
 * at 10⁶ rows × 10 classes went from ~230 to ~135 ms per class on one thread (docs/performance.md).
 */
class BucketRanks {
  private readonly min: number;
  private readonly max: number;
  private readonly scale: number = 0;
  /** start[b] = entries in buckets below b; start[L] = L. */
  private readonly start: Int32Array;

  /**
   * Groups `src` (the class's scores, any order) into `a` (same length) by bucket; `start` holds at
   * least src.length + 1 entries (reused scratch).
   */
  constructor(
    src: Float64Array,
    private readonly a: Float64Array,
    start: Int32Array,
  ) {
    const L = src.length;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < L; i++) {
      const v = src[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    this.min = min;
    this.max = max;
    this.start = start = start.subarray(0, L + 1);
    const range = max - min;
    const scale = L / range;
    if (!(range > 0) || !Number.isFinite(range) || !Number.isFinite(scale)) {
      // One value, or a range too wide to divide: one bucket, sorted.
      a.set(src);
      if (L > SCAN_MAX) a.sort();
      // Bucket 0 holds everything (look-ups use it whenever `scale` is 0).
      start.fill(L);
      start[0] = 0;
      return;
    }
    this.scale = scale;
    start.fill(0);
    for (let i = 0; i < L; i++) start[this.bucket(src[i]) + 1]++;
    for (let b = 0; b < L; b++) start[b + 1] += start[b];
    // Scatter: `start[b]` runs ahead as bucket b fills, then is restored from its neighbour below.
    for (let i = 0; i < L; i++) {
      const v = src[i];
      a[start[this.bucket(v)]++] = v;
    }
    for (let b = L; b > 0; b--) start[b] = start[b - 1];
    start[0] = 0;
    for (let b = 0; b < L; b++) {
      const from = start[b];
      const to = start[b + 1];
      if (to - from > SCAN_MAX) a.subarray(from, to).sort();
    }
  }

  private bucket(x: number): number {
    const b = Math.floor((x - this.min) * this.scale);
    const last = this.a.length - 1;
    return b < 0 ? 0 : b > last ? last : b;
  }

  /** (entries below x) + (entries at or below x): twice x's placement count with ½ credit for ties. */
  belowPlusAtOrBelow(x: number): number {
    const a = this.a;
    const L = a.length;
    if (!(L > 0) || x < this.min) return 0;
    if (x > this.max) return 2 * L;
    const b = this.scale > 0 ? this.bucket(x) : 0;
    const from = this.start[b];
    const to = this.start[b + 1];
    if (to - from <= SCAN_MAX) {
      let below = from;
      let tied = 0;
      for (let j = from; j < to; j++) {
        const v = a[j];
        if (v < x) below++;
        else if (v === x) tied++;
      }
      return 2 * below + tied;
    }
    const lo = lowerBound(a, x, from, to);
    // Equal values share a bucket, so x's ties end within [from, to).
    return lo < to && a[lo] === x ? lo + upperBound(a, x, lo, to) : 2 * lo;
  }
}

/**
 * Placement values of `score` with `positive[i]` telling whether example i is a positive. Positives and
 * negatives keep their order in the input, so two score vectors over the same examples and labels give
 * aligned components (needed for the paired covariance). A positive's V10 is (negatives below +
 * ½·negatives tied)/n and a negative's V01 (positives above + ½·positives tied)/m, each from a rank
 * look-up among the other class's scores (`BucketRanks`) — the midrank formulation of Sun & Xu (2014)
 * without an index permutation.
 */
export function placements(score: ArrayLike<number>, positive: ArrayLike<number | boolean>): Placements {
  if (score.length !== positive.length) throw new Error('placements: scores and labels differ in length');
  return placementsInto(score, positive, placementScratch(score.length));
}

/**
 * Working memory of `placementsInto` for up to N examples. One-vs-rest DeLong runs it once per class
 * over the same rows: reusing it instead of allocating ~20 bytes per row for every class keeps the
 * garbage collector out of the hot loop at 10⁶ rows.
 */
export interface PlacementScratch {
  /** Positives' then negatives' scores, grouped by bucket (`BucketRanks`). */
  scores: Float64Array;
  /**
   * V10 of the positives, then V01 of the negatives; before they are written, the two classes' scores
   * in input order (one array, not two, at 8 bytes per row — 80 MB at 10⁷ rows).
   */
  values: Float64Array;
  /** Bucket starts of both classes. */
  starts: Int32Array;
}

/** Scratch for `placementsInto` over N examples. */
export function placementScratch(N: number): PlacementScratch {
  return {
    scores: new Float64Array(N),
    values: new Float64Array(N),
    starts: new Int32Array(N + 2),
  };
}

/**
 * `placements` computed in `scratch`: the returned v10/v01 are views into it, valid until its next use.
 */
export function placementsInto(
  score: ArrayLike<number>,
  positive: ArrayLike<number | boolean>,
  scratch: PlacementScratch,
  stride = 1,
  offset = 0,
): Placements {
  // Example t's score is score[t·stride + offset]: a one-vs-rest pass reads class c straight from the
  // row-major probability block (stride k, offset c) instead of copying a column of n doubles first.
  const N = positive.length;
  let m = 0;
  for (let t = 0; t < N; t++) if (positive[t]) m++;
  const n = N - m;
  const gathered = scratch.values;
  let a = 0;
  let b = m;
  for (let t = 0; t < N; t++) {
    if (positive[t]) gathered[a++] = score[t * stride + offset];
    else gathered[b++] = score[t * stride + offset];
  }
  const posRanks = new BucketRanks(gathered.subarray(0, m), scratch.scores.subarray(0, m), scratch.starts);
  const negRanks = new BucketRanks(
    gathered.subarray(m, N),
    scratch.scores.subarray(m, N),
    scratch.starts.subarray(m + 1),
  );
  const v10 = scratch.values.subarray(0, m);
  const v01 = scratch.values.subarray(m, N);
  a = 0;
  b = 0;
  let twiceSum = 0;
  for (let t = 0; t < N; t++) {
    const x = score[t * stride + offset];
    if (positive[t]) {
      // 2 × (negatives below + ½ tied) = below + at-or-below: an integer.
      const twice = negRanks.belowPlusAtOrBelow(x);
      v10[a++] = twice / (2 * n);
      twiceSum += twice;
    } else {
      const twice = 2 * m - posRanks.belowPlusAtOrBelow(x);
      v01[b++] = twice / (2 * m);
    }
  }
  // Σ(2·credit) is an exact integer (< 2^53), so the AUC carries a single rounding.
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
): {
  auc1: number;
  auc2: number;
  var1: number;
  var2: number;
  covariance: number;
  varianceOfDifference: number;
} {
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
