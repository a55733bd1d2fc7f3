/**
 * Names, directions and uncertainty kinds of the built-in metrics, and the primary (gated-by-default)
 * metrics of each task.
 */
import type { Direction, Task } from '../types.js';
import type { MetricSpec } from './types.js';
import { MULTILABEL_METRICS } from './multilabel.js';
import { REGRESSION_METRICS } from './regression.js';

/** Confusion-matrix metrics of a binary task, in report order. */
export const BINARY_CONFUSION = [
  'accuracy',
  'balanced_accuracy',
  'precision',
  'recall',
  'f1',
  'mcc',
  'cohen_kappa',
];
const BINARY_PROBA = ['roc_auc', 'average_precision', 'log_loss', 'brier', 'ece'];
/** Confusion-matrix metrics of a multiclass task, in report order. */
export const MULTICLASS_CONFUSION = [
  'accuracy',
  'balanced_accuracy',
  'precision_macro',
  'recall_macro',
  'f1_macro',
  'precision_micro',
  'recall_micro',
  'f1_micro',
  'precision_weighted',
  'recall_weighted',
  'f1_weighted',
  'mcc',
  'cohen_kappa',
];
const MULTICLASS_PROBA = ['roc_auc_ovr', 'log_loss', 'top_k_accuracy'];

/**
 * Built-in metric names of a task, in report order; `withProbabilities` adds the probability metrics of
 * binary/multiclass. Numeric-field summaries are not included.
 */
export function taskMetricNames(task: Task, withProbabilities: boolean): string[] {
  switch (task) {
    case 'binary':
      return withProbabilities ? [...BINARY_CONFUSION, ...BINARY_PROBA] : [...BINARY_CONFUSION];
    case 'multiclass':
      return withProbabilities ? [...MULTICLASS_CONFUSION, ...MULTICLASS_PROBA] : [...MULTICLASS_CONFUSION];
    case 'multilabel':
      return [...MULTILABEL_METRICS];
    case 'regression':
      return [...REGRESSION_METRICS];
    case 'generation':
      return ['exact_match', 'token_f1'];
  }
}

const LOWER_IS_BETTER = new Set([
  'log_loss',
  'brier',
  'ece',
  'hamming_loss',
  'mae',
  'mse',
  'rmse',
  'mape',
  'max_error',
]);
const BINARY_OUTCOME_MEAN = new Set(['accuracy', 'exact_match', 'subset_accuracy', 'top_k_accuracy']);
const OTHER_MEAN = new Set([
  'token_f1',
  'hamming_loss',
  'jaccard_samples',
  'brier',
  'log_loss',
  'mae',
  'mse',
  'mape',
]);
const CONFUSION_ONLY = new Set([
  'precision',
  'recall',
  'f1',
  'balanced_accuracy',
  'mcc',
  'cohen_kappa',
  'precision_weighted',
  'recall_weighted',
  'f1_weighted',
]);
/** Names shared by multiclass (confusion metrics) and multilabel (label-count metrics). */
const SHARED_AVERAGES = new Set([
  'precision_macro',
  'recall_macro',
  'f1_macro',
  'precision_micro',
  'recall_micro',
  'f1_micro',
]);
const OTHER = new Set(['average_precision', 'ece', 'rmse', 'r2', 'max_error']);

/** Field-name words that mark a numeric field where lower is better; checked before the higher words. */
const LOWER_WORDS = new Set([
  'latency',
  'time',
  'ms',
  'sec',
  'secs',
  'seconds',
  'duration',
  'tokens',
  'steps',
  'turns',
  'token',
  'cost',
  'price',
  'usd',
  'error',
  'errors',
  'loss',
  'memory',
  'bytes',
  'mb',
  'gb',
  'calls',
  'retries',
  'failures',
]);
/** Field-name words that mark a numeric field where higher is better (a score). */
const HIGHER_WORDS = new Set([
  'score',
  'scores',
  'acc',
  'accuracy',
  'f1',
  'reward',
  'pass',
  'passed',
  'win',
  'wins',
  'correct',
  'bleu',
  'rouge',
  'similarity',
  'rating',
  'quality',
  'throughput',
]);

/**
 * Direction of an arbitrary numeric field's summaries, from the words of its name (split at `_`, `-`, `.`,
 * spaces, digits and camelCase): a cost word (latency, time, ms, tokens, cost, error, …) → lower; else a
 * score word (score, acc, f1, reward, pass, …) → higher; else unknown (undefined): the gate reports such
 * a field but cannot gate it until config sets its `direction` — a guess could fail a build on an
 * improvement.
 */
export function numericFieldDirection(field: string): Direction | undefined {
  const words = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])/)
    .filter((w) => w !== '');
  if (words.some((w) => LOWER_WORDS.has(w))) return 'lower';
  if (words.some((w) => HIGHER_WORDS.has(w))) return 'higher';
  return undefined;
}

/**
 * Direction and kind of a built-in metric name (incl. `<field>_mean/_p50/_p95`); undefined if unknown.
 *
 * `task` disambiguates `precision|recall|f1_micro|macro`, which are confusion metrics for multiclass but
 * label-count metrics (kind `other`) for multilabel; without `task` they get the kind that is valid for
 * both, `other`.
 */
export function metricSpec(name: string, task?: Task): MetricSpec | undefined {
  const direction: Direction = LOWER_IS_BETTER.has(name) ? 'lower' : 'higher';
  if (BINARY_OUTCOME_MEAN.has(name)) return { direction, kind: 'mean', binaryOutcome: true };
  if (OTHER_MEAN.has(name)) return { direction, kind: 'mean' };
  if (name === 'roc_auc' || name === 'roc_auc_ovr') return { direction, kind: 'auc' };
  if (CONFUSION_ONLY.has(name)) return { direction, kind: 'confusion' };
  if (SHARED_AVERAGES.has(name))
    return { direction, kind: task === 'multiclass' || task === 'binary' ? 'confusion' : 'other' };
  if (OTHER.has(name)) return { direction, kind: 'other' };
  const m = /^(.+)_(mean|p50|p95)$/.exec(name);
  if (m) {
    const dir = numericFieldDirection(m[1]);
    return m[2] === 'mean' ? { direction: dir, kind: 'mean' } : { direction: dir, kind: 'other' };
  }
  return undefined;
}

/** Metrics gated when there is no config (docs/design.md, 'Diagnosis rules'). */
export function primaryMetrics(task: Task): string[] {
  switch (task) {
    case 'binary':
      return ['accuracy', 'f1', 'roc_auc'];
    case 'multiclass':
      return ['accuracy', 'f1_macro'];
    case 'multilabel':
      return ['f1_micro'];
    case 'regression':
      return ['mae', 'r2'];
    case 'generation':
      return ['exact_match', 'token_f1'];
  }
}
