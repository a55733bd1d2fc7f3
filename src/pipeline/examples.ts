/**
 * The per-example columns an EvalResult stores, so that a later run can pair its examples by id: built
 * from records, built lazily from streamed columns, and turned back into records.
 */
import type { GateConfig } from '../config/load.js';
import type { RecordColumns } from '../readers/columnar/columns.js';
import type { EvalResult, ExampleColumns, ExampleRecord } from '../types.js';

/**
 * Sets `result.examples` to be built from `cols` when first read (serialising the result reads it): a
 * `metrics` run that saves nothing never materialises a million rows of example columns.
 */
export function lazyExamples(result: EvalResult, cols: RecordColumns, config: GateConfig): void {
  Object.defineProperty(result, 'examples', {
    enumerable: true,
    configurable: true,
    get() {
      const value = cols.toExampleColumns(config.slices, !!config.cluster);
      Object.defineProperty(result, 'examples', {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return value;
    },
  });
}

/** Compact per-example columns of records (what an EvalResult stores for later pairing). */
export function columnsOf(records: ExampleRecord[], config: GateConfig): ExampleColumns {
  const cols: ExampleColumns = {
    ids: records.map((r) => r.id),
    label: records.map((r) => r.label),
    prediction: records.map((r) => r.prediction),
  };
  if (records.some((r) => r.probabilities !== undefined))
    cols.probabilities = records.map((r) => r.probabilities ?? null);
  const numericNames = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.numeric)) numericNames.add(k);
  if (numericNames.size) {
    cols.numeric = {};
    for (const k of numericNames)
      cols.numeric[k] = records.map((r) => (k in r.numeric ? r.numeric[k] : null));
  }
  if (config.slices.length) {
    cols.slices = {};
    for (const s of config.slices) cols.slices[s] = records.map((r) => r.slices[s]);
  }
  if (config.cluster) cols.cluster = records.map((r) => r.cluster ?? '');
  return cols;
}

/** Turns stored example columns back into records (to pair a baseline by id). */
export function recordsFromColumns(cols: ExampleColumns, file: string): ExampleRecord[] {
  const out: ExampleRecord[] = new Array(cols.ids.length);
  for (let i = 0; i < cols.ids.length; i++) {
    const numeric: Record<string, number> = {};
    if (cols.numeric)
      for (const [k, v] of Object.entries(cols.numeric))
        if (v[i] !== null && v[i] !== undefined) numeric[k] = v[i] as number;
    const slices: Record<string, string> = {};
    if (cols.slices) for (const [k, v] of Object.entries(cols.slices)) slices[k] = v[i];
    const rec: ExampleRecord = {
      id: cols.ids[i],
      label: cols.label[i],
      prediction: cols.prediction[i],
      slices,
      numeric,
      source: { file, line: i + 1 },
    };
    const p = cols.probabilities?.[i];
    if (p !== null && p !== undefined) rec.probabilities = p;
    if (cols.cluster) rec.cluster = cols.cluster[i];
    out[i] = rec;
  }
  return out;
}
