/**
 * Regression metrics, as scikit-learn 1.2 computes them (r2 with `force_finite=True`, mape with its
 * machine-epsilon guard).
 */
import type { MetricPoint } from './types.js';
import { compensatedSum, point, undef } from './numeric.js';

/** sklearn's mape guard: |y − ŷ| / max(|y|, eps). */
export const MAPE_EPS = 2.220446049250313e-16;

/** Metric names of the regression task, in report order. */
export const REGRESSION_METRICS = ['mae', 'mse', 'rmse', 'r2', 'mape', 'max_error'] as const;

/** Per-example values of the regression mean metrics. */
export function regressionPerExample(
  name: 'mae' | 'mse' | 'mape',
  yTrue: Float64Array,
  yPred: Float64Array,
  n: number,
): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = yTrue[i] - yPred[i];
    if (name === 'mae') out[i] = Math.abs(e);
    else if (name === 'mse') out[i] = e * e;
    else out[i] = Math.abs(yPred[i] - yTrue[i]) / Math.max(Math.abs(yTrue[i]), MAPE_EPS);
  }
  return out;
}

/** Every regression metric. */
export function regressionMetrics(
  yTrue: Float64Array,
  yPred: Float64Array,
  n: number,
): Record<string, MetricPoint> {
  const out: Record<string, MetricPoint> = {};
  if (n === 0) {
    for (const name of REGRESSION_METRICS) out[name] = undef('no examples', 0);
    return out;
  }
  const mean = (a: Float64Array) => compensatedSum(a)[0] / n;
  const abs = regressionPerExample('mae', yTrue, yPred, n);
  const sq = regressionPerExample('mse', yTrue, yPred, n);
  const mse = mean(sq);
  out.mae = point(mean(abs), n);
  out.mse = point(mse, n);
  out.rmse = point(Math.sqrt(mse), n);
  if (n < 2) {
    out.r2 = undef('r2 needs at least two examples', n);
  } else {
    const numerator = compensatedSum(sq)[0];
    let lo = yTrue[0];
    let hi = yTrue[0];
    for (let i = 1; i < n; i++) {
      if (yTrue[i] < lo) lo = yTrue[i];
      if (yTrue[i] > hi) hi = yTrue[i];
    }
    // A constant target has zero variance by definition; testing it directly keeps rounding in the mean
    // from turning "constant" into a tiny denominator and an enormous negative r2.
    let denominator = 0;
    if (lo !== hi) {
      const m = mean(yTrue);
      const dev = new Float64Array(n);
      for (let i = 0; i < n; i++) dev[i] = (yTrue[i] - m) * (yTrue[i] - m);
      denominator = compensatedSum(dev)[0];
    }
    // force_finite: perfect predictions → 1, constant target with errors → 0.
    const r2 = numerator === 0 ? 1 : denominator === 0 ? 0 : 1 - numerator / denominator;
    out.r2 = point(r2, n);
  }
  out.mape = point(mean(regressionPerExample('mape', yTrue, yPred, n)), n);
  let maxErr = 0;
  for (let i = 0; i < n; i++) if (abs[i] > maxErr) maxErr = abs[i];
  out.max_error = point(maxErr, n);
  return out;
}
