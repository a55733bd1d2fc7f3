/**
 * Bounded zip extraction for downloaded artifacts. `@actions/artifact` is asked never to unzip
 * (`skipDecompress`); `extractZip` reads the central directory itself and refuses, before inflating
 * anything, an archive whose declared sizes pass the limits or whose compression ratio is implausible
 * (> 200:1); it still counts the bytes it writes while it inflates and stops at the first byte past an
 * entry's declared size, so a bomb that lies about its sizes costs at most what it declared. Every
 * refusal is an ArchiveRefusedError with a short reason for the report. Pure Node: no `@actions/*`.
 */
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import { InputError } from '../errors.js';

/** Extracted content above this size is refused (zip bombs). */
export const MAX_EXTRACTED_BYTES = 2 * 1024 * 1024 * 1024;
/**
 * Highest plausible compression ratio (declared size : compressed size) of an entry. JSON results and
 * predictions compress 5–20:1; a few hundred to one and more is a bomb.
 */
export const MAX_COMPRESSION_RATIO = 200;
/** Entries declaring at most this many bytes are never refused for their ratio (too small to harm). */
const RATIO_EXEMPT_BYTES = 1024 * 1024;

/** Why an archive was refused, in the words the report uses ("artifact refused: <reason>"). */
export type RefusalReason =
  | 'unsafe entry path'
  | 'exceeds size limit'
  | 'implausible compression ratio'
  | 'corrupt archive'
  | 'unsupported archive';

/**
 * An archive evalgate will not extract (untrusted content: a bomb, an unsafe path, corruption). An
 * InputError naming the archive, plus the short `reason` a baseline look-up reports.
 */
export class ArchiveRefusedError extends InputError {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    file: string,
  ) {
    super(message, { file });
    this.name = 'ArchiveRefusedError';
  }
}

/** Bounds on what is extracted from a downloaded artifact. */
export interface ExtractLimits {
  /**
   * Only these entries (plain file names at the archive's root) are extracted, each at most its number
   * of bytes; every other entry is left in the archive. Without it, every entry is extracted.
   */
  files?: Record<string, number>;
  /** Bytes written in all, over all entries [MAX_EXTRACTED_BYTES]. */
  maxBytes?: number;
}

