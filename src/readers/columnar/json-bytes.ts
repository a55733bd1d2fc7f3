/**
 * The token layer of the JSONL scanner: JSON grammar read straight off the bytes of one line, with no
 * string or object made for what is only checked or skipped. Separate from the record layer
 * (`jsonl-scanner.ts`) because this part knows JSON, not evalgate records.
 *
 * A method that meets anything it does not accept throws {@link BAIL}: the scanner then hands the line to
 * `JSON.parse`, so that every rejection gets JSON.parse's own message.
 *
 * A base class rather than a helper object: the scanner's hot loop reads `p` and calls these methods on
 * every byte of a 10⁶-line file, and inheritance keeps those as plain field reads and monomorphic calls
 * on one receiver, with nothing allocated per call.
 */
import { InputError } from '../../errors.js';
import { MAX_JSON_DEPTH } from '../json-text.js';
import { FNV_OFFSET } from './byte-intern.js';

/** Thrown inside the scanner when a line must take the general path. */
export const BAIL = { bail: true };

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

/** JSON tokens of `buf[p, end)`; `file` and `line` name the input in the errors that are not bails. */
export abstract class JsonBytes {
  protected buf: Buffer = Buffer.alloc(0);
  protected p = 0;
  protected end = 0;
  protected line = 0;
  /** Hash and flags of the last scanned string. */
  protected hash = 0;
  protected escaped = false;
  protected highBytes = false;
  protected strStart = 0;
  protected strEnd = 0;
  /**
   * Set when a value is valid JSON but not one the fast path stores: the line then takes the general
   * path like a {@link BAIL}, but is scanned to its end first, so that a duplicate key after that value
   * is still reported.
   */
  protected bail = false;

  constructor(protected readonly file: string) {}

  protected ws(): void {
    const b = this.buf;
    while (this.p < this.end && isWs(b[this.p])) this.p++;
  }

  protected expect(ch: number): void {
    this.ws();
    if (this.p >= this.end || this.buf[this.p] !== ch) throw BAIL;
    this.p++;
  }

  /** True (and past it) when the key at `p` has exactly `bytes` and no escapes. */
  protected matchKey(bytes: Uint8Array): boolean {
    const b = this.buf;
    const a = this.p + 1;
    const len = bytes.length;
    if (b[a + len] !== 0x22) return false;
    for (let i = 0; i < len; i++) if (b[a + i] !== bytes[i]) return false;
    this.p = a + len + 1;
    return true;
  }

  protected literal(word: string): boolean {
    const b = this.buf;
    for (let i = 0; i < word.length; i++) if (b[this.p + i] !== word.charCodeAt(i)) return false;
    this.p += word.length;
    return true;
  }

  /** Scans a string token at `p` (on its opening quote): sets strStart/strEnd, hash, escaped, highBytes. */
  protected string(): void {
    const b = this.buf;
    let i = this.p + 1;
    let h = FNV_OFFSET;
    let esc = false;
    let hi = false;
    const end = this.end;
    for (;;) {
      if (i >= end) throw BAIL;
      const c = b[i];
      if (c === 0x22) break;
      if (c === 0x5c) {
        // Only JSON's escapes; anything else (`\q`) must reach JSON.parse on the general path and be
        // reported there, even in a field that is never read.
        const e = b[i + 1];
        if (e === 0x75) {
          for (let j = i + 2; j < i + 6; j++) if (j >= end || !isHex(b[j])) throw BAIL;
          i += 6;
        } else if (ESCAPES[e] === 1) i += 2;
        else throw BAIL;
        esc = true;
        continue;
      }
      if (c < 0x20) throw BAIL; // control characters must be escaped in JSON
      if (c >= 0x80) hi = true;
      h = Math.imul(h ^ c, 0x01000193);
      i++;
    }
    this.strStart = this.p + 1;
    this.strEnd = i;
    this.hash = h >>> 0;
    this.escaped = esc;
    this.highBytes = hi;
    this.p = i + 1;
  }

