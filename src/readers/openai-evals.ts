/**
 * Reader for openai/evals logs (`oaieval ... --record_path`): JSON Lines of a `spec` line, events
 * (`sampling`, `match`, `metrics`, ...) keyed by `sample_id`, and a `final_report` line. `match`
 * events give per-sample `accuracy` (correct → 1/0); numeric fields of `metrics` events give per-sample
 * columns of that name; both pair across runs by sample id. The final report's numbers are read as
 * pre-aggregated metrics (checked against the per-sample means where both exist). A log without a final
 * report is a run that did not finish: read, with a note.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import type { EvalSetup, MetricValue, ScoreColumn } from '../types.js';
import { forEachJsonObject } from './jsonl.js';
import { nonFiniteMetric } from './metric-map.js';
import type { FormatReader } from './types.js';
import { configFingerprint, examplesFingerprint } from './setup.js';
import { readTextFile } from './text.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Final-report keys that describe the run rather than measure it. */
const NOT_METRICS = new Set(['n_samples', 'num_samples', 'n', 'count']);

/** Reads an openai/evals log text. */
export function readOpenAiEvals(text: string, file: string) {
  let spec: Obj | undefined;
  let report: Obj | undefined;
  const sums = new Map<string, Map<string, [number, number]>>();
  const add = (metric: string, id: string, v: number) => {
    let m = sums.get(metric);
    if (!m) sums.set(metric, (m = new Map()));
    const cur = m.get(id) ?? [0, 0];
    m.set(id, [cur[0] + v, cur[1] + 1]);
  };
  const sampleIds = new Set<string>();
  forEachJsonObject(text, file, (o, line) => {
    if (isObj(o.spec)) {
      if (spec) throw new InputError('two "spec" lines in one log', { file, line });
      spec = o.spec;
      return;
    }
    if (isObj(o.final_report)) {
      if (report) throw new InputError('two "final_report" lines in one log', { file, line });
      report = o.final_report;
      return;
    }
    const id = o.sample_id;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    sampleIds.add(String(id));
    const data = o.data;
    if (o.type === 'match' && isObj(data) && typeof data.correct === 'boolean') {
      add('accuracy', String(id), data.correct ? 1 : 0);
    } else if (o.type === 'metrics' && isObj(data)) {
      for (const [k, v] of Object.entries(data)) {
        if (typeof v === 'number' && Number.isFinite(v)) add(k, String(id), v);
        else if (typeof v === 'boolean') add(k, String(id), v ? 1 : 0);
      }
    }
  });
  if (!spec) throw new InputError('openai/evals log without a "spec" line', { file });
  const task =
    (typeof spec.base_eval === 'string' && spec.base_eval) ||
    (typeof spec.eval_name === 'string' && spec.eval_name) ||
    'eval';
  const scores: Record<string, ScoreColumn> = {};
  for (const [metric, m] of sums) {
    const col: ScoreColumn = { ids: [], values: [] };
    for (const [id, [sum, n]] of m) {
      col.ids.push(id);
      col.values.push(sum / n);
    }
    scores[`${task}/${metric}`] = col;
  }
  const metrics: Record<string, MetricValue> = {};
  const notes: string[] = [];
  const name = basename(file);
  if (report) {
    const n = typeof report.n_samples === 'number' ? report.n_samples : null;
    for (const [k, v] of Object.entries(report)) {
      if (NOT_METRICS.has(k) || typeof v !== 'number') continue;
      metrics[`${task}/${k}`] = Number.isFinite(v) ? { value: v, n } : nonFiniteMetric(v, n);
    }
  } else {
    notes.push(
      `${name}: no final_report line — the run did not finish; per-sample events are read as they are`,
    );
  }
  if (Object.keys(scores).length === 0 && Object.keys(metrics).length === 0)
    notes.push(`${name}: no scored events and no final report: nothing to measure in this log`);
  const runConfig = isObj(spec.run_config) ? spec.run_config : {};
  const setup: EvalSetup = {
    harness: 'openai-evals',
    tasks: {
      [task]: configFingerprint({
        eval_name: spec.eval_name ?? null,
        split: spec.split ?? null,
        eval_spec: runConfig.eval_spec ?? null,
        seed: runConfig.seed ?? null,
        // `max_samples` only limits the eval set, which the pairing note reports (ids added and removed).
      }),
    },
  };
  if (sampleIds.size) Object.assign(setup, examplesFingerprint([...sampleIds]));
  return { scores, metrics, notes, setup };
}

/** openai/evals JSONL logs. */
export const openAiEvalsFormat: FormatReader = {
  name: 'openai-evals',
  description:
    'openai/evals log (oaieval --record_path): JSON Lines with a "spec" line, events by "sample_id" and a "final_report"',
  extensions: ['.jsonl'],
  detect(head) {
    const lines = head.jsonLines;
    if (!lines) return 0;
    const first = lines[0];
    if (isObj(first.spec) && ('eval_name' in first.spec || 'completion_fns' in first.spec)) return 0.95;
    return lines.some((l) => 'run_id' in l && 'event_id' in l && 'sample_id' in l) ? 0.9 : 0;
  },
  read(file, ctx) {
    const out = readOpenAiEvals(readTextFile(file, ctx.encoding), file);
    return { kind: 'scores', file, format: 'openai-evals', ...out };
  },
};