/** Sums the sizes of the files under `dir`; refuses more than MAX_EXTRACTED_BYTES. */
export function checkExtracted(dir: string, limit = MAX_EXTRACTED_BYTES): number {
  let total = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        total += statSync(p).size;
        if (total > limit)
          throw new InputError(`artifact content exceeds ${limit} bytes; refusing to read it`, {
            file: relative(process.cwd(), dir) || dir,
          });
      }
    }
  };
  walk(dir);
  return total;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32Update(crc: number, buf: Uint8Array): number {
  let c = ~crc;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** One file entry of a zip's central directory. */
interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Largest central directory read (a results archive holds a handful of files). */
const MAX_CENTRAL_DIRECTORY_BYTES = 16 * 1024 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** Reads the central directory (which every real unzipper trusts; local headers only locate the data). */
function centralDirectory(fd: number, size: number, bad: (what: string) => never): ZipEntry[] {
  const tailLen = Math.min(size, 22 + 0xffff);
  const tail = readAt(fd, size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad('not a zip archive (no end of central directory)');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // zip64: a locator right before the EOCD points at the zip64 end of central directory record.
    const locPos = size - tailLen + eocd - 20;
    const loc = locPos >= 0 ? readAt(fd, locPos, 20) : Buffer.alloc(0);
    if (loc.length < 20 || loc.readUInt32LE(0) !== 0x07064b50) bad('zip64 locator missing');
    const rec = readAt(fd, Number(loc.readBigUInt64LE(8)), 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50) bad('zip64 end of central directory missing');
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdSize > MAX_CENTRAL_DIRECTORY_BYTES || cdOffset + cdSize > size)
    bad('central directory out of bounds');
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) bad('bad central directory entry');
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen + commentLen > cd.length) bad('bad central directory entry');
    const e: ZipEntry = {
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
      name: cd.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
    };
    const extra = cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    for (let x = 0; x + 4 <= extra.length;) {
      const id = extra.readUInt16LE(x);
      const len = extra.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        const next = (): number => {
          if (q + 8 > x + 4 + len) bad(`bad zip64 field of "${e.name}"`);
          const v = Number(extra.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (e.size === 0xffffffff) e.size = next();
        if (e.compressedSize === 0xffffffff) e.compressedSize = next();
        if (e.localOffset === 0xffffffff) e.localOffset = next();
      }
      x += 4 + len;
    }
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** True for a relative path of plain segments: no `..`, no absolute path, no backslash, no drive, no NUL. */
export function safeEntryName(name: string): boolean {
  if (!name || name.length > 1000 || /[\\\0:]/.test(name) || name.startsWith('/')) return false;
  return name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Counts bytes as they stream by, failing the stream once they exceed `limit`; computes the CRC-32. */
class Counter extends Transform {
  bytes = 0;
  crc = 0;
  constructor(
    private readonly limit: number,
    private readonly tooBig: () => Error,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) return done(this.tooBig());
    this.crc = crc32Update(this.crc, chunk);
    done(null, chunk);
  }
}

/**
 * Extracts a zip archive into `dir` (stored and deflated entries), counting the bytes written while it
 * inflates: an entry that grows past its limit, or an archive past `maxBytes` in all, is stopped there
 * and refused (its partial file removed). Entry names must be plain relative paths; with `files`, only
 * those names are extracted. Sizes and CRCs are checked against the central directory. Returns the
 * number of bytes written.
 */
export async function extractZip(zipPath: string, dir: string, limits: ExtractLimits = {}): Promise<number> {
  const label = basename(zipPath);
  const refuse = (reason: RefusalReason, what: string): never => {
    throw new ArchiveRefusedError(reason, what, label);
  };
  const bad = (what: string): never => refuse('corrupt archive', what);
  const maxBytes = limits.maxBytes ?? MAX_EXTRACTED_BYTES;
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  const fd = openSync(zipPath, 'r');
  let total = 0;
  try {
    const size = fstatSync(fd).size;
    const entries = centralDirectory(fd, size, bad);
    // Everything the directory declares is checked before a single byte is inflated: a bomb is refused
    // at once, not after it has written gigabytes.
    const wanted: { e: ZipEntry; entryLimit: number }[] = [];
    const seen = new Set<string>();
    let declared = 0;
    for (const e of entries) {
      if (e.name.endsWith('/')) continue; // a folder
      if (!safeEntryName(e.name))
        refuse(
          'unsafe entry path',
          `unsafe entry path ${JSON.stringify(e.name.slice(0, 200))} in the archive`,
        );
      let entryLimit = Infinity;
      if (limits.files) {
        if (!Object.hasOwn(limits.files, e.name)) continue;
        entryLimit = limits.files[e.name];
      }
      if (seen.has(e.name)) bad(`entry "${e.name}" appears twice in the archive`);
      seen.add(e.name);
      if (e.flags & 1) refuse('unsupported archive', `entry "${e.name}" is encrypted`);
      if (e.method !== 0 && e.method !== 8)
        refuse('unsupported archive', `entry "${e.name}" uses unsupported compression method ${e.method}`);
      if (e.size > entryLimit)
        refuse(
          'exceeds size limit',
          `entry "${e.name}" declares ${e.size} bytes, more than the ${entryLimit} allowed`,
        );
      declared += e.size;
      if (declared > maxBytes)
        refuse('exceeds size limit', `the archive declares more than ${maxBytes} bytes of content`);
      if (e.size > RATIO_EXEMPT_BYTES && e.size > MAX_COMPRESSION_RATIO * Math.max(1, e.compressedSize))
        refuse(
          'implausible compression ratio',
          `entry "${e.name}" declares ${e.size} bytes from ${e.compressedSize} compressed (more than ${MAX_COMPRESSION_RATIO}:1)`,
        );
      if (e.method === 0 && e.compressedSize !== e.size) bad(`stored entry "${e.name}" has two sizes`);
      wanted.push({ e, entryLimit });
    }
    for (const { e, entryLimit } of wanted) {
      const local = readAt(fd, e.localOffset, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) bad(`bad local header of "${e.name}"`);
      const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (start + e.compressedSize > size) bad(`entry "${e.name}" runs past the end of the archive`);
      // Counted while inflating too: the directory's sizes are the archive's word, not a fact. Nothing
      // may inflate past what its entry declares (which the checks above already bounded).
      const limit = Math.min(entryLimit, maxBytes - total, e.size);
      const target = join(root, ...e.name.split('/'));
      if (!target.startsWith(root + sep)) refuse('unsafe entry path', `unsafe entry path "${e.name}"`);
      mkdirSync(dirname(target), { recursive: true });
      const counter = new Counter(limit, () =>
        limit === e.size
          ? new ArchiveRefusedError(
              'exceeds size limit',
              `entry "${e.name}" inflates to more than the ${e.size} bytes it declares; refusing to read it`,
              label,
            )
          : limit === entryLimit
            ? new ArchiveRefusedError(
                'exceeds size limit',
                `entry "${e.name}" inflates to more than ${entryLimit} bytes; refusing to read it`,
                label,
              )
            : new ArchiveRefusedError(
                'exceeds size limit',
                `artifact content exceeds ${maxBytes} bytes; refusing to read it`,
                label,
              ),
      );
      const source =
        e.compressedSize === 0
          ? [] // createReadStream cannot read an empty range
          : createReadStream(zipPath, { start, end: start + e.compressedSize - 1 });
      try {
        if (e.method === 8)
          await pipeline(source, createInflateRaw(), counter, createWriteStream(target, { flags: 'w' }));
        else await pipeline(source, counter, createWriteStream(target, { flags: 'w' }));
      } catch (err) {
        rmSync(target, { force: true });
        if (err instanceof InputError) throw err;
        // zlib errors (bad deflate data) carry a `code` like Z_DATA_ERROR; anything else is the disk's.
        if (!String((err as { code?: unknown }).code ?? '').startsWith('Z_')) throw err;
        bad(`entry "${e.name}" is corrupt: ${(err as Error).message}`);
      }
      if (counter.bytes !== e.size || counter.crc !== e.crc) {
        rmSync(target, { force: true });
        bad(`entry "${e.name}" is corrupt (size or CRC-32 does not match the archive's directory)`);
      }
      total += counter.bytes;
    }
  } finally {
    closeSync(fd);
  }
  return total;
}
