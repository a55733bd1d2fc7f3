/**
 * Reader for lm-evaluation-harness per-sample logs (`samples_<task>_<timestamp>.jsonl`). Each line is
 * one doc under one filter, with its per-sample metric values (`"acc": 1.0`). These give per-example
 * scores that pair by `doc_id` across runs, so two runs of a harness task get a paired test
 * (McNemar for 0/1 scores) instead of the unpaired one that `results*.json` allows.
 * Metric names match the results reader: `<task>/<metric>`, or `<task>/<metric>,<filter>`.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { forEachJsonObject } from './jsonl.js';
import type { ScoreColumn } from '../types.js';
import type { FormatReader } from './types.js';
import { readTextFile } from './text.js';

const NAME = /^samples_(.+?)_(\d{4}-\d{2}-\d{2}T[\d.-]+?)(\.first\d+)?\.jsonl(\.gz)?$/i;

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
): { scores: Record<string, ScoreColumn>; notes: string[] } {
  const task = taskFromFileName(file);
  if (!task) {
    throw new InputError(
      'cannot tell the task: lm-eval samples files are named samples_<task>_<timestamp>.jsonl',
      { file },
    );
  }
  const scores: Record<string, ScoreColumn> = {};
  const seen = new Map<string, Set<string>>();
  const corpusLevel = new Set<string>();
  forEachJsonObject(text, file, (o, line) => {
    const docId = o.doc_id;
    if (typeof docId !== 'number' && typeof docId !== 'string') {
      throw new InputError('missing doc_id', { file, line, field: 'doc_id' });
    }
    if (!Array.isArray(o.metrics))
      throw new InputError('missing the list of metrics', { file, line, field: 'metrics' });
    const filter = typeof o.filter === 'string' ? o.filter : 'none';
    for (const metric of o.metrics as unknown[]) {
      if (typeof metric !== 'string')
        throw new InputError('metric names must be strings', { file, line, field: 'metrics' });
      const name = filter !== 'none' ? `${task}/${metric},${filter}` : `${task}/${metric}`;
      const v = o[metric];
      if (Array.isArray(v) || (typeof v === 'object' && v !== null)) {
        // Corpus-level metrics (f1 over all docs) keep per-sample inputs, not scores: no per-example mean.
        corpusLevel.add(name);
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
      const id = String(docId);
      let ids = seen.get(name);
      if (!ids) seen.set(name, (ids = new Set()));
      if (ids.has(id))
        throw new InputError(`duplicate doc_id ${id} for ${name}`, { file, line, field: 'doc_id' });
      ids.add(id);
      const col = (scores[name] ??= { ids: [], values: [] });
      col.ids.push(id);
      col.values.push(value);
    }
  });
  const notes = [...corpusLevel]
    .sort()
    .map(
      (n) =>
        `${basename(file)}: ${n} is a corpus-level metric (per-sample lists, not scores); take it from the results file`,
    );
  if (Object.keys(scores).length === 0 && notes.length === 0)
    throw new InputError('no samples in file', { file });
  return { scores, notes };
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
    const { scores, notes } = readLmEvalSamples(readTextFile(file, ctx.encoding), file);
    return { kind: 'scores', file, format: 'lm-eval-samples', scores, notes };
  },
};
