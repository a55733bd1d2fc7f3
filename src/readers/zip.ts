/**
 * In-memory reading of small zip archives that are eval logs (inspect_ai `.eval`). Bounded like the
 * artifact extraction: an entry's declared size, the declared total and the compression ratio are
 * checked before inflating, and inflation itself stops at the declared size (zlib's maxOutputLength), so
 * a zip bomb is refused rather than expanded. Only stored and deflated entries are read.
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../errors.js';

/** Largest single entry read from an eval-log archive. */
export const MAX_ZIP_ENTRY_BYTES = 256 * 1024 * 1024;
/** Largest total of the entries read from one archive. */
export const MAX_ZIP_TOTAL_BYTES = 1024 * 1024 * 1024;
/** Highest plausible compression ratio of a JSON entry (text of eval logs compresses ~5–30×). */
export const MAX_ZIP_RATIO = 200;

/** One entry of an archive's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A zip archive held in memory. */
export class ZipArchive {
  readonly entries: Map<string, ZipEntry>;
  private total = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly file: string,
  ) {
    this.entries = new Map(this.centralDirectory().map((e) => [e.name, e]));
  }

  private bad(what: string): never {
    throw new InputError(`not a readable zip archive: ${what}`, { file: this.file });
  }

  private centralDirectory(): ZipEntry[] {
    const b = this.buf;
    // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
      if (b.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) this.bad('no end-of-central-directory record (truncated file?)');
    const count = b.readUInt16LE(eocd + 10);
    const cdSize = b.readUInt32LE(eocd + 12);
    const cdOffset = b.readUInt32LE(eocd + 16);
    if (cdOffset + cdSize > b.length) this.bad('central directory runs past the end of the file');
    const out: ZipEntry[] = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) this.bad('bad central directory entry');
      const nameLen = b.readUInt16LE(p + 28);
      const extraLen = b.readUInt16LE(p + 30);
      const commentLen = b.readUInt16LE(p + 32);
      out.push({
        flags: b.readUInt16LE(p + 8),
        method: b.readUInt16LE(p + 10),
        compressedSize: b.readUInt32LE(p + 20),
        size: b.readUInt32LE(p + 24),
        localOffset: b.readUInt32LE(p + 42),
        name: b.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  }

  /** Names of the entries, in archive order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The bytes of an entry; undefined when the archive has no such entry. */
  read(name: string): Buffer | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const what = `entry "${name.slice(0, 200)}"`;
    if (e.flags & 1) this.bad(`${what} is encrypted`);
    if (e.method !== 0 && e.method !== 8) this.bad(`${what} uses unsupported compression method ${e.method}`);
    if (e.size > MAX_ZIP_ENTRY_BYTES)
      this.bad(`${what} declares ${e.size} bytes, over the ${MAX_ZIP_ENTRY_BYTES}-byte limit`);
    if (this.total + e.size > MAX_ZIP_TOTAL_BYTES)
      this.bad(`entries declare more than ${MAX_ZIP_TOTAL_BYTES} bytes in all`);
    if (e.method === 8 && e.size > 1024 * 1024 && e.size > e.compressedSize * MAX_ZIP_RATIO)
      this.bad(`${what} has an implausible compression ratio (over ${MAX_ZIP_RATIO}:1)`);
    const b = this.buf;
    const lh = e.localOffset;
    if (lh + 30 > b.length || b.readUInt32LE(lh) !== 0x04034b50) this.bad(`bad local header of ${what}`);
    const start = lh + 30 + b.readUInt16LE(lh + 26) + b.readUInt16LE(lh + 28);
    if (start + e.compressedSize > b.length) this.bad(`${what} runs past the end of the archive`);
    const raw = b.subarray(start, start + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else {
      try {
        // Inflating past the declared size stops at once instead of filling memory.
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        this.bad(`${what} is corrupt or larger than it declares (${(err as Error).message})`);
      }
    }
    if (out.length !== e.size) this.bad(`${what} is not the size its directory entry declares`);
    this.total += out.length;
    return out;
  }
}

/** True when bytes start like a zip archive (a local file header). */
export function isZip(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;
}
