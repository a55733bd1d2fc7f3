/**
 * Reader for per-example Parquet files (as written by pandas/pyarrow/polars), via hyparquet (pure JS,
 * snappy built in). Rows are numbered from 1 in error messages, as a data-frame index + 1.
 */
import { InputError } from '../errors.js';
import { readBytes } from './file.js';
import type { ExampleRecord } from '../types.js';
import { toExampleRecord } from './records.js';
import type { RecordMapping } from './types.js';
import type { FormatReader } from './types.js';

/** BigInt columns (int64) become numbers when exact, else an error: ids and labels must not change. */
function normalise(v: unknown, file: string, row: number, field: string): unknown {
  if (typeof v === 'bigint') {
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new InputError('64-bit integer too large to represent exactly', { file, line: row, field });
    }
    return Number(v);
  }
  if (Array.isArray(v)) return v.map((x) => normalise(x, file, row, field));
  if (v instanceof Date) return v.toISOString();
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x, file, row, field)]));
  }
  return v;
}

/** Reads all rows of a Parquet file into records. */
export async function readParquet(file: string, mapping: RecordMapping): Promise<ExampleRecord[]> {
  const buf = readBytes(file);
  const arrayBuffer = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  // Loaded on first use: runs that read no Parquet never parse the library (start-up, docs/performance.md).
  const { parquetReadObjects } = await import('hyparquet');
  let rows: Record<string, unknown>[];
  try {
    rows = (await parquetReadObjects({ file: arrayBuffer })) as Record<string, unknown>[];
  } catch (e) {
    throw new InputError(`not a readable Parquet file: ${(e as Error).message}`, { file });
  }
  if (rows.length === 0) throw new InputError('no records in file', { file });
  return rows.map((raw, i) => {
    const row = i + 1;
    const typed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) typed[k] = v === null ? undefined : normalise(v, file, row, k);
    return toExampleRecord(typed, mapping, file, row);
  });
}

/** Per-example records as Parquet. */
export const parquetFormat: FormatReader = {
  name: 'parquet',
  description:
    'Parquet table of per-example records (starts with the bytes PAR1) with id, label and prediction columns',
  extensions: ['.parquet'],
  detect(head, name) {
    if (head.raw.subarray(0, 4).toString('latin1') === 'PAR1') return 1;
    // Named .parquet but not Parquet: read it anyway, so the error says what is wrong with it.
    return name.toLowerCase().endsWith('.parquet') ? 0.3 : 0;
  },
  async read(file, ctx) {
    return { kind: 'records', file, format: 'parquet', records: await readParquet(file, ctx.mapping) };
  },
};
