/**
 * Comparison of two runs, metric by metric: paired tests on the examples both runs share
 * (docs/statistics.md, 'Comparisons (`compareDatasets`)'), unpaired z tests from standard errors otherwise.
 * The examples that flipped are listed by flipped.ts.
 *
 * Every test is one-sided in the metric's bad direction — H0: current is not worse; a small p means
 * "significantly worse", an improvement gives p near 1 — and reports the 95% two-sided interval of
 * current − baseline. Paired tests run on the overlap of the two runs' example ids, so their interval
 * can differ from the full-run delta when the overlap is partial (callers warn below 95% overlap).
 */
import {
  metricsFromConfusion,
  metricSpec,
  perExampleValues,
  type Dataset,
  type MetricOptions,
} from '../metrics/index.js';
import type { Direction, MetricValue, TestResult } from '../types.js';
import { bootstrapPValue, CountResampler } from './bootstrap.js';
import { delongPaired, placements } from './delong.js';
import { delongOvrPaired, type OvrInput } from './delong-ovr.js';
import { Z975 } from './distributions.js';
import { DEFAULT_BOOTSTRAP } from './error-bars.js';
import { exampleResamples, pairedBootstrapExamples } from './example-bootstrap.js';
import {
  mcnemarExact,
  pairedClusteredTest,
  pairedProportionCi,
  pairedTTest,
  zTestWorse,
} from './hypothesis.js';
import { percentileInterval } from './intervals.js';
import { pairDatasets, type Pairing } from './pairing.js';
import { deriveSeed, Rng } from './rng.js';

/** Options of the comparison functions. */
export interface CompareOptions {
  metric: MetricOptions;
  /** Bootstrap resamples (default 2000). */
  bootstrap?: number;
  /** Seed (default 0). */
  seed?: number;
  /** Use cluster ids (current run's) for clustered paired SEs of means when both runs have them (default true). */
  clusterField?: boolean;
  /** Pairing already computed by `pairDatasets`. */
  pairing?: Pairing;
  /** Direction per metric when it differs from the built-in one (config `direction`). */
  directions?: Record<string, Direction>;
  /** Cap on resamples × pairs of the bootstrap over example pairs (default 2e8, see `withErrorBars`). */
  maxResampledRows?: number;
}

const isBad = (delta: number, direction: Direction) => (direction === 'higher' ? delta < 0 : delta > 0);

/** Paired test of a mean-type metric: McNemar for 0/1 values, clustered z with clusters, else paired t. */
function compareMean(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
  name: string,
  direction: Direction,
  binaryOutcome: boolean,
  opts: CompareOptions,
): TestResult | undefined {
  const vb = perExampleValues(base, name, opts.metric);
  const vc = perExampleValues(cur, name, opts.metric);
  if (!vb || !vc) return undefined;
  const { baseIdx, curIdx } = pairing;
  const m = baseIdx.length;
  const d = new Float64Array(m);
  let binary = binaryOutcome;
  let n01 = 0;
  let n10 = 0;
  let used = 0;
  for (let j = 0; j < m; j++) {
    const x = vb[baseIdx[j]];
    const y = vc[curIdx[j]];
    d[j] = y - x; // NaN when either run lacks the value
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
    const r = pairedClusteredTest(d, cl, direction);
    return { method: 'paired-clustered-z', paired: true, p_value: r.p, ci_delta: r.ci };
  }
  if (binary) {
    const worse = direction === 'higher' ? n10 : n01;
    const better = direction === 'higher' ? n01 : n10;
    return {
      method: 'mcnemar-exact',
      paired: true,
      p_value: mcnemarExact(worse, better),
      ci_delta: pairedProportionCi(n01, n10, used),
    };
  }
  const r = pairedTTest(d, direction);
  return { method: 'paired-t', paired: true, p_value: r.p, ci_delta: r.ci };
}

