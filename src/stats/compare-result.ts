/** The TestResult shape shared by every paired and unpaired comparison of compare.ts. */
import type { Direction, TestResult } from '../types.js';
import type { MarginTest } from './margin.js';

/** Options of the margin tests shared by every comparison. */
export interface TestSetup {
  alpha: number;
  tolerance: (name: string) => number;
  direction: (name: string) => Direction;
}

/**
 * A TestResult from a margin test on the worsening scale: the bound is turned back into a bound on
 * current − baseline (an upper bound when higher is better).
 */
export function marginResult(
  method: string,
  paired: boolean,
  mt: MarginTest,
  direction: Direction,
  t: number,
  alpha: number,
  ciDelta: [number, number] | null,
): TestResult {
  const sign = direction === 'higher' ? -1 : 1;
  const r: TestResult = {
    method,
    paired,
    p_value: mt.p,
    ci_delta: mt.p === null ? null : ciDelta,
    tolerance: t,
    bound: mt.bound === null ? null : mt.bound === -Infinity ? null : sign * mt.bound,
    alpha,
    se: mt.se,
  };
  if (mt.df !== undefined) r.df = mt.df;
  if (mt.min_p !== undefined) r.min_p = mt.min_p;
  if (mt.reason) r.reason = mt.reason;
  return r;
}

/** Two-sided 95% interval of current − baseline from a worsening interval [lo, hi]. */
export function deltaInterval(lo: number, hi: number, direction: Direction): [number, number] {
  return direction === 'higher' ? [-hi, -lo] : [lo, hi];
}