  /** The last scanned string's value. */
  protected decodeString(): string {
    const b = this.buf;
    if (this.escaped) {
      try {
        return JSON.parse(b.toString('utf8', this.strStart - 1, this.strEnd + 1)) as string;
      } catch {
        throw BAIL;
      }
    }
    return this.highBytes
      ? b.toString('utf8', this.strStart, this.strEnd)
      : b.toString('latin1', this.strStart, this.strEnd);
  }

  /** A JSON number at `p`. Exact: integers and short decimals directly, the rest through `Number`. */
  protected number(): number {
    const b = this.buf;
    const start = this.p;
    let i = start;
    let neg = false;
    if (b[i] === 0x2d) {
      neg = true;
      i++;
    }
    let mant = 0;
    let digits = 0;
    let scale = 0;
    const intStart = i;
    while (i < this.end && b[i] >= 0x30 && b[i] <= 0x39) {
      mant = mant * 10 + (b[i] - 0x30);
      digits++;
      i++;
    }
    if (i === intStart) throw BAIL;
    if (b[intStart] === 0x30 && i - intStart > 1) throw BAIL; // leading zero: not JSON
    let simple = true;
    if (b[i] === 0x2e) {
      i++;
      const fracStart = i;
      while (i < this.end && b[i] >= 0x30 && b[i] <= 0x39) {
        mant = mant * 10 + (b[i] - 0x30);
        digits++;
        scale++;
        i++;
      }
      if (i === fracStart) throw BAIL;
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      simple = false;
      i++;
      if (b[i] === 0x2b || b[i] === 0x2d) i++;
      const expStart = i;
      while (i < this.end && b[i] >= 0x30 && b[i] <= 0x39) i++;
      if (i === expStart) throw BAIL;
    }
    this.p = i;
    // ≤ 15 significant digits and a power of ten ≤ 22: one correctly rounded division (Clinger's fast
    // path), the same double JSON.parse gives. Otherwise let the engine parse the token.
    if (simple && digits <= 15 && scale <= 22) {
      const x = scale === 0 ? mant : mant / POW10[scale];
      return neg ? -x : x;
    }
    return Number(b.toString('latin1', start, i));
  }

  /**
   * Skips any JSON value (fields that are not read), checking its grammar: a malformed value must reach
   * JSON.parse on the general path, never be accepted here.
   */
  protected skip(depth = 1): void {
    const b = this.buf;
    const ch = b[this.p];
    if (ch === 0x22) {
      this.string();
      return;
    }
    if (ch === 0x7b || ch === 0x5b) {
      // Bounded like the whole-file JSON parser: deep nesting is an input error, never a stack overflow.
      if (depth + 1 > MAX_JSON_DEPTH) {
        throw new InputError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels (the limit for input files)`, {
          file: this.file,
          line: this.line,
        });
      }
      const close = ch === 0x7b ? 0x7d : 0x5d;
      this.p++;
      this.ws();
      if (b[this.p] === close) {
        this.p++;
        return;
      }
      for (;;) {
        this.ws();
        if (close === 0x7d) {
          if (b[this.p] !== 0x22) throw BAIL;
          this.string();
          this.expect(0x3a);
          this.ws();
        }
        this.skip(depth + 1);
        this.ws();
        const c = b[this.p++];
        if (c === 0x2c) continue;
        if (c === close) return;
        throw BAIL;
      }
    }
    if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
      this.number();
      return;
    }
    if (this.literal('true') || this.literal('false') || this.literal('null')) return;
    throw BAIL;
  }
}

/** JSON whitespace (space, tab, CR, LF). */
export function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** Bytes that may follow a backslash in a JSON string (besides `u`): " \\ / b f n r t. */
const ESCAPES = new Uint8Array(256);
for (const ch of '"\\/bfnrt') ESCAPES[ch.charCodeAt(0)] = 1;

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
