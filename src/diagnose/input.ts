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

/**
 * MetricOptions equivalent of a config, including the file's field names so that validation errors
 * name the field as the user's file spells it (`gold`, not `label`).
 */
export function metricOptionsOf(config: GateConfig): MetricOptions {
  const fields: MetricOptions['fields'] = { ...config.fields };
  if (config.cluster !== undefined) fields.cluster = config.cluster;
  return {
    task: config.task,
    positiveLabel: config.positiveLabel,
    classes: config.classes,
    topK: config.topK,
    normalize: config.normalize,
    fields,
  };
}
