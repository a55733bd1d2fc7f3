/** What diagnosis takes: the two runs, where the baseline came from, the config and optional datasets. */
import type { GateConfig } from '../config/load.js';
import type { Dataset, MetricOptions } from '../metrics/index.js';
import type { BaselineInfo, EvalResult } from '../types.js';

/** Everything diagnosis needs. */
export interface GateInput {
  current: EvalResult;
  baseline: EvalResult | null;
  baselineInfo: BaselineInfo;
  config: GateConfig;
  gateId?: string;
  currentData?: Dataset;
  baselineData?: Dataset;
  /** Commit/run of the current result, echoed in the report. */
  currentMeta?: { commit?: string; run_id?: number; branch?: string };
}

/** MetricOptions equivalent of a config. */
export function metricOptionsOf(config: GateConfig): MetricOptions {
  return {
    task: config.task,
    positiveLabel: config.positiveLabel,
    classes: config.classes,
    topK: config.topK,
    normalize: config.normalize,
  };
}