/** Paired DeLong test of binary ROC AUC; undefined when a run lacks scores or the labels disagree. */
function compareAuc(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
  direction: Direction,
): TestResult | undefined {
  if (base.task === 'multiclass' && cur.task === 'multiclass')
    return compareOvrAuc(base, cur, pairing, direction);
  if (base.task !== 'binary' || cur.task !== 'binary') return undefined;
  if (!base.score || !cur.score || !base.yTrue || !cur.yTrue) return undefined;
  if (base.posIndex === undefined || cur.posIndex === undefined) return undefined;
  const { baseIdx, curIdx } = pairing;
  const m = baseIdx.length;
  const pos = new Uint8Array(m);
  const sb = new Float64Array(m);
  const sc = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const pb = base.yTrue[baseIdx[j]] === base.posIndex;
    const pc = cur.yTrue[curIdx[j]] === cur.posIndex;
    // Relabelled examples: the two AUCs are on different ground truth, and DeLong's covariance does not
    // apply. Let the caller fall back to the unpaired test.
    if (pb !== pc) return undefined;
    pos[j] = pb ? 1 : 0;
    sb[j] = base.score[baseIdx[j]];
    sc[j] = cur.score[curIdx[j]];
  }
  const a = placements(sb, pos);
  const b = placements(sc, pos);
  if (!(a.m > 0 && a.n > 0)) return undefined;
  const r = delongPaired(a, b);
  const delta = r.auc2 - r.auc1;
  if (!Number.isFinite(r.varianceOfDifference))
    return { method: 'delong', paired: true, p_value: null, ci_delta: null };
  const se = Math.sqrt(r.varianceOfDifference);
  const p = se > 0 ? zTestWorse(delta, se, direction) : isBad(delta, direction) ? 0 : 1;
  return { method: 'delong', paired: true, p_value: p, ci_delta: [delta - Z975 * se, delta + Z975 * se] };
}

/**
 * Paired DeLong test of macro one-vs-rest ROC AUC (`delong-ovr.ts`); undefined when a run lacks
 * probabilities, a pair's true class differs between the runs, or a class present in the labels is not
 * scored by both runs.
 */
function compareOvrAuc(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
  direction: Direction,
): TestResult | undefined {
  if (!base.proba || !cur.proba || !base.yTrue || !cur.yTrue) return undefined;
  const { baseIdx, curIdx } = pairing;
  const m = baseIdx.length;
  const curOf = new Map(cur.classes.map((c, i) => [c, i]));
  // Baseline class index → current class index (−1 when the current run has no such class).
  const toCur = Int32Array.from(base.classes, (c) => curOf.get(c) ?? -1);
  const label = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const lb = base.yTrue[baseIdx[j]];
    // Relabelled example: the AUCs are on different ground truth (see compareAuc).
    if (toCur[lb] !== cur.yTrue[curIdx[j]]) return undefined;
    label[j] = lb;
  }
  const kb = base.classes.length;
  const kc = cur.classes.length;
  const bp = base.proba;
  const cp = cur.proba;
  const b: OvrInput = {
    n: m,
    k: kb,
    label,
    score: (c, out) => {
      for (let j = 0; j < m; j++) out[j] = bp[baseIdx[j] * kb + c];
    },
  };
  const c: OvrInput = {
    n: m,
    k: kb,
    label,
    score: (cls, out) => {
      const cc = toCur[cls];
      for (let j = 0; j < m; j++) out[j] = cp[curIdx[j] * kc + cc];
    },
  };
  const r = delongOvrPaired(b, c);
  if (!Number.isFinite(r.auc1) || !Number.isFinite(r.auc2)) return undefined;
  const delta = r.auc2 - r.auc1;
  if (!Number.isFinite(r.varianceOfDifference))
    return { method: 'delong', paired: true, p_value: null, ci_delta: null };
  const se = Math.sqrt(r.varianceOfDifference);
  const p = se > 0 ? zTestWorse(delta, se, direction) : isBad(delta, direction) ? 0 : 1;
  return { method: 'delong', paired: true, p_value: p, ci_delta: [delta - Z975 * se, delta + Z975 * se] };
}

