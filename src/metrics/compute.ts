/**
 * `computeMetrics` and the per-example views (`perExampleValues`, `correctness`) that the statistics
 * build on. Mean-type metrics are computed as the mean of their per-example values, so both always agree.
 */
import { InputError } from '../errors.js';
import type { Dataset, MetricOptions, MetricPoint } from './types.js';
import { confusionCounts, metricsFromConfusion } from './classification.js';
import { exactMatchPerExample, tokenF1PerExample } from './generation.js';
import { multilabelMetrics, multilabelPerExample } from './multilabel.js';
import { compensatedSum, meanSpread, numericSummaries, point, undef } from './numeric.js';
import {
  binaryBrier,
  binaryLogLoss,
  expectedCalibrationError,
  multiclassLogLoss,
  ovrAuc,
  rankingMetrics,
  topKHits,
} from './probabilistic.js';
import { regressionMetrics, regressionPerExample } from './regression.js';
import { taskMetricNames } from './spec.js';

/** Default k of top_k_accuracy. */
export const DEFAULT_TOP_K = 5;

function topK(opts: MetricOptions): number {
  const k = opts.topK ?? DEFAULT_TOP_K;
  if (!Number.isInteger(k) || k < 1) {
    throw new InputError(`expected a positive integer, got ${String(k)}`, { field: 'top_k' });
  }
  return k;
}

/** Mean of per-example values, with their spread for the error bar when asked (`MetricPoint.spread`). */
function meanPoint(values: Float64Array, n: number, spread: boolean): MetricPoint {
  if (n === 0) return undef('no examples', 0);
  const p = point(compensatedSum(values)[0] / n, n);
  return spread ? { ...p, spread: meanSpread(values) } : p;
}

/** 1 where the example's true class is the positive class. */
function positives(ds: Dataset): Uint8Array {
  const out = new Uint8Array(ds.n);
  const yTrue = ds.yTrue!;
  const pos = ds.posIndex!;
  for (let i = 0; i < ds.n; i++) out[i] = yTrue[i] === pos ? 1 : 0;
  return out;
}

/**
 * Every metric of the dataset's task (docs/metrics.md, one section per task) plus numeric-field
 * summaries. Never throws on data.
 */
export function computeMetrics(ds: Dataset, opts: MetricOptions): Record<string, MetricPoint> {
  const n = ds.n;
  const spreads = opts.meanSpreads === true;
  let out: Record<string, MetricPoint> = {};
  switch (ds.task) {
    case 'binary': {
      const { k, counts } = confusionCounts(ds);
      out = metricsFromConfusion(counts, k, 'binary', ds.posIndex);
      if (ds.score) {
        if (n === 0) {
          for (const name of ['roc_auc', 'average_precision', 'log_loss', 'brier', 'ece'])
            out[name] = undef('no examples', 0);
          break;
        }
        const isPos = positives(ds);
        const r = rankingMetrics(isPos, ds.score, n);
        out.roc_auc = Number.isNaN(r.auc) ? undef('only one class present in labels', n) : point(r.auc, n);
        out.average_precision = point(r.ap, n);
        out.log_loss = meanPoint(binaryLogLoss(isPos, ds.score, n), n, spreads);
        out.brier = meanPoint(binaryBrier(isPos, ds.score, n), n, spreads);
        out.ece = point(expectedCalibrationError(isPos, ds.score, n), n);
      }
      break;
    }
    case 'multiclass': {
      const { k, counts } = confusionCounts(ds);
      out = metricsFromConfusion(counts, k, 'multiclass');
      if (ds.proba) {
        const kTop = topK(opts);
        if (n === 0) {
          for (const name of ['roc_auc_ovr', 'log_loss', 'top_k_accuracy'])
            out[name] = undef('no examples', 0);
          break;
        }
        const yTrue = ds.yTrue!;
        // Started first: a hook that hands part of the AUC to the helper thread overlaps it with the
        // log loss and top-k computed here before its result is asked for.
        const started = (opts.ovrAuc ?? ovrAuc)(yTrue, ds.proba, k, n);
        // One per-example buffer for both means: at 10⁷ rows each array is 80 MB.
        const perExample = new Float64Array(n);
        const logLoss =
          k < 2
            ? undef('log loss needs at least two classes', n)
            : meanPoint(multiclassLogLoss(yTrue, ds.proba, k, n, perExample), n, spreads);
        const topKAccuracy = meanPoint(topKHits(yTrue, ds.proba, k, n, kTop, perExample), n, spreads);
        const auc = typeof started === 'function' ? started() : started;
        out.roc_auc_ovr = Number.isNaN(auc.value)
          ? undef('fewer than two classes present in labels', n)
          : point(auc.value, n);
        out.log_loss = logLoss;
        out.top_k_accuracy = topKAccuracy;
      }
      break;
    }
    case 'multilabel':
      out = multilabelMetrics(ds.mlTrue!, ds.mlPred!, ds.classes.length, n);
      break;
    case 'regression':
      out = regressionMetrics(ds.yTrueNum!, ds.yPredNum!, n);
      break;
    case 'generation':
      out.exact_match = meanPoint(exactMatchPerExample(ds.textPred!, ds.textRefs!, opts), n, spreads);
      out.token_f1 = meanPoint(tokenF1PerExample(ds.textPred!, ds.textRefs!), n, spreads);
      break;
  }
  numericSummaries(ds.numeric, out);
  return out;
}

