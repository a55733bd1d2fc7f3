/**
 * Reader for lm-evaluation-harness `results*.json` (current format and the v0.3 legacy one).
 * Metric keys are `<task>/<metric>` (filter `none`) or `<task>/<metric>,<filter>`; `<metric>_stderr`
 * entries become the metric's stderr ("N/A" = none), `n-samples.effective` its n, `higher_is_better`
 * its direction.
 */
import type { Direction, EvalSetup, MetricValue } from '../types.js';
import { InputError } from '../errors.js';
import { readJsonFile } from './json-text.js';
import type { FormatReader } from './types.js';
import { keysAt } from './sniff.js';
import { configFingerprint } from './setup.js';

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

/**
 * A task config as it bears on the setup: Python reprs lose their memory address (`<function f at
 * 0x7d5f…>` differs in every run), and `metadata` keeps only the task `version` — the harness merges
 * the model arguments (`pretrained`, `dtype`) and the YAML's path into it, which are not the eval's setup.
 */
function setupConfig(config: Record<string, unknown>): Record<string, unknown> {
  const clean = (v: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(/ at 0x[0-9a-f]+>/g, '>')
      : Array.isArray(v)
        ? v.map(clean)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]))
          : v;
  const out = clean(config) as Record<string, unknown>;
  const meta = config.metadata;
  if (typeof meta === 'object' && meta !== null && !Array.isArray(meta))
    out.metadata = { version: (meta as Record<string, unknown>).version ?? null };
  return out;
}

/**
 * The eval setup of a results file: `lm_eval_version`, and per task its `configs` entry (current
 * format) or, in the v0.3 format, its `versions` entry with the run's `num_fewshot`.
 */
export function lmEvalSetup(data: Record<string, unknown>): EvalSetup | undefined {
  const setup: EvalSetup = { harness: 'lm-eval' };
  if (typeof data.lm_eval_version === 'string') setup.version = data.lm_eval_version;
  const tasks: Record<string, Record<string, string>> = {};
  const configs = data.configs;
  if (typeof configs === 'object' && configs !== null && !Array.isArray(configs)) {
    for (const [task, c] of Object.entries(configs as Record<string, unknown>))
      if (typeof c === 'object' && c !== null && !Array.isArray(c))
        tasks[task] = configFingerprint(setupConfig(c as Record<string, unknown>));
  } else if (typeof data.versions === 'object' && data.versions !== null) {
    const run = (data.config ?? {}) as Record<string, unknown>;
    for (const [task, version] of Object.entries(data.versions as Record<string, unknown>))
      tasks[task] = configFingerprint({ version, num_fewshot: run.num_fewshot ?? null });
  }
  if (Object.keys(tasks).length) setup.tasks = tasks;
  return setup.version !== undefined || setup.tasks ? setup : undefined;
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
    const setup = lmEvalSetup(data as Record<string, unknown>);
    return {
      kind: 'metrics',
      file,
      format: 'lm-eval',
      metrics,
      directions,
      sameAs,
      ...(setup ? { setup } : {}),
    };
  },
};
