import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { delongPaired, delongVariance, normalCdf, placements } from '../../src/stats/index.js';
import { expectClose, fixture } from './helpers.js';

describe('DeLong (Sun & Xu fast algorithm) vs the O(m·n) kernel', () => {
  const cases = fixture('delong.json').cases;

  it('AUC equals the kernel mean and sklearn roc_auc_score, ties included', () => {
    for (const c of cases) {
      const a = placements(c.s1, c.labels);
      expectClose(a.auc, c.auc1, 1e-14);
      expectClose(a.auc, c.auc1_sklearn, 1e-12);
    }
  });

  it('variance of one AUC and the paired covariance match', () => {
    for (const c of cases) {
      const a = placements(c.s1, c.labels);
      const b = placements(c.s2, c.labels);
      expectClose(delongVariance(a).variance, c.var1, 1e-9);
      const r = delongPaired(a, b);
      expectClose(r.var1, c.var1, 1e-9);
      expectClose(r.var2, c.var2, 1e-9);
      expectClose(r.covariance, c.cov, 1e-9, 1e-15);
      expectClose(r.varianceOfDifference, c.var_diff, 1e-9, 1e-15);
      expectClose(normalCdf((r.auc2 - r.auc1) / Math.sqrt(r.varianceOfDifference)), c.p_worse, 1e-9);
    }
  });

  it('placement values are aligned with the input order of positives and negatives', () => {
    const p = placements([0.9, 0.1, 0.4, 0.8, 0.3], [1, 0, 1, 0, 0]);
    expect(p.m).toBe(2);
    expect(p.n).toBe(3);
    // positive 0.9 beats all 3 negatives; positive 0.4 beats 0.1 and 0.3
    expect(Array.from(p.v10)).toEqual([1, 2 / 3]);
    // negatives 0.1, 0.8, 0.3: share of positives above them
    expect(Array.from(p.v01)).toEqual([1, 0.5, 1]);
    expectClose(p.auc, 5 / 6, 1e-15);
  });

  it('identical score vectors have zero variance of the difference', () => {
    const c = cases[2];
    const a = placements(c.s1, c.labels);
    const r = delongPaired(a, placements(c.s1, c.labels));
    expect(r.varianceOfDifference).toBeCloseTo(0, 15);
  });

  it('undefined with fewer than two of a class', () => {
    expect(placements([0.1, 0.2], [0, 0]).auc).toBeNaN();
    expect(delongVariance(placements([0.1, 0.2, 0.3], [1, 0, 0])).variance).toBeNaN();
  });
});

describe('placements: bucketed rank look-ups equal the pairwise kernel', () => {
  /** V10/V01 by the O(m·n) definition, in input order. */
  function kernel(score: number[], pos: number[]): { v10: number[]; v01: number[] } {
    const P = score.filter((_, i) => pos[i]);
    const N = score.filter((_, i) => !pos[i]);
    const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
    return {
      v10: P.map((x) => N.reduce((s, y) => s + psi(x, y), 0) / N.length),
      v01: N.map((y) => P.reduce((s, x) => s + psi(x, y), 0) / P.length),
    };
  }
  // Scores drawn from a small pool (long tie runs), a clustered range (most buckets empty), the full
  // double range with ±Infinity and signed zeros (no finite bucket scale).
  const pools = {
    ties: fc.constantFrom(0, 0.25, 0.5, 1),
    clustered: fc.oneof(fc.double({ min: 0, max: 1e-9, noNaN: true }), fc.constantFrom(0.999999, 1)),
    wide: fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(-0, 0, Infinity, -Infinity)),
    spread: fc.double({ min: 0, max: 1, noNaN: true }),
  };
  for (const [name, pool] of Object.entries(pools)) {
    it(`${name} scores`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(pool, fc.boolean()), { minLength: 2, maxLength: 60 }), (rows) => {
          const score = rows.map((r) => r[0]);
          const pos = rows.map((r) => (r[1] ? 1 : 0));
          fc.pre(pos.includes(1) && pos.includes(0));
          const p = placements(score, pos);
          const k = kernel(score, pos);
          expect(Array.from(p.v10)).toEqual(k.v10);
          expect(Array.from(p.v01)).toEqual(k.v01);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('thousands of scores: crowded buckets (sorted and searched) beside sparse ones (scanned)', () => {
    const rng = (seed: number) => () => (seed = (Math.imul(seed, 48271) + 11) >>> 0) / 2 ** 32;
    const r = rng(5);
    const score: number[] = [];
    const pos: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const u = r();
      // A third in a range a millionth of the whole (one bucket), a third on a 0.01 grid (ties), a third spread.
      score.push(u < 1 / 3 ? r() * 1e-6 : u < 2 / 3 ? Math.round(r() * 100) / 100 : r());
      pos.push(r() < 0.3 ? 1 : 0);
    }
    const p = placements(score, pos);
    const k = kernel(score, pos);
    expect(Array.from(p.v10)).toEqual(k.v10);
    expect(Array.from(p.v01)).toEqual(k.v01);
  });
});
