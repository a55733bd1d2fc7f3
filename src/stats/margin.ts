/**
 * Non-inferiority ("margin") tests: one-sided tests of H0: worsening ≤ t against H1: worsening > t,
 * where the worsening is the change in the metric's bad direction (positive = worse) and t ≥ 0 is the
 * tolerance the user configured. With t = 0 they are the plain one-sided "is it worse at all" tests.
 *
 * Every test here also returns the one-sided lower confidence bound of the worsening obtained by
 * inverting the same test, so that p < α ⇔ bound > t: the p-value and the interval never disagree.
 * docs/statistics.md describes each test and why it was chosen.
 */
import {
  binomialSf,
  normalCdf,
  normalQuantile,
  normalSf,
  studentTQuantile,
  studentTSf,
} from './distributions.js';
import { meanStats } from './intervals.js';

/** Result of a margin test, all on the worsening scale (positive = worse). */
export interface MarginTest {
  /** One-sided p-value of H0: worsening ≤ t; null when the test cannot be computed. */
  p: number | null;
  /**
   * One-sided (1 − α) lower confidence bound of the worsening from inverting the same test: p < α
   * exactly when bound > t. −Infinity when no data could make the test reject; null when not computable.
   */
  bound: number | null;
  /**
   * Standard error of the estimated worsening as the test sees it (null distribution scale), used for
   * the minimum detectable effect.
   */
  se: number | null;
  /** Degrees of freedom of a t reference distribution (absent: normal). */
  df?: number;
  /**
   * Smallest p-value the test could give on this data (discrete tests: exact McNemar, randomization,
   * bootstrap); when it is not below the level used, no worsening can be confirmed whatever its size.
   */
  min_p?: number;
  /** Why p is null, when it is. */
  reason?: string;
}

const NONE = (reason: string): MarginTest => ({ p: null, bound: null, se: null, reason });

/**
 * z test with a margin: p = P(Z > (w − t)/se), bound = w − z₁₋α·se (DeLong, unpaired z). A zero or
 * undefined standard error gives no test (p null with a reason), never p = 0.
 */
export function zMarginTest(w: number, se: number, t: number, alpha: number): MarginTest {
  if (!Number.isFinite(w)) return NONE('the change is not a finite number');
  if (!(se > 0) || !Number.isFinite(se)) return NONE('the standard error of the change is 0 or undefined');
  return { p: normalSf((w - t) / se), bound: w - normalQuantile(1 - alpha) * se, se };
}

/**
 * Paired t test with a margin on per-pair worsenings wᵢ (NaN skipped): T = (w̄ − t)/(s_w/√m), df = m − 1,
 * the statistic of `scipy.stats.ttest_1samp(w, popmean=t, alternative="greater")`; bound =
 * w̄ − t₁₋α,ₘ₋₁·s_w/√m. When every wᵢ is equal the change is exact: p = 0 if w̄ > t, else 1.
 */
export function tMarginTest(w: ArrayLike<number>, t: number, alpha: number): MarginTest & { n: number } {
  const s = meanStats(w);
  if (s.n < 2) return { ...NONE('fewer than two pairs'), n: s.n };
  const df = s.n - 1;
  if (s.se === 0) return { p: s.mean > t ? 0 : 1, bound: s.mean, se: 0, df, n: s.n };
  return {
    p: studentTSf((s.mean - t) / s.se, df),
    bound: s.mean - studentTQuantile(1 - alpha, df) * s.se,
    se: s.se,
    df,
    n: s.n,
  };
}

/**
 * Cluster-robust paired t test with a margin: the CR1 standard error of the mean worsening,
 * √(C/(C − 1))·√(Σ_c (Σ_{i∈c}(wᵢ − w̄))²)/n, and a t reference with C − 1 degrees of freedom (the
 * small-sample correction of Cameron & Miller 2015; what statsmodels' OLS with `cov_type="cluster"`,
 * `use_t=True` gives for an intercept-only model). Needs at least 2 clusters.
 */
export function clusteredMarginTest(
  w: ArrayLike<number>,
  cluster: ArrayLike<string>,
  t: number,
  alpha: number,
): MarginTest & { n: number; clusters: number } {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === w[i]) {
      n++;
      sum += w[i];
    }
  }
  const mean = n > 0 ? sum / n : NaN;
  const bySum = new Map<string, number>();
  for (let i = 0; i < w.length; i++) {
    const v = w[i];
    if (v !== v) continue;
    bySum.set(cluster[i], (bySum.get(cluster[i]) ?? 0) + (v - mean));
  }
  const C = bySum.size;
  if (n < 2 || C < 2) return { ...NONE('fewer than two clusters'), n, clusters: C };
  let ss = 0;
  for (const s of bySum.values()) ss += s * s;
  const se = Math.sqrt(C / (C - 1)) * (Math.sqrt(ss) / n);
  const df = C - 1;
  if (!(se > 0)) return { p: mean > t ? 0 : 1, bound: mean, se: 0, df, n, clusters: C };
  return {
    p: studentTSf((mean - t) / se, df),
    bound: mean - studentTQuantile(1 - alpha, df) * se,
    se,
    df,
    n,
    clusters: C,
  };
}

