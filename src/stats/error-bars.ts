/**
 * Standard errors and 95% confidence intervals for every metric of one run (docs/statistics.md, 'Error bars
 * of one run (`withErrorBars`)'): CLT / Wilson / clustered for means, multinomial bootstrap for
 * confusion-matrix metrics, DeLong for binary ROC AUC, and a bootstrap over examples for everything else.
 * Deterministic given the seed.
 */
import {
  confusionCounts,
  confusionIndex,
  confusionScratch,
  confusionValues,
  meanSpread,
  metricSpec,
  perExampleValues,
  type Dataset,
  type MeanSpread,
  type MetricKind,
  type MetricOptions,
  type MetricPoint,
} from '../metrics/index.js';
import type { MetricValue } from '../types.js';
import { CountResampler, summarizeReplicates } from './bootstrap.js';
import { delongVariance, placements } from './delong.js';
import { cachedOvr, delongOvr, ovrInput } from './delong-ovr.js';
import { Z975 } from './distributions.js';
import { bootstrapExamples, exampleResamples } from './example-bootstrap.js';
import { clusteredStderr, quantileOrderInterval, wilsonInterval } from './intervals.js';
import { deriveSeed, Rng } from './rng.js';

/** Default number of bootstrap resamples. */
export const DEFAULT_BOOTSTRAP = 2000;

/** Below this many examples a 0/1 mean gets the Wilson interval instead of the CLT one. */
export const WILSON_BELOW_N = 100;

/** Options of `withErrorBars`. */
export interface ErrorBarOptions {
  metric: MetricOptions;
  /** Bootstrap resamples for confusion and `other` metrics (default 2000). */
  bootstrap?: number;
  /** Seed of all resampling (default 0). */
  seed?: number;
  /** Use `ds.cluster` for clustered standard errors of means when present (default true). */
  clusterField?: boolean;
  /**
   * Cap on resamples × rows of the bootstrap over examples (`other` metrics; default 2e8): above
   * 100,000 examples fewer than `bootstrap` resamples are drawn, never fewer than 200.
   */
  maxResampledRows?: number;
}

function undefinedValue(p: MetricPoint, n: number | null): MetricValue {
  const v: MetricValue = { value: null, n, stderr: null, ci: null };
  if (p.undefined !== undefined) v.undefined = p.undefined;
  return v;
}

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Error bars of a mean-type metric: from its values' spread (CLT or Wilson), or from the values
 * themselves when clustered.
 */
function meanErrorBars(
  value: number,
  spread: MeanSpread,
  binary: boolean,
  clustered?: { vals: Float64Array; cluster: string[] },
): MetricValue {
  const s = spread.stats;
  const out: MetricValue = { value, n: s.n, stderr: null, ci: null };
  if (s.n < 2) return out;
  if (clustered) {
    const se = clusteredStderr(clustered.vals, clustered.cluster);
    out.stderr = se;
    out.ci = [value - Z975 * se, value + Z975 * se];
    out.method = 'clustered';
    return out;
  }
  out.stderr = s.se;
  // The CLT interval under-covers for small n and collapses to a point at 0% or 100%; Wilson does not.
  if (binary && spread.zeroOne && (s.n < WILSON_BELOW_N || s.mean === 0 || s.mean === 1)) {
    out.ci = wilsonInterval(Math.round(s.mean * s.n), s.n);
    out.method = 'wilson';
    return out;
  }
  out.ci = [value - Z975 * s.se, value + Z975 * s.se];
  out.method = 'clt';
  return out;
}

/** Which uncertainty method a metric of this dataset gets (falls back to `other` when data is missing). */
function effectiveKind(ds: Dataset, name: string): MetricKind {
  const kind = metricSpec(name, ds.task)?.kind ?? 'other';
  if (kind === 'confusion' && (ds.task === 'binary' || ds.task === 'multiclass') && ds.yTrue && ds.yPred)
    return kind;
  if (kind === 'auc' && ds.task === 'binary' && ds.score && ds.yTrue && ds.posIndex !== undefined)
    return kind;
  if (kind === 'auc' && ds.task === 'multiclass' && ds.proba && ds.yTrue) return kind;
  if (kind === 'mean') return kind;
  return 'other';
}

