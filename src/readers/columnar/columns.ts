/**
 * Per-example records held as columns instead of one object per row: what the streaming readers build.
 * Labels and predictions are interned (a code per row into a dictionary of distinct values, which keep
 * their JSON type), probabilities are a Float64Array (one per row, or a row-major block of one column per
 * distinct key or array position), numeric fields are Float64Arrays with NaN where a row lacks the field.
 * A million 10-class rows take ~100 MB here instead of ~1 GB as objects.
 *
 * Values the columns cannot hold compactly (list labels of multilabel runs, probabilities that are not
 * all numbers, ...) switch that column to a plain array of values ("generic"): correctness never
 * depends on the compact form, only speed and memory do. `toRecords` turns the columns back into
 * `ExampleRecord`s (with file and line) for the code paths that need them.
 */
import type { ExampleColumns, ExampleRecord } from '../../types.js';
import { GrowF64, GrowI32 } from './growable.js';
import { ProbaColumn } from './proba-column.js';

export { ProbaColumn } from './proba-column.js';

/** A scalar as JSON gives it. */
export type Scalar = string | number | boolean;

/** Interned scalar column: `codes[row]` indexes `values`; generic once a non-scalar value arrives. */
export class DictColumn {
  readonly values: Scalar[] = [];
  private readonly index = new Map<Scalar, number>();
  codes = new GrowI32();
  /** Set when some value is not a scalar: every row's value, as given. */
  generic: unknown[] | undefined;

  push(v: unknown): void {
    if (this.generic) {
      this.generic.push(v);
      return;
    }
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      let c = this.index.get(v);
      if (c === undefined) {
        c = this.values.length;
        this.values.push(v);
        this.index.set(v, c);
      }
      this.codes.push(c);
      return;
    }
    this.generic = this.materialise();
    this.generic.push(v);
  }

  /** Adds a row holding the value of code `c` (from `code`). */
  pushCode(c: number): void {
    if (this.generic) this.generic.push(this.values[c]);
    else this.codes.push(c);
  }

  /** Code of scalar `v`, adding it (the fast scanner's path). */
  code(v: Scalar): number {
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      this.index.set(v, c);
    }
    return c;
  }

  materialise(): unknown[] {
    if (this.generic) return this.generic;
    const out = new Array<unknown>(this.codes.length);
    const codes = this.codes.data;
    for (let i = 0; i < out.length; i++) out[i] = this.values[codes[i]];
    return out;
  }

  get(row: number): unknown {
    return this.generic ? this.generic[row] : this.values[this.codes.data[row]];
  }
}

/** Columns of one file's (or several files') per-example records. */
export class RecordColumns {
  n = 0;
  /** Source file of each row range: rows [fileStart[j], fileStart[j+1]) come from files[j]. */
  files: string[] = [];
  fileStart: number[] = [];
  lines = new GrowI32();

  /**
   * Size hint from the reader (rows expected from the file size): the probability block and the
   * per-row code columns are allocated once at about that size instead of grown by doubling, which at
   * 10⁷ rows saves hundreds of MB of peak memory (docs/performance.md).
   */
  expectRows(rows: number): void {
    this.proba.expectedRows = rows;
    this.label.codes.reserve(rows);
    this.prediction.codes.reserve(rows);
    this.lines.reserve(rows);
  }
  ids: string[] = [];
  label = new DictColumn();
  prediction = new DictColumn();
  proba = new ProbaColumn();
  numeric = new Map<string, GrowF64>();
  slices = new Map<string, string[]>();
  cluster: string[] | undefined;

  /** Marks the start of rows read from `file`. */
  beginFile(file: string): void {
    this.files.push(file);
    this.fileStart.push(this.n);
  }

  /** File a row came from. */
  fileOf(row: number): string {
    let j = this.fileStart.length - 1;
    while (j > 0 && this.fileStart[j] > row) j--;
    return this.files[j];
  }

  /** Numeric column `key`, NaN-filled up to the current row. */
  numericColumn(key: string): GrowF64 {
    let col = this.numeric.get(key);
    if (!col) {
      col = new GrowF64(Math.max(1024, this.n + 1));
      col.data.fill(NaN);
      this.numeric.set(key, col);
    }
    return col;
  }

  /** Sets numeric `key` of the row being added (row index `this.n`). */
  setNumeric(key: string, v: number): void {
    const col = this.numericColumn(key);
    const row = this.n;
    if (col.data.length <= row) {
      const old = col.data.length;
      // Every earlier row is filled (a value or NaN): growing must keep them all.
      col.length = old;
      col.reserve(row + 1);
      col.data.fill(NaN, old);
    }
    col.data[row] = v;
  }

