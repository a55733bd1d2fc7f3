/**
 * Statistics of pre-scored metrics (per-example scores read from an eval tool's sample logs): the mean
 * with its error bar, and the paired one-sided test between two runs matched by example id.
 */
import type { Direction, MetricValue, ScoreColumn, TestResult } from '../types.js';
import { Z975 } from './distributions.js';
import { marginResult, proportionInterval } from './compare.js';
import { pairedTTest } from './hypothesis.js';
import { pairedProportionMarginTest, tMarginTest } from './margin.js';
import { meanStats, wilsonInterval } from './intervals.js';
import { matchIds } from './pairing.js';
import { WILSON_BELOW_N } from './error-bars.js';

const isBinary = (values: ArrayLike<number>) => {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
};

/** Mean of per-example scores with CLT stderr; Wilson interval for 0/1 scores when n < 100 or at 0/1. */
export function scoreMetric(values: ArrayLike<number>): MetricValue {
  const s = meanStats(values);
  if (s.n === 0) return { value: null, n: 0, stderr: null, ci: null, undefined: 'no examples' };
  const se = Number.isFinite(s.se) ? s.se : null;
  if (isBinary(values) && (s.n < WILSON_BELOW_N || s.mean === 0 || s.mean === 1)) {
    const successes = Math.round(s.mean * s.n);
    return { value: s.mean, n: s.n, stderr: se, ci: wilsonInterval(successes, s.n), method: 'wilson' };
  }
  return {
    value: s.mean,
    n: s.n,
    stderr: se,
    ci: se === null ? null : [s.mean - Z975 * se, s.mean + Z975 * se],
    method: 'clt',
  };
}

/** How many ids the two columns share, and the pairs' values. */
export function pairScores(
  base: ScoreColumn,
  cur: ScoreColumn,
): { b: Float64Array; c: Float64Array; overlap: number } {
  const { bi, ci } = matchIds(base.ids, cur.ids);
  const b = new Float64Array(bi.length);
  const c = new Float64Array(ci.length);
  for (let k = 0; k < bi.length; k++) {
    b[k] = base.values[bi[k]];
    c[k] = cur.values[ci[k]];
  }
  return { b, c, overlap: bi.length };
}

/**
 * Paired one-sided margin test of per-example scores (H0: worse by at most t): exact McNemar (t = 0) or
 * Tango's score test (t > 0) when every score is 0/1, else a paired t test on the worsening shifted by
 * t. Null when the runs share fewer than two ids.
 */
export function compareScores(
  base: ScoreColumn,
  cur: ScoreColumn,
  direction: Direction,
  t: number = 0,
  alpha: number = 0.05,
): TestResult | null {
  const { b, c, overlap } = pairScores(base, cur);
  if (overlap < 2) return null;
  t = Math.max(0, t);
  if (isBinary(b) && isBinary(c)) {
    let gained = 0;
    let lost = 0;
    for (let k = 0; k < overlap; k++) {
      if (b[k] === 0 && c[k] === 1) gained++;
      else if (b[k] === 1 && c[k] === 0) lost++;
    }
    const worse = direction === 'higher' ? lost : gained;
    const better = direction === 'higher' ? gained : lost;
    const mt = pairedProportionMarginTest(worse, better, overlap, t, alpha);
    const method = t > 0 ? 'paired-proportion-score' : 'mcnemar-exact';
    return marginResult(
      method,
      true,
      mt,
      direction,
      t,
      alpha,
      proportionInterval(worse, better, overlap, direction),
    );
  }
  const d = new Float64Array(overlap);
  const w = new Float64Array(overlap);
  for (let k = 0; k < overlap; k++) {
    d[k] = c[k] - b[k];
    w[k] = direction === 'higher' ? -d[k] : d[k];
  }
  const two = pairedTTest(d, direction);
  return marginResult('paired-t', true, tMarginTest(w, t, alpha), direction, t, alpha, two.ci);
}
