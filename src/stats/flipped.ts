/**
 * Examples whose outcome changed between two paired runs (right → wrong and back, or the change of the
 * absolute error for regression), listed in the report under the comparison table.
 */
import { correctness, type Dataset, type MetricOptions } from '../metrics/index.js';
import type { FlippedExample } from '../types.js';
import type { Pairing } from './pairing.js';

/** Options of `flippedExamples`. */
export interface FlipOptions {
  /** How many examples to list each way (default 10). */
  topN?: number;
  metric: MetricOptions;
}

/** Examples whose outcome changed between the runs. */
export interface Flips {
  /** What changed: `correct` (0/1 correctness) or `absolute_error` (regression). */
  outcome: string;
  worse: number;
  better: number;
  top_worse: FlippedExample[];
  top_better: FlippedExample[];
}

function labelOf(ds: Dataset, i: number): unknown {
  if (ds.yTrue) return ds.classes[ds.yTrue[i]];
  if (ds.mlTrue) return selected(ds.mlTrue, ds.classes, i);
  if (ds.yTrueNum) return ds.yTrueNum[i];
  if (ds.textRefs) return ds.textRefs[i].length === 1 ? ds.textRefs[i][0] : ds.textRefs[i];
  return null;
}

function predictionOf(ds: Dataset, i: number): unknown {
  if (ds.yPred) return ds.classes[ds.yPred[i]];
  if (ds.mlPred) return selected(ds.mlPred, ds.classes, i);
  if (ds.yPredNum) return ds.yPredNum[i];
  if (ds.textPred) return ds.textPred[i];
  return null;
}

function selected(matrix: Uint8Array, classes: string[], i: number): string[] {
  const k = classes.length;
  const out: string[] = [];
  for (let j = 0; j < k; j++) if (matrix[i * k + j]) out.push(classes[j]);
  return out;
}

/**
 * Examples that changed outcome between the paired runs. Classification, multilabel and generation:
 * correctness flips (`correctness`), worse = right → wrong, listed in the current run's order.
 * Regression: change of the absolute error, worse = larger error, listed by the size of the change.
 * Null when the runs are not paired.
 */
export function flippedExamples(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
  opts: FlipOptions,
): Flips | null {
  if (!pairing.info.paired) return null;
  const topN = Math.max(0, Math.floor(opts.topN ?? 10));
  const { baseIdx, curIdx } = pairing;
  const example = (j: number, change?: number): FlippedExample => {
    const e: FlippedExample = {
      id: cur.ids[curIdx[j]],
      label: labelOf(cur, curIdx[j]),
      baseline_prediction: predictionOf(base, baseIdx[j]),
      current_prediction: predictionOf(cur, curIdx[j]),
    };
    if (change !== undefined) e.change = change;
    return e;
  };
  const cb = correctness(base, opts.metric);
  const cc = correctness(cur, opts.metric);
  if (cb && cc) {
    let worse = 0;
    let better = 0;
    const topWorse: FlippedExample[] = [];
    const topBetter: FlippedExample[] = [];
    for (let j = 0; j < baseIdx.length; j++) {
      const x = cb[baseIdx[j]];
      const y = cc[curIdx[j]];
      if (x === 1 && y === 0) {
        worse++;
        if (topWorse.length < topN) topWorse.push(example(j));
      } else if (x === 0 && y === 1) {
        better++;
        if (topBetter.length < topN) topBetter.push(example(j));
      }
    }
    return { outcome: 'correct', worse, better, top_worse: topWorse, top_better: topBetter };
  }
  if (base.yTrueNum && base.yPredNum && cur.yTrueNum && cur.yPredNum) {
    const changes: { j: number; change: number }[] = [];
    let worse = 0;
    let better = 0;
    for (let j = 0; j < baseIdx.length; j++) {
      const i = baseIdx[j];
      const l = curIdx[j];
      const change =
        Math.abs(cur.yTrueNum[l] - cur.yPredNum[l]) - Math.abs(base.yTrueNum[i] - base.yPredNum[i]);
      if (!Number.isFinite(change) || change === 0) continue;
      if (change > 0) worse++;
      else better++;
      changes.push({ j, change });
    }
    // Stable order: by size of the change, then by position in the current run.
    const byWorse = changes.filter((c) => c.change > 0).sort((a, b) => b.change - a.change || a.j - b.j);
    const byBetter = changes.filter((c) => c.change < 0).sort((a, b) => a.change - b.change || a.j - b.j);
    return {
      outcome: 'absolute_error',
      worse,
      better,
      top_worse: byWorse.slice(0, topN).map((c) => example(c.j, c.change)),
      top_better: byBetter.slice(0, topN).map((c) => example(c.j, c.change)),
    };
  }
  return null;
}
