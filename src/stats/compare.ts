/**
 * Comparison of two runs, metric by metric: paired tests on the examples both runs share
 * (docs/statistics.md, 'Comparisons (`compareDatasets`)'), unpaired z tests from standard errors otherwise.
 * The examples that flipped are listed by flipped.ts.
 *
 * Every test is a one-sided margin test in the metric's bad direction — H0: current is worse by at
 * most the tolerance t (t = 0: not worse); a small p means "significantly worse than the tolerance", an
 * improvement gives p near 1 — and reports the one-sided bound obtained by inverting the same test
 * (p < α ⇔ bound beyond t, `margin.ts`) and a descriptive 95% two-sided interval of current − baseline. Paired tests run on the overlap of the two runs' example ids, so their interval
 * can differ from the full-run delta when the overlap is partial (callers warn below 95% overlap).
 *
 * Every metric kind's paired test (margin, randomization, DeLong in compare-auc.ts, bootstrap) is chosen
 * in one dispatch, so the choice of test reads in one place.
 */
import { metricSpec, perExampleValues, type Dataset, type MetricOptions } from '../metrics/index.js';
import type { Direction, MetricValue, TestResult } from '../types.js';
import { confusionRandomization } from './confusion-randomization.js';
import { compareAuc } from './compare-auc.js';
import { deltaInterval, marginResult, type TestSetup } from './compare-result.js';
import { studentTQuantile, Z975 } from './distributions.js';
import { DEFAULT_BOOTSTRAP } from './error-bars.js';
import { exampleResamples, pairedBootstrapExamples } from './example-bootstrap.js';
import { pairedTTest } from './hypothesis.js';
import { percentileInterval } from './intervals.js';
import {
  clusteredMarginTest,
  pairedProportionMarginTest,
  randomizationMarginTest,
  replicateMarginTest,
  tMarginTest,
  zMarginTest,
} from './margin.js';
import { pairDatasets, type Pairing } from './pairing.js';
import { deriveSeed, Rng } from './rng.js';

export { marginResult } from './compare-result.js';

/** Options of the comparison functions. */
export interface CompareOptions {
  metric: MetricOptions;
  /** Bootstrap resamples (default 2000). */
  bootstrap?: number;
  /** Seed (default 0). */
  seed?: number;
  /**
   * Use cluster ids (current run's) for cluster-robust paired tests of means when both runs have them
   * (default true; the diagnosis turns it on only when the config names `cluster:`).
   */
  clusterField?: boolean;
  /** Pairing already computed by `pairDatasets`. */
  pairing?: Pairing;
  /** Direction per metric when it differs from the built-in one (config `direction`). */
  directions?: Record<string, Direction>;
  /** Cap on resamples × pairs of the bootstrap over example pairs (default 2e8, see `withErrorBars`). */
  maxResampledRows?: number;
  /** Level α of the one-sided bounds (default 0.05). */
  alpha?: number;
  /** Tolerated worsening t per metric (H0: worse by at most t); default 0. */
  tolerances?: Record<string, number>;
  /**
   * Floor on sampled resamples/relabellings, whatever `bootstrap` and `maxResampledRows` say; see
   * `minResamples` (20·m/α for m tested metrics).
   */
  minResamples?: number;
}

/**
 * Paired test of a mean-type metric with margin t: exact McNemar (t = 0) or Tango's score test (t > 0)
 * for 0/1 values, cluster-robust t with clusters, else paired t.
 */
function compareMean(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
  name: string,
  binaryOutcome: boolean,
  opts: CompareOptions,
  setup: TestSetup,
): TestResult | undefined {
  const vb = perExampleValues(base, name, opts.metric);
  const vc = perExampleValues(cur, name, opts.metric);
  if (!vb || !vc) return undefined;
  const direction = setup.direction(name);
  const t = setup.tolerance(name);
  const { alpha } = setup;
  const { baseIdx, curIdx } = pairing;
  const m = baseIdx.length;
  const w = new Float64Array(m);
  const sign = direction === 'higher' ? -1 : 1;
  let binary = binaryOutcome;
  let n01 = 0;
  let n10 = 0;
  let used = 0;
  for (let j = 0; j < m; j++) {
    const x = vb[baseIdx[j]];
    const y = vc[curIdx[j]];
    w[j] = sign * (y - x); // NaN when either run lacks the value
    if (x !== x || y !== y) continue;
    used++;
    if (binary) {
      if ((x !== 0 && x !== 1) || (y !== 0 && y !== 1)) binary = false;
      else if (x === 0 && y === 1) n01++;
      else if (x === 1 && y === 0) n10++;
    }
  }
  if (used === 0) return undefined;
  const cluster = opts.clusterField !== false && base.cluster && cur.cluster ? cur.cluster : undefined;
  if (cluster) {
    const cl = Array.from(curIdx, (j) => cluster[j]);
    const r = clusteredMarginTest(w, cl, t, alpha);
    const half = r.se !== null && r.df !== undefined ? studentTQuantile(0.975, r.df) * r.se : NaN;
    const mean = r.n > 0 ? sumFinite(w) / r.n : NaN;
    const ci = Number.isFinite(half) ? deltaInterval(mean - half, mean + half, direction) : null;
    const res = marginResult('paired-clustered-t', true, r, direction, t, alpha, ci);
    res.clusters = r.clusters;
    return res;
  }
  if (binary) {
    const lost = direction === 'higher' ? n10 : n01;
    const gained = direction === 'higher' ? n01 : n10;
    const r = pairedProportionMarginTest(lost, gained, used, t, alpha);
    const ci = proportionInterval(lost, gained, used, direction);
    return marginResult(
      t > 0 ? 'paired-proportion-score' : 'mcnemar-exact',
      true,
      r,
      direction,
      t,
      alpha,
      ci,
    );
  }
  const r = tMarginTest(w, t, alpha);
  const two = pairedTTest(
    Float64Array.from(w, (x) => sign * x),
    direction,
  );
  return marginResult('paired-t', true, r, direction, t, alpha, two.ci);
}

