/**
 * Reader for lm-evaluation-harness `results*.json` (current format and the v0.3 legacy one).
 * Metric keys are `<task>/<metric>` (filter `none`) or `<task>/<metric>,<filter>`; `<metric>_stderr`
 * entries become the metric's stderr ("N/A" = none), `n-samples.effective` its n, `higher_is_better`
 * its direction.
 */
import type { Direction, MetricValue } from '../types.js';
import { InputError } from '../errors.js';
import { readJsonFile } from './json-text.js';
import type { FormatReader } from './types.js';
import { keysAt } from './sniff.js';

/** True when a parsed JSON document looks like an lm-eval results file. */
export function isLmEvalResults(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  if (typeof d.results !== 'object' || d.results === null || Array.isArray(d.results)) return false;
  return (
    'versions' in d ||
    'config' in d ||
    'configs' in d ||
    'n-samples' in d ||
    'higher_is_better' in d ||
    'group_subtasks' in d ||
    Object.values(d.results as Record<string, unknown>).every((v) => typeof v === 'object' && v !== null)
  );
}

/** Extracts metrics from an lm-eval results document. */
export function readLmEvalResults(
  data: Record<string, unknown>,
  file: string,
): {
  metrics: Record<string, MetricValue>;
  directions: Record<string, Direction>;
  sameAs: Record<string, string>;
} {
  const results = data.results as Record<string, Record<string, unknown>>;
  const nSamples = (data['n-samples'] ?? {}) as Record<string, { effective?: number } | undefined>;
  const hib = (data.higher_is_better ?? {}) as Record<string, Record<string, boolean> | undefined>;
  const metrics: Record<string, MetricValue> = {};
  const directions: Record<string, Direction> = {};
  for (const [task, entries] of Object.entries(results)) {
    if (typeof entries !== 'object' || entries === null) {
      throw new InputError('expected an object of metrics', { file, field: `results.${task}` });
    }
    const n =
      typeof nSamples[task]?.effective === 'number'
        ? (nSamples[task]!.effective as number)
        : typeof entries.sample_count === 'number'
          ? (entries.sample_count as number)
          : typeof entries.samples === 'number'
            ? (entries.samples as number)
            : null;
    for (const [key, value] of Object.entries(entries)) {
      if (
        key === 'alias' ||
        key === 'sample_count' ||
        key === 'samples' ||
        key === 'sample_len' ||
        key === 'name'
      )
        continue;
      const [metric, filter] = key.split(',', 2);
      if (metric.endsWith('_stderr')) continue;
      if (typeof value !== 'number') {
        if (value === 'N/A' || value === null || value === ' ') continue;
        // Non-numeric entries other than documented placeholders are metadata of this task, not metrics.
        if (typeof value === 'string' || typeof value === 'object') continue;
      }
      if (typeof value !== 'number') continue;
      if (!Number.isFinite(value)) continue;
      const name = filter && filter !== 'none' ? `${task}/${metric},${filter}` : `${task}/${metric}`;
      const seKey = filter ? `${metric}_stderr,${filter}` : `${metric}_stderr`;
      const se = entries[seKey];
      const mv: MetricValue = { value, n };
      if (typeof se === 'number' && Number.isFinite(se)) {
        mv.stderr = se;
        mv.ci = [value - 1.959963984540054 * se, value + 1.959963984540054 * se];
        mv.method = 'given';
      }
      metrics[name] = mv;
      const dir = hib[task]?.[metric];
      if (typeof dir === 'boolean') directions[name] = dir ? 'higher' : 'lower';
    }
  }
  if (Object.keys(metrics).length === 0)
    throw new InputError('no numeric metrics in lm-eval results', { file });
  return { metrics, directions, sameAs: groupAliases(data, metrics) };
}

/**
 * Group entries whose metric comes from exactly one of the group's subtasks (`group_subtasks`): the
 * harness's group aggregate of a single value is that value, so the group metric can be tested with
 * the subtask's per-document data. Maps `<group>/<metric>` → `<subtask>/<metric>`.
 */
function groupAliases(
  data: Record<string, unknown>,
  metrics: Record<string, MetricValue>,
): Record<string, string> {
  const out: Record<string, string> = {};
  const groups = data.group_subtasks;
  if (typeof groups !== 'object' || groups === null) return out;
  for (const [group, subtasks] of Object.entries(groups as Record<string, unknown>)) {
    if (!Array.isArray(subtasks) || subtasks.length === 0) continue;
    for (const name of Object.keys(metrics)) {
      if (!name.startsWith(`${group}/`)) continue;
      const key = name.slice(group.length + 1);
      const from = subtasks.filter((s) => typeof s === 'string' && metrics[`${s}/${key}`] !== undefined);
      if (from.length === 1 && metrics[`${from[0]}/${key}`].value === metrics[name].value)
        out[name] = `${from[0]}/${key}`;
    }
  }
  return out;
}

const LM_EVAL_MARKERS = ['versions', 'configs', 'config', 'n-samples', 'higher_is_better', 'group_subtasks'];

/** lm-evaluation-harness results files. */
export const lmEvalResultsFormat: FormatReader = {
  name: 'lm-eval',
  description:
    'lm-evaluation-harness results JSON: an object with "results" (task → metrics) and "versions"/"configs"/"n-samples"/"higher_is_better"',
  extensions: ['.json', '.json.gz'],
  detect(head) {
    const top = keysAt(head.outline, '');
    if (head.outline.root !== '{' || !top.has('results')) return 0;
    if (top.has('evalId') || keysAt(head.outline, 'results').has('prompts')) return 0; // promptfoo
    return LM_EVAL_MARKERS.some((k) => top.has(k)) ? 0.9 : 0.45;
  },
  read(file, ctx) {
    const data = readJsonFile(file, ctx.encoding);
    if (!isLmEvalResults(data)) {
      throw new InputError(
        'expected lm-evaluation-harness results: an object with "results" of task objects',
        {
          file,
          field: 'results',
        },
      );
    }
    const { metrics, directions, sameAs } = readLmEvalResults(data as Record<string, unknown>, file);
    return { kind: 'metrics', file, format: 'lm-eval', metrics, directions, sameAs };
  },
};
