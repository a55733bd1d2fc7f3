/**
 * Byte-level scanner for the per-example JSONL records evalgate expects: one flat object per line whose
 * id, label, prediction, slices and cluster are scalars, whose probabilities are a number, a flat
 * {class: p} object or a list of numbers, and whose other fields are numbers (kept) or anything else
 * (skipped). Such a line goes straight into `RecordColumns` without a JS object or a string per value.
 *
 * Anything else — a list label (multilabel), a null label, an odd id, malformed JSON — takes the
 * general path for that line only: `JSON.parse` + `toExampleRecord`, so every error message and every
 * accepted value is exactly the general reader's. Two things the general path cannot see are checked
 * here on every line: a key given twice in one record (JSON.parse would keep the last silently) and,
 * in `probabilities` objects, a class given twice.
 *
 * Why this file is long (~400 lines): it is one hand-written state machine; splitting it would spread
 * the grammar over several files without making any part simpler.
 *
 * Over 400 lines on purpose: a byte scanner is one state machine; split, its hot loop would cross calls.
 */
import { InputError } from '../../errors.js';
import type { RecordMapping } from '../types.js';
import { MAX_JSON_DEPTH } from '../json-text.js';
import { toExampleRecord } from '../records.js';
import { ByteIntern, FNV_OFFSET } from './byte-intern.js';
import type { RecordColumns } from './columns.js';

const enum Role {
  Other,
  Id,
  Label,
  Prediction,
  Proba,
  Slice,
  Cluster,
  Ignored,
}

interface KeyInfo {
  name: string;
  role: Role;
  /** Slice position for Role.Slice. */
  slot: number;
  /** Line on which the key was last seen (duplicate detection). */
  stamp: number;
  /** The key's bytes when written without escapes (position prediction), else null. */
  bytes: Uint8Array | null;
}

interface ProbaKey {
  name: string;
  /** Block column in `RecordColumns.proba` (−1 until first committed). */
  col: number;
  stamp: number;
  bytes: Uint8Array | null;
}

/** Thrown inside the scanner when a line must take the general path. */
const BAIL = { bail: true };

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

/** Scans lines of one file into columns. */
export class JsonlScanner {
  private readonly keys = new ByteIntern<KeyInfo>();
  private readonly probaKeys = new ByteIntern<ProbaKey>();
  private readonly labelCodes = new ByteIntern<number>();
  private readonly predCodes = new ByteIntern<number>();
  private readonly reserved: Set<string>;
  private buf: Buffer = Buffer.alloc(0);
  private p = 0;
  private end = 0;
  private line = 0;
  /** Hash and flags of the last scanned string. */
  private hash = 0;
  private escaped = false;
  private highBytes = false;
  private strStart = 0;
  private strEnd = 0;
  private probaStamp = 0;
  private readonly alwaysGeneral: boolean;
  /** Every key by decoded name, so a key written once with escapes and once without is one key. */
  private readonly keysByName = new Map<string, KeyInfo>();
  /**
   * Key seen at each position of the previous line: lines of one file almost always list the same keys
   * in the same order, so comparing the bytes at the position beats hashing them.
   */
  private readonly topKeys: KeyInfo[] = [];
  private readonly probaKeyAt: ProbaKey[] = [];

  // Staged values of the current line.
  private bail = false;
  private idStr: string | undefined;
  private labelCode = -1;
  private predCode = -1;
  private probaMode = 0; // 0 absent, 1 number, 2 map, 3 array
  private probaNum = 0;
  private probaCount = 0;
  private probaVals = new Float64Array(64);
  private probaKeyList: ProbaKey[] = [];
  private numKeys: string[] = [];
  private numVals: number[] = [];
  private numCount = 0;
  private sliceVals: (string | undefined)[];
  private clusterVal: string | undefined;

  constructor(
    private readonly mapping: RecordMapping,
    private readonly cols: RecordColumns,
    private readonly file: string,
  ) {
    const f = mapping.fields;
    this.reserved = new Set([
      f.id,
      f.label,
      f.prediction,
      f.probabilities,
      ...mapping.slices,
      ...mapping.ignoreFields,
    ]);
    if (mapping.cluster) this.reserved.add(mapping.cluster);
    this.sliceVals = new Array(mapping.slices.length);
    // A field that is both a slice (or the cluster) and a mapped field is read twice by toExampleRecord:
    // rare enough to leave to the general path.
    const mapped = [f.id, f.label, f.prediction, f.probabilities];
    const extra = [...mapping.slices, ...(mapping.cluster ? [mapping.cluster] : [])];
    this.alwaysGeneral = extra.some((x) => mapped.includes(x)) || new Set(extra).size !== extra.length;
  }