/**
 * Adds `n`, `stderr`, a 95% `ci` and the `method` to every metric point of `ds`:
 * - `mean` metrics: CLT standard error s/√n (sample sd, n − 1), CI value ± 1.959964·SE (`clt`); 0/1
 *   outcomes with n < 100, or a proportion of exactly 0 or 1, get the Wilson interval (`wilson`); with
 *   `ds.cluster`, the clustered SE of Miller (2024) (`clustered`);
 * - `confusion` metrics: bootstrap in which a resample is one Multinomial(n, counts/n) draw over the k×k
 *   confusion cells, metrics recomputed with `confusionValues`; SE = sd of replicates, CI =
 *   percentile (2.5%, 97.5%) (`bootstrap`);
 * - `auc`: DeLong variance (Sun & Xu fast algorithm) of binary ROC AUC, and of the macro one-vs-rest
 *   AUC from the joint covariance of the per-class AUCs (`delong-ovr.ts`); CI from the SE on the logit
 *   scale (see `aucInterval`), which stays inside [0, 1] and covers better than value ± 1.96·SE (`delong`);
 * - `other`: bootstrap over examples (`subsetDataset` + `computeMetrics`, or an equivalent O(n)
 *   evaluator for AP, ECE and percentiles); undefined resamples skipped; resamples capped by
 *   `maxResampledRows` for very large n.
 * Undefined points stay undefined (stderr and ci null). A stderr that cannot be estimated (n < 2, fewer
 * than two defined replicates) is null with ci null.
 */
export function withErrorBars(
  ds: Dataset,
  points: Record<string, MetricPoint>,
  opts: ErrorBarOptions,
): Record<string, MetricValue> {
  const B = Math.max(0, Math.floor(opts.bootstrap ?? DEFAULT_BOOTSTRAP));
  const seed = opts.seed ?? 0;
  const cluster = opts.clusterField !== false ? ds.cluster : undefined;
  const out: Record<string, MetricValue> = {};
  const confusionNames: string[] = [];
  const otherNames: string[] = [];
  let buffer: Float64Array | undefined;

  for (const [name, p] of Object.entries(points)) {
    const n = p.n ?? ds.n;
    if (!finite(p.value)) {
      out[name] = undefinedValue(p, n);
      continue;
    }
    const kind = effectiveKind(ds, name);
    if (kind === 'mean') {
      const binary = metricSpec(name, ds.task)?.binaryOutcome === true;
      if (p.spread && !cluster) {
        out[name] = meanErrorBars(p.value, p.spread, binary);
        continue;
      }
      // One buffer for every mean metric of the run (the values are used before the next metric's).
      const vals = perExampleValues(ds, name, opts.metric, (buffer ??= new Float64Array(ds.n)));
      if (vals) {
        out[name] = meanErrorBars(p.value, meanSpread(vals), binary, cluster && { vals, cluster });
        continue;
      }
      otherNames.push(name);
    } else if (kind === 'confusion') confusionNames.push(name);
    else if (ORDER_STATISTIC_FROM_N <= n && PERCENTILE_SUMMARY.test(name)) {
      out[name] = percentileErrorBars(ds, name, p.value, n);
    } else if (kind === 'auc') {
      const yTrue = ds.yTrue!;
      let variance: number;
      if (ds.task === 'multiclass') {
        variance =
          cachedOvr(yTrue, ds.proba!, ds.n)?.variance ??
          delongOvr(ovrInput(yTrue, ds.proba!, ds.classes.length)).variance;
      } else {
        const pos = new Uint8Array(ds.n);
        for (let i = 0; i < ds.n; i++) pos[i] = yTrue[i] === ds.posIndex ? 1 : 0;
        variance = delongVariance(placements(ds.score!, pos)).variance;
      }
      const v: MetricValue = { value: p.value, n, stderr: null, ci: null };
      if (Number.isFinite(variance)) {
        const se = Math.sqrt(variance);
        v.stderr = se;
        v.ci = aucInterval(p.value, se);
        v.method = 'delong';
      }
      out[name] = v;
    } else otherNames.push(name);
  }

  if (confusionNames.length > 0) {
    const { k, counts } = confusionCounts(ds);
    const resampler = new CountResampler(counts);
    const rng = new Rng(deriveSeed(seed, 'confusion'));
    const reps: Record<string, Float64Array> = {};
    for (const name of confusionNames) reps[name] = new Float64Array(B);
    const table = new Float64Array(counts.length);
    const task = ds.task as 'binary' | 'multiclass';
    const scratch = confusionScratch(k);
    const at = confusionNames.map((name) => confusionIndex(task, name));
    const cols = confusionNames.map((name) => reps[name]);
    for (let b = 0; b < B; b++) {
      resampler.sampleInto(rng, table);
      confusionValues(table, k, task, ds.posIndex, scratch);
      for (let j = 0; j < at.length; j++) cols[j][b] = at[j] >= 0 ? scratch.values[at[j]] : NaN;
    }
    for (const name of confusionNames) out[name] = fromReplicates(points[name], ds.n, reps[name]);
  }

  if (otherNames.length > 0) {
    const rng = new Rng(deriveSeed(seed, 'examples'));
    const reps = bootstrapExamples(
      ds,
      otherNames,
      opts.metric,
      exampleResamples(B, ds.n, opts.maxResampledRows),
      rng,
      points,
    );
    for (const name of otherNames)
      out[name] = fromReplicates(points[name], points[name].n ?? ds.n, reps[name]);
  }

  // Keep the caller's key order.
  const ordered: Record<string, MetricValue> = {};
  for (const name of Object.keys(points)) ordered[name] = out[name];
  return ordered;
}