/**
 * Per-example values whose mean is the metric (kind `mean`), else null. Null too when the metric does
 * not exist for this dataset (other task, no probabilities, unknown numeric field).
 *
 * For `<field>_mean` the array holds NaN where an example lacks the field: the metric is the mean of the
 * non-NaN entries, and paired statistics must skip NaN pairs.
 * `buffer` (length n), when given, may be written and returned instead of a new array (multiclass
 * log loss and top-k), so a caller that uses one metric's values at a time allocates once.
 */
export function perExampleValues(
  ds: Dataset,
  name: string,
  opts: MetricOptions,
  buffer?: Float64Array,
): Float64Array | null {
  const n = ds.n;
  switch (ds.task) {
    case 'binary':
    case 'multiclass':
      if (name === 'accuracy') return Float64Array.from(correctness(ds, opts)!);
      if (ds.task === 'binary' && ds.score) {
        if (name === 'brier') return binaryBrier(positives(ds), ds.score, n);
        if (name === 'log_loss') return binaryLogLoss(positives(ds), ds.score, n);
      }
      if (ds.task === 'multiclass' && ds.proba) {
        const k = ds.classes.length;
        if (name === 'log_loss') return k < 2 ? null : multiclassLogLoss(ds.yTrue!, ds.proba, k, n, buffer);
        if (name === 'top_k_accuracy') return topKHits(ds.yTrue!, ds.proba, k, n, topK(opts), buffer);
      }
      break;
    case 'multilabel':
      if (name === 'subset_accuracy' || name === 'hamming_loss' || name === 'jaccard_samples') {
        return multilabelPerExample(name, ds.mlTrue!, ds.mlPred!, ds.classes.length, n);
      }
      break;
    case 'regression':
      if (name === 'mae' || name === 'mse' || name === 'mape')
        return regressionPerExample(name, ds.yTrueNum!, ds.yPredNum!, n);
      break;
    case 'generation':
      if (name === 'exact_match') return exactMatchPerExample(ds.textPred!, ds.textRefs!, opts);
      if (name === 'token_f1') return tokenF1PerExample(ds.textPred!, ds.textRefs!);
      break;
  }
  if (name.endsWith('_mean') && !taskMetricNames(ds.task, true).includes(name)) {
    const col = ds.numeric[name.slice(0, -'_mean'.length)];
    if (col) return Float64Array.from(col);
  }
  return null;
}

/**
 * 0/1 correctness per example (classification: pred==label; multilabel: subset match; generation: exact
 * match with the configured normalisation); null for regression.
 */
export function correctness(ds: Dataset, opts: MetricOptions): Uint8Array | null {
  const n = ds.n;
  switch (ds.task) {
    case 'binary':
    case 'multiclass': {
      const out = new Uint8Array(n);
      const yTrue = ds.yTrue!;
      const yPred = ds.yPred!;
      for (let i = 0; i < n; i++) out[i] = yTrue[i] === yPred[i] ? 1 : 0;
      return out;
    }
    case 'multilabel':
      return Uint8Array.from(
        multilabelPerExample('subset_accuracy', ds.mlTrue!, ds.mlPred!, ds.classes.length, n)!,
      );
    case 'generation':
      return Uint8Array.from(exactMatchPerExample(ds.textPred!, ds.textRefs!, opts));
    case 'regression':
      return null;
  }
}