/**
 * Two-sided 95% interval of a paired proportion difference by inverting the exact sign-flip test at
 * 2.5% on each side (the same family as the exact McNemar test), on the current − baseline scale.
 */
export function proportionInterval(
  lost: number,
  gained: number,
  n: number,
  direction: Direction,
): [number, number] | null {
  if (!(n > 0)) return null;
  if (lost + gained === 0) return [0, 0];
  const lo = pairedProportionMarginTest(lost, gained, n, 0, 0.025).bound!;
  const hi = -pairedProportionMarginTest(gained, lost, n, 0, 0.025).bound!;
  return deltaInterval(Math.max(-1, lo), Math.min(1, hi), direction);
}

function sumFinite(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) s += x[i];
  return s;
}

const hasConfusion = (ds: Dataset) =>
  (ds.task === 'binary' || ds.task === 'multiclass') && !!ds.yTrue && !!ds.yPred;

/** Randomization tests of confusion-matrix metrics; names that could not be tested are left out. */
function compareConfusion(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
  names: string[],
  B: number,
  seed: number,
  setup: TestSetup,
): Record<string, TestResult> {
  const out: Record<string, TestResult> = {};
  const rz = confusionRandomization(
    base,
    cur,
    pairing,
    names,
    setup.direction,
    B,
    new Rng(deriveSeed(seed, 'paired-randomization')),
  );
  if (!rz) return out;
  names.forEach((name, j) => {
    const direction = setup.direction(name);
    const t = setup.tolerance(name);
    const obs = rz.observed(j);
    const col = rz.column(j);
    const w = rz.dist.weights;
    const mt = randomizationMarginTest(obs, col, w, t, setup.alpha);
    if (mt.p === null) return;
    // Two-sided 95% interval by inverting the same (shifted) randomization test at 2.5% per side.
    const lo = randomizationMarginTest(obs, col, w, 0, 0.025).bound!;
    const neg = Float64Array.from(col, (x) => -x);
    const hi = -randomizationMarginTest(-obs, neg, w, 0, 0.025).bound!;
    const ci = Number.isFinite(lo) && Number.isFinite(hi) ? deltaInterval(lo, hi, direction) : null;
    const r = marginResult('paired-randomization', true, mt, direction, t, setup.alpha, ci);
    r.exact = rz.dist.exact;
    if (!rz.dist.exact) r.resamples = rz.dist.count;
    out[name] = r;
  });
  return out;
}

/**
 * Paired one-sided margin tests of `names` between two runs, keyed by metric name. For each metric,
 * H0: worsening ≤ t (t from `tolerances`, default 0) against H1: worsening > t, with the one-sided
 * bound from inverting the same test (docs/statistics.md):
 * - mean metrics with 0/1 per-example values (accuracy, exact_match, …): exact McNemar when t = 0,
 *   Tango's score test when t > 0;
 * - other mean metrics: paired t test on the per-pair worsening shifted by t (`paired-t`, df = m − 1);
 * - either, when both runs carry cluster ids and `clusterField` is on: cluster-robust (CR1) t with
 *   C − 1 degrees of freedom (`paired-clustered-t`);
 * - confusion-matrix metrics: paired randomization over the discordant examples (`paired-randomization`),
 *   exact when they are few, else sampled;
 * - binary ROC AUC: paired DeLong z shifted by t (`delong`);
 * - others: paired bootstrap over example pairs, percentile test shifted by t (`paired-bootstrap`).
 * Sampled tests draw at least `minResamples` (see `minResamples()` in randomization.ts). Metrics that
 * cannot be tested on the pairs are absent: the caller falls back to `unpairedTest`. Deterministic
 * given the seed; a metric's result does not depend on which other metrics are requested.
 */