/**
 * Joint (baseline cell, current cell) counts of the paired examples. A paired bootstrap resample of the
 * m pairs is a Multinomial(m, joint/m) draw over these cells; its margins are the two resampled confusion
 * matrices. With k classes that is at most k²×k² cells, usually far fewer non-empty ones.
 */
function jointConfusion(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
): { kb: number; kc: number; baseCell: Int32Array; curCell: Int32Array; counts: Float64Array } {
  const kb = base.classes.length;
  const kc = cur.classes.length;
  const cb = kb * kb;
  const cc = kc * kc;
  const { baseIdx, curIdx } = pairing;
  const yb = base.yTrue!;
  const pb = base.yPred!;
  const yc = cur.yTrue!;
  const pc = cur.yPred!;
  const keys: number[] = [];
  const counts: number[] = [];
  if (cb * cc <= 1 << 20) {
    const dense = new Float64Array(cb * cc);
    for (let j = 0; j < baseIdx.length; j++) {
      const i = baseIdx[j];
      const l = curIdx[j];
      dense[(yb[i] * kb + pb[i]) * cc + yc[l] * kc + pc[l]]++;
    }
    for (let key = 0; key < dense.length; key++) {
      if (dense[key] > 0) {
        keys.push(key);
        counts.push(dense[key]);
      }
    }
  } else {
    const sparse = new Map<number, number>();
    for (let j = 0; j < baseIdx.length; j++) {
      const i = baseIdx[j];
      const l = curIdx[j];
      const key = (yb[i] * kb + pb[i]) * cc + yc[l] * kc + pc[l];
      sparse.set(key, (sparse.get(key) ?? 0) + 1);
    }
    for (const key of [...sparse.keys()].sort((x, y) => x - y)) {
      keys.push(key);
      counts.push(sparse.get(key)!);
    }
  }
  return {
    kb,
    kc,
    baseCell: Int32Array.from(keys, (k) => Math.floor(k / cc)),
    curCell: Int32Array.from(keys, (k) => k % cc),
    counts: Float64Array.from(counts),
  };
}

/** Paired bootstrap replicates of current − baseline for confusion-matrix metrics (O(cells) per resample). */
function pairedConfusionReplicates(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
  names: readonly string[],
  B: number,
  rng: Rng,
): Record<string, Float64Array> {
  const j = jointConfusion(base, cur, pairing);
  const resampler = new CountResampler(j.counts);
  const tb = new Float64Array(j.kb * j.kb);
  const tc = new Float64Array(j.kc * j.kc);
  const out: Record<string, Float64Array> = {};
  for (const name of names) out[name] = new Float64Array(B);
  const task = base.task as 'binary' | 'multiclass';
  const cells = j.counts.length;
  for (let b = 0; b < B; b++) {
    const draw = resampler.sample(rng);
    tb.fill(0);
    tc.fill(0);
    for (let c = 0; c < cells; c++) {
      tb[j.baseCell[c]] += draw[c];
      tc[j.curCell[c]] += draw[c];
    }
    const mb = metricsFromConfusion(tb, j.kb, task, base.posIndex);
    const mc = metricsFromConfusion(tc, j.kc, task, cur.posIndex);
    for (const name of names) {
      const x = mb[name]?.value;
      const y = mc[name]?.value;
      out[name][b] = x === null || x === undefined || y === null || y === undefined ? NaN : y - x;
    }
  }
  return out;
}

function fromPairedReplicates(deltas: Float64Array, direction: Direction): TestResult | undefined {
  const p = bootstrapPValue(deltas, direction);
  if (p === null) return undefined;
  return { method: 'paired-bootstrap', paired: true, p_value: p, ci_delta: percentileInterval(deltas) };
}

const hasConfusion = (ds: Dataset) =>
  (ds.task === 'binary' || ds.task === 'multiclass') && !!ds.yTrue && !!ds.yPred;

