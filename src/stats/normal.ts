/**
 * Standard normal cdf/sf (Cody 1993, ACM TOMS 715 `ANORM` rational approximations; ~1e-16 relative,
 * including far tails), density and quantile (Wichura 1988, AS 241 `PPND16`; ~1e-16 relative).
 */

const SQRT_32 = 5.656854249492381;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
/** log √(2π), shared by the Stirling-series forms of the binomial and gamma functions. */
export const LN_SQRT_2PI = 0.9189385332046728;

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
