/**
 * Multilabel metrics over 0/1 indicator matrices, as scikit-learn computes them with `zero_division=0`.
 * The columns are the dataset's classes: a slice keeps every column (sklearn on the indicator rows).
 */
import type { MetricPoint } from './types.js';
import { compensatedSum, divide, fScore, point, undef } from './numeric.js';

/** Metric names of the multilabel task, in report order. */
export const MULTILABEL_METRICS = [
  'subset_accuracy',
  'hamming_loss',
  'precision_micro',
  'recall_micro',
  'f1_micro',
  'precision_macro',
  'recall_macro',
  'f1_macro',
  'jaccard_samples',
] as const;

/** Per-example values of the multilabel mean metrics. */
export function multilabelPerExample(
  name: 'subset_accuracy' | 'hamming_loss' | 'jaccard_samples',
  mlTrue: Uint8Array,
  mlPred: Uint8Array,
  k: number,
  n: number,
): Float64Array | null {
  if (name === 'hamming_loss' && k === 0) return null;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * k;
    let inter = 0;
    let union = 0;
    let diff = 0;
    for (let c = 0; c < k; c++) {
      const t = mlTrue[row + c];
      const p = mlPred[row + c];
      inter += t & p;
      union += t | p;
      diff += t ^ p;
    }
    out[i] =
      name === 'subset_accuracy'
        ? diff === 0
          ? 1
          : 0
        : name === 'hamming_loss'
          ? diff / k
          : union === 0
            ? 0
            : inter / union;
  }
  return out;
}

/** Every multilabel metric. */
export function multilabelMetrics(
  mlTrue: Uint8Array,
  mlPred: Uint8Array,
  k: number,
  n: number,
): Record<string, MetricPoint> {
  const out: Record<string, MetricPoint> = {};
  if (n === 0) {
    for (const name of MULTILABEL_METRICS) out[name] = undef('no examples', 0);
    return out;
  }
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const row = i * k;
    for (let c = 0; c < k; c++) {
      const t = mlTrue[row + c];
      const p = mlPred[row + c];
      tp[c] += t & p;
      predSum[c] += p;
      trueSum[c] += t;
    }
  }
  const mean = (a: Float64Array | null) => (a ? compensatedSum(a)[0] / n : NaN);
  out.subset_accuracy = point(mean(multilabelPerExample('subset_accuracy', mlTrue, mlPred, k, n)), n);
  out.hamming_loss =
    k === 0
      ? undef('no classes in labels or predictions', n)
      : point(mean(multilabelPerExample('hamming_loss', mlTrue, mlPred, k, n)), n);
  let tpAll = 0;
  let predAll = 0;
  let trueAll = 0;
  let pMacro = 0;
  let rMacro = 0;
  let fMacro = 0;
  for (let c = 0; c < k; c++) {
    tpAll += tp[c];
    predAll += predSum[c];
    trueAll += trueSum[c];
    const p = divide(tp[c], predSum[c]);
    const r = divide(tp[c], trueSum[c]);
    pMacro += p;
    rMacro += r;
    fMacro += fScore(p, r);
  }
  const pMicro = divide(tpAll, predAll);
  const rMicro = divide(tpAll, trueAll);
  out.precision_micro = point(pMicro, n);
  out.recall_micro = point(rMicro, n);
  out.f1_micro = point(fScore(pMicro, rMicro), n);
  if (k === 0) {
    for (const name of ['precision_macro', 'recall_macro', 'f1_macro'])
      out[name] = undef('no classes in labels or predictions', n);
  } else {
    out.precision_macro = point(pMacro / k, n);
    out.recall_macro = point(rMacro / k, n);
    out.f1_macro = point(fMacro / k, n);
  }
  out.jaccard_samples = point(mean(multilabelPerExample('jaccard_samples', mlTrue, mlPred, k, n)), n);
  const ordered: Record<string, MetricPoint> = {};
  for (const name of MULTILABEL_METRICS) ordered[name] = out[name];
  return ordered;
}
