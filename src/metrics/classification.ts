/**
 * Confusion-matrix metrics of binary and multiclass classification, as scikit-learn computes them with
 * `zero_division=0`. Everything is derived from one k × k count matrix so that the same numbers come out
 * of `computeMetrics` and of resampled/paired confusion counts.
 */
import type { Dataset, MetricPoint } from './types.js';
import { divide, fScore, point, undef } from './numeric.js';
import { BINARY_CONFUSION, MULTICLASS_CONFUSION } from './spec.js';

const NO_EXAMPLES = 'no examples';

/** k × k confusion counts (row = true class, column = predicted), for binary/multiclass. */
export function confusionCounts(ds: Dataset): { k: number; counts: Float64Array } {
  if ((ds.task !== 'binary' && ds.task !== 'multiclass') || !ds.yTrue || !ds.yPred) {
    throw new Error(`confusionCounts: task ${ds.task} has no confusion matrix`);
  }
  const k = ds.classes.length;
  const counts = new Float64Array(k * k);
  const yTrue = ds.yTrue;
  const yPred = ds.yPred;
  for (let i = 0; i < ds.n; i++) counts[yTrue[i] * k + yPred[i]]++;
  return { k, counts };
}

/** sklearn's F-beta (beta = 1) from precision and recall: 0 when both are 0. */
/**
 * Confusion-matrix metrics (kind `confusion`) from counts; same names and values as computeMetrics.
 *
 * Classes with neither true nor predicted examples are ignored, which is sklearn's `labels=None` (the
 * labels present in y_true ∪ y_pred): a slice or resample is scored as if it were its own dataset.
 */
export function metricsFromConfusion(
  counts: Float64Array,
  k: number,
  task: 'binary' | 'multiclass',
  posIndex?: number,
): Record<string, MetricPoint> {
  if (counts.length !== k * k)
    throw new Error(`metricsFromConfusion: expected ${k * k} counts, got ${counts.length}`);
  if (task === 'binary' && (posIndex === undefined || posIndex < 0 || posIndex >= k)) {
    throw new Error('metricsFromConfusion: binary task needs posIndex');
  }
  const rowSum = new Float64Array(k);
  const colSum = new Float64Array(k);
  let n = 0;
  let trace = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = counts[i * k + j];
      rowSum[i] += c;
      colSum[j] += c;
      n += c;
    }
    trace += counts[i * k + i];
  }
  const names = task === 'binary' ? BINARY_CONFUSION : MULTICLASS_CONFUSION;
  const out: Record<string, MetricPoint> = {};
  if (n === 0) {
    for (const name of names) out[name] = undef(NO_EXAMPLES, 0);
    return out;
  }

  out.accuracy = point(trace / n, n);

  // balanced_accuracy: mean recall over classes that have true examples (sklearn drops the NaN recalls).
  let recallSum = 0;
  let withTrue = 0;
  for (let c = 0; c < k; c++) {
    if (rowSum[c] > 0) {
      recallSum += counts[c * k + c] / rowSum[c];
      withTrue++;
    }
  }
  out.balanced_accuracy = point(recallSum / withTrue, n);

  if (task === 'binary') {
    const p = posIndex!;
    const tp = counts[p * k + p];
    const precision = divide(tp, colSum[p]);
    const recall = divide(tp, rowSum[p]);
    out.precision = point(precision, n);
    out.recall = point(recall, n);
    out.f1 = point(fScore(precision, recall), n);
  } else {
    let present = 0;
    let pMacro = 0;
    let rMacro = 0;
    let fMacro = 0;
    let pWeighted = 0;
    let rWeighted = 0;
    let fWeighted = 0;
    for (let c = 0; c < k; c++) {
      if (rowSum[c] === 0 && colSum[c] === 0) continue;
      present++;
      const tp = counts[c * k + c];
      const precision = divide(tp, colSum[c]);
      const recall = divide(tp, rowSum[c]);
      const f = fScore(precision, recall);
      pMacro += precision;
      rMacro += recall;
      fMacro += f;
      pWeighted += precision * rowSum[c];
      rWeighted += recall * rowSum[c];
      fWeighted += f * rowSum[c];
    }
    out.precision_macro = point(pMacro / present, n);
    out.recall_macro = point(rMacro / present, n);
    out.f1_macro = point(fMacro / present, n);
    // micro: tp = trace, predicted = true = n.
    const pMicro = trace / n;
    const rMicro = trace / n;
    out.precision_micro = point(pMicro, n);
    out.recall_micro = point(rMicro, n);
    out.f1_micro = point(fScore(pMicro, rMicro), n);
    // weights = true support; their sum is n > 0.
    out.precision_weighted = point(pWeighted / n, n);
    out.recall_weighted = point(rWeighted / n, n);
    out.f1_weighted = point(fWeighted / n, n);
  }

  // MCC, sklearn's multiclass formula (also used for binary); 0 when a marginal is constant.
  let dotTP = 0;
  let dotPP = 0;
  let dotTT = 0;
  for (let c = 0; c < k; c++) {
    dotTP += rowSum[c] * colSum[c];
    dotPP += colSum[c] * colSum[c];
    dotTT += rowSum[c] * rowSum[c];
  }
  const covYtYp = trace * n - dotTP;
  const covYpYp = n * n - dotPP;
  const covYtYt = n * n - dotTT;
  out.mcc = point(covYpYp * covYtYt === 0 ? 0 : covYtYp / Math.sqrt(covYtYt * covYpYp), n);

  // Cohen's kappa: 1 − observed disagreement / expected disagreement.
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i === j) continue;
      observed += counts[i * k + j];
      expected += (colSum[i] * rowSum[j]) / n;
    }
  }
  out.cohen_kappa =
    expected === 0
      ? undef('observed and expected agreement are both perfect (single class)', n)
      : point(1 - observed / expected, n);

  const ordered: Record<string, MetricPoint> = {};
  for (const name of names) ordered[name] = out[name];
  return ordered;
}
