import { describe, expect, it } from 'vitest';
import {
  bootstrapPValue,
  mcnemarExact,
  normalCdf,
  pairedClusteredTest,
  pairedTTest,
  zTestWorse,
} from '../../src/stats/index.js';
import { expectClose, fixture } from './helpers.js';

describe('exact McNemar (one-sided)', () => {
  it('p = P(X ≥ b), X ~ Binomial(b + c, ½), as scipy binomtest(alternative="greater")', () => {
    for (const [k, n, p] of fixture('binomial.json').binomtest_greater_half) {
      if (n === 0) continue;
      expectClose(mcnemarExact(k, n - k), p);
    }
  });

  it('textbook: b = 90 lost, c = 50 gained → p ≈ 0.00046; an improvement gives p near 1', () => {
    expectClose(mcnemarExact(90, 50), 0.0004565564370007889, 1e-9);
    expect(mcnemarExact(50, 90)).toBeGreaterThan(0.999);
    expect(mcnemarExact(0, 0)).toBe(1);
  });
});

describe('paired t test (one-sided) vs scipy.stats.ttest_rel', () => {
  const cases = fixture('student-t.json').ttest_rel;

  it('higher-is-better: p = ttest_rel(cur, base, alternative="less"), CI = mean ± t₀.₉₇₅·se', () => {
    for (const c of cases) {
      const d = c.cur.map((v: number, i: number) => v - c.base[i]);
      const r = pairedTTest(d, 'higher');
      expectClose(r.mean, c.mean, 1e-9, 1e-15);
      expectClose(r.se, c.se, 1e-9);
      expectClose(r.p, c.p_less, 1e-9);
      expectClose(r.ci![0], c.ci[0], 1e-9, 1e-12);
      expectClose(r.ci![1], c.ci[1], 1e-9, 1e-12);
    }
  });

  it('lower-is-better: p = ttest_rel(cur, base, alternative="greater")', () => {
    for (const c of cases) {
      const d = c.cur.map((v: number, i: number) => v - c.base[i]);
      expectClose(pairedTTest(d, 'lower').p, c.p_greater, 1e-9);
    }
  });

  it('degenerate inputs', () => {
    expect(pairedTTest([0.5], 'higher').p).toBeNull();
    expect(pairedTTest([-1, -1, -1], 'higher').p).toBe(0);
    expect(pairedTTest([-1, -1, -1], 'lower').p).toBe(1);
    expect(pairedTTest([0, 0, 0], 'higher').p).toBe(1);
    expect(pairedTTest([1, NaN, 2, 3], 'higher').n).toBe(3);
  });
});

describe('z tests', () => {
  it('zTestWorse is one-sided in the bad direction', () => {
    expectClose(zTestWorse(-1.959963984540054, 1, 'higher'), 0.025, 1e-13);
    expectClose(zTestWorse(1.959963984540054, 1, 'lower'), 0.025, 1e-13);
    expect(zTestWorse(2, 1, 'higher')!).toBeGreaterThan(0.97);
    expect(zTestWorse(1, 0, 'higher')).toBeNull();
  });

  it('clustered paired test uses the clustered SE', () => {
    const d = [-1, -1, 0, 0, 1, -1, -1, -1];
    const cl = ['a', 'a', 'b', 'b', 'c', 'd', 'd', 'd'];
    const r = pairedClusteredTest(d, cl, 'higher');
    const mean = -0.5;
    const sums = [-1 - 1 + 1, 0 + 1, 1.5, -1.5];
    const se = Math.sqrt(sums.reduce((a, s) => a + s * s, 0)) / 8;
    expectClose(r.mean, mean, 1e-15);
    expectClose(r.se, se, 1e-14);
    expectClose(r.p, normalCdf(mean / se), 1e-12);
  });
});

describe('bootstrap p-value', () => {
  it('is (1 + #not worse)/(B + 1), ties count as not worse, NaN skipped', () => {
    expect(bootstrapPValue([-0.1, -0.2, 0, 0.1, NaN], 'higher')).toBe((1 + 2) / 5);
    expect(bootstrapPValue([-0.1, -0.2, 0, 0.1], 'lower')).toBe((1 + 3) / 5);
    expect(bootstrapPValue([NaN], 'lower')).toBeNull();
    expect(bootstrapPValue(new Array(99).fill(-1), 'higher')).toBe(0.01);
  });
});
