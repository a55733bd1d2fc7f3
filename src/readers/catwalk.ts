/**
 * Readers for OLMo-Eval / catwalk output (`run_lm_eval --metrics-file metrics.json --full-output-file
 * predictions.jsonl`). `metrics.json` is `{"metrics": [task, ...]}`, each task with `task`,
 * `task_options`, `num_instances` and `metrics` — metric groups (`{"acc_raw": ..., "primary_metric":
 * ...}`) or plain numbers. Metric names are `<task>/<metric>` (groups flattened; a name that occurs in
 * two groups keeps its group: `<task>/<group>.<metric>`). The task's `primary_metric` is gated and the
 * rest reported. `predictions.jsonl` holds one line per task with `instance_predictions`; the numeric
 * fields of each prediction that are also task metrics become per-instance columns, paired by instance id.
 */
import { InputError } from '../errors.js';
import type { EvalSetup, MetricValue, ScoreColumn } from '../types.js';
import { forEachJsonObject } from './jsonl.js';
import { readJsonFile } from './json-text.js';
import { nonFiniteMetric } from './metric-map.js';
import type { FormatReader } from './types.js';
import { configFingerprint, canonicalJson, examplesFingerprint } from './setup.js';
import { keysAt } from './sniff.js';
import { readTextFile } from './text.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface TaskMetrics {
  values: Map<string, number>;
  primary: Set<string>;
}

/** Flattens a task's metrics: groups of numbers (with `primary_metric`) or plain numbers. */
function taskMetrics(metrics: unknown): TaskMetrics {
  const values = new Map<string, number>();
  const primary = new Set<string>();
  if (!isObj(metrics)) return { values, primary };
  const seen = new Map<string, number>();
  for (const v of Object.values(metrics))
    if (isObj(v)) for (const m of Object.keys(v)) seen.set(m, (seen.get(m) ?? 0) + 1);
  for (const [k, v] of Object.entries(metrics)) {
    if (typeof v === 'number') values.set(k, v);
    else if (isObj(v)) {
      for (const [m, x] of Object.entries(v)) {
        if (typeof x !== 'number') continue;
        values.set((seen.get(m) ?? 0) > 1 ? `${k}.${m}` : m, x);
      }
      if (typeof v.primary_metric === 'string')
        primary.add((seen.get(v.primary_metric) ?? 0) > 1 ? `${k}.${v.primary_metric}` : v.primary_metric);
    }
  }
  return { values, primary };
}

function taskSetup(tasks: Obj[]): EvalSetup {
  const setup: EvalSetup = { harness: 'olmo-eval', tasks: {} };
  for (const t of tasks) {
    if (typeof t.task !== 'string') continue;
    const opts = isObj(t.task_options) ? { ...t.task_options } : {};
    // Batch sizes and recorded inputs change how a run is executed, not what it measures; `limit` is the
    // eval set's size, which the pairing note reports (ids added and removed), not a task config change.
    for (const k of ['batch_size', 'max_batch_tokens', 'num_recorded_inputs', 'gsheet', 'limit'])
      delete opts[k];
    setup.tasks![t.task] = configFingerprint(opts);
  }
  return setup;
}

/** Reads an OLMo-Eval/catwalk metrics.json document. */
export function readCatwalkMetrics(data: unknown, file: string) {
  if (!isObj(data) || !Array.isArray(data.metrics))
    throw new InputError('expected {"metrics": [tasks]}', { file, field: 'metrics' });
  const tasks = data.metrics.filter(isObj);
  const metrics: Record<string, MetricValue> = {};
  const reportOnly: string[] = [];
  tasks.forEach((t, i) => {
    if (typeof t.task !== 'string')
      throw new InputError('task without a name', { file, field: `metrics[${i}].task` });
    const n = typeof t.num_instances === 'number' ? t.num_instances : null;
    const { values, primary } = taskMetrics(t.metrics);
    for (const [m, v] of values) {
      const name = `${t.task}/${m}`;
      if (name in metrics)
        throw new InputError(`metric "${name}" given twice`, { file, field: `metrics[${i}]` });
      metrics[name] = Number.isFinite(v) ? { value: v, n } : nonFiniteMetric(v, n);
      if (primary.size > 0 && !primary.has(m)) reportOnly.push(name);
    }
  });
  if (Object.keys(metrics).length === 0)
    throw new InputError('no metrics in OLMo-Eval metrics file', { file });
  return { metrics, reportOnly, setup: taskSetup(tasks) };
}