  private keyInfo(name: string): KeyInfo {
    const f = this.mapping.fields;
    let role = Role.Other;
    let slot = -1;
    // Same precedence as toExampleRecord: the mapped fields first, then slices, cluster, ignored.
    if (name === f.id) role = Role.Id;
    else if (name === f.label) role = Role.Label;
    else if (name === f.prediction) role = Role.Prediction;
    else if (name === f.probabilities) role = Role.Proba;
    else if ((slot = this.mapping.slices.indexOf(name)) >= 0) role = Role.Slice;
    else if (name === this.mapping.cluster) role = Role.Cluster;
    else if (this.reserved.has(name)) role = Role.Ignored;
    return { name, role, slot, stamp: 0, bytes: null };
  }

  /** Scans line `lineNo` in `buf[start, end)` (no newline). */
  scanLine(buf: Buffer, start: number, end: number, lineNo: number): void {
    let s = start;
    let e = end;
    while (s < e && isWs(buf[s])) s++;
    while (e > s && isWs(buf[e - 1])) e--;
    if (s === e) return;
    if (this.alwaysGeneral) {
      this.general(buf, s, e, lineNo);
      return;
    }
    this.buf = buf;
    this.p = s;
    this.end = e;
    this.line = lineNo;
    this.bail = false;
    this.idStr = undefined;
    this.labelCode = -1;
    this.predCode = -1;
    this.probaMode = 0;
    this.numCount = 0;
    this.sliceVals.fill(undefined);
    this.clusterVal = undefined;
    let ok = true;
    try {
      this.object();
      if (this.p !== this.end) throw BAIL;
    } catch (err) {
      if (err !== BAIL) throw err;
      ok = false;
    }
    if (!ok || this.bail || !this.complete()) {
      this.general(buf, s, e, lineNo);
      return;
    }
    this.commit();
  }

  private complete(): boolean {
    if (this.idStr === undefined || this.labelCode < 0 || this.predCode < 0) return false;
    for (let i = 0; i < this.sliceVals.length; i++) if (this.sliceVals[i] === undefined) return false;
    if (this.mapping.cluster && this.clusterVal === undefined) return false;
    return true;
  }

