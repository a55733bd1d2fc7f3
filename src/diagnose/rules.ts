/**
 * Which metrics are gated and with which rule (SPEC §5): metrics named under `metrics:`, every metric
 * when `defaults:` is given, and with no rules at all the task's primary metrics (every metric of a
 * pre-aggregated file) with `max_regression: 0`.
 */
import type { GateConfig, MetricRule } from '../config/load.js';
import { primaryMetrics } from '../metrics/index.js';
import type { Task } from '../types.js';

/** The rule that applies to a metric, or undefined when it is reported only. */
export function ruleFor(name: string, task: Task | 'aggregate', config: GateConfig): MetricRule | undefined {
  const named = config.metrics[name];
  if (named) {
    if (named.gate === false && !named.waive) return undefined;
    return { ...(config.defaults ?? {}), ...named };
  }
  if (config.defaults) return config.defaults.gate === false ? undefined : { ...config.defaults };
  if (config.hasRules) return undefined;
  const primary = task === 'aggregate' ? true : primaryMetrics(task).includes(name);
  return primary ? { max_regression: 0 } : undefined;
}
