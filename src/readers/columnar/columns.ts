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

/**
 * Probability column. Modes: `none` so far; `number` (binary: one value per row); `map` (objects
 * {class: p}: one block column per distinct key, NaN where a row lacks the key); `array` (lists: one
 * block column per position, all rows the same length); `generic` (anything else, kept as given).
 * `present[row]` is 1 where the row has probabilities.
 */
export class ProbaColumn {
  mode: 'none' | 'number' | 'map' | 'array' | 'generic' = 'none';
  /** map mode: key per block column; array mode: empty. */
  keys: string[] = [];
  private keyIndex = new Map<string, number>();
  /** Row-major block of `width` values per row (number mode: width 1); shared memory when large. */
  block = new GrowF64(1024, true);
  width = 0;
  present = new Uint8Array(1024);
  rows = 0;
  generic: unknown[] | undefined;
  /**
   * Rows the reader expects (from the file size): the block is sized for them at once, so that a
   * million-row file is not grown by doubling — each doubling copies the block and leaves up to half
   * of it unused, which at 10 classes × 10⁶ rows is 60–130 MB of peak memory.
   */
  expectedRows = 0;

  private growPresent(n: number): void {
    if (n <= this.present.length) return;
    let cap = this.present.length * 2;
    while (cap < n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.present);
    this.present = next;
  }

  /** Column of `key` in map mode, widening the block when the key is new. */
  keyColumn(key: string): number {
    let c = this.keyIndex.get(key);
    if (c !== undefined) return c;
    c = this.keys.length;
    this.keys.push(key);
    this.keyIndex.set(key, c);
    this.widen(this.keys.length);
    return c;
  }

