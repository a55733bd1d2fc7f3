/**
 * Input files → ReadOutput, one reader per format. The format is chosen by extension, and for JSON by
 * content (EvalResult, lm-eval results, or a plain metric map).
 */
import { statSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { parseCsv } from './csv.js';
import { isEvalResult, readEvalResult } from './eval-result.js';
import { parseJsonl } from './jsonl.js';
import { isLmEvalResults, readLmEvalResults } from './lm-eval.js';
import { isLmEvalSamples, readLmEvalSamples } from './lm-eval-samples.js';
import { readBytes } from './file.js';
import { flattenMetricMap } from './metric-map.js';
import { readParquet } from './parquet.js';
import type { ReadOutput, RecordMapping } from './types.js';

export type { ReadOutput, RecordMapping } from './types.js';

const SUPPORTED = [
  '.jsonl',
  '.ndjson',
  '.jsonl.gz',
  '.ndjson.gz',
  '.csv',
  '.csv.gz',
  '.tsv',
  '.tsv.gz',
  '.parquet',
  '.json',
  '.json.gz',
  '.yaml',
  '.yml',
];

function readText(file: string): string {
  let buf = readBytes(file);
  if (file.endsWith('.gz')) {
    try {
      buf = gunzipSync(buf);
    } catch (e) {
      throw new InputError(`not valid gzip: ${(e as Error).message}`, { file });
    }
  }
  const text = buf.toString('utf8');
  // Editors on Windows write a byte-order mark; it is not part of the data.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON.parse with the error position turned into a line number. */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new InputError(`malformed JSON: ${msg}`, { file, line });
  }
}

/** Reads one input file of any supported format (Parquet decoding is asynchronous). */
export async function readInputFileAsync(file: string, mapping: RecordMapping): Promise<ReadOutput> {
  if (file.toLowerCase().endsWith('.parquet')) {
    return { kind: 'records', file, format: 'parquet', records: await readParquet(file, mapping) };
  }
  return readInputFile(file, mapping);
}

/** Reads one input file of a text format (everything but Parquet). */
export function readInputFile(file: string, mapping: RecordMapping): ReadOutput {
  const lower = file.toLowerCase();
  if (
    lower.endsWith('.jsonl') ||
    lower.endsWith('.ndjson') ||
    lower.endsWith('.jsonl.gz') ||
    lower.endsWith('.ndjson.gz')
  ) {
    const text = readText(file);
    if (isLmEvalSamples(text)) {
      const { scores, notes } = readLmEvalSamples(text, file);
      return { kind: 'scores', file, format: 'lm-eval-samples', scores, notes };
    }
    return { kind: 'records', file, format: 'jsonl', records: parseJsonl(text, file, mapping) };
  }
  if (lower.endsWith('.csv') || lower.endsWith('.csv.gz')) {
    return { kind: 'records', file, format: 'csv', records: parseCsv(readText(file), file, mapping, ',') };
  }
  if (lower.endsWith('.tsv') || lower.endsWith('.tsv.gz')) {
    return { kind: 'records', file, format: 'tsv', records: parseCsv(readText(file), file, mapping, '\t') };
  }
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) {
    let data: unknown;
    try {
      data = parseYaml(readText(file));
    } catch (e) {
      const err = e as Error & { linePos?: { line: number }[] };
      throw new InputError(`invalid YAML: ${err.message.split('\n')[0]}`, {
        file,
        line: err.linePos?.[0]?.line,
      });
    }
    return {
      kind: 'metrics',
      file,
      format: 'metric-map',
      metrics: flattenMetricMap(data, file),
      directions: {},
    };
  }
  if (lower.endsWith('.json') || lower.endsWith('.json.gz')) {
    const data = parseJson(readText(file), file);
    if (isEvalResult(data))
      return { kind: 'result', file, format: 'eval-result', result: readEvalResult(data, file) };
    if (isLmEvalResults(data)) {
      const { metrics, directions } = readLmEvalResults(data as Record<string, unknown>, file);
      return { kind: 'metrics', file, format: 'lm-eval', metrics, directions };
    }
    return {
      kind: 'metrics',
      file,
      format: 'metric-map',
      metrics: flattenMetricMap(data, file),
      directions: {},
    };
  }
  throw new InputError(`unsupported file type; expected one of ${SUPPORTED.join(', ')}`, { file });
}

/**
 * Expands folders (their supported files, sorted, non-recursive) and checks that every path exists:
 * a path that matches nothing is an error, never an empty gate.
 */
export function expandInputPaths(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new InputError('file not found', { file: p });
    if (statSync(p).isDirectory()) {
      const files = readdirSync(p)
        .filter((f) => SUPPORTED.some((ext) => f.toLowerCase().endsWith(ext)))
        .sort()
        .map((f) => join(p, f));
      if (files.length === 0)
        throw new InputError(`folder holds no supported files (${SUPPORTED.join(', ')})`, { file: p });
      out.push(...files);
    } else {
      out.push(p);
    }
  }
  return out;
}