/** Reads an OLMo-Eval/catwalk predictions.jsonl text. */
export function readCatwalkPredictions(text: string, file: string) {
  const scores: Record<string, ScoreColumn> = {};
  const tasks: Obj[] = [];
  const ids: string[] = [];
  forEachJsonObject(text, file, (t, line) => {
    if (typeof t.task !== 'string' || !Array.isArray(t.instance_predictions))
      throw new InputError('expected {task, instance_predictions}', { file, line });
    tasks.push(t);
    const { values } = taskMetrics(t.metrics);
    const metricNames = new Set([...values.keys()].map((k) => k.slice(k.lastIndexOf('.') + 1)));
    const seen = new Set<string>();
    t.instance_predictions.forEach((p: unknown, i: number) => {
      if (!isObj(p)) return;
      const inst = p.instance;
      const id = isObj(inst) ? canonicalJson(inst) : String(i);
      if (seen.has(id))
        throw new InputError(`instance ${id} appears twice in task ${t.task}`, { file, line });
      seen.add(id);
      ids.push(`${t.task}:${id}`);
      const pred = isObj(p.prediction) ? p.prediction : {};
      for (const [k, v] of Object.entries(pred)) {
        if (!metricNames.has(k)) continue;
        const x = typeof v === 'boolean' ? Number(v) : v;
        if (typeof x !== 'number' || !Number.isFinite(x)) continue;
        const col = (scores[`${t.task}/${k}`] ??= { ids: [], values: [] });
        col.ids.push(id);
        col.values.push(x);
      }
    });
  });
  const notes: string[] = [];
  if (Object.keys(scores).length === 0)
    notes.push(`${file}: no per-instance values of the tasks' metrics in these predictions`);
  return { scores, notes, setup: { ...taskSetup(tasks), ...examplesFingerprint(ids) } };
}

/** OLMo-Eval / catwalk `metrics.json`. */
export const catwalkMetricsFormat: FormatReader = {
  name: 'olmo-eval',
  description:
    'OLMo-Eval/catwalk metrics.json: {"metrics": [{"task", "task_options", "metrics", "num_instances"}]}',
  extensions: ['.json'],
  detect(head) {
    if (head.outline.root !== '{') return 0;
    const top = keysAt(head.outline, '');
    const items = keysAt(head.outline, 'metrics.[]');
    return top.has('metrics') && items.has('task') && (items.has('metrics') || items.has('num_instances'))
      ? 0.9
      : 0;
  },
  read(file, ctx) {
    const out = readCatwalkMetrics(readJsonFile(file, ctx.encoding), file);
    return { kind: 'metrics', file, format: 'olmo-eval', directions: {}, ...out };
  },
};

/** OLMo-Eval / catwalk `predictions.jsonl`. */
export const catwalkPredictionsFormat: FormatReader = {
  name: 'olmo-eval-predictions',
  description:
    'OLMo-Eval/catwalk predictions.jsonl: one line per task with "task", "metrics" and "instance_predictions"',
  extensions: ['.jsonl'],
  detect(head) {
    const first = head.jsonLines?.[0];
    if (first) return 'task' in first && 'instance_predictions' in first ? 0.95 : 0;
    // One task's line can be longer than the sniffed head: look at its first keys.
    return /^\s*\{\s*"task"\s*:/.test(head.text) && head.text.includes('"instance_predictions"') ? 0.9 : 0;
  },
  read(file, ctx) {
    const out = readCatwalkPredictions(readTextFile(file, ctx.encoding), file);
    return { kind: 'scores', file, format: 'olmo-eval-predictions', ...out };
  },
};
