/**
 * Monte Carlo check of the gate's statistics (`npm run simulate`): false-alarm rate when nothing
 * changed, power against a real 2-point accuracy drop, and coverage of the 95% intervals. Fixed seeds:
 * the output is the same on every run and with any number of worker threads.
 *
 * Gate rule (as src/diagnose applies it, docs/statistics.md): a gated metric with tolerance t regresses
 * when its one-sided margin test of H0 "worse by at most t" rejects at 0.05 after Holm across the gated
 * metrics. The gate fails when any gated metric regresses. Tests come from `compareDatasets` with the
 * default resamples and seed, on datasets built by the metric engine's `buildDataset`. Further sections:
 * margin tests at t = 0.01/0.02 (false alarms at a true drop of t, power at 2–4·t, coverage of the
 * one-sided bounds), randomization vs exact McNemar size with 1–10 discordant pairs, and the size of
 * the cluster-robust test with 5, 10 and 30 clusters (margin.ts).
 *
 * Data model (binary task with probabilities): label y ~ Bernoulli(0.35); each example has a latent
 * margin s = μ·(2y − 1) + ε, ε ~ N(0, 1), shared by both runs (example difficulty); a run's logit is
 * z = s + τ·η with its own η ~ N(0, 1) (two nearby checkpoints of one model); prediction = [z > 0],
 * probability = sigmoid(1.5·z). The "current" run of the power scenario is shifted towards the wrong
 * class by δ: z = s + τ·η − δ·(2y − 1). μ, τ and δ are solved for a baseline accuracy of 85%, a 2.0-point
 * expected accuracy drop and 7% discordant pairs. Under "no change" (δ = 0) the two runs are
 * exchangeable, so every metric's null hypothesis holds exactly.
 */
import { cpus } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  buildDataset,
  computeMetrics,
  metricSpec,
  primaryMetrics,
  taskMetricNames,
  type Dataset,
} from '../src/metrics/index.js';
import {
  compareDatasets,
  holm,
  normalCdf,
  normalQuantile,
  pairedClusteredTest,
  Rng,
  withErrorBars,
} from '../src/stats/index.js';
import { clusteredMarginTest } from '../src/stats/margin.js';
import type { ExampleRecord } from '../src/types.js';

const ALPHA = 0.05;
const N_PAIRED = 2000;
const PI = 0.35;
const BASE_ACCURACY = 0.85;
const TARGET_DROP = 0.02;
const TARGET_DISCORDANT = 0.07;
const OPTS = { task: 'binary' as const };

// The zero-config gated metrics and the binary task's metrics, from the source of truth (metrics/spec.ts).
const DEFAULT_GATED = primaryMetrics('binary');
const TASK_METRICS = taskMetricNames('binary', true);
const FIELD_METRICS = [
  'latency_ms_mean',
  'latency_ms_p50',
  'latency_ms_p95',
  'tokens_mean',
  'judge_score_mean',
  'cost_usd_mean',
  'steps_mean',
  'memory_mb_mean',
];
const GATED_20 = [...TASK_METRICS, ...FIELD_METRICS];

const REPS = {
  h0Default: Number(process.env.SIM_REPS_H0 ?? 2000),
  h020: Number(process.env.SIM_REPS_H020 ?? 1000),
  power: Number(process.env.SIM_REPS_POWER ?? 2000),
  coverage: Number(process.env.SIM_REPS_COVERAGE ?? 2000),
};
const COVERAGE_N = [50, 300, 2000];
const MARGIN_REPS = Number(process.env.SIM_REPS_MARGIN ?? 1000);
const MARGINS = [0.01, 0.02];
const MULTIPLES = [0, 1, 2, 3, 4];
const SMALL_REPS = Number(process.env.SIM_REPS_SMALL ?? 2000);
const CLUSTER_REPS = Number(process.env.SIM_REPS_CLUSTER ?? 4000);
const CLUSTERS = [5, 10, 30];

/** How the current run of a power scenario is worse than the baseline. */
type Shift = 'none' | 'class' | 'bias';

interface Params {
  mu: number;
  tau: number;
  delta: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-1.5 * z));

/**
 * One pair of runs on the same n examples. `class`: the current logits move towards the wrong class by δ
 * (separation and accuracy both drop); `bias`: they all move up by δ (a threshold/calibration shift —
 * accuracy drops, the ranking and so the AUC do not change in expectation); `none`: exchangeable runs.
 */
