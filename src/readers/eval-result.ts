/**
 * Reader for evalgate's own EvalResult (the baseline artifact). A baseline comes from another run's
 * artifact, so it is untrusted input: every field the diagnosis reads is checked here, and a bad one is
 * an error naming the field, not a crash later.
 */
import { VERDICT_NAMES } from '../config/schema.js';
import { InputError } from '../errors.js';
import { isOneOf, RESULT_TASKS } from '../policy.js';
import { EVAL_RESULT_VERSION, type EvalResult } from '../types.js';
import { readJsonFile } from './json-text.js';
import type { FormatReader } from './types.js';

/** True when a parsed JSON document is an EvalResult. */
export function isEvalResult(data: unknown): boolean {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as { schema?: unknown }).schema === 'evalgate/eval-result'
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const GATE_VERDICTS = new Set<string>(VERDICT_NAMES);

function checkMetrics(metrics: unknown, file: string, path: string): void {
  if (!isObject(metrics)) throw new InputError('expected an object of metrics', { file, field: path });
  for (const [name, m] of Object.entries(metrics)) {
    const f = `${path}.${name}`;
    if (!isObject(m)) throw new InputError('metric must be an object', { file, field: f });
    if (m.value !== null && !isNum(m.value))
      throw new InputError('value must be a finite number or null', { file, field: `${f}.value` });
    if (m.n !== null && m.n !== undefined && !(isNum(m.n) && m.n >= 0)) {
      throw new InputError('n must be a non-negative number or null', { file, field: `${f}.n` });
    }
    if (m.stderr !== null && m.stderr !== undefined && !(isNum(m.stderr) && m.stderr >= 0)) {
      throw new InputError('stderr must be a non-negative number or null', { file, field: `${f}.stderr` });
    }
    if (
      m.ci !== null &&
      m.ci !== undefined &&
      !(Array.isArray(m.ci) && m.ci.length === 2 && isNum(m.ci[0]) && isNum(m.ci[1]))
    ) {
      throw new InputError('ci must be [low, high] or null', { file, field: `${f}.ci` });
    }
  }
}

function checkColumn(col: unknown, n: number, file: string, field: string): void {
  if (!Array.isArray(col) || col.length !== n) {
    throw new InputError(`expected an array of ${n} entries (one per example id)`, { file, field });
  }
}

