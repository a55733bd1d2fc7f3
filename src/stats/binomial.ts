/**
 * Exact binomial pmf and tails (Loader 2000 saddle-point form: no cancellation, accurate for n in the
 * millions).
 */
import { LN_SQRT_2PI } from './normal.js';

/** stirlerr(n) = log(n!) − log(√(2πn)·(n/e)^n) for integer n ≥ 0. */
const STIRLERR_SMALL: number[] = (() => {
  const t: number[] = [0];
  let fact = 1;
  for (let n = 1; n <= 15; n++) {
    fact *= n; // exact: 15! < 2^53
    t.push(Math.log(fact) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI);
  }
  return t;
})();

function stirlerr(n: number): number {
  if (n <= 15) return STIRLERR_SMALL[n];
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term bd0(x, np) = x·log(x/np) + np − x, computed without cancellation near x = np. */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / np) + np - x;
}

/** log P(X = k) for X ~ Binomial(n, p), k integer in [0, n]. */
export function binomialLogPmf(k: number, n: number, p: number): number {
  const q = 1 - p;
  if (k < 0 || k > n) return -Infinity;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (q === 0) return k === n ? 0 : -Infinity;
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  return lc + 0.5 * Math.log(n / (2 * Math.PI * k * (n - k)));
}

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  return Math.exp(binomialLogPmf(k, n, p));
}

/**
 * Sum of pmf(k) for k from `start` stepping by `step` (±1) while terms matter. Terms decrease
 * monotonically away from the mode, and the caller starts on the far side of it, so stopping once a
 * term no longer changes the sum is exact to rounding.
 */
function sumPmfFrom(start: number, step: 1 | -1, n: number, p: number): number {
  const q = 1 - p;
  let k = start;
  let term = binomialPmf(k, n, p);
  let sum = term;
  // Ratio recursion pmf(k+1)/pmf(k) = (n−k)/(k+1)·p/q, refreshed from the exact pmf every 64 steps so
  // that rounding cannot accumulate.
  for (let i = 1; ; i++) {
    const next = k + step;
    if (next < 0 || next > n) break;
    if (i % 64 === 0) term = binomialPmf(next, n, p);
    else term = step === 1 ? (term * (n - k) * p) / ((k + 1) * q) : (term * k * q) / ((n - k + 1) * p);
    k = next;
    if (term === 0 || term < sum * 1e-17) break;
    sum += term;
  }
  return sum;
}

/** Upper tail P(X ≥ k) for X ~ Binomial(n, p), exact to ~1e-15 relative (summed on the small side). */
export function binomialSf(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const mean = n * p;
  if (k > mean) return Math.min(1, sumPmfFrom(k, 1, n, p));
  return Math.max(0, 1 - sumPmfFrom(k - 1, -1, n, p));
}

/** Lower tail P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  const mean = n * p;
  if (k < mean) return Math.min(1, sumPmfFrom(k, -1, n, p));
  return Math.max(0, 1 - sumPmfFrom(k + 1, 1, n, p));
}
