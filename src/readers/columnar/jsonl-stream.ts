/**
 * Streaming JSONL reader: the file (gzip-decompressed on the fly when it ends in `.gz`) is read in
 * 4 MiB chunks; complete lines of each chunk are checked as UTF-8 in one native call and scanned into
 * `RecordColumns`. No whole-file string and no object per row, so memory is the columns plus one chunk.
 */
import { createReadStream, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../errors.js';
import { firstInvalidUtf8, utf16Order } from '../text.js';
import type { RecordMapping } from '../types.js';
import { RecordColumns } from './columns.js';
import { JsonlScanner } from './jsonl-scanner.js';
import type { ProgressSink } from '../../progress.js';

const CHUNK = 4 << 20;

/** Opens `file` as a stream of chunks (decompressed for `.gz`). */
function chunks(file: string): AsyncIterable<Buffer> {
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  if (!file.toLowerCase().endsWith('.gz')) return raw;
  const gunzip = createGunzip({ chunkSize: CHUNK });
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

function streamError(e: unknown, file: string): InputError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return new InputError('file not found', { file });
  if (err.code === 'Z_DATA_ERROR' || err.code === 'Z_BUF_ERROR' || err.code?.startsWith('Z_'))
    return new InputError(`not valid gzip: ${err.message}`, { file });
  return new InputError(`cannot read file (${err.code ?? err.message})`, { file });
}

/**
 * Reads per-example JSONL `file` into `cols` (appending; a new file range). Errors name file and line;
 * invalid UTF-8 names the line and the byte offset in the (decompressed) file. Returns null, having
 * read nothing, when the file is UTF-16: the caller then decodes it whole.
 */
export async function readJsonlColumns(
  file: string,
  mapping: RecordMapping,
  cols: RecordColumns = new RecordColumns(),
  progress?: ProgressSink,
): Promise<RecordColumns | null> {
  const total = statSafe(file);
  cols.beginFile(file);
  const scanner = new JsonlScanner(mapping, cols, file);
  const startRows = cols.n;
  let carry: Buffer | undefined;
  let line = 0;
  let offset = 0; // file offset of buf[0]
  let first = true;
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
    for await (const chunk of chunks(file)) {
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
        if (utf16Order(buf)) {
          cols.files.pop();
          cols.fileStart.pop();
          return null;
        }
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
        if (total !== undefined && line > linesBefore)
          cols.expectRows(startRows + Math.ceil(((line - linesBefore) / (last + 1)) * total * 1.03));
      }
      offset += last + 1;
      carry = buf.subarray(last + 1);
      progress?.update({
        stage: `reading ${file}`,
        bytes: offset,
        totalBytes: total,
        rows: cols.n - startRows,
      });
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw streamError(e, file);
  }
  if (carry && carry.length > 0) process(carry, carry.length);
  cols.finish();
  if (cols.n === startRows) throw new InputError('no records in file', { file });
  return cols;
}

function statSafe(file: string): number | undefined {
  try {
    return file.toLowerCase().endsWith('.gz') ? undefined : statSync(file).size;
  } catch {
    return undefined;
  }
}