/** Validates an EvalResult; rejects versions this build cannot read. */
export function readEvalResult(data: unknown, file: string): EvalResult {
  const r = data as Record<string, unknown>;
  if (typeof r.version !== 'number' || r.version > EVAL_RESULT_VERSION) {
    throw new InputError(
      `EvalResult version ${String(r.version)} is not supported by this evalgate (reads up to ${EVAL_RESULT_VERSION}); upgrade evalgate`,
      { file, field: 'version' },
    );
  }
  if (r.task !== undefined && !isOneOf(RESULT_TASKS, r.task))
    throw new InputError('unknown task', { file, field: 'task' });
  if (r.n !== undefined && r.n !== null && !isNum(r.n))
    throw new InputError('n must be a number or null', { file, field: 'n' });
  if (r.metrics === undefined) throw new InputError('EvalResult without metrics', { file, field: 'metrics' });
  checkMetrics(r.metrics, file, 'metrics');
  if (r.slices !== undefined) {
    if (!isObject(r.slices)) throw new InputError('slices must be an object', { file, field: 'slices' });
    for (const [field, values] of Object.entries(r.slices)) {
      if (!isObject(values))
        throw new InputError('expected an object of slice values', { file, field: `slices.${field}` });
      for (const [value, s] of Object.entries(values)) {
        const f = `slices.${field}.${value}`;
        if (!isObject(s) || !isNum(s.n))
          throw new InputError('slice must be {n, metrics}', { file, field: f });
        checkMetrics(s.metrics, file, `${f}.metrics`);
      }
    }
  }
  const ex = r.examples;
  if (ex !== undefined) {
    if (!isObject(ex) || !Array.isArray(ex.ids))
      throw new InputError('examples must hold an ids array', { file, field: 'examples.ids' });
    const n = ex.ids.length;
    if (!ex.ids.every((id) => typeof id === 'string'))
      throw new InputError('ids must be strings', { file, field: 'examples.ids' });
    checkColumn(ex.label, n, file, 'examples.label');
    checkColumn(ex.prediction, n, file, 'examples.prediction');
    if (ex.probabilities !== undefined) checkColumn(ex.probabilities, n, file, 'examples.probabilities');
    if (ex.cluster !== undefined) checkColumn(ex.cluster, n, file, 'examples.cluster');
    for (const group of ['numeric', 'slices'] as const) {
      const g = ex[group];
      if (g === undefined) continue;
      if (!isObject(g))
        throw new InputError(`${group} must be an object of columns`, { file, field: `examples.${group}` });
      for (const [k, col] of Object.entries(g)) checkColumn(col, n, file, `examples.${group}.${k}`);
    }
  }
  if (r.scores !== undefined) {
    if (!isObject(r.scores)) throw new InputError('scores must be an object', { file, field: 'scores' });
    for (const [name, col] of Object.entries(r.scores)) {
      if (
        !isObject(col) ||
        !Array.isArray(col.ids) ||
        !Array.isArray(col.values) ||
        col.ids.length !== col.values.length
      ) {
        throw new InputError('expected {ids, values} of equal length', { file, field: `scores.${name}` });
      }
      if (!col.values.every(isNum))
        throw new InputError('scores must be finite numbers', { file, field: `scores.${name}.values` });
    }
  }
  if (r.gate !== undefined) {
    // Decides whether the result may serve as a baseline: a malformed one must not pass as "no verdict".
    const g = r.gate;
    if (!isObject(g) || typeof g.verdict !== 'string' || !GATE_VERDICTS.has(g.verdict))
      throw new InputError(`gate.verdict must be one of ${[...GATE_VERDICTS].join(', ')}`, {
        file,
        field: 'gate.verdict',
      });
    if (!(typeof g.waived === 'number' && Number.isInteger(g.waived) && g.waived >= 0))
      throw new InputError('gate.waived must be a non-negative integer', { file, field: 'gate.waived' });
  }
  if (r.corpus !== undefined) {
    if (!isObject(r.corpus)) throw new InputError('corpus must be an object', { file, field: 'corpus' });
    for (const [name, col] of Object.entries(r.corpus)) {
      if (
        !isObject(col) ||
        !Array.isArray(col.ids) ||
        !Array.isArray(col.gold) ||
        !Array.isArray(col.pred) ||
        col.ids.length !== col.gold.length ||
        col.ids.length !== col.pred.length ||
        !col.ids.every((id) => typeof id === 'string')
      ) {
        throw new InputError('expected {ids, gold, pred} of equal length', { file, field: `corpus.${name}` });
      }
      if (!['f1', 'mcc', 'macro_f1', 'micro_f1'].includes(col.aggregation as string))
        throw new InputError('unknown aggregation', { file, field: `corpus.${name}.aggregation` });
    }
  }
  return { slices: {}, sources: [], n: null, task: 'aggregate', ...r } as unknown as EvalResult;
}

/** evalgate's own EvalResult (`--save-result`, the baseline artifact). */
export const evalResultFormat: FormatReader = {
  name: 'eval-result',
  description:
    'EvalResult written by evalgate (--save-result or the baseline artifact): "schema": "evalgate/eval-result"',
  extensions: ['.json', '.json.gz'],
  detect(head) {
    return head.outline.root === '{' &&
      /"schema"\s*:\s*"evalgate\/eval-result"/.test(head.text.slice(0, 65536))
      ? 1
      : 0;
  },
  read(file, ctx) {
    const data = readJsonFile(file, ctx.encoding);
    if (!isEvalResult(data))
      throw new InputError('expected an evalgate EvalResult', { file, field: 'schema' });
    return { kind: 'result', file, format: 'eval-result', result: readEvalResult(data, file) };
  },
};