  private general(buf: Buffer, s: number, e: number, lineNo: number): void {
    const text = buf.toString('utf8', s, e);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new InputError(`malformed JSON: ${(err as Error).message}`, { file: this.file, line: lineNo });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError('expected a JSON object per line', { file: this.file, line: lineNo });
    }
    this.cols.pushRecord(toExampleRecord(value as Record<string, unknown>, this.mapping, this.file, lineNo));
  }

  private commit(): void {
    const c = this.cols;
    const row = c.n;
    c.ids.push(this.idStr!);
    c.label.pushCode(this.labelCode);
    c.prediction.pushCode(this.predCode);
    if (this.probaMode === 1) {
      const off = c.proba.beginRow(row, 'number', 1);
      if (off < 0) c.proba.pushGeneric(row, this.probaNum);
      else c.proba.block.data[off] = this.probaNum;
    } else if (this.probaMode === 2) {
      const keys = this.probaKeyList;
      if (c.proba.mode === 'map' || c.proba.mode === 'none') {
        for (let j = 0; j < this.probaCount; j++)
          if (keys[j].col < 0) keys[j].col = c.proba.keyColumn(keys[j].name);
        const off = c.proba.beginRow(row, 'map', 0);
        const d = c.proba.block.data;
        for (let j = 0; j < this.probaCount; j++) d[off + keys[j].col] = this.probaVals[j];
      } else {
        const o: Record<string, number> = {};
        for (let j = 0; j < this.probaCount; j++) o[keys[j].name] = this.probaVals[j];
        c.proba.pushGeneric(row, o);
      }
    } else if (this.probaMode === 3) {
      const off = c.proba.beginRow(row, 'array', this.probaCount);
      if (off < 0) c.proba.pushGeneric(row, Array.from(this.probaVals.subarray(0, this.probaCount)));
      else c.proba.block.data.set(this.probaVals.subarray(0, this.probaCount), off);
    }
    for (let j = 0; j < this.numCount; j++) c.setNumeric(this.numKeys[j], this.numVals[j]);
    for (let j = 0; j < this.sliceVals.length; j++)
      c.sliceColumn(this.mapping.slices[j]).push(this.sliceVals[j]!);
    if (this.mapping.cluster) (c.cluster ??= []).push(this.clusterVal!);
    c.lines.push(this.line);
    c.n++;
  }

  // ---- grammar ------------------------------------------------------------------------------------

  private ws(): void {
    const b = this.buf;
    while (this.p < this.end && isWs(b[this.p])) this.p++;
  }

  private expect(ch: number): void {
    this.ws();
    if (this.p >= this.end || this.buf[this.p] !== ch) throw BAIL;
    this.p++;
  }

  /** True (and past it) when the key at `p` has exactly `bytes` and no escapes. */
  private matchKey(bytes: Uint8Array): boolean {
    const b = this.buf;
    const a = this.p + 1;
    const len = bytes.length;
    if (b[a + len] !== 0x22) return false;
    for (let i = 0; i < len; i++) if (b[a + i] !== bytes[i]) return false;
    this.p = a + len + 1;
    return true;
  }

  /** Scans a top-level key at `p` and finds (or creates) its info. */
  private scanKey(): KeyInfo {
    this.string();
    if (this.escaped) {
      const name = this.decodeString();
      const info = this.keysByName.get(name) ?? this.keyInfo(name);
      this.keysByName.set(name, info);
      return info;
    }
    const known = this.keys.get(this.buf, this.strStart, this.strEnd, this.hash);
    if (known) return known;
    const name = this.decodeString();
    const info = this.keysByName.get(name) ?? this.keyInfo(name);
    info.bytes ??= this.buf.slice(this.strStart, this.strEnd);
    this.keysByName.set(name, info);
    this.keys.set(this.buf, this.strStart, this.strEnd, this.hash, info);
    return info;
  }

  /** Scans a key of a probabilities object at `p`. */
  private scanProbaKey(): ProbaKey {
    this.string();
    if (this.escaped) return { name: this.decodeString(), col: -1, stamp: 0, bytes: null };
    let key = this.probaKeys.get(this.buf, this.strStart, this.strEnd, this.hash);
    if (!key) {
      key = {
        name: this.decodeString(),
        col: -1,
        stamp: 0,
        bytes: this.buf.slice(this.strStart, this.strEnd),
      };
      this.probaKeys.set(this.buf, this.strStart, this.strEnd, this.hash, key);
    }
    return key;
  }

  /** Top-level object: every key checked for duplicates, values staged by role. */
  private object(): void {
    this.expect(0x7b); // {
    this.ws();
    if (this.buf[this.p] === 0x7d) {
      this.p++;
      return;
    }
    for (let pos = 0; ; pos++) {
      this.ws();
      if (this.buf[this.p] !== 0x22) throw BAIL;
      let info: KeyInfo;
      const guess = this.topKeys[pos];
      if (guess !== undefined && guess.bytes !== null && this.matchKey(guess.bytes)) info = guess;
      else info = this.topKeys[pos] = this.scanKey();
      if (info.stamp === this.line) {
        throw new InputError(`key "${info.name}" is given twice in this record`, {
          file: this.file,
          line: this.line,
          field: info.name,
        });
      }
      info.stamp = this.line;
      this.expect(0x3a); // :
      this.ws();
      this.value(info);
      this.ws();
      const ch = this.buf[this.p++];
      if (ch === 0x2c) continue;
      if (ch === 0x7d) break;
      throw BAIL;
    }
    this.ws();
  }

  private value(info: KeyInfo): void {
    const b = this.buf;
    const ch = b[this.p];
    switch (info.role) {
      case Role.Id:
        if (ch === 0x22) {
          this.string();
          const s = this.decodeString();
          if (s === '') this.bail = true;
          this.idStr = s;
        } else if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
          const x = this.number();
          if (!Number.isFinite(x) || (Number.isInteger(x) && !Number.isSafeInteger(x))) this.bail = true;
          this.idStr = String(x);
        } else {
          this.bail = true;
          this.skip();
        }
        return;
      case Role.Label:
      case Role.Prediction: {
        const code = this.scalarCode(
          info.role === Role.Label ? this.labelCodes : this.predCodes,
          info.role === Role.Label,
        );
        if (info.role === Role.Label) this.labelCode = code;
        else this.predCode = code;
        return;
      }
      case Role.Proba:
        this.proba();
        return;
      case Role.Slice:
      case Role.Cluster: {
        const s = this.scalarText();
        if (s === undefined || s === '') this.bail = true;
        else if (info.role === Role.Slice) this.sliceVals[info.slot] = s;
        else this.clusterVal = s;
        return;
      }
      case Role.Other:
        if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
          const x = this.number();
          if (!Number.isFinite(x)) this.bail = true;
          this.numKeys[this.numCount] = info.name;
          this.numVals[this.numCount++] = x;
          return;
        }
        this.skip();
        return;
      default:
        this.skip();
    }
  }

  /** Code of a scalar label/prediction in its dictionary; bails on null, lists and objects. */
  private scalarCode(intern: ByteIntern<number>, isLabel: boolean): number {
    const col = isLabel ? this.cols.label : this.cols.prediction;
    const b = this.buf;
    const ch = b[this.p];
    if (ch === 0x22) {
      this.string();
      if (this.escaped) return col.code(this.decodeString());
      let c = intern.get(b, this.strStart, this.strEnd, this.hash);
      if (c === undefined) {
        c = col.code(this.decodeString());
        intern.set(b, this.strStart, this.strEnd, this.hash, c);
      }
      return c;
    }
    if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
      const x = this.number();
      if (!Number.isFinite(x)) this.bail = true;
      return col.code(x);
    }
    if (this.literal('true')) return col.code(true);
    if (this.literal('false')) return col.code(false);
    this.bail = true;
    this.skip();
    return -1;
  }

  /** A scalar as `String(v)` (slices, cluster); undefined for null, lists and objects. */
  private scalarText(): string | undefined {
    const ch = this.buf[this.p];
    if (ch === 0x22) {
      this.string();
      return this.decodeString();
    }
    if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) return String(this.number());
    if (this.literal('true')) return 'true';
    if (this.literal('false')) return 'false';
    this.skip();
    return undefined;
  }

  private proba(): void {
    const b = this.buf;
    const ch = b[this.p];
    if (ch === 0x2d || (ch >= 0x30 && ch <= 0x39)) {
      this.probaMode = 1;
      this.probaNum = this.number();
      if (!Number.isFinite(this.probaNum)) this.bail = true;
      return;
    }
    if (this.literal('null')) return; // absent, as in toExampleRecord
    if (ch === 0x7b) {
      this.probaMode = 2;
      this.probaCount = 0;
      const stamp = ++this.probaStamp;
      this.p++;
      this.ws();
      if (b[this.p] === 0x7d) {
        this.p++;
        return;
      }
      for (let pos = 0; ; pos++) {
        this.ws();
        if (b[this.p] !== 0x22) throw BAIL;
        let key: ProbaKey;
        const guess = this.probaKeyAt[pos];
        if (guess !== undefined && guess.bytes !== null && this.matchKey(guess.bytes)) key = guess;
        else key = this.probaKeyAt[pos] = this.scanProbaKey();
        if (key.stamp === stamp) {
          const field = `${this.mapping.fields.probabilities}.${key.name}`;
          throw new InputError(`class "${key.name}" is given twice in this record`, {
            file: this.file,
            line: this.line,
            field,
          });
        }
        key.stamp = stamp;
        this.expect(0x3a);
        this.ws();
        const v = b[this.p];
        if (v === 0x2d || (v >= 0x30 && v <= 0x39)) {
          const x = this.number();
          if (!Number.isFinite(x)) this.bail = true;
          this.pushProba(x);
          this.probaKeyList[this.probaCount - 1] = key;
        } else {
          this.bail = true;
          this.skip();
        }
        this.ws();
        const c = b[this.p++];
        if (c === 0x2c) continue;
        if (c === 0x7d) return;
        throw BAIL;
      }
    }
    if (ch === 0x5b) {
      this.probaMode = 3;
      this.probaCount = 0;
      this.p++;
      this.ws();
      if (b[this.p] === 0x5d) {
        this.p++;
        return;
      }
      for (;;) {
        this.ws();
        const v = b[this.p];
        if (v === 0x2d || (v >= 0x30 && v <= 0x39)) {
          const x = this.number();
          if (!Number.isFinite(x)) this.bail = true;
          this.pushProba(x);
        } else {
          this.bail = true;
          this.skip();
        }
        this.ws();
        const c = b[this.p++];
        if (c === 0x2c) continue;
        if (c === 0x5d) return;
        throw BAIL;
      }
    }
    this.bail = true;
    this.skip();
  }

  private pushProba(x: number): void {
    if (this.probaCount === this.probaVals.length) {
      const next = new Float64Array(this.probaVals.length * 2);
      next.set(this.probaVals);
      this.probaVals = next;
    }
    this.probaVals[this.probaCount++] = x;
  }

  private literal(word: string): boolean {
    const b = this.buf;
    for (let i = 0; i < word.length; i++) if (b[this.p + i] !== word.charCodeAt(i)) return false;
    this.p += word.length;
    return true;
  }

  /** Scans a string token at `p` (on its opening quote): sets strStart/strEnd, hash, escaped, highBytes. */
  private string(): void {
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
        esc = true;
        i += 2;
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
  private decodeString(): string {
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
  private number(): number {
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
  private skip(depth = 1): void {
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

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}
