/**
 * Reader for the Hugging Face Trainer's metric files (`all_results.json`, `eval_results.json`,
 * `test_results.json`, `train_results.json`): a flat map whose keys carry an `eval_`/`test_`/`train_`/
 * `predict_` prefix. Names are kept as written (`eval_accuracy`). `*_loss` is lower-is-better; runtime
 * and throughput (`*_runtime`, `*_per_second`), generation length and training metrics are reported, not
 * gated; `epoch`, `total_flos` and sample counts describe the run (`eval_samples` is the n of `eval_*`).
 */
import { InputError } from '../errors.js';
import type { Direction, MetricValue } from '../types.js';
import { readJsonFile } from './json-text.js';
import { nonFiniteMetric } from './metric-map.js';
import type { FormatReader } from './types.js';
import { keysAt } from './sniff.js';

const PREFIX = /^(eval|test|train|predict)_(.+)$/;
const RUN_KEYS = new Set(['epoch', 'total_flos', 'step', 'global_step']);
const REPORTED = /(_runtime|_per_second|_gen_len|_flos)$/;

/** Reads a Trainer metrics map. */
export function readHfTrainer(data: unknown, file: string) {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new InputError('expected a mapping of Trainer metrics', { file });
  const d = data as Record<string, unknown>;
  const metrics: Record<string, MetricValue> = {};
  const directions: Record<string, Direction> = {};
  const reportOnly: string[] = [];
  for (const [key, v] of Object.entries(d)) {
    if (RUN_KEYS.has(key)) continue;
    const m = PREFIX.exec(key);
    if (!m) {
      if (typeof v === 'number')
        throw new InputError('key without an eval_/test_/train_/predict_ prefix in a Trainer metrics file', {
          file,
          field: key,
        });
      continue;
    }
    const [, split, rest] = m;
    if (rest === 'samples') continue; // a count: the n of this split's metrics
    if (typeof v !== 'number') {
      if (v === null) metrics[key] = { value: null, n: null, undefined: 'the file gives null' };
      continue;
    }
    const nRaw = d[`${split}_samples`];
    const n = typeof nRaw === 'number' && Number.isFinite(nRaw) ? nRaw : null;
    metrics[key] = Number.isFinite(v) ? { value: v, n } : nonFiniteMetric(v, n);
    if (rest === 'loss' || rest.endsWith('_loss') || rest === 'runtime') directions[key] = 'lower';
    if (rest.endsWith('_per_second')) directions[key] = 'higher';
    if (REPORTED.test(key) || split === 'train') reportOnly.push(key);
  }
  if (Object.keys(metrics).length === 0) throw new InputError('no metrics in Trainer metrics file', { file });
  return { metrics, directions, reportOnly };
}

/** Hugging Face Trainer `*_results.json`. */
export const hfTrainerFormat: FormatReader = {
  name: 'hf-trainer',
  description:
    'Hugging Face Trainer all_results.json / eval_results.json: flat "eval_*"/"test_*"/"train_*" numbers (+ "epoch")',
  extensions: ['.json'],
  detect(head) {
    if (head.outline.root !== '{') return 0;
    const top = [...keysAt(head.outline, '')];
    if (top.length === 0 || head.outline.keys.size > 1) return 0; // nested objects: not Trainer's
    const prefixed = top.filter((k) => PREFIX.test(k));
    const rest = top.filter((k) => !PREFIX.test(k) && !RUN_KEYS.has(k));
    if (rest.length > 0 || !prefixed.some((k) => /^(eval|test|predict)_/.test(k))) return 0;
    return top.includes('epoch') || prefixed.some((k) => /_(runtime|samples_per_second)$/.test(k))
      ? 0.85
      : 0.6;
  },
  read(file, ctx) {
    const out = readHfTrainer(readJsonFile(file, ctx.encoding), file);
    return { kind: 'metrics', file, format: 'hf-trainer', ...out };
  },
};
