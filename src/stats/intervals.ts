/**
 * Standard errors and intervals of a mean: CLT, Wilson, clustered (Miller 2024), and the sample
 * quantile used by percentile bootstrap intervals.
 */
import { meanStats } from '../metrics/numeric.js';
import { Z975 } from './distributions.js';

// The mean's CLT summary lives with the metrics' numeric helpers, which attach it to mean points.
export { meanStats };
export type { MeanStats } from '../metrics/types.js';

/** Normal-approximation two-sided interval estimate ± z·se (95% by default). */
export function waldInterval(estimate: number, se: number, z: number = Z975): [number, number] {
  return [estimate - z * se, estimate + z * se];
}

/**
 * Wilson score interval for a binomial proportion with `successes` out of `n` (95% by default).
 * Preferred over the Wald interval for small n or proportions near 0 or 1, where Wald under-covers and
 * collapses to a point.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z975): [number, number] {
  if (!(n > 0)) return [NaN, NaN];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/**
 * Clustered standard error of a mean (Miller 2024, "Adding Error Bars to Evals", Appendix A):
 *
 *   SE_clustered = sqrt( (1/n²) · Σ_c Σ_i Σ_j (x_ic − x̄)(x_jc − x̄) )
 *               = sqrt( (1/n²) · Σ_c (Σ_{i∈c} (x_ic − x̄))² ),
 *
 * for questions that share a passage, a template or a conversation and so are not independent. With
 * singleton clusters it reduces to sqrt(Σ(x − x̄)²)/n, the n-denominator CLT form; no small-sample
 * (C/(C − 1)) correction is applied, as in the paper. NaN values are skipped.
 * Returns NaN when fewer than two values remain.
 */
export function clusteredStderr(x: ArrayLike<number>, cluster: ArrayLike<string | number>): number {
  const { n, mean } = meanStats(x);
  if (n < 2) return NaN;
  const bySum = new Map<string | number, number>();
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v !== v) continue;
    const c = cluster[i];
    bySum.set(c, (bySum.get(c) ?? 0) + (v - mean));
  }
  let ss = 0;
  for (const s of bySum.values()) ss += s * s;
  return Math.sqrt(ss) / n;
}

/**
 * Sample quantile with linear interpolation between order statistics (Hyndman & Fan type 7, the
 * default of numpy and R). `sorted` must be ascending and free of NaN.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0];
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const frac = h - lo;
  return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

/** Percentile interval [q(α/2), q(1 − α/2)] of bootstrap replicates (NaN entries dropped). */
export function percentileInterval(values: ArrayLike<number>, level: number = 0.95): [number, number] | null {
  const clean: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) clean.push(values[i]);
  if (clean.length === 0) return null;
  const sorted = Float64Array.from(clean).sort();
  const a = (1 - level) / 2;
  return [quantileSorted(sorted, a), quantileSorted(sorted, 1 - a)];
}

/**
 * Distribution-free 95% interval of a population quantile from order statistics (Conover 1999,
 * "Practical Nonparametric Statistics", §3.2): the number of sample values below the q-quantile is
 * Binomial(n, q), so ranks ⌊nq − z·√(nq(1−q))⌋ and ⌈nq + z·√(nq(1−q))⌉ (normal approximation, good for
 * n·q·(1−q) ≥ ~10) bracket it with ≈ 95% confidence. O(1) on sorted values, unlike a bootstrap (O(n)
 * per resample). The standard error is the interval's half-width over z. NaN entries must be removed.
 */
export function quantileOrderInterval(
  sorted: ArrayLike<number>,
  q: number,
  z: number = 1.959963984540054,
): { ci: [number, number]; se: number } | null {
  const n = sorted.length;
  if (n < 2) return null;
  const centre = n * q;
  const spread = z * Math.sqrt(n * q * (1 - q));
  // 1-based ranks, clipped to the sample.
  const lo = Math.max(1, Math.floor(centre - spread));
  const hi = Math.min(n, Math.ceil(centre + spread));
  const ci: [number, number] = [sorted[lo - 1], sorted[hi - 1]];
  return { ci, se: (ci[1] - ci[0]) / (2 * z) };
}
