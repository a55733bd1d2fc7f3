/**
 * Metric engine public API (CONTRACT — other modules code against these signatures; keep them).
 * Types live in types.ts; the implementation in sibling files, one job each: task-detection.ts
 * (`task: auto`), value-check.ts (value kinds and validation messages), encode.ts and
 * encode-classification.ts (records → Dataset), subset.ts (row subsets), classification.ts (confusion
 * metrics), probabilistic.ts (AUC, AP, log loss, Brier, ECE, top-k), multilabel.ts, regression.ts,
 * generation.ts, numeric.ts (summaries, sums, percentiles), compute.ts (computeMetrics,
 * perExampleValues, correctness) and spec.ts (directions, kinds). Files inside src/metrics import each
 * other and types.ts, never this file.
 */
export type {
  MetricOptions,
  Dataset,
  MeanSpread,
  MetricPoint,
  MetricKind,
  MetricSpec,
  OvrAucValue,
} from './types.js';
export { buildDataset } from './encode.js';
export { detectTask } from './task-detection.js';
export { subsetDataset } from './subset.js';
export { computeMetrics, perExampleValues, correctness } from './compute.js';
export {
  confusionCounts,
  confusionIndex,
  confusionScratch,
  confusionValues,
  metricsFromConfusion,
  type ConfusionScratch,
} from './classification.js';
export { metricSpec, primaryMetrics, taskMetricNames, numericFieldDirection } from './spec.js';
export { meanSpread, percentile } from './numeric.js';
export { normalizeText, squadNormalize, tokenF1 } from './generation.js';