/**
 * Paired one-sided tests of `names` between two runs, keyed by metric name (docs/statistics.md,
 * 'Comparisons (`compareDatasets`)'):
 * - mean metrics with 0/1 per-example values (accuracy, exact_match, …): exact McNemar (`mcnemar-exact`)
 *   with a Wald interval of the paired difference;
 * - other mean metrics: paired t test on d = current − baseline (`paired-t`, df = m − 1);
 * - either, when both runs carry cluster ids: clustered paired z (`paired-clustered-z`, Miller 2024);
 * - confusion-matrix metrics: paired bootstrap over the joint confusion cells (`paired-bootstrap`);
 * - binary ROC AUC: paired DeLong (`delong`);
 * - others: paired bootstrap over example pairs (`paired-bootstrap`; resamples capped by
 *   `maxResampledRows` for very large n).
 * Metrics that cannot be tested on the pairs (unknown, undefined on the overlap, relabelled examples for
 * AUC, no pairing) are absent: the caller falls back to `unpairedTest`. Deterministic given the seed; a
 * metric's result does not depend on which other metrics are requested.
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
  const B = Math.max(1, Math.floor(opts.bootstrap ?? DEFAULT_BOOTSTRAP));
  const seed = opts.seed ?? 0;
  const dirOf = (name: string): Direction =>
    opts.directions?.[name] ?? metricSpec(name, cur.task)?.direction ?? 'higher';
  const confusionNames: string[] = [];
  const otherNames: string[] = [];
  for (const name of names) {
    const spec = metricSpec(name, cur.task);
    if (!spec) continue;
    const direction = dirOf(name);
    if (spec.kind === 'mean') {
      const r = compareMean(base, cur, pairing, name, direction, spec.binaryOutcome === true, opts);
      if (r) out[name] = r;
      else otherNames.push(name);
    } else if (spec.kind === 'auc') {
      const r = compareAuc(base, cur, pairing, direction);
      if (r) out[name] = r;
    } else if (spec.kind === 'confusion' && hasConfusion(base) && hasConfusion(cur)) {
      confusionNames.push(name);
    } else {
      otherNames.push(name);
    }
  }
  if (confusionNames.length > 0) {
    const reps = pairedConfusionReplicates(
      base,
      cur,
      pairing,
      confusionNames,
      B,
      new Rng(deriveSeed(seed, 'paired-confusion')),
    );
    for (const name of confusionNames) {
      const r = fromPairedReplicates(reps[name], dirOf(name));
      if (r) out[name] = r;
    }
  }
  if (otherNames.length > 0) {
    const reps = pairedBootstrapExamples(
      base,
      cur,
      pairing.baseIdx,
      pairing.curIdx,
      otherNames,
      opts.metric,
      exampleResamples(B, pairing.baseIdx.length, opts.maxResampledRows),
      new Rng(deriveSeed(seed, 'paired-examples')),
    );
    for (const name of otherNames) {
      const r = fromPairedReplicates(reps[name], dirOf(name));
      if (r) out[name] = r;
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
 * Unpaired one-sided z test from the two runs' standard errors: z = (current − baseline)/√(se_b² + se_c²),
 * for runs on different examples and for pre-aggregated metrics that carry a stderr (e.g.
 * lm-evaluation-harness `acc_stderr`). Ignores any correlation between the runs, so it is conservative
 * when they share examples. p and ci are null when a value or a positive standard error is missing.
 */
export function unpairedTest(
  base: MetricValue | undefined,
  cur: MetricValue | undefined,
  direction: Direction,
): TestResult {
  const none: TestResult = { method: 'unpaired-z', paired: false, p_value: null, ci_delta: null };
  if (!base || !cur) return none;
  const vb = base.value;
  const vc = cur.value;
  const sb = base.stderr;
  const sc = cur.stderr;
  if (vb === null || vc === null || !Number.isFinite(vb) || !Number.isFinite(vc)) return none;
  if (typeof sb !== 'number' || typeof sc !== 'number' || !(sb >= 0) || !(sc >= 0)) return none;
  const se = Math.sqrt(sb * sb + sc * sc);
  if (!(se > 0)) return none;
  const delta = vc - vb;
  return {
    method: 'unpaired-z',
    paired: false,
    p_value: zTestWorse(delta, se, direction),
    ci_delta: [delta - Z975 * se, delta + Z975 * se],
  };
}