function pairOfRuns(
  n: number,
  p: Params,
  shift: Shift,
  seed: number,
  withFields: boolean,
): [Dataset, Dataset] {
  const rng = new Rng(seed);
  const recB: ExampleRecord[] = [];
  const recC: ExampleRecord[] = [];
  for (let i = 0; i < n; i++) {
    const y = rng.random() < PI ? 1 : 0;
    const sign = y ? 1 : -1;
    const s = p.mu * sign + rng.normal();
    const zb = s + p.tau * rng.normal();
    const zc =
      s + p.tau * rng.normal() + (shift === 'class' ? -p.delta * sign : shift === 'bias' ? p.delta : 0);
    const mk = (z: number): ExampleRecord => ({
      id: `q${i}`,
      label: y,
      prediction: z > 0 ? 1 : 0,
      probabilities: sigmoid(z),
      slices: {},
      numeric: {},
      source: { file: 'sim.jsonl', line: i + 1 },
    });
    const b = mk(zb);
    const c = mk(zc);
    if (withFields) {
      // Per-example fields with a shared example effect and run-level noise (exchangeable runs).
      const lat = Math.exp(4 + 0.5 * rng.normal());
      const tok = 200 * Math.exp(0.4 * rng.normal());
      const judge = 6 + 1.5 * rng.normal();
      const steps = 3 + rng.normal();
      const mem = 500 + 50 * rng.normal();
      for (const r of [b, c]) {
        const t = Math.round(tok * Math.exp(0.1 * rng.normal()));
        r.numeric = {
          latency_ms: Math.round(lat * Math.exp(0.15 * rng.normal()) * 10) / 10,
          tokens: t,
          judge_score: Math.min(10, Math.max(1, Math.round(2 * (judge + 0.8 * rng.normal())) / 2)),
          cost_usd: t * 2e-6,
          steps: Math.max(1, Math.round(steps + 0.7 * rng.normal())),
          memory_mb: Math.round(mem + 10 * rng.normal()),
        };
      }
    }
    recB.push(b);
    recC.push(c);
  }
  return [buildDataset(recB, OPTS), buildDataset(recC, OPTS)];
}

interface GateOutcome {
  fail: boolean;
  /** Per gated metric: regressed after Holm; raw p < 0.05; 0 inside ci_delta. */
  regressed: Record<string, boolean>;
  rawSignificant: Record<string, boolean>;
  ciCoversZero: Record<string, boolean>;
  accDrop: number;
  discordant: number;
}

/** The gate decision of SPEC §5 with default settings on one pair of runs. */
function gate(base: Dataset, cur: Dataset, gated: string[]): GateOutcome {
  const pb = computeMetrics(base, OPTS);
  const pc = computeMetrics(cur, OPTS);
  const tests = compareDatasets(base, cur, gated, { metric: OPTS });
  const bad: Record<string, number> = {};
  const ps: (number | null)[] = [];
  for (const m of gated) {
    const d = (pc[m].value as number) - (pb[m].value as number);
    bad[m] = metricSpec(m, 'binary')!.direction === 'higher' ? -d : d;
    ps.push(tests[m]?.p_value ?? null);
  }
  const adj = holm(ps);
  const out: GateOutcome = {
    fail: false,
    regressed: {},
    rawSignificant: {},
    ciCoversZero: {},
    accDrop: (pb.accuracy.value as number) - (pc.accuracy.value as number),
    discordant: 0,
  };
  gated.forEach((m, i) => {
    const p = adj[i];
    // diagnose: a tested metric regresses when its margin test (tolerance 0 here) rejects after Holm.
    const reg = p === null ? bad[m] > 0 : p < ALPHA;
    out.regressed[m] = reg;
    out.rawSignificant[m] = ps[i] !== null && (ps[i] as number) < ALPHA;
    const ci = tests[m]?.ci_delta;
    out.ciCoversZero[m] = !!ci && ci[0] <= 0 && ci[1] >= 0;
    if (reg) out.fail = true;
  });
  const yb = base.yPred!;
  const yc = cur.yPred!;
  let disc = 0;
  for (let i = 0; i < base.n; i++) if (yb[i] !== yc[i]) disc++;
  out.discordant = disc / base.n;
  return out;
}

interface CoverageOutcome {
  covered: Record<string, boolean>;
  method: Record<string, string>;
}

