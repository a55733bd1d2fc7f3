/**
 * Streaming JSONL reader: the file (gzip-decompressed on the fly when it ends in `.gz`) is read in
 * 4 MiB chunks; complete lines of each chunk are checked as UTF-8 in one native call and scanned into
 * `RecordColumns`. No whole-file string and no object per row, so memory is the columns plus one chunk.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../errors.js';
import { firstInvalidUtf8, utf16Order } from '../text.js';
import type { RecordMapping } from '../types.js';
import { RecordColumns } from './columns.js';
import { JsonlScanner } from './jsonl-scanner.js';
import type { ProgressSink } from '../../progress.js';
import { getHelper, type SerialisedError } from '../../parallel/helper.js';
import { appendColumns, packColumns, type PackedColumns } from './column-transfer.js';
import { RangeCut } from './range-cut.js';

/**
 * Bytes per read. Tests lower it to put chunk boundaries (and the reuse of the chunk buffers) inside
 * small files; the byte-order mark and UTF-16 checks need the first chunk to hold at least 4 bytes.
 */
export const readChunk = { bytes: 4 << 20 };

/**
 * Opens `file` as a stream of chunks (decompressed for `.gz`). A plain file is read into three buffers
 * used in turn, the next read under way while the caller scans the current chunk: a fresh 4 MiB buffer
 * per chunk (what `createReadStream` gives) costs page faults and garbage-collector pressure, measured
 * at ~0.25 s per 257 MB file against ~0.03 s with reused buffers (docs/performance.md). A chunk is valid
 * until the caller asks for the one after next, so a caller may hold the tail of the previous chunk
 * (its carried partial line) while scanning the current one, and nothing else: bytes kept longer
 * (interned keys) are copied.
 */
