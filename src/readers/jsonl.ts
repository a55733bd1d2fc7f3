/** Reader for per-example JSON Lines (`.jsonl`, `.ndjson`, optionally gzip-compressed). */
import { InputError } from '../errors.js';
import type { ExampleRecord } from '../types.js';
import { toExampleRecord } from './records.js';
import type { RecordMapping } from './types.js';
import type { FormatReader } from './types.js';
import { hasExtension } from './sniff.js';
import { readTextFile } from './text.js';
import { readJsonlColumns } from './columnar/jsonl-stream.js';

/**
 * Calls `each` with every non-blank line parsed as a JSON object and its 1-based line number; a line
 * that is not valid JSON or not an object is an error naming file and line. Shared by every JSONL-based
 * reader so they agree on what a line is.
 */
export function forEachJsonObject(
  text: string,
  file: string,
  each: (value: Record<string, unknown>, line: number) => void,
): void {
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new InputError(`malformed JSON: ${(e as Error).message}`, { file, line });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError('expected a JSON object per line', { file, line });
    }
    each(value as Record<string, unknown>, line);
  }
}

/** Parses JSONL text; blank lines are allowed, anything else that is not a JSON object is an error. */
export function parseJsonl(text: string, file: string, mapping: RecordMapping): ExampleRecord[] {
  const out: ExampleRecord[] = [];
  forEachJsonObject(text, file, (value, line) => out.push(toExampleRecord(value, mapping, file, line)));
  if (out.length === 0) throw new InputError('no records in file', { file });
  return out;
}

const JSONL_EXTENSIONS = ['.jsonl', '.ndjson', '.jsonl.gz', '.ndjson.gz'];

/** Per-example records as JSON Lines. */
export const jsonlFormat: FormatReader = {
  name: 'jsonl',
  description:
    'JSON Lines of per-example records: one object per line with an id, a label and a prediction field',
  extensions: JSONL_EXTENSIONS,
  detect(head, name) {
    const ext = hasExtension(name, JSONL_EXTENSIONS);
    const lines = head.jsonLines;
    // A .jsonl whose first line is broken is still read as JSON Lines, so the error names that line.
    if (!lines) return ext ? 0.3 : 0;
    return lines.length >= 2 || ext ? 0.5 : 0.2;
  },
  async read(file, ctx) {
    // Streaming into columns needs UTF-8 (the default); other encodings, and UTF-16 files that say so
    // with a BOM or NULs, are decoded whole.
    if (ctx.columns && (ctx.encoding === undefined || ctx.encoding === 'utf8')) {
      const columns = await readJsonlColumns(file, ctx.mapping, ctx.columns, ctx.progress);
      if (columns) return { kind: 'columns', file, format: 'jsonl', columns };
    }
    const records = parseJsonl(readTextFile(file, ctx.encoding), file, ctx.mapping);
    return { kind: 'records', file, format: 'jsonl', records };
  },
};
