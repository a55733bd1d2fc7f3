/**
 * Which metrics are gated and with which rule (docs/design.md, 'Diagnosis rules'): metrics named under
 * `metrics:`, every metric when `defaults:` is given, and with no rules at all the task's primary metrics
 * plus every metric of a pre-aggregated file, with no threshold (tested against tolerance 0; see
 * verdict.ts for metrics that cannot be tested).
 */
import type { GateConfig, MetricRule } from '../config/load.js';
import { primaryMetrics } from '../metrics/index.js';
import type { Task } from '../types.js';

/**
 * A metric's own rule over the defaults. A metric that sets its own threshold kind replaces the default
 * thresholds instead of adding to them: `latency_ms_p95: {max_regression_pct: 10}` must not also be held
 * to a default absolute `max_regression: 0.005`, because any exceeded threshold counts.
 */
export function mergeRule(defaults: MetricRule | undefined, named: MetricRule): MetricRule {
  const merged: MetricRule = { ...(defaults ?? {}), ...named };
  if (named.max_regression !== undefined || named.max_regression_pct !== undefined) {
    if (named.max_regression === undefined) delete merged.max_regression;
    if (named.max_regression_pct === undefined) delete merged.max_regression_pct;
  }
  return merged;
}

/**
 * The rule that applies to a metric, or undefined when it is reported only. `preaggregated`: the metric
 * came from a pre-aggregated file (every such metric is gated by the zero-config gate).
 */
export function ruleFor(
  name: string,
  task: Task | 'aggregate',
  config: GateConfig,
  preaggregated = false,
): MetricRule | undefined {
  const named = config.metrics[name];
  if (named) {
    if (named.gate === false && !named.waive) return undefined;
    return mergeRule(config.defaults, named);
  }
  if (config.defaults) return config.defaults.gate === false ? undefined : { ...config.defaults };
  if (config.hasRules) return undefined;
  const primary = task === 'aggregate' || preaggregated || primaryMetrics(task).includes(name);
  // No threshold: the tests run against tolerance 0, and a metric without any uncertainty gets the
  // default relative tolerance (row.ts, UNTESTED_TOLERANCE_PCT).
  return primary ? {} : undefined;
}