  /** Adds a record from the generic path (a JSON.parse'd line mapped by `toExampleRecord`). */
  pushRecord(rec: ExampleRecord): void {
    const row = this.n;
    this.ids.push(rec.id);
    this.label.push(rec.label);
    this.prediction.push(rec.prediction);
    const p = rec.probabilities;
    if (p !== undefined) {
      if (typeof p === 'number') {
        const off = this.proba.beginRow(row, 'number', 1);
        if (off < 0) this.proba.pushGeneric(row, p);
        else this.proba.block.data[off] = p;
      } else if (Array.isArray(p) && p.every((x) => typeof x === 'number')) {
        const off = this.proba.beginRow(row, 'array', p.length);
        if (off < 0) this.proba.pushGeneric(row, p);
        else for (let j = 0; j < p.length; j++) this.proba.block.data[off + j] = p[j] as number;
      } else if (
        typeof p === 'object' &&
        p !== null &&
        !Array.isArray(p) &&
        Object.values(p).every((x) => typeof x === 'number' && x === x)
      ) {
        const entries = Object.entries(p as Record<string, number>);
        for (const [k] of entries)
          if (this.proba.mode === 'map' || this.proba.mode === 'none') this.proba.keyColumn(k);
        const off = this.proba.beginRow(row, 'map', 0);
        if (off < 0) this.proba.pushGeneric(row, p);
        else for (const [k, x] of entries) this.proba.block.data[off + this.proba.keyColumn(k)] = x;
      } else this.proba.pushGeneric(row, p);
    }
    for (const key in rec.numeric) this.setNumeric(key, rec.numeric[key]);
    for (const key in rec.slices) this.sliceColumn(key).push(rec.slices[key]);
    if (rec.cluster !== undefined) (this.cluster ??= []).push(rec.cluster);
    this.lines.push(rec.source.line ?? row + 1);
    this.n++;
  }

  sliceColumn(key: string): string[] {
    let col = this.slices.get(key);
    if (!col) {
      col = [];
      this.slices.set(key, col);
    }
    return col;
  }

  /** Pads columns to `n` rows after the last row (numeric NaN, probabilities absent). */
  finish(): void {
    this.proba.fillTo(this.n);
    for (const col of this.numeric.values()) {
      if (col.data.length < this.n) {
        const old = col.data.length;
        col.length = old;
        col.reserve(this.n);
        col.data.fill(NaN, old);
      }
      col.length = this.n;
    }
  }

  /** Numeric columns trimmed to n rows. */
  numericArrays(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    for (const [k, col] of this.numeric) {
      col.length = this.n;
      out[k] = col.trimmed();
    }
    return out;
  }

  /** One ExampleRecord per row (the generic path: any task, and exact error messages). */
  toRecords(): ExampleRecord[] {
    this.finish();
    const out = new Array<ExampleRecord>(this.n);
    const numeric = [...this.numeric];
    const slices = [...this.slices];
    const lines = this.lines.data;
    let fileIdx = 0;
    for (let i = 0; i < this.n; i++) {
      while (fileIdx + 1 < this.fileStart.length && this.fileStart[fileIdx + 1] <= i) fileIdx++;
      const num: Record<string, number> = {};
      for (const [k, col] of numeric) {
        const v = col.data[i];
        if (v === v) num[k] = v;
      }
      const sl: Record<string, string> = {};
      for (const [k, col] of slices) sl[k] = col[i];
      const rec: ExampleRecord = {
        id: this.ids[i],
        label: this.label.get(i),
        prediction: this.prediction.get(i),
        slices: sl,
        numeric: num,
        source: { file: this.files[fileIdx], line: lines[i] },
      };
      const p = this.proba.get(i);
      if (p !== undefined) rec.probabilities = p;
      if (this.cluster) rec.cluster = this.cluster[i];
      out[i] = rec;
    }
    return out;
  }

  /** The compact per-example columns an EvalResult stores (same content as `columnsOf` on records). */
  toExampleColumns(sliceNames: string[], withCluster: boolean): ExampleColumns {
    this.finish();
    const cols: ExampleColumns = {
      ids: this.ids,
      label: this.label.materialise(),
      prediction: this.prediction.materialise(),
    };
    if (this.proba.mode !== 'none') {
      const p = new Array<unknown>(this.n);
      for (let i = 0; i < this.n; i++) p[i] = this.proba.get(i) ?? null;
      cols.probabilities = p;
    }
    if (this.numeric.size) {
      cols.numeric = {};
      for (const [k, col] of this.numeric) {
        const a = new Array<number | null>(this.n);
        for (let i = 0; i < this.n; i++) a[i] = col.data[i] === col.data[i] ? col.data[i] : null;
        cols.numeric[k] = a;
      }
    }
    if (sliceNames.length) {
      cols.slices = {};
      for (const s of sliceNames) cols.slices[s] = this.slices.get(s) ?? [];
    }
    if (withCluster) cols.cluster = this.cluster ?? new Array<string>(this.n).fill('');
    return cols;
  }
}
