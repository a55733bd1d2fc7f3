import { describe, expect, it } from 'vitest';
import { binomialPmf, deriveSeed, normalQuantile, Rng } from '../../src/stats/index.js';

/** Chi-square goodness of fit of draws against a pmf; returns [statistic, critical value at 0.999]. */
function chiSquare(draws: number[], pmf: (k: number) => number, support: number): [number, number] {
  const N = draws.length;
  const observed = new Map<number, number>();
  for (const d of draws) observed.set(d, (observed.get(d) ?? 0) + 1);
  // pool adjacent values until each bin expects ≥ 5
  let stat = 0;
  let bins = 0;
  let e = 0;
  let o = 0;
  for (let k = 0; k <= support; k++) {
    e += N * pmf(k);
    o += observed.get(k) ?? 0;
    if (e >= 5) {
      stat += ((o - e) * (o - e)) / e;
      bins++;
      e = 0;
      o = 0;
    }
  }
  if (e > 0 || o > 0) stat += e > 0 ? ((o - e) * (o - e)) / e : o;
  const df = bins - 1;
  const z = normalQuantile(0.999);
  const crit = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3; // Wilson–Hilferty
  return [stat, crit];
}

describe('Rng (xoshiro128** seeded by SplitMix64)', () => {
  it('reproduces the xoshiro128** reference output from state {1, 2, 3, 4}', () => {
    const r = Rng.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 6 }, () => r.nextU32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492,
    ]);
  });

  it('fills the state from SplitMix64(seed)', () => {
    // SplitMix64 from 0: 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4 (low word, high word each)
    expect(new Rng(0).state()).toEqual([2065550767, 3793791033, 2713282036, 1853398634]);
  });

  it('is deterministic: same seed, same stream; different seeds, different streams', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xa = Array.from({ length: 100 }, () => a.random());
    const xb = Array.from({ length: 100 }, () => b.random());
    const xc = Array.from({ length: 100 }, () => c.random());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    expect(xa.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('accepts any finite seed and rejects non-finite ones', () => {
    expect(new Rng(-1).random()).not.toBe(new Rng(1).random());
    expect(new Rng(0.5).random()).not.toBe(new Rng(0).random());
    expect(() => new Rng(NaN)).toThrow(RangeError);
  });

  it('deriveSeed separates labels and seeds deterministically', () => {
    expect(deriveSeed(0, 'a')).toBe(deriveSeed(0, 'a'));
    expect(deriveSeed(0, 'a')).not.toBe(deriveSeed(0, 'b'));
    expect(deriveSeed(0, 'a')).not.toBe(deriveSeed(1, 'a'));
    expect(Number.isSafeInteger(deriveSeed(123456789, 'paired-confusion'))).toBe(true);
  });

  it('uniform doubles have the right moments', () => {
    const r = new Rng(7);
    const N = 200000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const u = r.random();
      s += u;
      s2 += u * u;
    }
    expect(Math.abs(s / N - 0.5)).toBeLessThan(0.003);
    expect(Math.abs(s2 / N - 1 / 3)).toBeLessThan(0.003);
  });

  it('int(n) covers [0, n) uniformly', () => {
    const r = new Rng(3);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70000; i++) counts[r.int(7)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(450);
  });

  it('normal() has mean 0 and variance 1', () => {
    const r = new Rng(11);
    const N = 200000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < N; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / N)).toBeLessThan(0.01);
    expect(Math.abs(s2 / N - 1)).toBeLessThan(0.015);
  });

  it.each([
    [5, 0.3],
    [100, 0.05],
    [40, 0.5],
    [1000, 0.3],
    [50, 0.9],
    [100000, 0.5],
    [1000000, 0.001],
  ])('binomial(%d, %d) passes a chi-square goodness-of-fit test', (n, p) => {
    const r = new Rng(n + Math.round(p * 1000));
    const draws = Array.from({ length: 40000 }, () => r.binomial(n, p));
    const [stat, crit] = chiSquare(draws, (k) => binomialPmf(k, n, p), n);
    expect(stat).toBeLessThan(crit);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt((n * p * (1 - p)) / draws.length) + 1e-9);
  });

  it('binomial edge cases', () => {
    const r = new Rng(1);
    expect(r.binomial(0, 0.5)).toBe(0);
    expect(r.binomial(10, 0)).toBe(0);
    expect(r.binomial(10, 1)).toBe(10);
  });

  it('multinomial draws sum to n, leave empty cells empty, and have the right means', () => {
    const r = new Rng(5);
    const w = [0, 500, 300, 0, 150, 50];
    const out = new Float64Array(w.length);
    const sums = new Array(w.length).fill(0);
    const R = 20000;
    for (let i = 0; i < R; i++) {
      r.multinomial(1000, w, out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(1000);
      expect(out[0]).toBe(0);
      expect(out[3]).toBe(0);
      out.forEach((v, j) => (sums[j] += v));
    }
    for (let j = 0; j < w.length; j++) {
      const p = w[j] / 1000;
      const sd = Math.sqrt((1000 * p * (1 - p)) / R);
      expect(Math.abs(sums[j] / R - 1000 * p)).toBeLessThan(5 * sd + 1e-12);
    }
  });
});