/** 95% CIs of one run of n examples against the population values of the data model. */
function coverage(n: number, p: Params, seed: number, truth: Record<string, number>): CoverageOutcome {
  const rng = new Rng(seed);
  const sd = Math.sqrt(1 + p.tau * p.tau);
  const recs: ExampleRecord[] = [];
  for (let i = 0; i < n; i++) {
    const y = rng.random() < PI ? 1 : 0;
    const z = p.mu * (y ? 1 : -1) + sd * rng.normal();
    recs.push({
      id: `e${i}`,
      label: y,
      prediction: z > 0 ? 1 : 0,
      probabilities: sigmoid(z),
      slices: {},
      numeric: {},
      source: { file: 'c' },
    });
  }
  const ds = buildDataset(recs, OPTS);
  const pts = computeMetrics(ds, OPTS);
  const names = DEFAULT_GATED;
  const eb = withErrorBars(ds, Object.fromEntries(names.map((k) => [k, pts[k]])), { metric: OPTS });
  const out: CoverageOutcome = { covered: {}, method: {} };
  for (const k of names) {
    const ci = eb[k].ci;
    out.covered[k] = !!ci && ci[0] <= truth[k] && truth[k] <= ci[1];
    out.method[k] = eb[k].method ?? 'none';
  }
  return out;
}

/** Population accuracy, F1 and AUC of the single-run model z = μ(2y − 1) + N(0, 1 + τ²). */
function populationTruth(p: Params): Record<string, number> {
  const sd = Math.sqrt(1 + p.tau * p.tau);
  const tpr = normalCdf(p.mu / sd);
  const fpr = normalCdf(-p.mu / sd);
  const tp = PI * tpr;
  const fp = (1 - PI) * fpr;
  const fn = PI * (1 - tpr);
  return {
    accuracy: PI * tpr + (1 - PI) * (1 - fpr),
    f1: (2 * tp) / (2 * tp + fp + fn),
    roc_auc: normalCdf((Math.SQRT2 * p.mu) / sd),
  };
}

/**
 * μ, τ, δ of a shift kind for 85% baseline accuracy, a 2.0-point expected accuracy drop and 7% discordant
 * pairs. Baseline accuracy is exact (μ = Φ⁻¹(0.85)·√(1 + τ²)); drop and discordance are estimated on
 * 200,000 simulated examples with common random numbers, and solved by nested bisection.
 */
