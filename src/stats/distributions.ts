/**
 * Over 400 lines on purpose: one numerical job (the distribution functions of the tests, sharing their
 * constants and gamma helpers); the coefficient tables of the published algorithms make up the length.
 *
 * Distribution functions the tests need, in double precision:
 * - standard normal cdf/sf (Cody 1993, ACM TOMS 715 `ANORM` rational approximations; ~1e-16 relative,
 *   including far tails) and quantile (Wichura 1988, AS 241 `PPND16`; ~1e-16 relative);
 * - exact binomial pmf/tails (Loader 2000 saddle-point form: no cancellation, accurate for n in the
 *   millions);
 * - Student t cdf/quantile via the regularised incomplete beta function (continued fraction, Lentz).
 */

const SQRT_32 = 5.656854249492381;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
const LN_SQRT_2PI = 0.9189385332046728;
const EPS = 2.220446049250313e-16;

/** 97.5% standard normal quantile, the multiplier of all two-sided 95% intervals. */
export const Z975 = 1.959963984540054;

// Cody (1993) rational-approximation coefficients for the three ranges of |x|.
const CA = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745,
];
const CB = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const CC = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const CD = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const CP = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  0.000029112874951168793, 0.023073441764940174,
];
const CQ = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662,
];

/** exp(−y²/2) without the rounding error of forming y² directly (Cody's split of y into y₁ + y₂). */
function expHalfSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq * 0.5) * Math.exp(-del * 0.5);
}

/** Lower tail P(Z ≤ x) for x ≤ 0 (where it is small and must be accurate in relative terms). */
function lowerTailNeg(x: number): number {
  const y = -x;
  if (y <= SQRT_32) {
    let xnum = CC[8] * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + CC[i]) * y;
      xden = (xden + CD[i]) * y;
    }
    return ((xnum + CC[7]) / (xden + CD[7])) * expHalfSquare(y);
  }
  if (y > 38.5) return 0;
  const xsq = 1 / (y * y);
  let xnum = CP[5] * xsq;
  let xden = xsq;
  for (let i = 0; i < 4; i++) {
    xnum = (xnum + CP[i]) * xsq;
    xden = (xden + CQ[i]) * xsq;
  }
  let temp = (xsq * (xnum + CP[4])) / (xden + CQ[4]);
  temp = (ONE_OVER_SQRT_2PI - temp) / y;
  return temp * expHalfSquare(y);
}

/** Φ(x) − ½ for |x| ≤ 0.67448975 (central range). */
function centralPart(x: number): number {
  const xsq = x * x;
  let xnum = CA[4] * xsq;
  let xden = xsq;
  for (let i = 0; i < 3; i++) {
    xnum = (xnum + CA[i]) * xsq;
    xden = (xden + CB[i]) * xsq;
  }
  return (x * (xnum + CA[3])) / (xden + CB[3]);
}

/** Standard normal cdf Φ(x) = P(Z ≤ x); relative error ~1e-16 for x < 0, absolute ~1e-16 for x > 0. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) <= 0.67448975) return 0.5 + centralPart(x);
  return x < 0 ? lowerTailNeg(x) : 1 - lowerTailNeg(-x);
}

/** Standard normal survival function 1 − Φ(x) = Φ(−x), accurate in the upper tail. */
export function normalSf(x: number): number {
  return normalCdf(-x);
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return ONE_OVER_SQRT_2PI * expHalfSquare(Math.abs(x));
}

/**
 * Standard normal quantile Φ⁻¹(p) (Wichura 1988, AS 241 PPND16, relative accuracy ~1e-16).
 * Returns ∓Infinity at p = 0/1 and NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852854 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}

// ---------------------------------------------------------------------------------------------
// Binomial (Loader 2000, "Fast and accurate computation of binomial probabilities").

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

// ---------------------------------------------------------------------------------------------
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
