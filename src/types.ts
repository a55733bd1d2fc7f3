/**
 * Plain data shapes shared by the pure core (readers, metrics, stats, diagnosis, rendering).
 * Nothing here imports `@actions/*`: the CLI and the action exchange exactly these.
 *
 * Over 400 lines on purpose: the plain data shapes the CLI and the action exchange, kept in one file.
 */

import type {
  BaselineSource,
  Direction,
  ResultTask,
  SetupChangePolicy,
  Severity,
  Status,
  Verdict,
} from './policy.js';

// The vocabularies live in src/policy.ts (lists and types together); re-exported for the core's imports.
export type { Direction, ResultTask, Severity, Status, Task, TaskSetting, Verdict } from './policy.js';

/** Where a value came from, for error messages (`file:line field`). */
export interface SourceRef {
  file: string;
  /** 1-based line (JSONL/CSV row); absent for whole-file formats. */
  line?: number;
}

/**
 * The file's names of the record fields (config `fields`). Here rather than in config/load.ts so that
 * readers can name them without importing the config loader (which imports reader types).
 */
export interface FieldNames {
  id: string;
  label: string;
  prediction: string;
  probabilities: string;
}

/**
 * One per-example record after field mapping (docs/design.md, "Record format"). Values are kept as
 * read; encoding into typed columns happens in `metrics/encode.ts`, which validates them and reports `file:line field` on error.
 */
export interface ExampleRecord {
  /** Example id, normalised to a string (numbers via `String(n)`). */
  id: string;
  label: unknown;
  prediction: unknown;
  /** Binary: number; multiclass: `{class: p}` or array in config `classes` order. Absent when not given. */
  probabilities?: unknown;
  /** Slice field → value (stringified), for fields named in config `slices`. */
  slices: Record<string, string>;
  /** Other numeric fields (e.g. `latency_ms`), summarised as `<field>_mean/_p50/_p95`. */
  numeric: Record<string, number>;
  /** Cluster id when config names a `cluster` field (clustered standard errors). */
  cluster?: string;
  source: SourceRef;
}

/**
 * A metric as stored and reported. `value: null` means undefined for the data, with `undefined` saying
 * why (e.g. "only one class present in label") — never NaN.
 */
export interface MetricValue {
  value: number | null;
  /** Examples the metric was computed on (null for pre-aggregated metrics that do not say). */
  n: number | null;
  stderr?: number | null;
  /** 95% confidence interval [low, high]. */
  ci?: [number, number] | null;
  /** How stderr/ci were obtained. */
  method?: 'clt' | 'wilson' | 'bootstrap' | 'delong' | 'clustered' | 'order-statistic' | 'given';
  /** Reason when `value` is null. */
  undefined?: string;
}

/** Metrics of one slice value (e.g. `language=de`). */
export interface SliceResult {
  n: number;
  metrics: Record<string, MetricValue>;
}

/**
 * Compact per-example data carried in an EvalResult so that a later run can pair examples by id.
 * Columnar: every array has one entry per example, in the same order as `ids`.
 */
export interface ExampleColumns {
  ids: string[];
  label: unknown[];
  prediction: unknown[];
  probabilities?: unknown[];
  numeric?: Record<string, (number | null)[]>;
  slices?: Record<string, string[]>;
  cluster?: string[];
}

/** One pre-scored metric's per-example values (its mean is the metric). */
export interface ScoreColumn {
  ids: string[];
  values: number[];
}

/**
 * What an eval run was set up with, apart from the model: the harness, the task configs and the eval
 * set. Two runs whose setups differ are not measuring the same thing; the report says how they differ.
 */
export interface EvalSetup {
  /** Harness that wrote the file (`lm-eval`, `inspect_ai`, `helm`, `promptfoo`, ...). */
  harness: string;
  /** Harness version when the file records it. */
  version?: string;
  /**
   * Task → config fingerprint: each top-level config key → short hash of its canonical JSON value, so a
   * change can be named by key ("task config of mmlu changed (num_fewshot)").
   */
  tasks?: Record<string, Record<string, string>>;
  /** Short hash of the sorted example ids with their labels/targets, when the file has them. */
  examples?: string;
  /** Number of examples the hash covers. */
  n?: number;
}