export function compareDatasets(
  base: Dataset,
  cur: Dataset,
  names: readonly string[],
  opts: CompareOptions,
): Record<string, TestResult> {
  const pairing = opts.pairing ?? pairDatasets(base, cur);
  const out: Record<string, TestResult> = {};
  if (!pairing.info.paired || pairing.baseIdx.length === 0) return out;
  const floor = Math.max(1, Math.floor(opts.minResamples ?? 1));
  const B = Math.max(floor, Math.floor(opts.bootstrap ?? DEFAULT_BOOTSTRAP));
  const seed = opts.seed ?? 0;
  const setup: TestSetup = {
    alpha: opts.alpha ?? 0.05,
    tolerance: (name) => Math.max(0, opts.tolerances?.[name] ?? 0),
    direction: (name) => opts.directions?.[name] ?? metricSpec(name, cur.task)?.direction ?? 'higher',
  };
  const confusionNames: string[] = [];
  const otherNames: string[] = [];
  for (const name of names) {
    const spec = metricSpec(name, cur.task);
    if (!spec) continue;
    if (spec.kind === 'mean') {
      const r = compareMean(base, cur, pairing, name, spec.binaryOutcome === true, opts, setup);
      if (r) out[name] = r;
      else otherNames.push(name);
    } else if (spec.kind === 'auc') {
      const r = compareAuc(base, cur, pairing, name, setup);
      if (r) out[name] = r;
    } else if (spec.kind === 'confusion' && hasConfusion(base) && hasConfusion(cur)) {
      confusionNames.push(name);
    } else {
      otherNames.push(name);
    }
  }
  if (confusionNames.length > 0) {
    const res = compareConfusion(base, cur, pairing, confusionNames, B, seed, setup);
    for (const name of confusionNames) {
      if (res[name]) out[name] = res[name];
      else otherNames.push(name);
    }
  }
  if (otherNames.length > 0) {
    const Bx = Math.max(floor, exampleResamples(B, pairing.baseIdx.length, opts.maxResampledRows));
    const reps = pairedBootstrapExamples(
      base,
      cur,
      pairing.baseIdx,
      pairing.curIdx,
      otherNames,
      opts.metric,
      Bx,
      new Rng(deriveSeed(seed, 'paired-examples')),
    );
    for (const name of otherNames) {
      const direction = setup.direction(name);
      const t = setup.tolerance(name);
      const sign = direction === 'higher' ? -1 : 1;
      const w = Float64Array.from(reps[name], (d) => sign * d);
      const mt = replicateMarginTest(w, t, setup.alpha);
      if (mt.p === null) continue;
      const r = marginResult(
        'paired-bootstrap',
        true,
        mt,
        direction,
        t,
        setup.alpha,
        percentileInterval(reps[name]),
      );
      r.resamples = Bx;
      out[name] = r;
    }
  }
  const ordered: Record<string, TestResult> = {};
  for (const name of names) if (out[name]) ordered[name] = out[name];
  return ordered;
}

/** Paired test of one metric (same result as its entry in `compareDatasets`); undefined when not testable. */
export function compareMetric(
  base: Dataset,
  cur: Dataset,
  name: string,
  opts: CompareOptions,
): TestResult | undefined {
  return compareDatasets(base, cur, [name], opts)[name];
}

/**
 * Unpaired one-sided z test from the two runs' standard errors, with margin t:
 * z = (worsening − t)/√(se_b² + se_c²), for runs on different examples and for pre-aggregated metrics
 * that carry a stderr (e.g. lm-evaluation-harness `acc_stderr`). Ignores any correlation between the
 * runs, so it is conservative when they share examples. p and ci are null (with a reason) when a value
 * or a positive standard error is missing.
 */
export function unpairedTest(
  base: MetricValue | undefined,
  cur: MetricValue | undefined,
  direction: Direction,
  t: number = 0,
  alpha: number = 0.05,
): TestResult {
  const none = (reason: string): TestResult => ({
    method: 'unpaired-z',
    paired: false,
    p_value: null,
    ci_delta: null,
    reason,
  });
  if (!base || !cur) return none('missing in one run');
  const vb = base.value;
  const vc = cur.value;
  const sb = base.stderr;
  const sc = cur.stderr;
  if (vb === null || vc === null || !Number.isFinite(vb) || !Number.isFinite(vc))
    return none('undefined in one run');
  if (typeof sb !== 'number' || typeof sc !== 'number' || !(sb >= 0) || !(sc >= 0))
    return none('no standard error');
  const se = Math.sqrt(sb * sb + sc * sc);
  if (!(se > 0)) return none('both standard errors are 0');
  const delta = vc - vb;
  const w = direction === 'higher' ? -delta : delta;
  const mt = zMarginTest(w, se, Math.max(0, t), alpha);
  return marginResult('unpaired-z', false, mt, direction, Math.max(0, t), alpha, [
    delta - Z975 * se,
    delta + Z975 * se,
  ]);
}