/**
 * 95% interval of an AUC from its DeLong SE, on the logit scale: logit(A) ± 1.959964·SE/(A(1 − A)),
 * mapped back. The plain A ± 1.96·SE interval under-covers for small samples and AUCs near 1 (86.7% at
 * n = 50 and 93.9% at n = 2,000 in scripts/simulate.ts's model, against 94.3% and 94.6% on the logit scale;
 * Pepe 2003; Qin & Hotilovac 2008). At A = 0 or 1 the logit is infinite and the plain interval,
 * clipped to [0, 1], is used.
 */
export function aucInterval(auc: number, se: number): [number, number] {
  if (auc > 0 && auc < 1 && se > 0) {
    const l = Math.log(auc / (1 - auc));
    const h = (Z975 * se) / (auc * (1 - auc));
    return [1 / (1 + Math.exp(-(l - h))), 1 / (1 + Math.exp(-(l + h)))];
  }
  return [Math.max(0, auc - Z975 * se), Math.min(1, auc + Z975 * se)];
}

/** `<field>_p50` / `<field>_p95`. */
const PERCENTILE_SUMMARY = /^(.+)_(p50|p95)$/;
/**
 * From this many examples on, percentiles get the order-statistic interval instead of the example
 * bootstrap: it is distribution-free and exact enough there, and O(n log n) once instead of O(n) per
 * resample (the bootstrap of a percentile over a million examples took ~10 s).
 */
export const ORDER_STATISTIC_FROM_N = 1000;

function percentileErrorBars(ds: Dataset, name: string, value: number, n: number): MetricValue {
  const m = PERCENTILE_SUMMARY.exec(name)!;
  const col = ds.numeric[m[1]];
  const present: number[] = [];
  if (col) for (let i = 0; i < col.length; i++) if (col[i] === col[i]) present.push(col[i]);
  const sorted = Float64Array.from(present).sort();
  const r = quantileOrderInterval(sorted, m[2] === 'p50' ? 0.5 : 0.95);
  if (!r) return { value, n, stderr: null, ci: null };
  return { value, n, stderr: r.se, ci: r.ci, method: 'order-statistic' };
}

function fromReplicates(p: MetricPoint, n: number, reps: Float64Array): MetricValue {
  const s = summarizeReplicates(reps);
  const v: MetricValue = { value: p.value, n, stderr: s.se, ci: s.ci };
  if (s.se !== null) v.method = 'bootstrap';
  return v;
}
