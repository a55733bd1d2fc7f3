/**
 * Seeded, deterministic pseudo-random numbers for the bootstrap and the simulations.
 *
 * Generator: xoshiro128** 1.1 (Blackman & Vigna 2018), 128-bit state, period 2^128 − 1, 32-bit output;
 * chosen because it runs in 32-bit integer arithmetic (`Math.imul`), which JavaScript does fast and
 * exactly. The state is filled from the seed with SplitMix64 (Steele, Lea & Flood 2014), the seeding the
 * xoshiro authors recommend, so that nearby seeds (0, 1, 2, …) give unrelated streams.
 *
 * Everything here is deterministic across platforms: only integer arithmetic, IEEE-754 basic operations
 * and `Math.log`/`Math.exp`/`Math.sqrt` (V8's fdlibm ports give the same bits everywhere).
 */

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;
const MASK64 = (1n << 64n) - 1n;

/** SplitMix64 step on a BigInt state; returns [nextState, output]. Only used when seeding. */
function splitmix64(state: bigint): [bigint, bigint] {
  const s = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = s;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [s, z ^ (z >> 31n)];
}

/**
 * 53-bit hash of a seed and a label (cyrb53-style). Used to give every independent use of randomness
 * (each metric, each kind of resampling) its own stream, so that results for one metric do not depend on
 * which other metrics were computed.
 */
export function deriveSeed(seed: number, label: string): number {
  let h1 = 0xdeadbeef ^ (seed >>> 0);
  let h2 = 0x41c6ce57 ^ (Math.floor(seed / TWO_POW_32) >>> 0);
  for (let i = 0; i < label.length; i++) {
    const ch = label.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 2097152 * (h2 >>> 0) + (h1 >>> 11);
}

/** log(k!) − [(k + ½)·log(k + 1) − (k + 1) + ½·log(2π)]: the Stirling remainder used by BTRS. */
const STIRLING_TAIL_TABLE: number[] = (() => {
  const t: number[] = [];
  let logFact = 0;
  for (let k = 0; k < 10; k++) {
    if (k > 0) logFact += Math.log(k);
    t.push(logFact - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI)));
  }
  return t;
})();

function stirlingTail(k: number): number {
  if (k < 10) return STIRLING_TAIL_TABLE[k];
  const kp1 = k + 1;
  const kp1sq = kp1 * kp1;
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / kp1;
}

/** e^−λ for λ = 0..30 (`poisson`: bootstrap cells have integer sizes, mostly 1). */
const EXP_NEG_INT = Float64Array.from({ length: 31 }, (_, l) => Math.exp(-l));

/**
 * P(Poisson(1) ≤ k)·2³² for k = 0..13 (the last rounds to 2³²: larger values have probability < 2⁻³²).
 * A uniform 32-bit u gives k = #{thresholds ≤ u}: inversion with integer comparisons only.
 */
const POISSON1_CDF = (() => {
  const t: number[] = [];
  let p = Math.exp(-1);
  let cdf = p;
  for (let k = 0; k < 14; k++) {
    t.push(Math.min(4294967296, Math.round(cdf * 4294967296)));
    p /= k + 1;
    cdf += p;
  }
  return Float64Array.from(t);
})();

/**
 * Seeded PRNG (xoshiro128**) with the samplers the statistics need. Not cryptographic.
 *
 * @example
 * const rng = new Rng(42);
 * rng.random();          // uniform [0, 1), 53 random bits
 * rng.binomial(1000, .3) // exact Binomial(1000, 0.3) draw
 */
