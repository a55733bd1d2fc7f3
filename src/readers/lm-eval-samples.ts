/**
 * Reader for lm-evaluation-harness per-sample logs (`samples_<task>_<timestamp>.jsonl`). Each line is
 * one doc under one filter, with its per-sample metric values (`"acc": 1.0`). These give per-example
 * scores that pair by `doc_id` across runs, so two runs of a harness task get a paired test
 * (McNemar for 0/1 scores) instead of the unpaired one that `results*.json` allows.
 * Metric names match the results reader: `<task>/<metric>`, or `<task>/<metric>,<filter>`.
 * Three generations of the file: with a `metrics` list naming the metric keys (0.4.3 on), with the
 * metric keys but no list (0.4.0–0.4.2), and the 2023 write-out with no metric at all (the score is
 * recomputed from the responses).
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { forEachJsonObject } from './jsonl.js';
import type { ScoreColumn } from '../types.js';
import type { FormatReader } from './types.js';
import { readTextFile } from './text.js';

type Obj = Record<string, unknown>;

const NAME = /^samples_(.+?)_(\d{4}-\d{2}-\d{2}T[\d.-]+?)(\.first\d+)?\.(jsonl|json|ndjson)(\.gz)?$/i;

/** True when the first non-blank line of a JSONL text looks like an lm-eval sample. */
export function isLmEvalSamples(text: string): boolean {
  const end = text.indexOf('\n');
  const first = (end === -1 ? text : text.slice(0, end)).trim();
  if (!first.startsWith('{')) return false;
  try {
    const o = JSON.parse(first) as Record<string, unknown>;
    return 'doc_id' in o && ('filtered_resps' in o || 'resps' in o) && Array.isArray(o.metrics);
  } catch {
    return false;
  }
}

/** The harness task name from a samples file name. */
export function taskFromFileName(file: string): string | undefined {
  return NAME.exec(basename(file))?.[1];
}

/** Parses a samples log into per-example score columns. */
export function readLmEvalSamples(
  text: string,
  file: string,
): {
  scores: Record<string, ScoreColumn>;
  notes: string[];
  pairs: Record<string, { ids: string[]; pairs: [unknown, unknown][] }>;
} {
  const named = taskFromFileName(file);
  const task =
    named ??
    basename(file)
      .replace(/\.(jsonl|json|ndjson)(\.gz)?$/i, '')
      .replace(/^samples_/, '');
  const scores: Record<string, ScoreColumn> = {};
  const pairs: Record<string, { ids: string[]; pairs: [unknown, unknown][] }> = {};
  const seen = new Map<string, Set<string>>();
  const corpusLevel = new Set<string>();
  const derived = new Set<string>();
  const push = (name: string, id: string, value: number, line: number) => {
    let ids = seen.get(name);
    if (!ids) seen.set(name, (ids = new Set()));
    if (ids.has(id))
      throw new InputError(`duplicate doc_id ${id} for ${name}`, { file, line, field: 'doc_id' });
    ids.add(id);
    const col = (scores[name] ??= { ids: [], values: [] });
    col.ids.push(id);
    col.values.push(value);
  };
  forEachJsonObject(text, file, (o, line) => {
    const docId = o.doc_id;
    if (typeof docId !== 'number' && typeof docId !== 'string') {
      throw new InputError('missing doc_id', { file, line, field: 'doc_id' });
    }
    const id = String(docId);
    const filter = typeof o.filter === 'string' ? o.filter : 'none';
    const nameOf = (metric: string) =>
      filter !== 'none' ? `${task}/${metric},${filter}` : `${task}/${metric}`;
    const metrics = Array.isArray(o.metrics) ? (o.metrics as unknown[]) : metricKeys(o);
    if (metrics.length === 0) {
      // The 2023 write-out (early 0.4) keeps no per-sample metric: recompute the one the responses decide.
      const d = derivedScore(o);
      if (!d) {
        throw new InputError(
          'no "metrics" list and no responses to score (expected loglikelihood pairs with a target that is an index or one of the choices, or a generation with a text target)',
          { file, line, field: 'metrics' },
        );
      }
      derived.add(nameOf(d.metric));
      push(nameOf(d.metric), id, d.value, line);
      return;
    }
    for (const metric of metrics) {
      if (typeof metric !== 'string')
        throw new InputError('metric names must be strings', { file, line, field: 'metrics' });
      const name = nameOf(metric);
      const v = o[metric];
      if (Array.isArray(v) || (typeof v === 'object' && v !== null)) {
        // Corpus-level metrics (f1 over all docs) keep per-sample inputs, not scores: no per-example mean.
        // Their [gold, pred] pairs are kept for the statistics that compute them over the corpus.
        corpusLevel.add(name);
        if (Array.isArray(v) && v.length === 2) {
          const p = (pairs[name] ??= { ids: [], pairs: [] });
          p.ids.push(id);
          p.pairs.push([v[0], v[1]]);
        }
        continue;
      }
      const value = typeof v === 'boolean' ? Number(v) : v;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new InputError(`per-sample value must be a finite number, found ${JSON.stringify(v)}`, {
          file,
          line,
          field: metric,
        });
      }
      push(name, id, value, line);
    }
  });
  const notes = [...corpusLevel]
    .sort()
    .map(
      (n) =>
        `${basename(file)}: ${n} is a corpus-level metric (per-sample lists, not scores); take it from the results file`,
    );
  for (const n of [...derived].sort())
    notes.push(`${basename(file)}: ${n} recomputed from the responses (the file keeps no per-sample metric)`);
  if (!named)
    notes.push(`${basename(file)}: task "${task}" taken from the file name (not samples_<task>_<timestamp>)`);
  if (Object.keys(scores).length === 0 && corpusLevel.size === 0)
    throw new InputError('no samples in file', { file });
  return { scores, notes, pairs };
}