/**
 * Tango's (1998) score statistic for the difference of two paired proportions with a margin. `lost`
 * pairs went good → bad, `gained` bad → good, out of n pairs; the worsening is θ = (lost − gained)/n
 * and H0: θ ≤ δ. Z = (lost − gained − nδ)/√(n(2p̃ + δ(1 − δ))), where p̃ is the maximum-likelihood
 * estimate of P(gained) under θ = δ, the positive root of 2n·p² + B·p + C = 0 with
 * B = −(lost + gained) + (2n − lost + gained)δ and C = −gained·δ(1 − δ) (Tango 1998; Liu et al. 2002).
 */
export function tangoScore(lost: number, gained: number, n: number, delta: number): number {
  const A = 2 * n;
  const B = -(lost + gained) + (2 * n - lost + gained) * delta;
  const C = -gained * delta * (1 - delta);
  const disc = Math.max(0, B * B - 4 * A * C);
  const p = Math.max(0, (-B + Math.sqrt(disc)) / (2 * A));
  const v = n * (2 * p + delta * (1 - delta));
  const num = lost - gained - n * delta;
  if (!(v > 0)) return num > 0 ? Infinity : num < 0 ? -Infinity : 0;
  return num / Math.sqrt(v);
}

/**
 * Test of a paired proportion (accuracy-like 0/1 outcome) with margin t. With t = 0 it is the exact
 * McNemar test: p = P(X ≥ lost), X ~ Binomial(lost + gained, ½), and the bound inverts the exact
 * sign-flip distribution of (lost − gained)/n. With t > 0 it is Tango's score test, whose bound is the
 * δ at which Tango's one-sided p equals α (bisection). Both are conditional-on-H0 variance tests, not
 * Wald tests: a large observed drop does not shrink its own standard error.
 */
export function pairedProportionMarginTest(
  lost: number,
  gained: number,
  n: number,
  t: number,
  alpha: number,
): MarginTest {
  if (!(n > 0)) return NONE('no pairs');
  const s = lost + gained;
  if (t <= 0) {
    const p = s === 0 ? 1 : binomialSf(lost, s, 0.5);
    // Largest k with P(X ≥ k) ≥ α: the sign-flip critical value. Reject ⇔ lost > k ⇔ bound > 0.
    let lo = 0;
    let hi = s;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (binomialSf(mid, s, 0.5) >= alpha) lo = mid;
      else hi = mid - 1;
    }
    const bound = s === 0 ? 0 : (2 * (lost - lo)) / n;
    return { p, bound: s === 0 ? -Infinity : bound, se: Math.sqrt(s) / n, min_p: Math.pow(0.5, s) };
  }
  if (t >= 1) return { p: 1, bound: -Infinity, se: Math.sqrt(s) / n };
  const z = tangoScore(lost, gained, n, t);
  const p = normalSf(z);
  const zc = normalQuantile(1 - alpha);
  const w = (lost - gained) / n;
  // Z(δ) decreases in δ; Z(w) = 0 < zc, so the bound lies below w.
  let lo = -1 + 1e-12;
  let hi = w;
  let bound: number;
  if (tangoScore(lost, gained, n, lo) < zc) bound = -Infinity;
  else {
    for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
      const mid = (lo + hi) / 2;
      if (tangoScore(lost, gained, n, mid) > zc) lo = mid;
      else hi = mid;
    }
    bound = lo;
  }
  // Variance of the estimated worsening under H0 (Tango's denominator), for the MDE.
  const A = 2 * n;
  const B = -s + (2 * n - lost + gained) * t;
  const C = -gained * t * (1 - t);
  const pt = Math.max(0, (-B + Math.sqrt(Math.max(0, B * B - 4 * A * C))) / (2 * A));
  return { p, bound, se: Math.sqrt((2 * pt + t * (1 - t)) / n) };
}

/**
 * Margin test from bootstrap replicates w* of the worsening: p = (1 + #{w* ≤ t})/(B + 1), the test that
 * inverts the one-sided percentile interval. The bound is the j-th smallest replicate with
 * j = ⌈α(B + 1) − 1⌉, so that p < α ⇔ bound > t exactly. NaN replicates are skipped.
 */