function chunks(file: string, range: Range): AsyncIterable<Buffer> {
  if (!file.toLowerCase().endsWith('.gz')) return plainChunks(file, range);
  const raw = createReadStream(file, {
    highWaterMark: readChunk.bytes,
    start: range.start,
    end: range.end === undefined ? undefined : range.end - 1,
  });
  const gunzip = createGunzip({ chunkSize: readChunk.bytes });
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

async function* plainChunks(file: string, range: Range): AsyncGenerator<Buffer> {
  // No bigger than the part to read, as far as it is known: a small file's run allocates a few
  // kilobytes, not 12 MiB (whose external-memory pressure alone triggered a collection).
  const known = range.end ?? (range.hintBytes !== undefined ? range.start + range.hintBytes : undefined);
  const size =
    known === undefined ? readChunk.bytes : Math.max(1, Math.min(readChunk.bytes, known - range.start));
  const fh = await open(file, 'r');
  try {
    const bufs: Buffer[] = [];
    let pos = range.start;
    let asked = 0;
    const read = (k: number) => {
      let want = range.end === undefined ? size : Math.min(size, range.end - pos);
      // The helper's part may be cut short by the reading thread (range-cut.ts): ask before each read.
      if (range.cut && want > 0) want = range.cut.reserve(pos, want);
      const at = pos;
      pos += want;
      asked = want;
      if (want <= 0) return Promise.resolve({ bytesRead: 0 });
      return fh.read((bufs[k % 3] ??= Buffer.allocUnsafe(size)), 0, want, at);
    };
    let next = read(0);
    for (let k = 0; ; k++) {
      const wanted = asked;
      const { bytesRead } = await next;
      if (bytesRead <= 0) return;
      // A short read is the end of the file: nothing more to ask for.
      next = bytesRead === wanted ? read(k + 1) : Promise.resolve({ bytesRead: 0 });
      yield bufs[k % 3].subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

function streamError(e: unknown, file: string): InputError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return new InputError('file not found', { file });
  if (err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' || err.code?.startsWith('Z_'))
    return new InputError(`not valid gzip: ${err.message}`, { file });
  return new InputError(`cannot read file (${err.code ?? err.message})`, { file });
}

/**
 * File sizes read on two threads (docs/performance.md, "Two cores"). Not below 64 MiB: measured no
 * faster at 100k–300k rows, where the helper's start and the append eat the gain. Not above 1 GiB: the
 * helper's half is held twice while it is appended, which at 10⁷ rows (2.3 GB) measured +330 MB of peak
 * memory and no faster run. Tests lower `minBytes` to exercise the path on small files.
 *
 * `minTake`: when this thread has read its half, it takes the upper half of what the helper has not yet
 * asked for (range-cut.ts) if that is at least this many bytes (two chunks; tests lower it).
 * `helperDelayMs` holds the helper back before it reads (tests: so that this thread surely takes a tail).
 */
export const parallelRead = { minBytes: 64 << 20, maxBytes: 1 << 30, minTake: 8 << 20, helperDelayMs: 0 };

/** Tails this thread took from the helper's part (tests check the path). */
export const tailsTaken = { count: 0 };

/** The helper's part of the reading thread's shared probability block, and that block's layout. */
export interface SharedRegion {
  mode: 'number' | 'map' | 'array';
  width: number;
  keys: string[];
  block: Float64Array;
}

/** Where a part of a file is read: bytes [start, end), and the size the row-count hint is for. */
interface Range {
  start: number;
  end?: number;
  hintBytes?: number;
  /** The helper's part: an end the reading thread may move down (range-cut.ts). */
  cut?: RangeCut;
}

/**
 * Reads per-example JSONL `file` into `cols` (appending; a new file range). Errors name file and line;
 * invalid UTF-8 names the line and the byte offset in the (decompressed) file. Returns null, having
 * read nothing, when the file is UTF-16: the caller then decodes it whole.
 *
 * A large uncompressed file is read in two halves at once, the second by the helper thread
 * (parallel/helper.ts), split at a line end; the result is the same columns, and the same first error,
 * as one sequential read gives.
 */
export async function readJsonlColumns(
  file: string,
  mapping: RecordMapping,
  cols: RecordColumns = new RecordColumns(),
  progress?: ProgressSink,
): Promise<RecordColumns | null> {
  const total = statSafe(file);
  const startRows = cols.n;
  cols.beginFile(file);
  const split =
    total !== undefined && total >= parallelRead.minBytes && total <= parallelRead.maxBytes
      ? lineStartAfter(file, Math.floor(total / 2), total)
      : undefined;
  const helper = split !== undefined ? getHelper() : undefined;
  const cut = helper ? RangeCut.create(split!, total!) : undefined;
  let rest: Promise<PackedColumns> | undefined;
  let helperBytes = 0;
  let helperRows = 0;
  let tailBytes = 0;
  // The helper starts once this thread's first chunk has shown the bytes per line and the shape of the
  // probabilities: the block is then allocated for the whole file, and the helper writes its rows
  // straight into the upper part of it (no second block in memory while the halves are joined).
  const startHelper = (linesPerByte: number) => {
    const p = cols.proba;
    const from = startRows + Math.ceil(linesPerByte * split! * 1.03);
    const to = startRows + Math.ceil(linesPerByte * total! * 1.03);
    let region: SharedRegion | undefined;
    if ((p.mode === 'map' || p.mode === 'number' || p.mode === 'array') && to > from) {
      p.block.reserve(to * p.width, to * p.width);
      const block = p.splitShared(from);
      if (block) region = { mode: p.mode, width: p.width, keys: p.keys, block };
    }
    const job = { type: 'read-jsonl', file, mapping, start: split, end: total, region, cut: cut!.words };
    rest = helper!.request<PackedColumns>({ ...job, delayMs: parallelRead.helperDelayMs }, [], (pr) => {
      [helperBytes, helperRows] = pr as [number, number];
    });
    // Settled below; a rejection before then must not surface as unhandled.
    rest.catch(() => {});
  };
  const report = (bytes: number, rows: number) =>
    progress?.update({
      stage: `reading ${file}`,
      bytes: bytes + helperBytes + tailBytes,
      totalBytes: total,
      rows: rows + helperRows,
    });
  let lines: number | null;
  const parallel = helper !== undefined;
  const first: Range = parallel ? { start: 0, end: split, hintBytes: total } : { start: 0, hintBytes: total };
  try {
    lines = await scanJsonl(
      file,
      mapping,
      cols,
      first,
      startRows,
      report,
      0,
      parallel ? startHelper : undefined,
    );
  } catch (e) {
    // The first error is in this thread's half: the helper's work is moot.
    if (rest) await helper!.stop();
    throw e;
  }
  if (lines === null) {
    if (rest) await helper!.stop();
    cols.files.pop();
    cols.fileStart.pop();
    return null;
  }
  if (parallel) {
    const tail = rest ? await readTail(file, mapping, cut!, (bytes) => (tailBytes = bytes)) : undefined;
    const helperEnd = tail ? tail.start : total!;
    let part: PackedColumns | undefined;
    if (rest) {
      try {
        part = await rest;
      } catch (err) {
        const e = err as SerialisedError;
        if (e.input) throw located(e.detail ?? e.message, e.location ?? {}, lines);
        // The helper failed for another reason: this thread reads the rest itself.
      }
      // The helper's heap (its half's strings and buffers) goes with its thread: ending it now keeps
      // the peak memory of the computations that follow lower (docs/performance.md); the next job
      // starts a fresh one in ~40 ms.
      await helper!.stop();
    }
    let helperLines: number;
    if (part) {
      appendColumns(cols, part, lines);
      helperLines = part.lineCount;
    } else {
      const range = { start: split!, end: helperEnd };
      helperLines = (await scanJsonl(file, mapping, cols, range, startRows, report, lines))!;
    }
    // Whatever became of the shared block (joined in place, or copied out of), nothing more is split.
    cols.proba.shared = undefined;
    if (tail) {
      const offset = lines + helperLines;
      if (tail.error) {
        const e = tail.error;
        throw e instanceof InputError ? located(e.detail, e.location, offset) : e;
      }
      appendColumns(cols, tail.part!, offset);
    }
  }
  cols.finish();
  if (cols.n === startRows) throw new InputError('no records in file', { file });
  return cols;
}

/** An input error of a part read after `offset` earlier lines, numbered in the whole file. */
function located(message: string, location: InputError['location'], offset: number): InputError {
  const loc = { ...location };
  if (loc.line !== undefined) loc.line += offset;
  return new InputError(message, loc);
}

/** The part of the helper's range this thread read after its own (see `readTail`). */
interface Tail {
  start: number;
  /** Its columns, lines numbered from its first (`lineCount` of them); absent when it has an error. */
  part?: PackedColumns;
  /** Its first error, thrown only if the helper's part (earlier in the file) has none. */
  error?: unknown;
}

/**
 * This thread, done with its half while the helper is still reading: takes the upper half of what the
 * helper has not yet asked for (from a line start; range-cut.ts) and reads it into fresh columns, its
 * lines numbered from 0. Undefined when too little is left to be worth it.
 */
async function readTail(
  file: string,
  mapping: RecordMapping,
  cut: RangeCut,
  progress: (bytes: number) => void,
): Promise<Tail | undefined> {
  const { cut: end, reserved } = cut.snapshot();
  if (end - reserved < parallelRead.minTake) return undefined;
  const at = lineStartAfter(file, reserved + Math.floor((end - reserved) / 2), end);
  const old = at === undefined ? undefined : cut.take(at);
  if (at === undefined || old === undefined) return undefined;
  tailsTaken.count++;
  const cols = new RecordColumns();
  cols.beginFile(file);
  try {
    const range = { start: at, end: old, hintBytes: old - at };
    const lines = await scanJsonl(file, mapping, cols, range, 0, progress);
    return { start: at, part: packColumns(cols, lines!)[0] };
  } catch (error) {
    return { start: at, error };
  }
}

/**
 * Reads bytes [start, end) of `file`, which begin a line, into fresh columns (the helper thread's
 * job); lines are numbered from the range's first line. Throws what a sequential read would. With
 * `region`, probabilities go into that part of the reading thread's shared block, in its layout.
 */
export async function readJsonlRange(
  file: string,
  mapping: RecordMapping,
  start: number,
  end: number,
  progress?: (bytes: number, rows: number) => void,
  region?: SharedRegion,
  cut?: Int32Array,
): Promise<{ cols: RecordColumns; lines: number }> {
  const cols = new RecordColumns();
  cols.beginFile(file);
  if (region) cols.proba.adoptRegion(region.mode, region.width, region.keys, region.block);
  const range = { start, end, hintBytes: end - start, cut: cut && new RangeCut(cut) };
  const lines = await scanJsonl(file, mapping, cols, range, 0, progress);
  cols.finish();
  return { cols, lines: lines ?? 0 };
}

/**
 * The first line start after `from` (the byte after a line end at or after it) below `end`, or
 * undefined when there is none within 16 MiB.
 */
function lineStartAfter(file: string, from: number, end: number): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.allocUnsafe(1 << 16);
    for (let at = from; at < end && at < from + (16 << 20);) {
      const got = readSync(fd, buf, 0, Math.min(buf.length, end - at), at);
      if (got <= 0) return undefined;
      const nl = buf.subarray(0, got).indexOf(0x0a);
      if (nl >= 0) return at + nl + 1 < end ? at + nl + 1 : undefined;
      at += got;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Scans bytes [range.start, range.end) of `file` into `cols`; returns the number of lines read, or null
 * (having read nothing) for a UTF-16 file. `lineBase` numbers the lines after that many earlier ones.
 */
async function scanJsonl(
  file: string,
  mapping: RecordMapping,
  cols: RecordColumns,
  range: Range,
  startRows: number,
  progress?: (bytes: number, rows: number) => void,
  lineBase = 0,
  onSized?: (linesPerByte: number) => void,
): Promise<number | null> {
  const scanner = new JsonlScanner(mapping, cols, file);
  let carry: Buffer | undefined;
  let line = lineBase;
  let offset = range.start; // file offset of buf[0]
  let first = range.start === 0;
  let sized = false;
  const process = (buf: Buffer, end: number) => {
    if (!isUtf8(buf.subarray(0, end))) {
      const bad = Math.max(0, firstInvalidUtf8(buf.subarray(0, end)));
      let ln = line + 1;
      for (let i = 0; i < bad; i++) if (buf[i] === 0x0a) ln++;
      // Same words as the whole-file decoder (text.ts).
      const hex = buf[bad].toString(16).toUpperCase().padStart(2, '0');
      throw new InputError(
        `not UTF-8 (byte 0x${hex} at byte offset ${offset + bad} is not valid UTF-8); re-save as UTF-8 or set \`encoding: latin1\` (or utf16le) in the config`,
        { file, line: ln },
      );
    }
    let s = 0;
    while (s < end) {
      let nl = buf.indexOf(0x0a, s);
      if (nl < 0 || nl >= end) nl = end;
      line++;
      scanner.scanLine(buf, s, nl, line);
      s = nl + 1;
    }
  };
  try {
    for await (const chunk of chunks(file, range)) {
      let buf: Buffer = chunk;
      if (carry && carry.length > 0) {
        // The line cut at the chunk boundary: joined with the start of this chunk up to its first line
        // end and read on its own, so the rest of the chunk is scanned in place (copying every 4 MiB
        // chunk behind its carry cost ~0.15 s per million rows).
        const nl = chunk.indexOf(0x0a);
        if (nl < 0) {
          carry = Buffer.concat([carry, chunk]); // a line longer than a chunk
          continue;
        }
        const head = Buffer.concat([carry, chunk.subarray(0, nl + 1)]);
        process(head, head.length);
        offset += head.length;
        buf = chunk.subarray(nl + 1);
        carry = undefined;
      }
      if (first) {
        first = false;
        // UTF-16 (BOM or NUL pattern): the caller decodes the whole file instead.
        if (utf16Order(buf)) return null;
        // Editors on Windows write a byte-order mark; it is not part of the data.
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
          buf = buf.subarray(3);
          offset = 3;
        }
      }
      const last = buf.lastIndexOf(0x0a);
      if (last < 0) {
        carry = buf;
        continue;
      }
      const linesBefore = line;
      process(buf, last + 1);
      if (!sized) {
        sized = true;
        // Rows to expect, from the first chunk's bytes per line (3% margin): the probability block is
        // allocated once at that size instead of grown by doubling (columns.ts, ProbaColumn).
        const perByte = (line - linesBefore) / (last + 1);
        if (range.hintBytes !== undefined && line > linesBefore)
          cols.expectRows(startRows + Math.ceil(perByte * range.hintBytes * 1.03));
        if (line > linesBefore) onSized?.(perByte);
      }
      offset += last + 1;
      carry = buf.subarray(last + 1);
      progress?.(offset - range.start, cols.n - startRows);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw streamError(e, file);
  }
  if (carry && carry.length > 0) process(carry, carry.length);
  return line - lineBase;
}

function statSafe(file: string): number | undefined {
  try {
    return file.toLowerCase().endsWith('.gz') ? undefined : statSync(file).size;
  } catch {
    return undefined;
  }
}
