/** Reader for per-example JSON Lines (`.jsonl`, `.ndjson`, optionally gzip-compressed). */
import { InputError } from '../errors.js';
import type { ExampleRecord } from '../types.js';
import { toExampleRecord } from './records.js';
import type { RecordMapping } from './types.js';

/** Parses JSONL text; blank lines are allowed, anything else that is not a JSON object is an error. */
export function parseJsonl(text: string, file: string, mapping: RecordMapping): ExampleRecord[] {
  const out: ExampleRecord[] = [];
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
    out.push(toExampleRecord(value as Record<string, unknown>, mapping, file, line));
  }
  if (out.length === 0) throw new InputError('no records in file', { file });
  return out;
}
