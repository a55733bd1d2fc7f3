/**
 * Metric engine public API (CONTRACT — other modules code against these signatures; keep them).
 * Implementation lives in sibling files (dataset.ts, classification.ts, probabilistic.ts, multilabel.ts,
 * regression.ts, generation.ts, numeric.ts).
 */
import type { Direction, ExampleRecord, Task, TaskSetting } from '../types.js';

/** Options that change how metrics are computed (from config). */
export interface MetricOptions {
  task: TaskSetting;
  /** Binary positive class; default rule of SPEC §4 when absent. */
  positiveLabel?: string | number | boolean;
  /** Class order for multiclass probability arrays. */
  classes?: (string | number | boolean)[];
  /** k of top_k_accuracy (default 5). */
  topK?: number;
  /** Generation normalisers applied before exact_match (trim + case-fold always unless disabled). */
  normalize?: { trim?: boolean; caseFold?: boolean; stripPunctuation?: boolean; collapseWhitespace?: boolean };
}

/**
 * Columnar, encoded examples of one run: what every metric is computed from. Built once by
 * `buildDataset`; `subsetDataset` gathers rows (slices, bootstrap resamples).
 */
export interface Dataset {
  task: Task;
  n: number;
  ids: string[];
  /** Classification/multilabel: class names in sklearn order (sorted union of labels and predictions). */
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
  /** Slice field → value per example. */
  slices: Record<string, string[]>;
  /** Cluster id per example when configured. */
  cluster?: string[];
}

/** A metric's point estimate; `value: null` with a reason when undefined for the data. */
export interface MetricPoint {
  value: number | null;
  undefined?: string;
}

/**
 * How a metric's uncertainty can be computed:
 * - `mean`: the mean of a per-example value (see `perExampleValues`) — CLT / paired SE / McNemar for 0/1;
 * - `confusion`: a function of the confusion matrix (see `confusionCounts`, `metricsFromConfusion`);
 * - `auc`: binary ROC AUC (DeLong);
 * - `other`: anything else (bootstrap over examples).
 */
export type MetricKind = 'mean' | 'confusion' | 'auc' | 'other';

export interface MetricSpec {
  direction: Direction;
  kind: MetricKind;
  /** True when the per-example value is 0/1 (McNemar applies). */
  binaryOutcome?: boolean;
}

/** Encode records into a Dataset; detects the task when `opts.task` is `auto`. Throws InputError. */
export declare function buildDataset(records: ExampleRecord[], opts: MetricOptions): Dataset;

/** Every SPEC §4 metric of the dataset's task plus numeric-field summaries. */
export declare function computeMetrics(ds: Dataset, opts: MetricOptions): Record<string, MetricPoint>;

/** Rows `idx` of `ds` (indices may repeat: bootstrap). */
export declare function subsetDataset(ds: Dataset, idx: ArrayLike<number>): Dataset;

/** Direction and kind of a built-in metric name (incl. `<field>_mean/_p50/_p95`); undefined if unknown. */
export declare function metricSpec(name: string): MetricSpec | undefined;

/** Per-example values whose mean is the metric (kind `mean`), else null. */
export declare function perExampleValues(ds: Dataset, name: string, opts: MetricOptions): Float64Array | null;

/** 0/1 correctness per example (classification: pred==label; multilabel: subset match; generation: exact match); null for regression. */
export declare function correctness(ds: Dataset, opts: MetricOptions): Uint8Array | null;

/** k × k confusion counts (row = true class, column = predicted), for binary/multiclass. */
export declare function confusionCounts(ds: Dataset): { k: number; counts: Float64Array };

/** Confusion-matrix metrics (kind `confusion`) from counts; same names and values as computeMetrics. */
export declare function metricsFromConfusion(
  counts: Float64Array,
  k: number,
  task: 'binary' | 'multiclass',
  posIndex?: number,
): Record<string, MetricPoint>;

/** Metrics gated when there is no config (SPEC §5). */
export declare function primaryMetrics(task: Task): string[];
