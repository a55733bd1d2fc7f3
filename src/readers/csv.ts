/** Reader for per-example CSV/TSV with a header row. */
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import type { ExampleRecord } from '../types.js';
import { toExampleRecord } from './records.js';
import type { RecordMapping } from './types.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Types a cell as a loader like pandas would: numbers, true/false, JSON lists/objects (multilabel
 * labels, probability maps); everything else stays a string. Empty cells are absent.
 */
function cell(v: string, file: string, line: number, field: string): unknown {
  const t = v.trim();
  if (t === '') return undefined;
  if (NUMBER.test(t)) return Number(t);
  if (t === 'true' || t === 'True' || t === 'TRUE') return true;
  if (t === 'false' || t === 'False' || t === 'FALSE') return false;
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      return JSON.parse(t);
    } catch (e) {
      throw new InputError(`cell looks like JSON but does not parse: ${(e as Error).message}`, { file, line, field });
    }
  }
  return v;
}

/** Parses CSV (or TSV when `delimiter` is a tab). */
export function parseCsv(text: string, file: string, mapping: RecordMapping, delimiter = ','): ExampleRecord[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      columns: true,
      delimiter,
      skip_empty_lines: true,
      bom: true,
      info: true,
      relax_quotes: false,
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new InputError(`malformed ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${err.message}`, { file, line: err.lines });
  }
  if (rows.length === 0) throw new InputError('no records in file', { file });
  return rows.map(({ record, info }) => {
    const typed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) typed[k] = cell(v, file, info.lines, k);
    return toExampleRecord(typed, mapping, file, info.lines);
  });
}
