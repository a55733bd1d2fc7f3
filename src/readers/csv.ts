/** Reader for per-example CSV/TSV with a header row. */
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import type { ExampleRecord } from '../types.js';
import { toExampleRecord } from './records.js';
import type { RecordMapping } from './types.js';
import type { FormatReader, FileHead } from './types.js';
import { hasExtension } from './sniff.js';
import { readTextFile } from './text.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?(inf|infinity)$/i;
/** What pandas reads as a missing value. */
const MISSING = new Set(['nan', 'NaN', 'NA', 'N/A', 'n/a', 'null', 'NULL', 'None', '<NA>']);

/**
 * Types a cell as a data-frame loader would: numbers, true/false, JSON lists/objects (multilabel
 * labels, probability maps); empty and NaN/NA cells are absent. Ids and fields read as text (the label
 * and prediction of a generation task) keep their exact characters: `007` is not `7`.
 */
function cell(
  v: string,
  file: string,
  line: number,
  field: string,
  text: boolean,
  probabilities: boolean,
): unknown {
  if (text) return v === '' ? undefined : v;
  const t = v.trim();
  if (t === '' || MISSING.has(t)) return undefined;
  if (NUMBER.test(t)) return Number(t);
  if (INFINITY.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (t === 'true' || t === 'True' || t === 'TRUE') return true;
  if (t === 'false' || t === 'False' || t === 'FALSE') return false;
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      return JSON.parse(t);
    } catch (e) {
      // Only probabilities must be JSON; elsewhere "[1] Paris" is just text.
      if (probabilities) {
        throw new InputError(`probabilities cell is not valid JSON: ${(e as Error).message}`, {
          file,
          line,
          field,
        });
      }
    }
  }
  return v;
}

/** Parses CSV (or TSV when `delimiter` is a tab). */
export function parseCsv(
  text: string,
  file: string,
  mapping: RecordMapping,
  delimiter = ',',
): ExampleRecord[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  const kind = delimiter === '\t' ? 'TSV' : 'CSV';
  try {
    rows = parse(text, {
      columns: (header: string[]) => {
        const seen = new Set<string>();
        for (const h of header) {
          if (seen.has(h))
            throw new InputError(`column "${h}" appears twice in the header`, { file, line: 1, field: h });
          seen.add(h);
        }
        return header;
      },
      delimiter,
      skip_empty_lines: true,
      bom: true,
      info: true,
      // Python's csv module accepts quotes inside unquoted fields (5" screen); so do we.
      relax_quotes: true,
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as Error & { lines?: number };
    throw new InputError(`malformed ${kind}: ${err.message}`, { file, line: err.lines });
  }
  if (rows.length === 0) throw new InputError('no records in file', { file });
  const asText = new Set([mapping.fields.id, ...(mapping.textFields ?? [])]);
  const probabilities = mapping.fields.probabilities;
  return rows.map(({ record, info }) => {
    const typed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      typed[k] = cell(v, file, info.lines, k, asText.has(k), k === probabilities);
    }
    return toExampleRecord(typed, mapping, file, info.lines);
  });
}

/** First line of a sniffed text, when it looks like a delimited header (not JSON, not YAML). */
function headerLine(head: FileHead): string | undefined {
  const end = head.text.indexOf('\n');
  const first = (end === -1 ? head.text : head.text.slice(0, end)).trim();
  if (first === '' || first.startsWith('{') || first.startsWith('[')) return undefined;
  return first;
}

function delimitedFormat(name: 'csv' | 'tsv', delimiter: ',' | '\t'): FormatReader {
  const extensions = [`.${name}`, `.${name}.gz`];
  return {
    name,
    description: `${name === 'csv' ? 'comma' : 'tab'}-separated per-example records with a header row naming the id, label and prediction columns`,
    extensions,
    detect(head, fileName) {
      if (hasExtension(fileName, extensions)) return 0.6;
      const first = headerLine(head);
      if (!first || !first.includes(delimiter)) return 0;
      // Without the extension, a header that names an id/label column makes it likely.
      return /(^|[,\t"])(id|label|prediction|pred|gold|target)([,\t"]|$)/i.test(first) ? 0.4 : 0.26;
    },
    read(file, ctx) {
      const records = parseCsv(readTextFile(file, ctx.encoding), file, ctx.mapping, delimiter);
      return { kind: 'records', file, format: name, records };
    },
  };
}

/** Per-example records as CSV. */
export const csvFormat: FormatReader = delimitedFormat('csv', ',');
/** Per-example records as TSV. */
export const tsvFormat: FormatReader = delimitedFormat('tsv', '\t');
