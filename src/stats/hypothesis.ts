/**
 * One-sided tests of "current is worse than baseline" on plain numbers. All p-values are small when the
 * current run is significantly worse in the metric's bad direction and near 1 for an improvement.
 */
import type { Direction } from '../types.js';
import { binomialSf, normalCdf, studentTCdf, studentTQuantile, Z975 } from './distributions.js';
import { clusteredStderr, meanStats } from './intervals.js';

/**
 * Exact McNemar test, one-sided: with `worse` discordant pairs that moved in the bad direction
 * (baseline right → current wrong for accuracy) and `better` the other way, under H0 each discordant
 * pair is equally likely to go either way, so p = P(X ≥ worse) with X ~ Binomial(worse + better, ½).
 * No discordant pairs → p = 1.
 */
export function mcnemarExact(worse: number, better: number): number {
  const n = worse + better;
  if (n === 0) return 1;
  return binomialSf(worse, n, 0.5);
}

/**
 * 95% Wald interval of the difference of two paired proportions, current − baseline, from the
 * discordant counts: n01 = pairs 0 → 1 (outcome gained), n10 = 1 → 0 (lost), m = pairs.
 * δ = (n01 − n10)/m, SE = sqrt(n01 + n10 − (n01 − n10)²/m)/m (the textbook form, e.g. Agresti,
 * "Categorical Data Analysis", 2nd ed., §10.1; equal to the paired-differences SE with an m denominator).
 */
export function pairedProportionCi(
  n01: number,
  n10: number,
  m: number,
  z: number = Z975,
): [number, number] | null {
  if (!(m > 0)) return null;
  const d = (n01 - n10) / m;
  const se = Math.sqrt(Math.max(0, n01 + n10 - ((n01 - n10) * (n01 - n10)) / m)) / m;
  return [d - z * se, d + z * se];
}

/** One-sided p-value of a z statistic for "worse" given the metric's direction; null when se ≤ 0/NaN. */
export function zTestWorse(delta: number, se: number, direction: Direction): number | null {
  if (!(se > 0) || !Number.isFinite(delta)) return null;
  const z = delta / se;
  return direction === 'higher' ? normalCdf(z) : normalCdf(-z);
}

/** Result of a paired t test on differences d = current − baseline. */
export interface PairedTResult {
  /** Pairs used (NaN differences skipped). */
  n: number;
  mean: number;
  se: number;
  df: number;
  /** One-sided p for "worse"; null with fewer than two pairs. */
  p: number | null;
  /** 95% t interval of the mean difference; null with fewer than two pairs. */
  ci: [number, number] | null;
}

/**
 * Paired (one-sample) t test on the differences, one-sided in the bad direction: t = d̄/(s_d/√m),
 * df = m − 1 — the same statistic as `scipy.stats.ttest_rel`. When all differences are equal (s_d = 0)
 * the difference is exact: p = 0 if it is in the bad direction, else 1.
 */
export function pairedTTest(d: ArrayLike<number>, direction: Direction): PairedTResult {
  const s = meanStats(d);
  if (s.n < 2) return { n: s.n, mean: s.mean, se: NaN, df: Math.max(0, s.n - 1), p: null, ci: null };
  const df = s.n - 1;
  if (s.se === 0) {
    const bad = direction === 'higher' ? s.mean < 0 : s.mean > 0;
    return { n: s.n, mean: s.mean, se: 0, df, p: bad ? 0 : 1, ci: [s.mean, s.mean] };
  }
  const t = s.mean / s.se;
  const p = direction === 'higher' ? studentTCdf(t, df) : studentTCdf(-t, df);
  const q = -studentTQuantile(0.025, df);
  return { n: s.n, mean: s.mean, se: s.se, df, p, ci: [s.mean - q * s.se, s.mean + q * s.se] };
}

/**
 * Paired z test with a clustered standard error of the mean difference (Miller 2024, Appendix A), for
 * examples that are grouped (same passage, same conversation) and so not independent. NaN differences
 * are skipped.
 */
export function pairedClusteredTest(
  d: ArrayLike<number>,
  cluster: ArrayLike<string>,
  direction: Direction,
): { n: number; mean: number; se: number; p: number | null; ci: [number, number] | null } {
  const s = meanStats(d);
  if (s.n < 2) return { n: s.n, mean: s.mean, se: NaN, p: null, ci: null };
  const se = clusteredStderr(d, cluster);
  if (se === 0) {
    const bad = direction === 'higher' ? s.mean < 0 : s.mean > 0;
    return { n: s.n, mean: s.mean, se, p: bad ? 0 : 1, ci: [s.mean, s.mean] };
  }
  return {
    n: s.n,
    mean: s.mean,
    se,
    p: zTestWorse(s.mean, se, direction),
    ci: [s.mean - Z975 * se, s.mean + Z975 * se],
  };
}
