/**
 * The JSON text parser shared by every whole-file JSON format. `JSON.parse` is not enough for the files
 * eval tools write: Python's `json` writes bare `NaN`/`Infinity`/`-Infinity` (MTEB, several harnesses),
 * a duplicate key must be an error rather than "last one wins" (a silent data change), nesting must be
 * bounded (a metric map nested 100,000 levels must not overflow the stack), and errors need exact lines.
 *
 * Non-finite tokens become the numbers NaN/±Infinity; readers decide what they mean (usually "metric
 * undefined" with a reason). Nesting deeper than {@link MAX_JSON_DEPTH} is an input error, so recursion
 * here never goes deeper than that. Messages quote found characters escaped, never raw control bytes.
 */
import { InputError } from '../errors.js';
import { readTextFile, type TextEncodingName } from './text.js';

/** Deepest nesting of objects/arrays accepted in a whole-file JSON input (documented in docs/formats.md). */
export const MAX_JSON_DEPTH = 64;

/** Options of {@link parseJsonText}. */
export interface JsonParseOptions {
  /** Filled with the 1-based line where each parsed object or array starts (for readers' messages). */
  lines?: WeakMap<object, number>;
  /** Overrides {@link MAX_JSON_DEPTH} (tests). */
  maxDepth?: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Shows one character of untrusted text safely in a message. */
function showChar(ch: string | undefined): string {
  if (ch === undefined) return 'end of file';
  const c = ch.charCodeAt(0);
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd || (c >= 0xd800 && c <= 0xdfff))
    return `character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(ch);
}

/** Shows a key safely (control characters escaped, long keys cut). */
export function showKey(key: string): string {
  const cut = key.length > 80 ? `${key.slice(0, 80)}…` : key;
  return JSON.stringify(cut).replace(
    /[\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Parses JSON text as Python's `json` writes it. Throws InputError (file, line) on malformed text,
 * duplicate object keys and nesting deeper than the limit.
 */
export function parseJsonText(text: string, file: string, opts: JsonParseOptions = {}): unknown {
  const maxDepth = opts.maxDepth ?? MAX_JSON_DEPTH;
  const linesOut = opts.lines;
  const n = text.length;
  let pos = 0;
  let newlines: number[] | undefined;

  const lineAt = (p: number): number => {
    if (!newlines) {
      newlines = [];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) newlines.push(i);
    }
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const fail = (message: string, at = pos): never => {
    throw new InputError(`malformed JSON: ${message}`, { file, line: lineAt(Math.min(at, n)) });
  };
  const ws = () => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
  };
  const literal = (word: string, value: unknown): unknown => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return fail(`unexpected ${showChar(text[pos])}`);
  };
  const parseString = (): string => {
    const start = pos;
    pos++;
    let escaped = false;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        pos++;
        if (!escaped) return text.slice(start + 1, pos - 1);
        try {
          return JSON.parse(text.slice(start, pos)) as string;
        } catch {
          return fail('invalid escape sequence in a string', start);
        }
      }
      if (c === 0x5c) {
        escaped = true;
        pos += 2;
        continue;
      }
      if (c < 0x20) fail(`${showChar(text[pos])} inside a string (control characters must be escaped)`);
      pos++;
    }
    return fail('unterminated string', start);
  };
  const parseNumber = (): number => {
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) return fail(`unexpected ${showChar(text[pos])}`);
    pos += m[0].length;
    return Number(m[0]);
  };
  const value = (depth: number): unknown => {
    ws();
    const c = text[pos];
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return parseString();
      case 't':
        return literal('true', true);
      case 'f':
        return literal('false', false);
      case 'n':
        return literal('null', null);
      case 'N':
        return literal('NaN', NaN);
      case 'I':
        return literal('Infinity', Infinity);
      case '-':
        if (text[pos + 1] === 'I') {
          pos++;
          return -(literal('Infinity', Infinity) as number);
        }
        return parseNumber();
      default:
        if (c !== undefined && c >= '0' && c <= '9') return parseNumber();
        return fail(`expected a value, found ${showChar(c)}`);
    }
  };
  const tooDeep = (): never => {
    throw new InputError(`JSON nested deeper than ${maxDepth} levels (the limit for input files)`, {
      file,
      line: lineAt(pos),
    });
  };
  const object = (depth: number): Record<string, unknown> => {
    if (depth > maxDepth) tooDeep();
    const obj: Record<string, unknown> = {};
    if (linesOut) linesOut.set(obj, lineAt(pos));
    pos++;
    ws();
    if (text[pos] === '}') {
      pos++;
      return obj;
    }
    for (;;) {
      ws();
      if (text[pos] !== '"') fail(`expected a quoted key, found ${showChar(text[pos])}`);
      const keyAt = pos;
      const key = parseString();
      ws();
      if (text[pos] !== ':') fail(`expected ':' after key ${showKey(key)}, found ${showChar(text[pos])}`);
      pos++;
      const v = value(depth);
      if (Object.prototype.hasOwnProperty.call(obj, key)) {
        throw new InputError(`duplicate key ${showKey(key)} in a JSON object (which value is meant?)`, {
          file,
          line: lineAt(keyAt),
          field: key.length > 80 ? `${key.slice(0, 80)}…` : key,
        });
      }
      if (key === '__proto__')
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
      else obj[key] = v;
      ws();
      const c = text[pos];
      if (c === ',') {
        pos++;
        continue;
      }
      if (c === '}') {
        pos++;
        return obj;
      }
      return fail(`expected ',' or '}' in an object, found ${showChar(c)}`);
    }
  };
  const array = (depth: number): unknown[] => {
    if (depth > maxDepth) tooDeep();
    const arr: unknown[] = [];
    if (linesOut) linesOut.set(arr, lineAt(pos));
    pos++;
    ws();
    if (text[pos] === ']') {
      pos++;
      return arr;
    }
    for (;;) {
      arr.push(value(depth));
      ws();
      const c = text[pos];
      if (c === ',') {
        pos++;
        continue;
      }
      if (c === ']') {
        pos++;
        return arr;
      }
      return fail(`expected ',' or ']' in an array, found ${showChar(c)}`);
    }
  };

  ws();
  if (pos >= n) throw new InputError('empty file: expected JSON', { file });
  const result = value(0);
  ws();
  if (pos < n) fail(`unexpected ${showChar(text[pos])} after the end of the JSON value`);
  return result;
}

/** Reads and parses a whole-file JSON input (gzip and encoding handled as in {@link readTextFile}). */
export function readJsonFile(
  file: string,
  encoding?: TextEncodingName,
  opts: JsonParseOptions = {},
): unknown {
  return parseJsonText(readTextFile(file, encoding), file, opts);
}
