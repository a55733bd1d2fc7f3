/**
 * The probability column of `RecordColumns` (columns.ts): one value per row (binary), a row-major block
 * of one column per class key or list position, or — when the rows do not fit one such shape — every
 * row's value as given. Also where the helper thread's half of a file is joined (column-transfer.ts).
 */
import { GrowF64 } from './growable.js';

/** What `probaAt` reads: a `ProbaColumn`, or its packed form sent between threads. */
export interface ProbaView {
  mode: 'none' | 'number' | 'map' | 'array' | 'generic';
  keys: string[];
  width: number;
  rows: number;
  present: Uint8Array;
  generic?: unknown[] | null;
}

/** Value of row `row` as a record would hold it (undefined when absent), `block` holding the values. */
export function probaAt(p: ProbaView, block: Float64Array, row: number): unknown {
  if (p.mode === 'generic') return p.generic![row];
  if (row >= p.rows || !p.present[row]) return undefined;
  const w = p.width;
  if (p.mode === 'number') return block[row];
  if (p.mode === 'array') return Array.from(block.subarray(row * w, row * w + w));
  const o: Record<string, number> = {};
  for (let c = 0; c < w; c++) {
    const x = block[row * w + c];
    if (x === x) o[p.keys[c]] = x;
  }
  return o;
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
    if (this.mode === 'map' && (src.keys.length !== w || src.keys.some((k, j) => this.keys[j] !== k)))
      return false;
    this.fillTo(base);
    sh.full.copyWithin(base * w, sh.fromRow * w, (sh.fromRow + rows) * w);
    this.block.data = sh.full;
    this.endAppend(base, rows, src.present);
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
    this.endAppend(base, rows, present);
  }

  /** After rows [base, base + rows) of the block are written: their lengths and `present` flags. */
  private endAppend(base: number, rows: number, present: Uint8Array): void {
    this.block.length = (base + rows) * this.width;
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
    return probaAt(this, this.block.data, row);
  }

  private toGeneric(): void {
    const out: unknown[] = [];
    for (let r = 0; r < this.rows; r++) out.push(this.get(r));
    this.mode = 'generic';
    this.generic = out;
    this.block = new GrowF64(1);
  }
}
