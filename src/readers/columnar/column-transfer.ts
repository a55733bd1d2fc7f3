/**
 * `RecordColumns` across threads: a reader on the helper thread (parallel/worker.ts) packs the columns
 * of its part of a file into typed arrays that move without copying (`transferList`), and the reading
 * thread appends them after its own rows. Strings travel as one joined string plus end offsets:
 * structured-cloning an array of half a million short strings costs ~0.16 s, one string and one
 * Int32Array almost nothing (measured, docs/performance.md).
 *
 * Appending gives exactly the columns a single sequential read of the whole file would have built:
 * dictionaries and probability keys keep their order of first appearance (the part's new values come
 * after the reading thread's, as they come after them in the file), and a column that either part had to
 * hold generically is generic in the result, with every row's value as given.
 */
import type { DictColumn, ProbaColumn, RecordColumns, Scalar } from './columns.js';
import { probaAt } from './proba-column.js';

/** Helper halves whose probabilities were joined in place in the shared block (tests check the path). */
export const joinedInPlace = { count: 0 };

/** Strings joined into one, `ends[i]` the end of string i. */
export interface PackedStrings {
  text: string;
  ends: Int32Array;
}

/** An interned column: codes into `values`, or every row's value when it is generic. */
export interface PackedDict {
  values: Scalar[];
  codes: Int32Array | null;
  generic: unknown[] | null;
}

/** A probability column (see `ProbaColumn`). */
export interface PackedProba {
  mode: ProbaColumn['mode'];
  keys: string[];
  width: number;
  rows: number;
  block: Float64Array;
  present: Uint8Array;
  generic: unknown[] | null;
  /** The rows are in the reading thread's shared block, where it told the helper to write them. */
  inRegion: boolean;
}

/** The columns of one part of one file; `lines` are counted from the part's first line. */
export interface PackedColumns {
  n: number;
  /** Lines the part spans (blank ones included), for numbering what follows it. */
  lineCount: number;
  lines: Int32Array;
  ids: PackedStrings;
  label: PackedDict;
  prediction: PackedDict;
  proba: PackedProba;
  numeric: [string, Float64Array][];
  slices: [string, PackedStrings][];
  cluster: PackedStrings | null;
}

function packStrings(a: readonly string[]): PackedStrings {
  const ends = new Int32Array(a.length);
  let at = 0;
  for (let i = 0; i < a.length; i++) ends[i] = at += a[i].length;
  return { text: a.join(''), ends };
}

function unpackInto(p: PackedStrings, out: string[]): void {
  let s = 0;
  const { text, ends } = p;
  for (let i = 0; i < ends.length; i++) {
    out.push(text.slice(s, ends[i]));
    s = ends[i];
  }
}

function packDict(d: DictColumn, n: number): PackedDict {
  return d.generic
    ? { values: [], codes: null, generic: d.generic }
    : { values: d.values, codes: d.codes.data.subarray(0, n), generic: null };
}

/**
 * Packs `cols` (one file's part, `finish`ed) for `postMessage`; the second value is the transfer list.
 */