export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /** @param seed any finite number; non-integers and negatives are mapped through their 64-bit pattern. */
  constructor(seed: number = 0) {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
    const buf = new DataView(new ArrayBuffer(8));
    if (Number.isSafeInteger(seed) && seed >= 0) buf.setBigUint64(0, BigInt(seed));
    else buf.setFloat64(0, seed);
    const [state1, a] = splitmix64(buf.getBigUint64(0));
    const [, b] = splitmix64(state1);
    this.s0 = Number(a & 0xffffffffn) | 0;
    this.s1 = Number(a >> 32n) | 0;
    this.s2 = Number(b & 0xffffffffn) | 0;
    this.s3 = Number(b >> 32n) | 0;
    // An all-zero state is the one fixed point of xoshiro; SplitMix64 never yields two zero words in a
    // row, but keep the guard explicit.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with the given raw xoshiro128** state (for tests against the reference vectors). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const r = new Rng(0);
    r.s0 = s0 | 0;
    r.s1 = s1 | 0;
    r.s2 = s2 | 0;
    r.s3 = s3 | 0;
    return r;
  }

  /** The raw state as four unsigned 32-bit words. */
  state(): [number, number, number, number] {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** Next 32-bit unsigned integer. */
  nextU32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2;
    const s3 = this.s3;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    this.s1 = s1 ^ n2;
    this.s0 = s0 ^ n3;
    this.s2 = n2 ^ t;
    this.s3 = (n3 << 11) | (n3 >>> 21);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  random(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /**
   * Uniform integer in [0, n) for 1 ≤ n ≤ 2^32, as ⌊u·n⌋ of a 53-bit uniform u. Some outcomes get one
   * more of the 2^53 values of u than others: a relative bias of at most n/2^53 (1e-9 for n = 10 million),
   * far below any Monte Carlo error, for a fraction of the cost of exact rejection.
   */
  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  /**
   * Poisson(λ) variate, exact: inversion for λ ≤ 30 (about λ + 1 steps, one uniform), and for larger λ
   * the sum of Poisson(30) draws and a remainder (Poisson variates add), so the cost stays O(λ/30 + 1).
   */
  poisson(lambda: number): number {
    if (lambda === 1) return this.poisson1();
    let k = 0;
    let rest = lambda;
    while (rest > 30) {
      k += this.poissonSmall(30);
      rest -= 30;
    }
    return rest > 0 ? k + this.poissonSmall(rest) : k;
  }

  /** Poisson(1) variate: the common case of `poisson` (a bootstrap cell of one example), by table. */
  poisson1(): number {
    const u = this.nextU32();
    if (u < POISSON1_CDF[0]) return 0;
    if (u < POISSON1_CDF[1]) return 1;
    let k = 2;
    while (k < POISSON1_CDF.length && u >= POISSON1_CDF[k]) k++;
    return k;
  }

  private poissonSmall(lambda: number): number {
    // One 32-bit uniform: inversion needs no more resolution than 2⁻³² here.
    const u = this.nextU32() / 4294967296;
    let k = 0;
    let p = Number.isInteger(lambda) ? EXP_NEG_INT[lambda] : Math.exp(-lambda);
    let cdf = p;
    // The tail past k ≈ λ + 40√λ has probability below 2⁻⁵³: stop there against rounding in the sum.
    const cap = lambda + 40 * Math.sqrt(lambda) + 40;
    while (u >= cdf && k < cap) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }

  /** Standard normal variate (Box–Muller; one value per call so the stream does not depend on parity). */
  normal(): number {
    const u1 = 1 - this.random(); // (0, 1]
    const u2 = this.random();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /**
   * Exact Binomial(n, p) draw. Inversion (sequential search) when n·min(p, 1−p) < 10, else Hörmann's
   * BTRS transformed rejection with squeeze (Hörmann 1993, "The generation of binomial random variates"),
   * which takes O(1) expected time however large n is.
   */
  binomial(n: number, p: number): number {
    if (n <= 0 || !(p > 0)) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    if (n * p < 10) return this.binomialInversion(n, p);
    return this.binomialBtrs(n, p);
  }

  private binomialInversion(n: number, p: number): number {
    const q = 1 - p;
    const s = p / q;
    const a = (n + 1) * s;
    const r0 = Math.exp(n * Math.log1p(-p));
    // Rounding in the running pmf can leave a sliver of mass unaccounted for; restart rather than
    // return an absurd value (probability ~1e-15).
    const bound = Math.min(n, Math.floor(n * p + 10 * Math.sqrt(n * p * q + 1)));
    for (;;) {
      let u = this.random();
      let r = r0;
      let x = 0;
      while (u > r) {
        u -= r;
        x++;
        if (x > bound) break;
        r *= a / x - s;
      }
      if (x <= bound) return x;
    }
  }

  private binomialBtrs(n: number, p: number): number {
    const spq = Math.sqrt(n * p * (1 - p));
    const b = 1.15 + 2.53 * spq;
    const a = -0.0873 + 0.0248 * b + 0.01 * p;
    const c = n * p + 0.5;
    const vr = 0.92 - 4.2 / b;
    const alpha = (2.83 + 5.1 / b) * spq;
    const lpq = Math.log(p / (1 - p));
    const m = Math.floor((n + 1) * p);
    const h = stirlingTail(m) + stirlingTail(n - m);
    for (;;) {
      const u = this.random() - 0.5;
      let v = this.random();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      if (us >= 0.07 && v <= vr) return k;
      v = Math.log((v * alpha) / (a / (us * us) + b));
      const ub =
        h -
        stirlingTail(k) -
        stirlingTail(n - k) +
        (k - m) * lpq +
        lgammaRatio(m, k) +
        lgammaRatio(n - m, n - k);
      if (v <= ub) return k;
    }
  }

  /**
   * Multinomial draw of `n` trials over cells with non-negative `weights` (need not sum to 1; integer
   * counts are best, they keep the conditional probabilities exact). Sequential conditional binomials:
   * x_j ~ Binomial(n − Σ_{i<j} x_i, w_j / Σ_{i≥j} w_i), so a draw costs O(cells), not O(n).
   * Writes into `out` (length ≥ weights.length) and returns it.
   */
  multinomial<T extends Float64Array | Int32Array | Uint32Array>(
    n: number,
    weights: ArrayLike<number>,
    out: T,
  ): T {
    const k = weights.length;
    let total = 0;
    for (let j = 0; j < k; j++) total += weights[j];
    let remaining = n;
    let remW = total;
    for (let j = 0; j < k; j++) {
      const w = weights[j];
      if (remaining === 0 || w <= 0) {
        out[j] = 0;
        continue;
      }
      if (w >= remW) {
        out[j] = remaining;
        remaining = 0;
        remW = 0;
        continue;
      }
      const x = this.binomial(remaining, w / remW);
      out[j] = x;
      remaining -= x;
      remW -= w;
    }
    // Weights that do not cover all trials (remW rounding with non-integer weights): the last positive
    // cell takes the remainder, which keeps Σ out = n.
    if (remaining > 0) {
      for (let j = k - 1; j >= 0; j--) {
        if (weights[j] > 0) {
          out[j] += remaining;
          break;
        }
      }
    }
    return out;
  }
}

/** log(x! / y!) for non-negative integers, via the Stirling form used in BTRS (exact enough there). */
function lgammaRatio(x: number, y: number): number {
  // (x + ½)·log(x + 1) − (x + 1) − [(y + ½)·log(y + 1) − (y + 1)]: the smooth part of log x! − log y!.
  return (x + 0.5) * Math.log(x + 1) - (y + 0.5) * Math.log(y + 1) - x + y;
}