/**
 * Per-document `[gold, pred]` items of a corpus-level metric (lm-eval `f1`, `mcc`, `macro_f1`,
 * `micro_f1`): the metric is an aggregate over all documents, not a mean, so a later run pairs the
 * items by id and recomputes it (`src/metrics/corpus.ts`, paired randomization test).
 */
export interface CorpusColumn {
  ids: string[];
  /** Gold answer of each document: one label, or a list of labels (set-valued answers). */
  gold: unknown[];
  /** Prediction of each document, same shape as gold. */
  pred: unknown[];
  /** How the items aggregate into the metric. */
  aggregation: 'f1' | 'mcc' | 'macro_f1' | 'micro_f1';
}

/** Where a result's data came from. */
export interface ResultSource {
  file: string;
  format: string;
}

/** Free-form provenance of a result (filled by the action: commit, run, branch). */
export interface ResultMeta {
  commit?: string;
  branch?: string;
  run_id?: number;
  run_number?: number;
  workflow?: string;
  event?: string;
  created_at?: string;
  [key: string]: unknown;
}

/** Current EvalResult format version; readers reject newer majors with a clear error. */
export const EVAL_RESULT_VERSION = 1;

/**
 * The one serialised form that runs exchange (the baseline artifact). `task` is `aggregate` when the
 * result holds only pre-aggregated metrics (no per-example records).
 */
export interface EvalResult {
  schema: 'evalgate/eval-result';
  version: number;
  task: ResultTask;
  n: number | null;
  metrics: Record<string, MetricValue>;
  /** slice field → slice value → metrics */
  slices: Record<string, Record<string, SliceResult>>;
  examples?: ExampleColumns;
  /**
   * Per-example scores of pre-scored metrics (e.g. lm-evaluation-harness samples: `copa/acc` of each
   * doc), keyed by metric name, so that a later run can pair them by id.
   */
  scores?: Record<string, ScoreColumn>;
  /** Per-document items of corpus-level metrics, keyed by metric name (paired by id like `scores`). */
  corpus?: Record<string, CorpusColumn>;
  /** Things the reader could not use and said so (e.g. corpus-level metrics in per-sample logs). */
  notes?: string[];
  /** Options the metrics were computed with that a paired comparison must reproduce. */
  options?: Record<string, unknown>;
  sources: ResultSource[];
  meta?: ResultMeta;
  /** Eval setups of the inputs (one per input file that records one). */
  setup?: EvalSetup[];
  /**
   * The verdict of the gate run that produced this result (after waivers), so that a later run can
   * refuse it as a baseline or history entry (baseline hygiene). Absent in results of older versions,
   * and in results that were never gated.
   */
  gate?: ResultGate;
}

/** What the gate decided about the run that produced a result. */
export interface ResultGate {
  verdict: Verdict;
  /** Regressions (or drifts) that a waiver turned into `waived`. */
  waived: number;
  /** Active config profile. */
  profile?: string;
}

/** Which baseline was compared, from where and why it was chosen. */
export interface BaselineInfo {
  source: BaselineSource;
  /** Local file or folder (source `path`). */
  path?: string;
  run_id?: number;
  run_number?: number;
  commit?: string;
  branch?: string;
  /** Link to the baseline run. */
  url?: string;
  /** Human sentence: why this baseline (e.g. "merge-base 1a2b3c4, run #1234"), or why none. */
  reason: string;
}

