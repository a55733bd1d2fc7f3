/**
 * Bootstrap over examples for metrics that are neither means nor functions of the confusion matrix
 * (average precision, ECE, percentiles, R², …): each resample gathers rows with `subsetDataset` and
 * recomputes with `computeMetrics`, O(n) or O(n log n) per resample. Only the columns the requested
 * metrics can depend on are carried into the resamples, so a bootstrap of `latency_ms_p95` does not
 * also re-sort the scores for AUC, and a bootstrap of `average_precision` does not re-sort every numeric
 * field.
 */
import { computeMetrics, subsetDataset, type Dataset, type MetricOptions } from '../metrics/index.js';
import { resampleIndices } from './bootstrap.js';
import type { Rng } from './rng.js';

const SUMMARY = /^(.*)_(mean|p50|p95)$/;

/** Numeric field a summary metric (`<field>_mean/_p50/_p95`) reads, when `name` is one. */
export function numericFieldOf(ds: Dataset, name: string): string | undefined {
  const m = SUMMARY.exec(name);
  if (m && ds.numeric[m[1]] !== undefined) return m[1];
  return undefined;
}

/** A shallow copy of `ds` without the columns none of `names` needs (cheaper to resample and recompute). */
export function stripForMetrics(ds: Dataset, names: readonly string[]): Dataset {
  const fields = new Set<string>();
  let onlyNumeric = true;
  for (const name of names) {
    const f = numericFieldOf(ds, name);
    if (f !== undefined) fields.add(f);
    else onlyNumeric = false;
  }
  const numeric: Record<string, Float64Array> = {};
  for (const f of fields) numeric[f] = ds.numeric[f];
  const out: Dataset = { ...ds, numeric, slices: {} };
  delete out.cluster;
  if (onlyNumeric) {
    // Task metrics are not wanted: drop the costly probability columns (AUC, AP, log-loss sorts).
    delete out.score;
    delete out.proba;
  }
  return out;
}

/**
 * B bootstrap replicates of the metrics `names` on `ds`: returns name → Float64Array(B), NaN where the
 * metric is undefined on a resample.
 */
export function bootstrapExamples(
  ds: Dataset,
  names: readonly string[],
  metricOpts: MetricOptions,
  B: number,
  rng: Rng,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name of names) out[name] = new Float64Array(B);
  const lean = stripForMetrics(ds, names);
  const idx = new Int32Array(ds.n);
  for (let b = 0; b < B; b++) {
    resampleIndices(rng, ds.n, idx);
    const pts = computeMetrics(subsetDataset(lean, idx), metricOpts);
    for (const name of names) out[name][b] = pts[name]?.value ?? NaN;
  }
  return out;
}

/**
 * B paired bootstrap replicates of current − baseline for `names`: one resample draws m pair indices
 * with replacement and recomputes both runs' metrics on their rows of those pairs.
 */
export function pairedBootstrapExamples(
  base: Dataset,
  cur: Dataset,
  baseIdx: Int32Array,
  curIdx: Int32Array,
  names: readonly string[],
  metricOpts: MetricOptions,
  B: number,
  rng: Rng,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name of names) out[name] = new Float64Array(B);
  const leanBase = stripForMetrics(base, names);
  const leanCur = stripForMetrics(cur, names);
  const m = baseIdx.length;
  const pick = new Int32Array(m);
  const bRows = new Int32Array(m);
  const cRows = new Int32Array(m);
  for (let b = 0; b < B; b++) {
    resampleIndices(rng, m, pick);
    for (let i = 0; i < m; i++) {
      bRows[i] = baseIdx[pick[i]];
      cRows[i] = curIdx[pick[i]];
    }
    const pb = computeMetrics(subsetDataset(leanBase, bRows), metricOpts);
    const pc = computeMetrics(subsetDataset(leanCur, cRows), metricOpts);
    for (const name of names) {
      const vb = pb[name]?.value;
      const vc = pc[name]?.value;
      out[name][b] = vb === null || vb === undefined || vc === null || vc === undefined ? NaN : vc - vb;
    }
  }
  return out;
}