function solveParams(shift: 'class' | 'bias'): Params {
  const K = 200000;
  const rng = new Rng(424242);
  const y = new Int8Array(K);
  const e = new Float64Array(K);
  const hb = new Float64Array(K);
  const hc = new Float64Array(K);
  for (let i = 0; i < K; i++) {
    y[i] = rng.random() < PI ? 1 : -1;
    e[i] = rng.normal();
    hb[i] = rng.normal();
    hc[i] = rng.normal();
  }
  const q = normalQuantile(BASE_ACCURACY);
  const measure = (tau: number, delta: number): [number, number] => {
    const mu = q * Math.sqrt(1 + tau * tau);
    let accB = 0;
    let accC = 0;
    let disc = 0;
    for (let i = 0; i < K; i++) {
      const s = mu * y[i] + e[i];
      const rb = (s + tau * hb[i]) * y[i] > 0;
      const rc = (s + tau * hc[i] + (shift === 'class' ? -delta * y[i] : delta)) * y[i] > 0;
      if (rb) accB++;
      if (rc) accC++;
      if (rb !== rc) disc++;
    }
    return [(accB - accC) / K, disc / K];
  };
  const deltaFor = (tau: number): number => {
    let lo = 0;
    let hi = 2;
    for (let it = 0; it < 30; it++) {
      const mid = (lo + hi) / 2;
      if (measure(tau, mid)[0] < TARGET_DROP) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  let lo = 0.01;
  let hi = 1.5;
  for (let it = 0; it < 30; it++) {
    const mid = (lo + hi) / 2;
    if (measure(mid, deltaFor(mid))[1] < TARGET_DISCORDANT) lo = mid;
    else hi = mid;
  }
  const tau = (lo + hi) / 2;
  return { mu: q * Math.sqrt(1 + tau * tau), tau, delta: deltaFor(tau) };
}

// ------------------------------------------------------------------------------------------------
// Margin tests: accuracy gated with max_regression t. Each example falls in a cell of the paired
// outcome — both right, lost (right → wrong), gained (wrong → right), both wrong — with P(lost) =
// (q + Δ)/2 and P(gained) = (q − Δ)/2 for q = 7% discordant pairs and a true drop Δ: the true
// worsening is exactly Δ. Labels y ~ Bernoulli(0.35); a right prediction is y, a wrong one 1 − y.

interface MarginOutcome {
  fail: boolean;
  /** The reported one-sided 95% bound covers the true change (accuracy, f1). */
  accCovered: boolean;
  f1Covered: boolean;
}

const Q_DISCORDANT = 0.07;

function marginRun(t: number, drop: number, seed: number): MarginOutcome {
  const rng = new Rng(seed);
  const pl = (Q_DISCORDANT + drop) / 2;
  const pg = (Q_DISCORDANT - drop) / 2;
  const pr = BASE_ACCURACY - pl; // both right: baseline accuracy stays 85%
  const recB: ExampleRecord[] = [];
  const recC: ExampleRecord[] = [];
  for (let i = 0; i < N_PAIRED; i++) {
    const y = rng.random() < PI ? 1 : 0;
    const u = rng.random();
    const [rb, rc] = u < pr ? [1, 1] : u < pr + pl ? [1, 0] : u < pr + pl + pg ? [0, 1] : [0, 0];
    const mk = (right: number): ExampleRecord => ({
      id: `m${i}`,
      label: y,
      prediction: right ? y : 1 - y,
      slices: {},
      numeric: {},
      source: { file: 'sim.jsonl', line: i + 1 },
    });
    recB.push(mk(rb));
    recC.push(mk(rc));
  }
  const b = buildDataset(recB, OPTS);
  const c = buildDataset(recC, OPTS);
  const r = compareDatasets(b, c, ['accuracy', 'f1'], { metric: OPTS, tolerances: { accuracy: t, f1: t } });
  // Population F1 of a run with accuracy a, correctness independent of the label: TP = π·a,
  // FP = (1 − π)(1 − a), FN = π(1 − a).
  const f1Of = (a: number) => (2 * PI * a) / (2 * PI * a + (1 - PI) * (1 - a) + PI * (1 - a));
  const trueF1 = f1Of(BASE_ACCURACY - drop) - f1Of(BASE_ACCURACY);
  const acc = r.accuracy;
  return {
    fail: acc.p_value !== null && acc.p_value < ALPHA,
    accCovered: acc.bound === null || acc.bound === undefined || -drop <= acc.bound,
    f1Covered: r.f1.bound === null || r.f1.bound === undefined || trueF1 <= r.f1.bound,
  };
}

/**
 * Size with few discordant pairs: n = 40 examples, D of them discordant, each discordant pair going
 * either way with probability ½ (H0 holds exactly). Accuracy by exact McNemar, F1 by the paired
 * randomization test on the same pairs.
 */
function smallRun(D: number, seed: number): { mcnemar: boolean; randomization: boolean } {
  const rng = new Rng(seed);
  const n = 40;
  const recB: ExampleRecord[] = [];
  const recC: ExampleRecord[] = [];
  for (let i = 0; i < n; i++) {
    const y = rng.random() < 0.5 ? 1 : 0;
    let rb = rng.random() < 0.8 ? 1 : 0;
    let rc = rb;
    if (i < D) {
      rb = rng.random() < 0.5 ? 1 : 0;
      rc = 1 - rb;
    }
    const mk = (right: number): ExampleRecord => ({
      id: `s${i}`,
      label: y,
      prediction: right ? y : 1 - y,
      slices: {},
      numeric: {},
      source: { file: 's' },
    });
    recB.push(mk(rb));
    recC.push(mk(rc));
  }
  const r = compareDatasets(buildDataset(recB, OPTS), buildDataset(recC, OPTS), ['accuracy', 'f1'], {
    metric: OPTS,
  });
  return {
    mcnemar: (r.accuracy.p_value ?? 1) < ALPHA,
    randomization: (r.f1?.p_value ?? 1) < ALPHA,
  };
}

/**
 * Size of the clustered paired test: C clusters of 20 examples, per-example worsening
 * w = u_c + e, u_c ~ N(0, 0.5²), e ~ N(0, 1), true mean 0. The CR1 t test (C − 1 df) against the
 * previous clustered z test (no small-sample correction, normal reference).
 */
function clusterRun(C: number, seed: number): { cr1: boolean; z: boolean } {
  const rng = new Rng(seed);
  const w: number[] = [];
  const cl: string[] = [];
  for (let c = 0; c < C; c++) {
    const u = 0.5 * rng.normal();
    for (let i = 0; i < 20; i++) {
      w.push(u + rng.normal());
      cl.push(`c${c}`);
    }
  }
  const cr1 = clusteredMarginTest(w, cl, 0, ALPHA);
  // Old test on d = −w with higher-is-better (same one-sided hypothesis).
  const z = pairedClusteredTest(
    w.map((x) => -x),
    cl,
    'higher',
  );
  return { cr1: (cr1.p ?? 1) < ALPHA, z: (z.p ?? 1) < ALPHA };
}

// ------------------------------------------------------------------------------------------------
// Work split: replication r of every scenario is done by worker r mod W, with a seed derived from r
// only, so the figures do not depend on W.

interface Work {
  params: Params;
  bias: Params;
  worker: number;
  workers: number;
}

interface WorkResult {
  h0Default: GateOutcome[];
  h020: GateOutcome[];
  power: GateOutcome[];
  powerBias: GateOutcome[];
  coverage: Record<number, CoverageOutcome[]>;
  /** key `${t}:${multiple}` */
  margin: Record<string, MarginOutcome[]>;
  /** key D */
  small: Record<number, { mcnemar: boolean; randomization: boolean }[]>;
  /** key C */
  cluster: Record<number, { cr1: boolean; z: boolean }[]>;
}

function doWork(w: Work): WorkResult {
  const { params } = w;
  const mine = (reps: number) =>
    Array.from({ length: reps }, (_, r) => r).filter((r) => r % w.workers === w.worker);
  const truth = populationTruth(params);
  const res: WorkResult = {
    h0Default: [],
    h020: [],
    power: [],
    powerBias: [],
    coverage: {},
    margin: {},
    small: {},
    cluster: {},
  };
  MARGINS.forEach((t, ti) =>
    MULTIPLES.forEach((k) => {
      res.margin[`${t}:${k}`] = mine(MARGIN_REPS).map((r) =>
        marginRun(t, k * t, 6_000_000 + 100_000 * ti + 10_000 * k + r),
      );
    }),
  );
  for (let D = 1; D <= 10; D++)
    res.small[D] = mine(SMALL_REPS).map((r) => smallRun(D, 7_000_000 + 10_000 * D + r));
  for (const C of CLUSTERS)
    res.cluster[C] = mine(CLUSTER_REPS).map((r) => clusterRun(C, 8_000_000 + 10_000 * C + r));
  for (const r of mine(REPS.h0Default))
    res.h0Default.push(gate(...pairOfRuns(N_PAIRED, params, 'none', 1_000_000 + r, false), DEFAULT_GATED));
  for (const r of mine(REPS.h020))
    res.h020.push(gate(...pairOfRuns(N_PAIRED, params, 'none', 2_000_000 + r, true), GATED_20));
  for (const r of mine(REPS.power))
    res.power.push(gate(...pairOfRuns(N_PAIRED, params, 'class', 3_000_000 + r, false), DEFAULT_GATED));
  for (const r of mine(REPS.power))
    res.powerBias.push(gate(...pairOfRuns(N_PAIRED, w.bias, 'bias', 5_000_000 + r, false), DEFAULT_GATED));
  for (const n of COVERAGE_N) {
    res.coverage[n] = mine(REPS.coverage).map((r) => coverage(n, params, 4_000_000 + 10_000 * n + r, truth));
  }
  return res;
}

if (!isMainThread) {
  parentPort!.postMessage(doWork(workerData as Work));
} else {
  await main();
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const params = solveParams('class');
  const bias = solveParams('bias');
  const workers = Math.max(1, Math.min(Number(process.env.SIM_WORKERS ?? cpus().length), 8));
  const parts = await Promise.all(
    Array.from(
      { length: workers },
      (_, worker) =>
        new Promise<WorkResult>((resolve, reject) => {
          // Workers do not inherit the tsx loader the script runs under (npm run simulate): register it
          // in the worker before importing this file.
          const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
          const wk = new Worker(code, {
            eval: true,
            workerData: { params, bias, worker, workers } satisfies Work,
          });
          wk.once('message', resolve);
          wk.once('error', reject);
        }),
    ),
  );
  const all = <K extends 'h0Default' | 'h020' | 'power' | 'powerBias'>(k: K) => parts.flatMap((p) => p[k]);
  const h0 = all('h0Default');
  const h20 = all('h020');
  const pw = all('power');
  const pb = all('powerBias');
  const rate = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;
  const mcse = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
  const pct = (p: number) => `${(100 * p).toFixed(1)}%`;
  const withSe = (p: number, n: number) => `${pct(p)} ± ${(100 * mcse(p, n)).toFixed(1)}`;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

  const fa3 = rate(h0.map((o) => o.fail));
  const fa20 = rate(h20.map((o) => o.fail));
  const power = rate(pw.map((o) => o.fail));
  const powerBias = rate(pb.map((o) => o.fail));
  const truth = populationTruth(params);

  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  out('evalgate gate simulation — defaults: significance 0.05, one-sided margin tests, Holm across gated');
  out(
    'metrics, tolerance 0 (zero-config), default resamples, seed 0; paired binary runs built with buildDataset.',
  );
  out(
    `Data model (scripts/simulate.ts): P(y=1) = ${PI}, baseline accuracy ${pct(BASE_ACCURACY)}; class shift μ = ${params.mu.toFixed(4)}, τ = ${params.tau.toFixed(4)}, δ = ${params.delta.toFixed(4)}; bias shift μ = ${bias.mu.toFixed(4)}, τ = ${bias.tau.toFixed(4)}, δ = ${bias.delta.toFixed(4)}.`,
  );
  out('± figures are Monte Carlo standard errors.');
  out();
  out('| scenario | n | replications | gated metrics | gate fails | target | |');
  out('|---|---:|---:|---|---:|---|---|');
  out(
    `| no change (H0 true) | ${N_PAIRED} | ${h0.length} | accuracy, f1, roc_auc (zero-config) | ${withSe(fa3, h0.length)} | ≤ 5% | ${verdict(fa3 <= 0.05)} |`,
  );
  out(
    `| no change (H0 true) | ${N_PAIRED} | ${h20.length} | 20 metrics¹ | ${withSe(fa20, h20.length)} | ≤ 5% | ${verdict(fa20 <= 0.05)} |`,
  );
  out(
    `| 2-point accuracy drop, class shift² | ${N_PAIRED} | ${pw.length} | accuracy, f1, roc_auc | ${withSe(power, pw.length)} | ≥ 80% | ${verdict(power >= 0.8)} |`,
  );
  out(
    `| 2-point accuracy drop, bias shift³ | ${N_PAIRED} | ${pb.length} | accuracy, f1, roc_auc | ${withSe(powerBias, pb.length)} | ≥ 80% | ${verdict(powerBias >= 0.8)} |`,
  );
  out();
  out(`¹ ${GATED_20.join(', ')}.`);
  out(
    `² logits move towards the wrong class (separation drops too); realised accuracy drop ${(100 * mean(pw.map((o) => o.accDrop))).toFixed(2)} points on average, ${pct(mean(pw.map((o) => o.discordant)))} discordant pairs (no-change runs: ${pct(mean(h0.map((o) => o.discordant)))}).`,
  );
  out(
    `³ all logits move up (a threshold shift: accuracy drops, AUC does not); realised accuracy drop ${(100 * mean(pb.map((o) => o.accDrop))).toFixed(2)} points, ${pct(mean(pb.map((o) => o.discordant)))} discordant pairs.`,
  );
  out();
  out('Per-metric detail (share of replications):');
  out();
  out(
    '| metric | method | H0: raw one-sided p < 0.05 | H0: regressed after Holm (3 gated) | H0: 95% CI of Δ covers 0 | class shift: regressed | bias shift: regressed |',
  );
  out('|---|---|---:|---:|---:|---:|---:|');
  const methodOf: Record<string, string> = {
    accuracy: 'mcnemar-exact',
    f1: 'paired-randomization',
    roc_auc: 'delong',
  };
  for (const m of DEFAULT_GATED) {
    out(
      `| ${m} | ${methodOf[m]} | ${pct(rate(h0.map((o) => o.rawSignificant[m])))} | ${pct(rate(h0.map((o) => o.regressed[m])))} | ${pct(rate(h0.map((o) => o.ciCoversZero[m])))} | ${pct(rate(pw.map((o) => o.regressed[m])))} | ${pct(rate(pb.map((o) => o.regressed[m])))} |`,
    );
  }
  out();
  out('Raw one-sided size of every test in the 20-metric no-change runs (nominal 5%):');
  out();
  out(
    '| ' + GATED_20.map((m) => `${m} ${pct(rate(h20.map((o) => o.rawSignificant[m])))}`).join(' · ') + ' |',
  );
  out();
  out('Coverage of 95% confidence intervals of one run against the population value:');
  out();
  out(`| n | replications | accuracy | f1 | roc_auc | target |`);
  out('|---:|---:|---:|---:|---:|---|');
  for (const n of COVERAGE_N) {
    const cs = parts.flatMap((p) => p.coverage[n]);
    const cell = (k: string) => {
      const c = rate(cs.map((o) => o.covered[k]));
      const methods = [...new Set(cs.map((o) => o.method[k]))].join('/');
      return `${withSe(c, cs.length)} (${methods})${Math.abs(c - 0.95) <= 0.02 ? '' : ' **outside 95 ± 2**'}`;
    };
    out(`| ${n} | ${cs.length} | ${cell('accuracy')} | ${cell('f1')} | ${cell('roc_auc')} | 95% ± 2% |`);
  }
  out();
  out(
    `Population values: accuracy ${truth.accuracy.toFixed(4)}, f1 ${truth.f1.toFixed(4)}, roc_auc ${truth.roc_auc.toFixed(4)}.`,
  );
  out();
  out(
    `Margin tests: accuracy gated with max_regression t (significance 0.05), n = ${N_PAIRED}, ${pct(Q_DISCORDANT)} discordant pairs, true drop = multiple × t; ${MARGIN_REPS} replications each. "bound covers": the one-sided 95% bound of Δ reported beside p is on the right side of the true Δ (accuracy: Tango/McNemar inversion; f1: randomization inversion).`,
  );
  out();
  out('| t | true drop | gate fails | target | accuracy bound covers | f1 bound covers |');
  out('|---:|---:|---:|---|---:|---:|');
  for (const t of MARGINS) {
    for (const k of MULTIPLES) {
      const os = parts.flatMap((p) => p.margin[`${t}:${k}`]);
      const f = rate(os.map((o) => o.fail));
      const target = k === 1 ? '≤ 5%' : k === 3 && t === 0.01 ? '≥ 90%' : '';
      const ok = k === 1 ? f <= 0.05 : k === 3 && t === 0.01 ? f >= 0.9 : true;
      out(
        `| ${t} | ${(k * t).toFixed(2)} (${k}·t) | ${withSe(f, os.length)} | ${target}${target ? ` ${verdict(ok)}` : ''} | ${pct(rate(os.map((o) => o.accCovered)))} | ${pct(rate(os.map((o) => o.f1Covered)))} |`,
      );
    }
  }
  out();
  out(
    `Few discordant pairs (H0 true): n = 40, D pairs discordant, each either way with probability ½; ${SMALL_REPS} replications per D. Share with p < 0.05 (nominal at most 5%; discrete tests reach less):`,
  );
  out();
  out('| D | exact McNemar (accuracy) | paired randomization (f1) | same decision |');
  out('|---:|---:|---:|---:|');
  for (let D = 1; D <= 10; D++) {
    const os = parts.flatMap((p) => p.small[D]);
    out(
      `| ${D} | ${pct(rate(os.map((o) => o.mcnemar)))} | ${pct(rate(os.map((o) => o.randomization)))} | ${pct(rate(os.map((o) => o.mcnemar === o.randomization)))} |`,
    );
  }
  out();
  out(
    `Clustered paired test, H0 true: C clusters of 20 examples, cluster effect sd 0.5, noise sd 1; ${CLUSTER_REPS} replications. Share with p < 0.05 (nominal 5%):`,
  );
  out();
  out('| clusters | CR1 + t(C − 1) (now) | clustered z, no correction (before) |');
  out('|---:|---:|---:|');
  for (const C of CLUSTERS) {
    const os = parts.flatMap((p) => p.cluster[C]);
    out(
      `| ${C} | ${withSe(rate(os.map((o) => o.cr1)), os.length)} | ${withSe(rate(os.map((o) => o.z)), os.length)} |`,
    );
  }
  out();
  out(`Runtime ${((performance.now() - t0) / 1000).toFixed(1)} s on ${workers} worker thread(s).`);
  console.log(lines.join('\n'));
}