/** Result of a significance test for one comparison (bad-direction, one-sided). */
export interface TestResult {
  /** e.g. `mcnemar-exact`, `paired-t`, `paired-bootstrap`, `delong`, `unpaired-z`. */
  method: string;
  paired: boolean;
  /** One-sided p-value that the metric got worse; null when it cannot be computed. */
  p_value: number | null;
  /** 95% CI of current − baseline. */
  ci_delta: [number, number] | null;
  /** Tolerance t the test was run against: H0 is "worse by at most t" (0 = "not worse"). */
  tolerance?: number;
  /**
   * One-sided (1 − α) confidence bound of current − baseline on the bad side, from inverting the same
   * test as `p_value` (an upper bound when higher is better): p < α exactly when the bound is worse
   * than the tolerance.
   */
  bound?: number | null;
  /** Level α of `bound`. */
  alpha?: number;
  /** Standard error of the change as the test sees it (for the minimum detectable effect). */
  se?: number | null;
  /** Degrees of freedom of a t reference distribution. */
  df?: number;
  /** Smallest p-value this (discrete) test could give on this data. */
  min_p?: number;
  /** Randomization tests: distribution enumerated exactly (true) or sampled. */
  exact?: boolean;
  /** Resamples or relabellings drawn (sampled tests). */
  resamples?: number;
  /** Cluster-robust tests: number of clusters. */
  clusters?: number;
  /** Why `p_value` is null, when it is. */
  reason?: string;
}

/** One row of the comparison: a metric, overall or in one slice. */
export interface Comparison {
  metric: string;
  /** Present for per-slice comparisons. */
  slice?: { field: string; value: string };
  direction: Direction;
  baseline: number | null;
  current: number | null;
  delta: number | null;
  delta_pct: number | null;
  status: Status;
  /** True when a rule gates this metric (else it is reported only). */
  gated: boolean;
  severity: Severity;
  /** Sentence explaining the status, e.g. "worse by 0.021 > max_regression 0.01, p=0.003". */
  reason: string;
  test?: TestResult;
  /** The test's one-sided p-value (same as `test.p_value`; kept on the row for readers of the JSON report). */
  p_value?: number | null;
  /** 95% CI of current − baseline (same as `test.ci_delta`). */
  ci_delta?: [number, number] | null;
  /** Holm- or BH-adjusted p-value. */
  p_adjusted?: number | null;
  /** Tolerated worsening t the test was run against (gated metrics with a relative threshold). */
  tolerance?: number;
  /**
   * Minimum detectable effect: the worsening beyond `tolerance` that this test detects with 80% power
   * at this n and variance, at the level of the strictest multiple-testing step (α/m). Gated and tested
   * comparisons only.
   */
  mde?: number | null;
  baseline_ci?: [number, number] | null;
  current_ci?: [number, number] | null;
  n_baseline?: number | null;
  n_current?: number | null;
  /** Why the metric is undefined in either run, if it is. */
  undefined?: string;
  /**
   * The word of the metric's name its direction was read from (docs/metrics.md, "Direction from the
   * name"), e.g. `accuracy` for `mmlu_accuracy`; absent when the direction came from elsewhere.
   */
  direction_from_name?: string;
}

/** Example that changed outcome between baseline and current. */
export interface FlippedExample {
  id: string;
  label: unknown;
  baseline_prediction: unknown;
  current_prediction: unknown;
  /** For numeric outcomes: current − baseline per-example value. */
  change?: number;
}

/** Pairing of the two runs' examples by id. */
export interface PairingInfo {
  paired: boolean;
  n_baseline: number;
  n_current: number;
  overlap: number;
  /** overlap / max(n_baseline, n_current). */
  overlap_ratio: number;
}

