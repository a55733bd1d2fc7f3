/** Which way is better for a metric of the compared runs, from the most to the least explicit source. */
import type { GateConfig } from '../config/load.js';
import { metricSpec } from '../metrics/index.js';
import type { Direction, EvalResult } from '../types.js';
import { directionFromName } from './direction.js';

/** Where a metric's direction came from. */
export type DirectionSource = 'config' | 'file' | 'metric' | 'name' | 'default';

/** A metric's direction (undefined when nothing decides), its source, and the deciding name word. */
export interface DirectionChoice {
  direction: Direction | undefined;
  source: DirectionSource | undefined;
  /** The word of the name that decided (source `name`), e.g. `accuracy` for `mmlu_accuracy`. */
  word?: string;
}

/**
 * Which way is better: the metric's own config `direction`, else what the file declared (lm-eval's
 * `higher_is_better`), else the built-in metric's, else the name's words (docs/metrics.md, "Direction
 * from the name"); `defaults.direction` last.
 */
export function directionChoice(
  name: string,
  config: GateConfig,
  results: (EvalResult | null)[],
): DirectionChoice {
  const own = config.metrics[name]?.direction;
  if (own) return { direction: own, source: 'config' };
  for (const r of results) {
    const declared = (r?.options?.directions as Record<string, Direction> | undefined)?.[name];
    if (declared) return { direction: declared, source: 'file' };
  }
  const task = results[0]?.task;
  const builtIn = metricSpec(name, task === 'aggregate' ? undefined : task)?.direction;
  if (builtIn) return { direction: builtIn, source: 'metric' };
  const fromName = directionFromName(name);
  if (fromName) return { direction: fromName.direction, source: 'name', word: fromName.word };
  const fallback = config.defaults?.direction;
  return fallback ? { direction: fallback, source: 'default' } : { direction: undefined, source: undefined };
}

/** The direction alone (see directionChoice). */
export function directionOf(
  name: string,
  config: GateConfig,
  results: (EvalResult | null)[],
): Direction | undefined {
  return directionChoice(name, config, results).direction;
}
