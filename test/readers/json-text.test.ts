import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonText, MAX_JSON_DEPTH } from '../../src/readers/json-text.js';
import { decodeText, firstInvalidUtf8 } from '../../src/readers/text.js';
import { InputError } from '../../src/errors.js';

const F = 'in.json';

describe('whole-file JSON parser', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        const text = JSON.stringify(v, null, 1);
        expect(parseJsonText(text, F)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('reads bare NaN, Infinity and -Infinity as Python writes them', () => {
    const v = parseJsonText('{"a": NaN, "b": Infinity, "c": -Infinity, "d": [NaN]}', F) as Record<
      string,
      unknown
    >;
    expect(v.a).toBeNaN();
    expect(v.b).toBe(Infinity);
    expect(v.c).toBe(-Infinity);
  });

  it('a duplicate key is an error naming the key and its line', () => {
    expect(() => parseJsonText('{\n "accuracy": 0.9,\n "f1": 0.8,\n "accuracy": 0.7\n}', F)).toThrow(
      'in.json:4 field "accuracy": duplicate key "accuracy" in a JSON object',
    );
  });

  it('nesting deeper than the limit is an input error, never a stack overflow', () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(() => parseJsonText(deep, F)).toThrow(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    const ok = '{"a":'.repeat(MAX_JSON_DEPTH) + '1' + '}'.repeat(MAX_JSON_DEPTH);
    expect(parseJsonText(ok, F)).toBeTypeOf('object');
    const arr = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    expect(() => parseJsonText(arr, F)).toThrow(InputError);
  });

  it('names the exact line of a syntax error and never echoes control characters', () => {
    expect(() => parseJsonText('{\n"a": 1,\n}', F)).toThrow(
      /^in\.json:3: malformed JSON: expected a quoted key/,
    );
    let msg = '';
    try {
      parseJsonText('{"a": 1}\u0000\u001b[31m', F);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/U\+0000/);
    // eslint-disable-next-line no-control-regex
    expect(msg).not.toMatch(/[\u0000-\u001f]/);
  });

  it('keeps a "__proto__" key as data', () => {
    const v = parseJsonText('{"__proto__": {"x": 1}}', F) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('throws only InputError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseJsonText(s, F);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('records the line of each object', () => {
    const lines = new WeakMap<object, number>();
    const v = parseJsonText('[\n{"a":1},\n\n{"b":2}]', F, { lines }) as object[];
    expect(v.map((o) => lines.get(o))).toEqual([2, 4]);
  });
});

describe('text decoding', () => {
  it('UTF-8 with and without BOM, UTF-16 by BOM or NUL pattern', () => {
    const s = '{"id": "São Paulo"}';
    expect(decodeText(Buffer.from(s), F)).toBe(s);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]), F)).toBe(s);
    const le = Buffer.from(s, 'utf16le');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), F)).toBe(s);
    expect(decodeText(le, F)).toBe(s);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), F)).toBe(s);
    expect(decodeText(be, F)).toBe(s);
  });

  it('Latin-1 is an error naming line and byte offset, unless the encoding is set', () => {
    const latin = Buffer.from('id,city\n1,Sèo Paulo\n', 'latin1');
    expect(() => decodeText(latin, 'a.csv')).toThrow(
      'a.csv:2: not UTF-8 (byte 0xE8 at byte offset 11 is not valid UTF-8); re-save as UTF-8 or set `encoding: latin1`',
    );
    expect(decodeText(latin, 'a.csv', 'latin1')).toBe('id,city\n1,Sèo Paulo\n');
  });

  it('finds the first invalid UTF-8 byte like the platform decoder does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const buf = Buffer.from(bytes);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(buf);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(buf) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});