/** What a samples line holds besides its metrics. */
const SAMPLE_KEYS = new Set([
  'doc_id',
  'doc',
  'target',
  'arguments',
  'resps',
  'filtered_resps',
  'filter',
  'metrics',
  'doc_hash',
  'prompt_hash',
  'target_hash',
]);

/**
 * The metric keys of a line without a `metrics` list (0.4.0–0.4.2 wrote the values, `"acc": 1.0`,
 * but not their names): every other key with a number, boolean or list value.
 */
function metricKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => {
    if (SAMPLE_KEYS.has(k)) return false;
    const v = o[k];
    return typeof v === 'number' || typeof v === 'boolean' || Array.isArray(v);
  });
}

/**
 * A loglikelihood response `[logprob, is_greedy]` (numbers or their string forms, as `resps` nests it
 * one level deeper than `filtered_resps`); undefined for anything else, such as a generated text.
 */
function loglik(r: unknown): number | undefined {
  const pair = Array.isArray(r) && Array.isArray(r[0]) ? r[0] : r;
  if (!Array.isArray(pair) || pair.length !== 2) return undefined;
  const greedy = pair[1];
  if (typeof greedy !== 'boolean' && greedy !== 'True' && greedy !== 'False') return undefined;
  const x = typeof pair[0] === 'string' && pair[0].trim() !== '' ? Number(pair[0]) : pair[0];
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/** The continuations a multiple-choice doc was scored on (`arguments`, as a list or gen_args_i). */
function choices(args: unknown): string[] | undefined {
  const list = Array.isArray(args)
    ? args
    : typeof args === 'object' && args !== null
      ? Object.entries(args)
          .sort(([a], [b]) => Number(/\d+$/.exec(a)?.[0]) - Number(/\d+$/.exec(b)?.[0]))
          .map(([, v]) => v as unknown)
      : undefined;
  if (!list) return undefined;
  const out: string[] = [];
  for (const a of list) {
    const cont = Array.isArray(a) ? a[1] : typeof a === 'object' && a !== null ? (a as Obj).arg_1 : undefined;
    if (typeof cont !== 'string') return undefined;
    out.push(cont.trim());
  }
  return out;
}
/**
 * The index of the right choice: the target itself (a number or its string), or the choice whose text
 * the target is (copa-like tasks write the answer text).
 */
function targetIndex(target: unknown, args: unknown, n: number): number | undefined {
  if (typeof target === 'number') return Number.isInteger(target) ? target : undefined;
  if (typeof target !== 'string') return undefined;
  if (/^\d+$/.test(target.trim())) return Number(target.trim());
  const cs = choices(args);
  if (!cs || cs.length !== n) return undefined;
  const i = cs.indexOf(target.trim());
  return i >= 0 && cs.indexOf(target.trim(), i + 1) < 0 ? i : undefined;
}

/**
 * The score a samples line without metrics implies: `acc` (argmax loglikelihood = target) for
 * multiple choice, `exact_match` (trimmed response = target) for a generation.
 */
function derivedScore(o: Obj): { metric: string; value: number } | undefined {
  const resps = Array.isArray(o.filtered_resps)
    ? o.filtered_resps
    : Array.isArray(o.resps)
      ? o.resps
      : undefined;
  if (!resps || resps.length === 0) return undefined;
  const target = o.target;
  const lls = resps.map(loglik);
  if (lls.every((x) => x !== undefined)) {
    // Loglikelihoods are never compared as text: without a resolvable target there is no score.
    const t = targetIndex(target, o.arguments, lls.length);
    if (t === undefined) return undefined;
    let best = 0;
    for (let i = 1; i < lls.length; i++) if (lls[i]! > lls[best]!) best = i;
    return { metric: 'acc', value: best === t ? 1 : 0 };
  }
  const first = Array.isArray(resps[0]) ? resps[0][0] : resps[0];
  if (typeof first === 'string' && typeof target === 'string')
    return { metric: 'exact_match', value: first.trim() === target.trim() ? 1 : 0 };
  return undefined;
}

/** lm-evaluation-harness `--log_samples` files. */
export const lmEvalSamplesFormat: FormatReader = {
  name: 'lm-eval-samples',
  description:
    'lm-evaluation-harness --log_samples JSON Lines: one object per doc with "doc_id" and "resps"/"filtered_resps", named samples_<task>_<timestamp>',
  extensions: ['.jsonl', '.jsonl.gz'],
  detect(head) {
    const first = head.jsonLines?.[0];
    if (!first) return 0;
    return 'doc_id' in first && ('filtered_resps' in first || 'resps' in first) ? 0.95 : 0;
  },
  read(file, ctx) {
    const { scores, notes, pairs } = readLmEvalSamples(readTextFile(file, ctx.encoding), file);
    const out = { kind: 'scores' as const, file, format: 'lm-eval-samples', scores, notes };
    return Object.keys(pairs).length ? { ...out, pairs } : out;
  },
};
