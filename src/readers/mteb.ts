/**
 * Reader for MTEB result files, in the three layouts MTEB has written: 2.x and 1.6+ (`scores.{split}[]`
 * with `hf_subset` and `main_score`), 1.x legacy (split objects at the top with `mteb_dataset_name`) and
 * 0.0.x (split → language → metric groups, no metadata; the task is the file name). Metric names are
 * `<task>/<split>/<subset>/<metric>` (nested groups joined with `.`, e.g. `cos_sim.spearman`).
 * `main_score` is gated by default and the other metrics are reported; bare `NaN` (Python's json) makes
 * a metric undefined with the reason. `model_meta.json` (written next to the results) describes the
 * model and holds no metrics.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import type { EvalSetup, MetricValue } from '../types.js';
import { readJsonFile } from './json-text.js';
import { nonFiniteMetric } from './metric-map.js';
import type { FormatReader } from './types.js';
import { configFingerprint } from './setup.js';
import { keysAt } from './sniff.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const SPLITS = new Set(['test', 'dev', 'validation', 'val', 'train', 'default']);
const NOT_METRICS = new Set([
  'hf_subset',
  'languages',
  'scores_per_experiment',
  'evaluation_time',
  'kg_co2_emissions',
]);
const METRIC_GROUPS =
  /^(cos_sim|cosine|euclidean|manhattan|dot|accuracy|main_score|f1|ap|ndcg_at_10|v_measure)$/;

function metricsOf(
  entry: Obj,
  prefix: string,
  out: Record<string, MetricValue>,
  file: string,
  depth = 0,
): void {
  if (depth > 8) throw new InputError('MTEB metrics nested too deeply', { file, field: prefix });
  for (const [k, v] of Object.entries(entry)) {
    if (NOT_METRICS.has(k) || k.endsWith('_stderr')) continue;
    const name = `${prefix}${k}`;
    if (typeof v === 'number') out[name] = Number.isFinite(v) ? { value: v, n: null } : nonFiniteMetric(v);
    else if (v === null) out[name] = { value: null, n: null, undefined: 'the file gives null' };
    else if (isObj(v)) metricsOf(v, `${name}.`, out, file, depth + 1);
    // Strings and lists (languages, timings as text) are metadata, not metrics.
  }
}

/** A split object of the older layouts: metrics directly, or subsets (languages) of metrics. */
function legacySplit(split: Obj, prefix: string, out: Record<string, MetricValue>, file: string): void {
  const direct = Object.values(split).some((v) => typeof v === 'number');
  if (direct) metricsOf(split, `${prefix}default/`, out, file);
  else
    for (const [subset, v] of Object.entries(split))
      if (isObj(v)) metricsOf(v, `${prefix}${subset}/`, out, file);
}

/** Reads an MTEB results document. */
export function readMteb(
  data: unknown,
  file: string,
): { metrics: Record<string, MetricValue>; setup: EvalSetup; reportOnly: string[] } {
  if (!isObj(data)) throw new InputError('expected an MTEB result object', { file });
  const task =
    (typeof data.task_name === 'string' && data.task_name) ||
    (typeof data.mteb_dataset_name === 'string' && data.mteb_dataset_name) ||
    basename(file).replace(/\.json(\.gz)?$/i, '');
  const metrics: Record<string, MetricValue> = {};
  if (isObj(data.scores)) {
    for (const [split, entries] of Object.entries(data.scores)) {
      if (!Array.isArray(entries))
        throw new InputError('expected a list of subsets', { file, field: `scores.${split}` });
      entries.forEach((e, i) => {
        if (!isObj(e))
          throw new InputError('expected a subset object', { file, field: `scores.${split}[${i}]` });
        const subset = typeof e.hf_subset === 'string' ? e.hf_subset : 'default';
        metricsOf(e, `${task}/${split}/${subset}/`, metrics, file);
      });
    }
  } else {
    for (const [k, v] of Object.entries(data)) {
      if (isObj(v) && (SPLITS.has(k) || !['dataset_revision', 'mteb_version'].includes(k)))
        legacySplit(v, `${task}/${k}/`, metrics, file);
    }
  }
  if (Object.keys(metrics).length === 0) throw new InputError('no metrics in MTEB result', { file });
  const hasMain = Object.keys(metrics).some((n) => n.endsWith('/main_score'));
  const reportOnly = hasMain ? Object.keys(metrics).filter((n) => !n.endsWith('/main_score')) : [];
  const setup: EvalSetup = {
    harness: 'mteb',
    tasks: { [task]: configFingerprint({ dataset_revision: data.dataset_revision ?? null }) },
  };
  if (typeof data.mteb_version === 'string') setup.version = data.mteb_version;
  return { metrics, setup, reportOnly };
}

/** MTEB result files. */
export const mtebFormat: FormatReader = {
  name: 'mteb',
  description:
    'MTEB result JSON: "mteb_version"/"task_name" with "scores" per split (or the older split-at-top layouts)',
  extensions: ['.json', '.json.gz'],
  detect(head) {
    if (head.outline.root !== '{') return 0;
    const top = keysAt(head.outline, '');
    if (top.has('mteb_version') || top.has('mteb_dataset_name')) return 0.95;
    if (top.has('task_name') && top.has('scores') && top.has('dataset_revision')) return 0.9;
    // 0.0.x: split → language → metric groups, nothing else.
    const splits = [...top].filter((k) => SPLITS.has(k));
    if (splits.length === 0 || splits.length !== top.size) return 0;
    const langs = [...keysAt(head.outline, splits[0])];
    const groups = langs.flatMap((l) => [...keysAt(head.outline, `${splits[0]}.${l}`)]);
    return groups.some((g) => METRIC_GROUPS.test(g)) &&
      groups.some((g) => /^(cos_sim|euclidean|manhattan)$/.test(g))
      ? 0.6
      : 0;
  },
  read(file, ctx) {
    const { metrics, setup, reportOnly } = readMteb(readJsonFile(file, ctx.encoding), file);
    return { kind: 'metrics', file, format: 'mteb', metrics, directions: {}, setup, reportOnly };
  },
};

/** MTEB `model_meta.json`: describes the model, holds no metrics. */
export const mtebModelMetaFormat: FormatReader = {
  name: 'mteb-model-meta',
  description:
    'MTEB model_meta.json ("name", "revision", "n_parameters", "loader"): model description, no metrics',
  extensions: ['.json'],
  detect(head) {
    if (head.outline.root !== '{') return 0;
    const top = keysAt(head.outline, '');
    return top.has('name') &&
      top.has('revision') &&
      (top.has('n_parameters') || top.has('embed_dim') || top.has('loader'))
      ? 0.85
      : 0;
  },
  read(file, ctx) {
    const data = readJsonFile(file, ctx.encoding);
    if (!isObj(data)) throw new InputError('expected an MTEB model_meta object', { file });
    const name = typeof data.name === 'string' ? data.name : 'model';
    const rev = typeof data.revision === 'string' ? ` at revision ${data.revision.slice(0, 12)}` : '';
    return {
      kind: 'meta',
      file,
      format: 'mteb-model-meta',
      notes: [`${basename(file)}: MTEB model metadata of ${name}${rev} (no metrics)`],
    };
  },
};