/** The machine-readable report (docs/design.md, "Data flow"); also what the markdown is rendered from. */
export interface Report {
  schema: 'evalgate/report';
  version: number;
  verdict: Verdict;
  gate_id?: string;
  task: ResultTask;
  baseline: BaselineInfo;
  current: { commit?: string; run_id?: number; branch?: string; n: number | null };
  comparisons: Comparison[];
  /** Count of fail-severity regressions. */
  regressions: number;
  warnings: number;
  /** Gated comparisons worse than their tolerance but not significantly so (status `inconclusive`). */
  inconclusive?: number;
  pairing?: PairingInfo;
  flipped?: {
    outcome: string;
    worse: number;
    better: number;
    top_worse: FlippedExample[];
    top_better: FlippedExample[];
  };
  settings: {
    significance: number | null;
    /**
     * Multiple-testing correction actually applied: `holm` (overall metrics), `benjamini-hochberg`
     * (slices), both joined by `, `, or `none` when no gated test ran.
     */
    correction: string;
    /** What an `inconclusive` comparison does to the verdict (config `on_inconclusive`). */
    on_inconclusive?: 'pass' | 'warn' | 'fail';
    /** What a change of eval setup between baseline and this run does (config `on_setup_change`). */
    on_setup_change?: SetupChangePolicy;
  };
  notes: string[];
  /**
   * How the eval setup differs from the baseline's, in plain words ("task config of mmlu changed
   * (num_fewshot)"); absent when it does not, or under `on_setup_change: ignore`.
   */
  setup_changes?: string[];
  /** Config profile selected by the event (`profiles:`), when one applied. */
  profile?: string;
  /** Earlier runs' results of the same workflow and branch, newest first (config `history`). */
  history?: HistoryInfo;
  /** Trend checks against the window of earlier passing runs (config `drift`). */
  drift?: DriftResult[];
  /** Waivers considered, with their paper trail (applied or not). */
  waivers?: WaiverAudit[];
  /** Further comparisons shown below the main one (a release gate's default-branch section). */
  sections?: ReportSection[];
}

/** One earlier run in the history. */
export interface HistoryEntry {
  run_id: number;
  run_number: number;
  commit: string;
  /** When the run was created (ISO 8601). */
  created_at: string;
  url?: string;
  /** The verdict the run recorded, when it recorded one. */
  verdict?: Verdict;
  /** Overall metric values of that run (only the metrics the report charts or checks for drift). */
  values: Record<string, number | null>;
}

/** The history the report was given, and what was left out of it. */
export interface HistoryInfo {
  /** Newest first. */
  entries: HistoryEntry[];
  /** How many entries were asked for (config `history`). */
  requested: number;
  /** Runs left out, by reason (e.g. `expired artifact`, `verdict fail`), with counts. */
  skipped: Record<string, number>;
  /** Branch the history comes from. */
  branch?: string;
  /** Charts drawn at most (config `charts`). */
  charts: number;
}

/** Drift of one metric against the reference of a window of earlier passing runs. */
export interface DriftResult {
  metric: string;
  direction: Direction;
  current: number;
  /** Median or best of the window. */
  reference: number;
  reference_kind: 'median' | 'best';
  /** Earlier runs in the window. */
  window: number;
  /** current − reference. */
  delta: number;
  delta_pct: number | null;
  /** True when the worsening exceeds the drift thresholds. */
  drifted: boolean;
  severity: 'fail' | 'warn';
  /** True when a waiver covers it. */
  waived?: boolean;
  /** "accuracy down 0.024 (−2.6%) over 14 runs (reference: median 0.912)". */
  reason: string;
}

/** A waiver and what became of it. */
export interface WaiverAudit {
  kind: 'label' | 'config';
  /** Metric (config waivers); absent for a label, which waives every regression. */
  metric?: string;
  slice?: { field: string; value: string };
  /** Label waivers: the label, who added it and when (from the issue events API). */
  label?: string;
  actor?: string;
  at?: string;
  /** Config waivers. */
  reason?: string;
  expires?: string;
  until_baseline?: string;
  /** True when it applied to this run (a row or drift became `waived`). */
  applied: boolean;
  /** Rows it turned into `waived`. */
  waived: number;
  /** Why it did not apply (expired, another baseline). */
  inactive?: string;
}

/** A further comparison of the same current run against another baseline. */
export interface ReportSection {
  title: string;
  baseline: BaselineInfo;
  verdict: Verdict;
  comparisons: Comparison[];
}
