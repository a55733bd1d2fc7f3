/**
 * The probabilities layer of the JSONL scanner: the one record field with structure of its own (a
 * number, a flat {class: p} object, a list of numbers, or null), read into staged slots and committed
 * straight into the probability block of `RecordColumns`. Separate from the record layer
 * (`jsonl-scanner.ts`) because it has its own grammar, class-name table, position prediction and
 * duplicate check, and touches only `RecordColumns.proba`.
 *
 * A class between the token layer and the record layer rather than a helper object, for the reason given
 * in `json-bytes.ts`: the hot loop keeps plain field reads and monomorphic calls on one receiver.
 */
import { InputError } from '../../errors.js';
import { ByteIntern } from './byte-intern.js';
import type { RecordColumns } from './columns.js';
import { BAIL, JsonBytes } from './json-bytes.js';

interface ProbaKey {
  name: string;
  /** Block column in `RecordColumns.proba` (−1 until first committed). */
  col: number;
  stamp: number;
  bytes: Uint8Array | null;
}

/** Reads and commits the probabilities value of a line; `probaMode` is reset by the record layer per line. */
export abstract class ProbaScanner extends JsonBytes {
  private readonly probaKeys = new ByteIntern<ProbaKey>();
  /** Class seen at each position of the previous line's object, as for top-level keys. */
  private readonly probaKeyAt: ProbaKey[] = [];
  /** Incremented per probabilities object, so that a class's stamp tells a duplicate within it. */
  private probaStamp = 0;
  /** 0 absent, 1 number, 2 map, 3 array. */
  protected probaMode = 0;
  private probaNum = 0;
  private probaCount = 0;
  private probaVals = new Float64Array(64);
  private probaKeyList: ProbaKey[] = [];

  /** `probaField` is the record's probabilities field, named in the duplicate-class error. */
  constructor(
    file: string,
    private readonly probaField: string,
  ) {
    super(file);
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
        bytes: new Uint8Array(this.buf.subarray(this.strStart, this.strEnd)), // a copy: chunks are reused
      };
      this.probaKeys.set(this.buf, this.strStart, this.strEnd, this.hash, key);
    }
    return key;
  }

  /** Reads the probabilities value at `p` into the staged slots (bails on anything but numbers). */
  protected proba(): void {
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
          const field = `${this.probaField}.${key.name}`;
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

  /** Writes the staged probabilities of row `row` into `c.proba` (nothing when absent). */
  protected commitProba(c: RecordColumns, row: number): void {
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
  }
}
