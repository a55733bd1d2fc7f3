/** Which way is better for a metric of the compared runs, from the most to the least explicit source. */
import type { GateConfig } from '../config/load.js';
import { metricSpec } from '../metrics/index.js';
import type { Direction, EvalResult } from '../types.js';
import { guessDirection } from './direction.js';

/**
 * Which way is better: the metric's own config `direction`, else what the file declared (lm-eval's
 * `higher_is_better`), else the built-in metric's, else the name's words; `defaults.direction` last.
 */
export function directionOf(
  name: string,
  config: GateConfig,
  results: (EvalResult | null)[],
): Direction | undefined {
  const own = config.metrics[name]?.direction;
  if (own) return own;
  for (const r of results) {
    const declared = (r?.options?.directions as Record<string, Direction> | undefined)?.[name];
    if (declared) return declared;
  }
  const task = results[0]?.task;
  const builtIn = metricSpec(name, task === 'aggregate' ? undefined : task)?.direction;
  return builtIn ?? guessDirection(name) ?? config.defaults?.direction;
}