export function packColumns(cols: RecordColumns, lineCount: number): [PackedColumns, ArrayBuffer[]] {
  cols.finish();
  const n = cols.n;
  const p = cols.proba;
  const w = p.mode === 'generic' || p.mode === 'none' ? 0 : p.width;
  const packed: PackedColumns = {
    n,
    lineCount,
    lines: cols.lines.data.subarray(0, n),
    ids: packStrings(cols.ids),
    label: packDict(cols.label, n),
    prediction: packDict(cols.prediction, n),
    proba: {
      mode: p.mode,
      keys: p.keys,
      width: p.width,
      rows: p.rows,
      // Views, not copies: the storage moves (or, in shared memory, is shared) as it is.
      block: p.block.data.subarray(0, p.rows * w),
      present: p.present.subarray(0, p.rows),
      generic: p.generic ?? null,
      inRegion: p.inRegion(),
    },
    numeric: [...cols.numeric].map(([k, col]) => [k, col.data.subarray(0, n)]),
    slices: [...cols.slices].map(([k, col]) => [k, packStrings(col)]),
    cluster: cols.cluster ? packStrings(cols.cluster) : null,
  };
  const buffers = [
    packed.lines.buffer,
    packed.ids.ends.buffer,
    packed.proba.block.buffer,
    packed.proba.present.buffer,
    ...packed.numeric.map(([, a]) => a.buffer),
    ...packed.slices.map(([, s]) => s.ends.buffer),
  ];
  if (packed.cluster) buffers.push(packed.cluster.ends.buffer);
  for (const d of [packed.label, packed.prediction]) if (d.codes) buffers.push(d.codes.buffer);
  // Shared memory is shared, not moved; an ArrayBuffer listed twice cannot be transferred.
  const transfer = [...new Set(buffers)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  return [packed, transfer];
}

function appendDict(dst: DictColumn, src: PackedDict): void {
  if (src.generic || dst.generic) {
    if (!dst.generic) dst.generic = dst.materialise();
    if (src.generic) for (const v of src.generic) dst.generic.push(v);
    else for (const c of src.codes!) dst.generic.push(src.values[c]);
    return;
  }
  const remap = Int32Array.from(src.values, (v) => dst.code(v));
  const codes = src.codes!;
  dst.codes.reserve(dst.codes.length + codes.length);
  for (let i = 0; i < codes.length; i++) dst.codes.push(remap[codes[i]]);
}

function appendProba(dst: ProbaColumn, src: PackedProba, base: number): void {
  if (src.mode === 'none') return; // no row of the part has probabilities: `finish` pads
  const mode = src.mode;
  if (
    mode === 'generic' ||
    dst.mode === 'generic' ||
    (dst.mode !== 'none' && dst.mode !== mode) ||
    (mode === 'array' && dst.mode === 'array' && dst.width !== src.width)
  ) {
    // What a sequential read does at the first row that does not fit: every row's value, as given.
    // (A generic column holds every row it reached; `rows` counts only those before it became so.)
    const rows = mode === 'generic' ? src.generic!.length : src.rows;
    for (let r = 0; r < rows; r++) {
      const v = probaAt(src, src.block, r);
      if (v !== undefined || mode === 'generic') dst.pushGeneric(base + r, v);
    }
    return;
  }
  // Still in this block's shared region, in its layout: one move, no copy held beside it.
  if (dst.appendShared(src, base, src.rows)) {
    joinedInPlace.count++;
    return;
  }
  const w = src.width;
  // Block column of each of the part's columns in the destination (map keys may differ in order).
  const to = new Int32Array(w);
  if (src.mode === 'map') for (let j = 0; j < w; j++) to[j] = dst.keyColumn(src.keys[j]);
  else for (let j = 0; j < w; j++) to[j] = j;
  dst.appendBlock(mode, w, base, src.rows, src.block, src.present, to);
}

/**
 * Appends `part` (the rest of the file `cols` is reading) after the rows of `cols`; its lines are
 * numbered after the `lineOffset` lines the reading thread read.
 */
export function appendColumns(cols: RecordColumns, part: PackedColumns, lineOffset: number): void {
  const base = cols.n;
  const lines = part.lines;
  cols.lines.reserve(base + part.n);
  for (let i = 0; i < lines.length; i++) cols.lines.push(lines[i] + lineOffset);
  unpackInto(part.ids, cols.ids);
  appendDict(cols.label, part.label);
  appendDict(cols.prediction, part.prediction);
  appendProba(cols.proba, part.proba, base);
  for (const [key, a] of part.numeric) {
    const col = cols.numericColumn(key);
    if (col.data.length < base + part.n) {
      const old = col.data.length;
      col.length = old; // every earlier row is filled (a value or NaN): growing keeps them
      col.reserve(base + part.n);
      col.data.fill(NaN, old);
    }
    col.data.set(a, base);
  }
  for (const [key, s] of part.slices) unpackInto(s, cols.sliceColumn(key));
  if (part.cluster) unpackInto(part.cluster, (cols.cluster ??= []));
  cols.n = base + part.n;
}
