/**
 * Gamma / beta functions and the Student t cdf/quantile via the regularised incomplete beta function
 * (continued fraction, Lentz).
 */
import { LN_SQRT_2PI, normalCdf, normalQuantile } from './normal.js';

const EPS = 2.220446049250313e-16;

// Gamma / beta functions.

const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];

/** Γ(x) for 0 < x ≤ ~170 (Lanczos, g = 7; ~1e-15 relative). */
export function gamma(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const xm = x - 1;
  let a = LANCZOS[0];
  const t = xm + LANCZOS_G + 0.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (xm + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, xm + 0.5) * Math.exp(-t) * a;
}

/** Stirling-series remainder lgamma(x) − [(x − ½)·log x − x + ½·log 2π], for x ≥ 10. */
function lgammacor(x: number): number {
  const x2 = 1 / (x * x);
  return (
    (1 / 12 -
      x2 *
        (1 / 360 -
          x2 *
            (1 / 1260 -
              x2 *
                (1 / 1680 -
                  x2 * (1 / 1188 - x2 * (691 / 360360 - x2 * (1 / 156 - (x2 * 3617) / 122400))))))) /
    x
  );
}

/** log Γ(x) for x > 0. */
export function lgamma(x: number): number {
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + lgammacor(x);
  return Math.log(Math.abs(gamma(x)));
}

/** log B(a, b), computed so that large arguments do not cancel (as in R's `lbeta`). */
export function lbeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= 10) {
    const corr = lgammacor(p) + lgammacor(q) - lgammacor(p + q);
    return (
      -0.5 * Math.log(q) +
      LN_SQRT_2PI +
      corr +
      (p - 0.5) * Math.log(p / (p + q)) +
      q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= 10) {
    const corr = lgammacor(q) - lgammacor(p + q);
    return lgamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return Math.log(gamma(p) * (gamma(q) / gamma(p + q)));
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betacf(x: number, a: number, b: number): number {
  const TINY = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/**
 * Regularised incomplete beta I_x(a, b) and its complement, as [I, 1 − I], each accurate in relative
 * terms when it is the small one. `y` = 1 − x and the logarithms of x and y may be passed when the caller
 * knows them more accurately than they can be recomputed (with a large `a` or `b`, a rounding error of
 * 1e-16 in x becomes a·1e-16 in the result).
 */
export function incompleteBeta(
  x: number,
  a: number,
  b: number,
  y: number = 1 - x,
  logX: number = Math.log(x),
  logY: number = Math.log(y),
): [number, number] {
  if (x <= 0) return [0, 1];
  if (y <= 0) return [1, 0];
  const logFront = a * logX + b * logY - lbeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const v = (Math.exp(logFront) * betacf(x, a, b)) / a;
    return [v, 1 - v];
  }
  const v = (Math.exp(logFront) * betacf(y, b, a)) / b;
  return [1 - v, v];
}

/** Student t cdf P(T ≤ t) with `df` > 0 degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (df === Infinity) return normalCdf(t);
  if (t === 0) return 0.5;
  const t2 = t * t;
  // Two-sided tail mass beyond |t| is I_{df/(df+t²)}(df/2, ½). Logs of both arguments from log1p, so that
  // a huge df does not amplify the rounding of df/(df+t²).
  const r = t2 / df;
  const logX = -Math.log1p(r); // log(df/(df+t²))
  const logY = Math.log(r) + logX; // log(t²/(df+t²))
  const x = Math.exp(logX);
  const y = r / (1 + r);
  const tail = incompleteBeta(x, df / 2, 0.5, y, logX, logY)[0];
  return t > 0 ? 1 - tail / 2 : tail / 2;
}

/** Student t survival function P(T > t). */
export function studentTSf(t: number, df: number): number {
  return studentTCdf(-t, df);
}

/** Student t density. */
function studentTPdf(t: number, df: number): number {
  return Math.exp((-(df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - lbeta(df / 2, 0.5));
}

/** Student t quantile: Newton iterations on the cdf from a Cornish–Fisher start, bracketed. */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  if (p > 0.5) return -studentTQuantile(1 - p, df);
  // Lower tail from here on: the answer is negative.
  const z = normalQuantile(p);
  const g1 = (z * z * z + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  let t = z + g1 / df + g2 / (df * df);
  if (!Number.isFinite(t) || t >= 0) t = z;
  let lo = -Infinity;
  let hi = 0;
  for (let i = 0; i < 200; i++) {
    const f = studentTCdf(t, df) - p;
    if (f > 0) hi = Math.min(hi, t);
    else lo = Math.max(lo, t);
    const step = f / studentTPdf(t, df);
    let next = t - step;
    if (!Number.isFinite(next) || next <= lo || next >= hi) {
      next = Number.isFinite(lo) ? (lo + hi) / 2 : Math.min(2 * t, t - 1);
    }
    if (Math.abs(next - t) <= 1e-15 * Math.abs(t)) return next;
    t = next;
  }
  return t;
}
