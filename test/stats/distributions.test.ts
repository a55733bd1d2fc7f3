import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  binomialPmf,
  binomialSf,
  lbeta,
  lgamma,
  normalCdf,
  normalPdf,
  normalQuantile,
  normalSf,
  studentTCdf,
  studentTQuantile,
  Z975,
} from '../../src/stats/index.js';
import { expectClose, fixture } from './helpers.js';

describe('normal distribution vs scipy.stats.norm', () => {
  const ref = fixture('normal.json');

  it('cdf matches to 1e-9 relative over [-37.5, 8.25], including the far lower tail', () => {
    for (const [x, v] of ref.cdf) expectClose(normalCdf(x), v);
  });

  it('cdf is accurate to ~1e-15 relative in the body', () => {
    // Beyond |x| ≈ 5 the function's own condition number (|x|·ulp(x)) exceeds 1e-15 for any implementation.
    for (const [x, v] of ref.cdf) if (x > -5 && x < 3) expectClose(normalCdf(x), v, 5e-15);
  });

  it('sf matches, accurate in the upper tail', () => {
    for (const [x, v] of ref.sf) expectClose(normalSf(x), v);
  });

  it('pdf matches', () => {
    for (const [x, v] of ref.pdf) expectClose(normalPdf(x), v);
  });

  it('quantile matches from 1e-300 to 1 - 1e-10, ~1e-15 in the body', () => {
    for (const [p, v] of ref.ppf)
      expectClose(normalQuantile(p), v, p > 1e-20 && p < 0.999 ? 2e-15 : 1e-9, 1e-15);
  });

  it('quantile inverts cdf and handles the edges', () => {
    for (const p of [1e-12, 0.001, 0.2, 0.5, 0.8, 0.999]) expectClose(normalCdf(normalQuantile(p)), p, 1e-13);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalCdf(NaN)).toBeNaN();
    expect(normalQuantile(0.5)).toBe(0);
    expectClose(Z975, normalQuantile(0.975), 1e-15);
  });
});

describe('binomial distribution vs scipy.stats', () => {
  const ref = fixture('binomial.json');

  it('upper tail = scipy.stats.binomtest(k, n, 0.5, alternative="greater"), n up to 600,000', () => {
    for (const [k, n, p] of ref.binomtest_greater_half) {
      const got = n === 0 ? 1 : binomialSf(k, n, 0.5);
      expectClose(got, p);
    }
  });

  it('sf, cdf and pmf for p != 1/2', () => {
    for (const [k, n, p, sf, cdf, pmf] of ref.binom) {
      expectClose(binomialSf(k, n, p), sf);
      expectClose(binomialCdf(k, n, p), cdf);
      expectClose(binomialPmf(k, n, p), pmf);
    }
  });

  it('edges', () => {
    expect(binomialSf(0, 10, 0.3)).toBe(1);
    expect(binomialSf(11, 10, 0.3)).toBe(0);
    expect(binomialCdf(10, 10, 0.3)).toBe(1);
    expect(binomialCdf(-1, 10, 0.3)).toBe(0);
    expectClose(binomialPmf(0, 4, 0.5), 1 / 16, 1e-15);
    expectClose(binomialPmf(4, 4, 0.5), 1 / 16, 1e-15);
  });

  it('pmf sums to 1', () => {
    let s = 0;
    for (let k = 0; k <= 300; k++) s += binomialPmf(k, 300, 0.37);
    expectClose(s, 1, 1e-13);
  });
});

describe('Student t distribution', () => {
  const ref = fixture('student-t.json');

  it('cdf matches scipy.stats.t.cdf', () => {
    for (const [t, df, v] of ref.cdf) expectClose(studentTCdf(t, df), v);
  });

  it('quantile matches 40-digit mpmath roots', () => {
    expect(ref.ppf_mpmath.length).toBeGreaterThan(5);
    for (const [p, df, v] of ref.ppf_mpmath) expectClose(studentTQuantile(p, df), v, 1e-12);
  });

  it('tends to the normal for large df and handles edges', () => {
    expectClose(studentTCdf(-1.5, Infinity), normalCdf(-1.5), 1e-15);
    expect(studentTCdf(0, 5)).toBe(0.5);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expectClose(studentTQuantile(0.975, 1), 12.706204736174696, 1e-12);
  });
});

describe('gamma and beta functions', () => {
  it('lgamma and lbeta agree with known values', () => {
    expectClose(lgamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    expectClose(lgamma(10), Math.log(362880), 1e-14);
    expectClose(lgamma(100), 359.1342053695754, 1e-14);
    expectClose(lbeta(3, 4), Math.log(1 / 60), 1e-14);
    // log B(a, ½) ≈ log √π − ½ log a + 1/(8a) for large a (terms beyond are < 1e-17)
    expectClose(lbeta(5e5, 0.5), -5.988816495777464, 1e-13);
  });
});
