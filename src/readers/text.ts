/**
 * Bytes → text for every text format. UTF-8 (with or without a byte-order mark) and UTF-16 (BOM or the
 * NUL pattern PowerShell's default encoding leaves) are decoded; anything else is an input error naming
 * the line and the first bad byte, never silently replaced by U+FFFD (two slice values would merge).
 * A user who knows the encoding sets config `encoding:`.
 */
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { readBytes } from './file.js';

/** Encodings a user may name in config `encoding:`. */
export const TEXT_ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'latin1'] as const;
/** One of {@link TEXT_ENCODINGS}. */
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** True when the bytes start with the gzip magic number (content, not the `.gz` name, decides). */
export function isGzip(buf: Buffer): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** Decompresses gzip bytes; an InputError naming the file when they are not valid gzip. */
export function gunzip(buf: Buffer, file: string): Buffer {
  try {
    return gunzipSync(buf);
  } catch (e) {
    throw new InputError(`not valid gzip: ${(e as Error).message}`, { file });
  }
}

/**
 * The UTF-16 byte order the bytes show, from a BOM or, without one, from NULs in every other byte of
 * the start (ASCII text in UTF-16); undefined for anything else.
 */
export function utf16Order(buf: Buffer): 'utf16le' | 'utf16be' | undefined {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'utf16be';
  const n = Math.min(buf.length, 64) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenNul++;
    if (buf[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.75 && evenNul === 0) return 'utf16le';
  if (evenNul >= pairs * 0.75 && oddNul === 0) return 'utf16be';
  return undefined;
}

function decodeUtf16(buf: Buffer, order: 'utf16le' | 'utf16be'): string {
  let b = buf;
  if (b.length % 2 === 1) b = b.subarray(0, b.length - 1);
  if (order === 'utf16be') {
    const copy = Buffer.from(b);
    copy.swap16();
    b = copy;
  }
  const text = b.toString('utf16le');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line of a byte offset. */
function lineOfOffset(buf: Buffer, offset: number): number {
  let line = 1;
  let at = buf.indexOf(0x0a, 0);
  while (at !== -1 && at < offset) {
    line++;
    at = buf.indexOf(0x0a, at + 1);
  }
  return line;
}

/**
 * Decodes a file's bytes. Without `encoding`: UTF-16 when a BOM or the NUL pattern says so, else strict
 * UTF-8 (a leading BOM dropped). Invalid UTF-8 is an InputError naming the line and byte offset.
 */
export function decodeText(buf: Buffer, file: string, encoding?: TextEncodingName): string {
  if (encoding === 'latin1') return buf.toString('latin1');
  if (encoding === 'utf16le' || encoding === 'utf16be') return decodeUtf16(buf, encoding);
  if (encoding === undefined) {
    const order = utf16Order(buf);
    if (order) return decodeUtf16(buf, order);
  }
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const body = start ? buf.subarray(start) : buf;
  try {
    return fatalUtf8.decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    const offset = (bad === -1 ? 0 : bad) + start;
    const hex = buf[offset]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
    throw new InputError(
      `not UTF-8 (byte 0x${hex} at byte offset ${offset} is not valid UTF-8); re-save as UTF-8 or set \`encoding: latin1\` (or utf16le) in the config`,
      { file, line: lineOfOffset(buf, offset) },
    );
  }
}

/** Reads a whole text file: gunzipped when its bytes are gzip, then decoded as {@link decodeText}. */
export function readTextFile(file: string, encoding?: TextEncodingName): string {
  let buf = readBytes(file);
  if (isGzip(buf)) buf = gunzip(buf, file);
  return decodeText(buf, file, encoding);
}

/**
 * Sniffing text of a file's first bytes, for format detection only: decoded like {@link decodeText} but
 * never throwing (bad bytes become U+FFFD; a cut multi-byte character at the end is dropped).
 */
export function sniffText(buf: Buffer): string {
  const order = utf16Order(buf);
  if (order) return decodeUtf16(buf, order);
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
