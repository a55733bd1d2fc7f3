import { describe, expect, it } from 'vitest';
import {
  clusteredStderr,
  meanStats,
  pairedProportionCi,
  percentileInterval,
  quantileSorted,
  waldInterval,
  wilsonInterval,
  Z975,
} from '../../src/stats/index.js';
import { expectClose, fixture } from './helpers.js';

const ref = fixture('intervals.json');

describe('mean, CLT standard error', () => {
  it('matches numpy std(ddof=1)/sqrt(n) and scipy.stats.sem', () => {
    for (const c of ref.mean) {
      const s = meanStats(c.x);
      expectClose(s.mean, c.mean, 1e-12);
      expectClose(s.sd, c.sd, 1e-12);
      expectClose(s.se, c.se, 1e-12);
      expectClose(s.se, c.sem, 1e-12);
    }
  });

  it('skips NaN and is undefined below two values', () => {
    const s = meanStats([1, NaN, 3]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(2);
    expectClose(s.se, 1, 1e-15);
    expect(meanStats([5]).se).toBeNaN();
    expect(meanStats([]).n).toBe(0);
  });

  it('is exact on constant data (no rounding residue)', () => {
    expect(meanStats(new Array(1000).fill(0.1)).sd).toBe(0);
  });

  it('waldInterval is estimate ± 1.959964·se', () => {
    expect(waldInterval(0.5, 0.1)).toEqual([0.5 - Z975 * 0.1, 0.5 + Z975 * 0.1]);
    expectClose(Z975, ref.z975, 1e-15);
  });
});

describe('Wilson score interval', () => {
  it('matches the closed form', () => {
    for (const [k, n, lo, hi] of ref.wilson) {
      const [a, b] = wilsonInterval(k, n);
      expectClose(a, lo, 1e-12, 1e-15);
      expectClose(b, hi, 1e-12, 1e-15);
    }
  });

  it('textbook value: 81 of 263 → [0.2553, 0.3662] (Brown, Cai & DasGupta style example)', () => {
    const [lo, hi] = wilsonInterval(81, 263);
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
  });

  it('stays inside [0, 1] and is non-degenerate at 0% and 100%', () => {
    const [lo0, hi0] = wilsonInterval(0, 20);
    expect(lo0).toBe(0);
    expect(hi0).toBeGreaterThan(0.1);
    const [lo1, hi1] = wilsonInterval(20, 20);
    expect(hi1).toBe(1);
    expect(lo1).toBeLessThan(0.9);
  });
});

describe('clustered standard error (Miller 2024, Appendix A)', () => {
  it('matches the explicit double sum over pairs within clusters', () => {
    for (const c of fixture('clustered.json').cases)
      expectClose(clusteredStderr(c.x, c.cluster), c.se, 1e-12);
  });

  it('equals sqrt(Σ(x − x̄)²)/n with singleton clusters', () => {
    const x = [1, 0, 1, 1, 0, 1, 0, 0, 1, 1];
    const ids = x.map((_, i) => String(i));
    const m = x.reduce((a, b) => a + b, 0) / x.length;
    const ss = x.reduce((a, b) => a + (b - m) ** 2, 0);
    expectClose(clusteredStderr(x, ids), Math.sqrt(ss) / x.length, 1e-15);
  });

  it('is larger than the naive SE when clusters are internally correlated', () => {
    const x: number[] = [];
    const c: string[] = [];
    for (let g = 0; g < 50; g++) {
      const v = g % 2;
      for (let i = 0; i < 10; i++) {
        x.push(v);
        c.push(`g${g}`);
      }
    }
    expect(clusteredStderr(x, c)).toBeGreaterThan(2.5 * meanStats(x).se);
  });
});

describe('paired proportions and quantiles', () => {
  it('Wald interval of the paired difference matches the closed form', () => {
    for (const [n01, n10, m, lo, hi] of ref.paired_proportion_wald) {
      const ci = pairedProportionCi(n01, n10, m)!;
      expectClose(ci[0], lo, 1e-12, 1e-15);
      expectClose(ci[1], hi, 1e-12, 1e-15);
    }
    expect(pairedProportionCi(0, 0, 0)).toBeNull();
  });

  it('quantileSorted is numpy linear interpolation (type 7)', () => {
    const s = [1, 2, 3, 4];
    expect(quantileSorted(s, 0)).toBe(1);
    expect(quantileSorted(s, 1)).toBe(4);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expectClose(quantileSorted(s, 0.025), 1.075, 1e-15);
    expect(quantileSorted([7], 0.3)).toBe(7);
    expect(quantileSorted([], 0.3)).toBeNaN();
  });

  it('percentileInterval drops NaN', () => {
    const v = Array.from({ length: 101 }, (_, i) => i);
    v.push(NaN);
    const ci = percentileInterval(v)!;
    expect(ci[0]).toBeCloseTo(2.5, 12);
    expect(ci[1]).toBeCloseTo(97.5, 12);
    expect(percentileInterval([NaN])).toBeNull();
  });
});
