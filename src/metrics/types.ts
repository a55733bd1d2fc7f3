/**
 * Types shared by the metric engine's files (options, the encoded Dataset, metric points and specs).
 * They live here, not in index.ts, so that the engine's files never import their own public entry.
 */
import type { Direction, Task, TaskSetting } from '../types.js';

/** Options that change how metrics are computed (from config). */
export interface MetricOptions {
  task: TaskSetting;
  /** Binary positive class; the default rule of docs/metrics.md, 'Binary', when absent. */
  positiveLabel?: string | number | boolean;
  /** Class order for multiclass probability arrays. */
  classes?: (string | number | boolean)[];
  /** k of top_k_accuracy (default 5). */
  topK?: number;
  /** Generation normalisers applied before exact_match (trim + case-fold always unless disabled). */
  normalize?: {
    trim?: boolean;
    caseFold?: boolean;
    stripPunctuation?: boolean;
    collapseWhitespace?: boolean;
  };
  /**
   * The user's names of the mapped fields (config `fields`), so that error messages name the field as it
   * appears in the file. Defaults to `id`, `label`, `prediction`, `probabilities`.
   */
  fields?: { id?: string; label?: string; prediction?: string; probabilities?: string; cluster?: string };
  /**
   * Keep each mean metric's spread on its point (`MetricPoint.spread`), so that its error bar needs no
   * second pass over the examples. The pipeline asks for it on the run's own points; bootstrap
   * resamples, which recompute metrics thousands of times, do not.
   */
  meanSpreads?: boolean;
  /**
   * Computes the macro one-vs-rest ROC AUC in place of `ovrAuc` (same value, bit for bit). The pipeline
   * passes the DeLong pass of `src/stats/delong-ovr.ts`, so that the AUC's error bar reuses its sorts
   * instead of sorting every class a second time. It may return a function giving the value: the
   * work it started (on the helper thread) then overlaps the other metrics, computed before it is called.
   */
  ovrAuc?: (
    yTrue: Int32Array,
    proba: Float64Array,
    k: number,
    n: number,
  ) => OvrAucValue | (() => OvrAucValue);
}

/** Macro one-vs-rest ROC AUC and the number of classes it averages. */
export interface OvrAucValue {
  value: number;
  classes: number;
}

/**
 * Columnar, encoded examples of one run: what every metric is computed from. Built once by
 * `buildDataset`; `subsetDataset` gathers rows (slices, bootstrap resamples).
 */
export interface Dataset {
  task: Task;
  n: number;
  ids: string[];
  /**
   * Classification/multilabel: class names in sklearn order (sorted union of labels and predictions;
   * multiclass with probabilities: also every class the probabilities name, i.e. config `classes`).
   */
  classes: string[];
  /** Index into `classes` of the binary positive class (binary only). */
  posIndex?: number;
  /** Binary/multiclass: class index per example. */
  yTrue?: Int32Array;
  yPred?: Int32Array;
  /** Binary: probability of the positive class per example (absent when no probabilities). */
  score?: Float64Array;
  /** Multiclass: n × classes.length row-major probabilities (absent when none). */
  proba?: Float64Array;
  /** Multilabel: n × classes.length 0/1 indicator matrices. */
  mlTrue?: Uint8Array;
  mlPred?: Uint8Array;
  /** Regression targets and predictions. */
  yTrueNum?: Float64Array;
  yPredNum?: Float64Array;
  /** Generation: predicted text and accepted reference texts. */
  textPred?: string[];
  textRefs?: string[][];
  /** Other numeric fields; NaN where an example lacks the field. */
  numeric: Record<string, Float64Array>;
  /** Slice field → value per example ("" where an example lacks the field). */
  slices: Record<string, string[]>;
  /** Cluster id per example when configured. */
  cluster?: string[];
}

/** Mean, sample standard deviation and CLT standard error of a mean. */
export interface MeanStats {
  /** Values used (NaN entries are skipped). */
  n: number;
  mean: number;
  /** Sample standard deviation with the n − 1 (Bessel) denominator; NaN when n < 2. */
  sd: number;
  /** sd / √n; NaN when n < 2. */
  se: number;
}

/**
 * What the error bar of a mean metric needs from its per-example values, kept on its point
 * (`MetricPoint.spread`) so that the error bars need not compute the values a second time (multiclass
 * log loss and top-k hits cost ~0.15 s each per million examples).
 */
export interface MeanSpread {
  stats: MeanStats;
  /** Every value that is not NaN is 0 or 1. */
  zeroOne: boolean;
}

/** A metric's point estimate; `value: null` with a reason when undefined for the data. */
export interface MetricPoint {
  value: number | null;
  undefined?: string;
  /**
   * Examples the value was computed from. Equals the dataset's `n` except for numeric-field summaries,
   * where it counts only the examples that have the field.
   */
  n?: number;
  /**
   * Of a mean metric computed from its per-example values, when `MetricOptions.meanSpreads` asks for it:
   * their CLT summary, which the unclustered error bar uses instead of computing the values again.
   */
  spread?: MeanSpread;
}

/**
 * How a metric's uncertainty can be computed:
 * - `mean`: the mean of a per-example value (see `perExampleValues`) — CLT / paired SE / McNemar for 0/1;
 * - `confusion`: a function of the confusion matrix (see `confusionCounts`, `metricsFromConfusion`);
 * - `auc`: binary ROC AUC and one-vs-rest multiclass ROC AUC (DeLong);
 * - `other`: anything else (bootstrap over examples).
 */
export type MetricKind = 'mean' | 'confusion' | 'auc' | 'other';

/** What the engine knows about a metric: its direction and how its uncertainty is computed. */
export interface MetricSpec {
  /** Which way is better; undefined for a numeric field whose name does not say (config decides). */
  direction: Direction | undefined;
  kind: MetricKind;
  /** True when the per-example value is 0/1 (McNemar applies). */
  binaryOutcome?: boolean;
}
