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
/** Working memory of `confusionValues`, reused across the resamples of a bootstrap. */
export interface ConfusionScratch {
  rowSum: Float64Array;
  colSum: Float64Array;
  /** The values, in the order of the task's names (`BINARY_CONFUSION` / `MULTICLASS_CONFUSION`). */
  values: Float64Array;
}

/** Scratch for `confusionValues` with k classes. */
export function confusionScratch(k: number): ConfusionScratch {
  const names = Math.max(BINARY_CONFUSION.length, MULTICLASS_CONFUSION.length);
  return { rowSum: new Float64Array(k), colSum: new Float64Array(k), values: new Float64Array(names) };
}

/** Index of each confusion metric in `confusionValues`' output, per task. */
export function confusionIndex(task: 'binary' | 'multiclass', name: string): number {
  return (task === 'binary' ? BINARY_CONFUSION : MULTICLASS_CONFUSION).indexOf(name);
}

/**
 * Confusion-matrix metrics of `counts` as numbers, in the order of the task's names, written into
 * `scratch.values` (NaN where undefined: no examples, or Cohen's kappa of a single class). Allocates
 * nothing: a bootstrap calls it for each of its 2,000 resamples, and the per-resample objects of
 * `metricsFromConfusion` made a 100-line run spend ~30 ms collecting garbage. Returns n.
 */
export function confusionValues(
  counts: Float64Array,
  k: number,
  task: 'binary' | 'multiclass',
  posIndex: number | undefined,
  scratch: ConfusionScratch,
): number {
  if (counts.length !== k * k)
    throw new Error(`confusionValues: expected ${k * k} counts, got ${counts.length}`);
  if (task === 'binary' && (posIndex === undefined || posIndex < 0 || posIndex >= k)) {
    throw new Error('confusionValues: binary task needs posIndex');
  }
  const { rowSum, colSum, values } = scratch;
  rowSum.fill(0);
  colSum.fill(0);
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
  values.fill(NaN);
  if (n === 0) return 0;
  let at = 0;
  values[at++] = trace / n; // accuracy

  // balanced_accuracy: mean recall over classes that have true examples (sklearn drops the NaN recalls).
  let recallSum = 0;
  let withTrue = 0;
  for (let c = 0; c < k; c++) {
    if (rowSum[c] > 0) {
      recallSum += counts[c * k + c] / rowSum[c];
      withTrue++;
    }
  }
  values[at++] = recallSum / withTrue;

  if (task === 'binary') {
    const p = posIndex!;
    const tp = counts[p * k + p];
    const precision = divide(tp, colSum[p]);
    const recall = divide(tp, rowSum[p]);
    values[at++] = precision;
    values[at++] = recall;
    values[at++] = fScore(precision, recall);
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
    values[at++] = pMacro / present;
    values[at++] = rMacro / present;
    values[at++] = fMacro / present;
    // micro: tp = trace, predicted = true = n.
    const pMicro = trace / n;
    const rMicro = trace / n;
    values[at++] = pMicro;
    values[at++] = rMicro;
    values[at++] = fScore(pMicro, rMicro);
    // weights = true support; their sum is n > 0.
    values[at++] = pWeighted / n;
    values[at++] = rWeighted / n;
    values[at++] = fWeighted / n;
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
  values[at++] = covYpYp * covYtYt === 0 ? 0 : covYtYp / Math.sqrt(covYtYt * covYpYp);

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
  values[at++] = expected === 0 ? NaN : 1 - observed / expected;
  return n;
}

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
  const scratch = confusionScratch(k);
  const n = confusionValues(counts, k, task, posIndex, scratch);
  const names = task === 'binary' ? BINARY_CONFUSION : MULTICLASS_CONFUSION;
  const out: Record<string, MetricPoint> = {};
  names.forEach((name, i) => {
    const v = scratch.values[i];
    if (n === 0) out[name] = undef(NO_EXAMPLES, 0);
    else if (name === 'cohen_kappa' && Number.isNaN(v))
      out[name] = undef('observed and expected agreement are both perfect (single class)', n);
    else out[name] = point(v, n);
  });
  return out;
}
