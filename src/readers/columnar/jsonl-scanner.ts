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
 * This file is the record layer (which key plays which role, what a line contributes); the JSON grammar
 * it reads with is `json-bytes.ts`.
 */
import { InputError } from '../../errors.js';
import type { RecordMapping } from '../types.js';
import { toExampleRecord } from '../records.js';
import { ByteIntern } from './byte-intern.js';
import type { RecordColumns } from './columns.js';
import { BAIL, isWs } from './json-bytes.js';
import { ProbaScanner } from './proba-scanner.js';

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

/** Scans lines of one file into columns. */
export class JsonlScanner extends ProbaScanner {
  private readonly keys = new ByteIntern<KeyInfo>();
  private readonly labelCodes = new ByteIntern<number>();
  private readonly predCodes = new ByteIntern<number>();
  private readonly reserved: Set<string>;
  private readonly alwaysGeneral: boolean;
  /** Every key by decoded name, so a key written once with escapes and once without is one key. */
  private readonly keysByName = new Map<string, KeyInfo>();
  /**
   * Key seen at each position of the previous line: lines of one file almost always list the same keys
   * in the same order, so comparing the bytes at the position beats hashing them.
   */
  private readonly topKeys: KeyInfo[] = [];

  // Staged values of the current line.
  private idStr: string | undefined;
  private labelCode = -1;
  private predCode = -1;
  private numKeys: string[] = [];
  private numVals: number[] = [];
  private numCount = 0;
  private sliceVals: (string | undefined)[];
  private clusterVal: string | undefined;

  constructor(
    private readonly mapping: RecordMapping,
    private readonly cols: RecordColumns,
    file: string,
  ) {
    super(file, mapping.fields.probabilities);
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
    this.commitProba(c, row);
    for (let j = 0; j < this.numCount; j++) c.setNumeric(this.numKeys[j], this.numVals[j]);
    for (let j = 0; j < this.sliceVals.length; j++)
      c.sliceColumn(this.mapping.slices[j]).push(this.sliceVals[j]!);
    if (this.mapping.cluster) (c.cluster ??= []).push(this.clusterVal!);
    c.lines.push(this.line);
    c.n++;
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
    info.bytes ??= new Uint8Array(this.buf.subarray(this.strStart, this.strEnd)); // a copy: chunks are reused
    this.keysByName.set(name, info);
    this.keys.set(this.buf, this.strStart, this.strEnd, this.hash, info);
    return info;
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
}