  private widen(width: number): void {
    if (width <= this.width) return;
    const old = this.block;
    const oldWidth = this.width;
    const next = new GrowF64(Math.max(1024, this.rows * width * 2, this.expectedRows * width), true);
    next.data.fill(NaN, 0, this.rows * width);
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < oldWidth; c++) next.data[r * width + c] = old.data[r * oldWidth + c];
    next.length = this.rows * width;
    this.block = next;
    this.width = width;
  }

  /**
   * Starts row `row` (rows arrive in order) in `mode` with `width` values, all NaN; returns the offset
   * of its first value in `block.data`, or −1 when the column has become generic (use `pushGeneric`).
   */
  beginRow(row: number, mode: 'number' | 'map' | 'array', width: number): number {
    if (this.mode === 'generic') return -1;
    if (this.mode === 'none') {
      this.mode = mode;
      if (mode === 'number') this.width = 1;
    } else if (this.mode !== mode || (mode === 'array' && width !== this.width)) {
      this.toGeneric();
      return -1;
    }
    if (mode === 'array') this.widen(width);
    this.fillTo(row);
    const w = this.width;
    this.block.reserve((row + 1) * w, this.expectedRows * w);
    const off = row * w;
    // A loop, not `fill`: for the ~10 values of a row the builtin's call costs more than the stores
    // (measured: 0.2 s of 1M rows).
    const data = this.block.data;
    for (let j = off; j < off + w; j++) data[j] = NaN;
    this.block.length = (row + 1) * w;
    this.growPresent(row + 1);
    this.present[row] = 1;
    this.rows = row + 1;
    return off;
  }

  /** Rows without probabilities up to (not including) `row`. */
  fillTo(row: number): void {
    if (this.mode === 'generic') {
      while (this.generic!.length < row) this.generic!.push(undefined);
      return;
    }
    if (row <= this.rows) return;
    const w = this.width;
    this.block.reserve(row * w);
    this.block.data.fill(NaN, this.rows * w, row * w);
    this.block.length = row * w;
    this.growPresent(row);
    this.rows = row;
  }

  /**
   * Where the helper thread writes the second half of the file straight into this column's block
   * (jsonl-stream.ts): the whole shared block, and the row its region starts at. This thread's own rows
   * are confined below that row (its block is a view ending there, so that running past it reallocates
   * privately instead of overwriting the helper's rows).
   */
  shared: { full: Float64Array; fromRow: number } | undefined;

  /**
   * Splits a shared block (in `map`, `number` or `array` mode, holding the whole file's expected rows)
   * at row `fromRow`: rows below stay this thread's, the rest is the helper's region. Returns the region
   * (undefined when the block is not shared or too small).
   */
  splitShared(fromRow: number): Float64Array | undefined {
    const w = this.width;
    const full = this.block.data;
    if (this.mode === 'none' || this.mode === 'generic' || w === 0) return undefined;
    if (!(full.buffer instanceof SharedArrayBuffer) || this.rows > fromRow || full.length <= fromRow * w)
      return undefined;
    this.shared = { full, fromRow };
    this.block.data = full.subarray(0, fromRow * w);
    return full.subarray(fromRow * w);
  }

  /**
   * Starts this (empty) column as the helper's part of a shared block: same mode and keys as the reading
   * thread's, rows written into `region`.
   */
  adoptRegion(mode: 'number' | 'map' | 'array', width: number, keys: string[], region: Float64Array): void {
    this.mode = mode;
    for (const k of keys) this.keyColumn(k);
    this.width = width;
    this.block.data = region;
    this.block.length = 0;
    this.region = region;
  }

  /** The region `adoptRegion` gave (the helper's side); its rows are there while `block.data` is it. */
  region: Float64Array | undefined;

  /** Whether this column's rows are still in the shared region it adopted, in its layout. */
  inRegion(): boolean {
    return this.region !== undefined && this.block.data === this.region;
  }

  /**
   * The fast append of the helper's rows when they are still in this block's shared region, in the same
   * layout: one move within the block (no second copy of them in memory). False when it does not apply.
   */
  appendShared(
    src: { mode: string; width: number; keys: string[]; inRegion: boolean; present: Uint8Array },
    base: number,
    rows: number,
  ): boolean {
    const sh = this.shared;
    const w = this.width;
    if (!sh || !src.inRegion || this.mode !== src.mode || src.width !== w) return false;
    // (Shared memory crossing threads arrives as another SharedArrayBuffer object: the helper says
    // whether its rows are still where it was told to write them.)
    if (this.block.data.buffer !== sh.full.buffer || this.block.data.byteOffset !== 0) return false;
    if (this.mode === 'map' && src.keys.some((k, j) => this.keys[j] !== k)) return false;
    if (src.keys.length !== this.keys.length && this.mode === 'map') return false;
    this.fillTo(base);
    sh.full.copyWithin(base * w, sh.fromRow * w, (sh.fromRow + rows) * w);
    this.block.data = sh.full;
    this.block.length = (base + rows) * w;
    this.growPresent(base + rows);
    this.present.set(src.present.subarray(0, rows), base);
    this.rows = base + rows;
    this.shared = undefined;
    return true;
  }

  /**
   * Appends `rows` rows read elsewhere (column-transfer.ts) at row `base`: `block` holds `w` values per
   * row, its column j going to block column `to[j]` (already widened to; `map` keys added first).
   */
  appendBlock(
    mode: 'number' | 'map' | 'array',
    w: number,
    base: number,
    rows: number,
    block: Float64Array,
    present: Uint8Array,
    to: Int32Array,
  ): void {
    if (this.mode === 'none') {
      this.mode = mode;
      if (mode === 'number') this.width = 1;
    }
    if (mode === 'array') this.widen(w);
    this.fillTo(base);
    const W = this.width;
    this.block.reserve((base + rows) * W, this.expectedRows * W);
    const data = this.block.data;
    const same = W === w && to.every((c, j) => c === j);
    if (same) data.set(block.subarray(0, rows * w), base * W);
    else {
      data.fill(NaN, base * W, (base + rows) * W);
      for (let r = 0; r < rows; r++)
        for (let j = 0; j < w; j++) data[(base + r) * W + to[j]] = block[r * w + j];
    }
    this.block.length = (base + rows) * W;
    this.growPresent(base + rows);
    this.present.set(present.subarray(0, rows), base);
    this.rows = base + rows;
  }

  pushGeneric(row: number, v: unknown): void {
    if (this.mode !== 'generic') this.toGeneric();
    this.fillTo(row);
    this.generic!.push(v);
  }

  /** Value of row `row` as a record would hold it (undefined when absent). */
  get(row: number): unknown {
    if (this.mode === 'generic') return this.generic![row];
    if (row >= this.rows || !this.present[row]) return undefined;
    const w = this.width;
    const d = this.block.data;
    if (this.mode === 'number') return d[row];
    if (this.mode === 'array') return Array.from(d.subarray(row * w, row * w + w));
    const o: Record<string, number> = {};
    for (let c = 0; c < w; c++) {
      const x = d[row * w + c];
      if (x === x) o[this.keys[c]] = x;
    }
    return o;
  }

  private toGeneric(): void {
    const out: unknown[] = [];
    for (let r = 0; r < this.rows; r++) out.push(this.get(r));
    this.mode = 'generic';
    this.generic = out;
    this.block = new GrowF64(1);
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
