import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clusteredMarginTest,
  minimumDetectableEffect,
  pairedProportionMarginTest,
  randomizationMarginTest,
  replicateMarginTest,
  tangoScore,
  tMarginTest,
  zMarginTest,
} from '../../src/stats/margin.js';
import { normalQuantile } from '../../src/stats/index.js';
import { expectClose, fixture } from './helpers.js';

const ref = fixture('margin.json');

describe('paired t with a margin vs scipy.stats.ttest_1samp(popmean=t, alternative="greater")', () => {
  it('p and the one-sided bound match scipy', () => {
    for (const c of ref.ttest) {
      const r = tMarginTest(c.w, c.t, c.alpha);
      expectClose(r.p, c.p, 1e-9);
      // SciPy 1.10's t.ppf is good to ~4e-10 only (docs/statistics.md, numerical accuracy).
      expectClose(r.bound, c.bound, 1e-8);
    }
  });

  it('constant worsening: exact (p 0 above t, 1 at or below it)', () => {
    expect(tMarginTest([0.02, 0.02, 0.02], 0.01, 0.05).p).toBe(0);
    expect(tMarginTest([0.01, 0.01], 0.01, 0.05).p).toBe(1);
    expect(tMarginTest([0.3], 0, 0.05).p).toBeNull();
  });
});

describe('paired proportions', () => {
  it('t = 0: exact McNemar p (scipy binomtest) and the sign-flip bound', () => {
    for (const c of ref.mcnemar) {
      const r = pairedProportionMarginTest(c.lost, c.gained, c.n, 0, c.alpha);
      expectClose(r.p, c.p, 1e-9);
      if (c.bound === null) expect(r.bound).toBe(-Infinity);
      else expectClose(r.bound, c.bound, 1e-12, 1e-15);
    }
  });

  it("t > 0: Tango's score statistic equals the one from a numerically found restricted MLE", () => {
    for (const c of ref.tango) {
      expectClose(tangoScore(c.lost, c.gained, c.n, c.delta), c.z, 1e-6, 1e-7);
      expectClose(pairedProportionMarginTest(c.lost, c.gained, c.n, c.delta, 0.05).p, c.p, 1e-6, 1e-7);
    }
  });

  it('p < α exactly when the bound is beyond t (property, both branches)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom(0, 0.005, 0.01, 0.02, 0.05),
        fc.constantFrom(0.01, 0.05, 0.1),
        (lost, gained, extra, t, alpha) => {
          const n = lost + gained + extra;
          fc.pre(n > 0);
          const r = pairedProportionMarginTest(lost, gained, n, t, alpha);
          // Away from the boundary itself (bisection tolerance), the two must agree.
          fc.pre(Math.abs((r.bound as number) - t) > 1e-9);
          return r.p! < alpha === r.bound! > t;
        },
      ),
      { numRuns: 400 },
    );
  });

  it('n = 40, 4 flips all one way: p = 1/16, not significant at 5%', () => {
    const r = pairedProportionMarginTest(4, 0, 40, 0, 0.05);
    expect(r.p).toBe(0.0625);
    expect(r.bound).toBeLessThanOrEqual(0);
  });
});

describe('cluster-robust t (CR1, C − 1 df) vs statsmodels OLS cov_type="cluster", use_t=True', () => {
  it('se, p and bound match', () => {
    for (const c of ref.clustered) {
      const r = clusteredMarginTest(c.w, c.cluster, c.t, 0.05);
      expectClose(r.se, c.se, 1e-9);
      expect(r.df).toBe(c.df);
      expectClose(r.p, c.p, 1e-8);
      expectClose(r.bound, c.bound, 1e-8);
    }
  });

  it('one cluster gives no test', () => {
    expect(clusteredMarginTest([0.1, 0.2], ['a', 'a'], 0, 0.05).p).toBeNull();
  });
});

describe('z with a margin (DeLong, unpaired)', () => {
  it('p = 1 − Φ((w − t)/se); a zero standard error is no test, not p = 0', () => {
    const r = zMarginTest(0.03, 0.01, 0.01, 0.05);
    expectClose(r.p, 0.022750131948179195, 1e-12);
    expectClose(r.bound, 0.03 - normalQuantile(0.95) * 0.01, 1e-14);
    const zero = zMarginTest(0.03, 0, 0, 0.05);
    expect(zero.p).toBeNull();
    expect(zero.reason).toMatch(/standard error/);
  });
});

describe('replicate (bootstrap) and randomization margin tests', () => {
  it('bootstrap: p = (1 + #{w* ≤ t})/(B + 1) and p < α ⇔ bound > t', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.constantFrom(0.01, 0.05, 0.2),
        (reps, t, alpha) => {
          const r = replicateMarginTest(reps, t, alpha);
          const le = reps.filter((v) => v <= t).length;
          if (Math.abs(r.p! - (1 + le) / (reps.length + 1)) > 1e-15) return false;
          return r.p! < alpha === r.bound! > t;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('randomization: p = P(w* ≥ w − t), consistent with its bound (exact and sampled)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        fc.constantFrom(0.05, 0.2),
        (vals, obs, t, exact, alpha) => {
          const values = vals.map((v) => v / 100);
          const weights = exact ? values.map(() => 1 / values.length) : null;
          const r = randomizationMarginTest(obs / 100, values, weights, t / 100, alpha);
          const ge = values.filter((v) => v >= obs / 100 - t / 100 - 1e-12).length;
          const p = exact ? ge / values.length : (1 + ge) / (values.length + 1);
          if (Math.abs(r.p! - p) > 1e-12) return false;
          fc.pre(Math.abs(r.bound! - t / 100) > 1e-9);
          return r.p! < alpha === r.bound! > t / 100;
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('minimum detectable effect', () => {
  it('(z₀.₉₅ + z₀.₈)·se for one-sided 5% and 80% power; t quantiles with df', () => {
    expectClose(minimumDetectableEffect(0.01, 0.05), (1.6448536269514722 + 0.8416212335729143) * 0.01, 1e-12);
    expect(minimumDetectableEffect(0.01, 0.05, 0.8, 5)!).toBeGreaterThan(
      minimumDetectableEffect(0.01, 0.05)!,
    );
    expect(minimumDetectableEffect(null, 0.05)).toBeNull();
  });
});