export function replicateMarginTest(replicates: ArrayLike<number>, t: number, alpha: number): MarginTest {
  const vals: number[] = [];
  for (let i = 0; i < replicates.length; i++) if (replicates[i] === replicates[i]) vals.push(replicates[i]);
  const B = vals.length;
  if (B === 0) return NONE('undefined on every resample');
  let le = 0;
  for (const v of vals) if (v <= t) le++;
  const p = (1 + le) / (B + 1);
  vals.sort((a, b) => a - b);
  const j = Math.ceil(alpha * (B + 1) - 1 - 1e-9);
  const bound = j >= 1 ? vals[Math.min(B, j) - 1] : -Infinity;
  return { p, bound, se: sd(vals), min_p: 1 / (B + 1) };
}

/**
 * Margin test from a randomization (sign-flip) null distribution of the worsening: `values` are the
 * worsenings of the relabelled configurations, with probabilities `weights` when they were enumerated
 * exactly, or equally likely draws when `weights` is null (then p = (1 + #{…})/(B + 1), which counts
 * the observed configuration). The null distribution is that of "no change"; shifting it by t gives
 * p = P(w* ≥ w − t). The bound is w − v, v the largest value with P(w* ≥ v) ≥ α, so that p < α ⇔
 * bound > t. NaN values (metric undefined in a configuration) are dropped.
 */
export function randomizationMarginTest(
  observed: number,
  values: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  t: number,
  alpha: number,
): MarginTest {
  if (!Number.isFinite(observed)) return NONE('the metric is undefined in one run');
  const pts: { v: number; w: number }[] = [];
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const w = weights ? weights[i] : 1;
    pts.push({ v, w });
    total += w;
  }
  if (pts.length === 0 || !(total > 0)) return NONE('undefined in every relabelling');
  // Metric values of relabellings that tie with the observed one can differ in the last bits.
  const eps = 1e-12 * Math.max(1, Math.abs(observed));
  const x = observed - t;
  let ge = 0;
  for (const q of pts) if (q.v >= x - eps) ge += q.w;
  const exact = weights !== null;
  const p = exact ? Math.min(1, ge / total) : (1 + ge) / (pts.length + 1);
  // Critical value: largest v with tail mass P(w* ≥ v) ≥ α (on the same scale as p).
  pts.sort((a, b) => b.v - a.v);
  let tail = exact ? 0 : 1;
  const denom = exact ? total : pts.length + 1;
  // Sampled: the observed configuration always counts, so with B + 1 ≤ 1/α nothing can reject.
  let crit = tail / denom >= alpha ? Infinity : -Infinity;
  for (let i = 0; i < pts.length && crit === -Infinity; i++) {
    const v = pts[i].v;
    // Accumulate the whole group of (near-)equal values before testing.
    while (i < pts.length && pts[i].v >= v - eps) tail += pts[i++].w;
    i--;
    if (tail / denom >= alpha) {
      crit = v;
      break;
    }
  }
  // Smallest attainable p: the mass of the largest value (exact), or 1/(B + 1) (sampled).
  const top = pts[0].v;
  let topMass = 0;
  for (const q of pts) if (q.v >= top - eps) topMass += q.w;
  const minP = exact ? topMass / total : 1 / (pts.length + 1);
  let mean = 0;
  for (const q of pts) mean += q.w * q.v;
  mean /= total;
  let ss = 0;
  for (const q of pts) ss += q.w * (q.v - mean) * (q.v - mean);
  return {
    p,
    bound: crit === Infinity ? -Infinity : observed - crit,
    se: Math.sqrt(ss / total),
    min_p: minP,
  };
}

/**
 * Minimum detectable effect: the worsening beyond the tolerance that a one-sided test at level α with
 * standard error se detects with the given power (default 80%): (q₁₋α + q_power)·se, with Student t
 * quantiles when df is given, else normal ones.
 */
export function minimumDetectableEffect(
  se: number | null,
  alpha: number,
  power: number = 0.8,
  df?: number,
): number | null {
  if (se === null || !Number.isFinite(se) || se < 0) return null;
  const q = (p: number) => (df !== undefined && df > 0 ? studentTQuantile(p, df) : normalQuantile(p));
  return (q(1 - alpha) + q(power)) * se;
}

/** Power of the one-sided z test at level α against a true worsening `beyond` the tolerance. */
export function zTestPower(beyond: number, se: number, alpha: number): number {
  return normalCdf(beyond / se - normalQuantile(1 - alpha));
}

function sd(v: readonly number[]): number | null {
  if (v.length < 2) return null;
  let m = 0;
  for (const x of v) m += x;
  m /= v.length;
  let ss = 0;
  for (const x of v) ss += (x - m) * (x - m);
  return Math.sqrt(ss / (v.length - 1));
}
