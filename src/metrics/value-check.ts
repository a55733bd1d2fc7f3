/**
 * Value checks and the words of validation messages shared by task detection and encoding: what kind a
 * value is, how it is shown, and the field names as the user's file spells them.
 */
import { InputError } from '../errors.js';
import type { ExampleRecord } from '../types.js';
import type { MetricOptions } from './types.js';

/** A class or number value as read. */
export type Scalar = string | number | boolean;
/** The type of a scalar value. */
export type ScalarKind = 'string' | 'number' | 'boolean';
/** What a value is, for messages. */
export type ValueKind = ScalarKind | 'missing' | 'non-finite' | 'array' | 'object';

/** The user's names of the mapped fields, for messages. */
export interface FieldNames {
  id: string;
  label: string;
  prediction: string;
  probabilities: string;
  cluster: string;
}

/** Field names of the options, defaulting to `id`, `label`, `prediction`, `probabilities`, `cluster`. */
export function fieldNames(opts: MetricOptions): FieldNames {
  const f = opts.fields ?? {};
  return {
    id: f.id ?? 'id',
    label: f.label ?? 'label',
    prediction: f.prediction ?? 'prediction',
    probabilities: f.probabilities ?? 'probabilities',
    cluster: f.cluster ?? 'cluster',
  };
}

/** Throws the InputError of a record (its file and line) and field. */
export function fail(rec: ExampleRecord | undefined, field: string | undefined, message: string): never {
  throw new InputError(message, { file: rec?.source?.file, line: rec?.source?.line, field });
}

/** `file:line` of a record, for "first at …" messages. */
export function where(rec: ExampleRecord): string {
  const s = rec.source;
  if (!s) return 'another example';
  return s.line !== undefined ? `${s.file}:${s.line}` : s.file;
}

/** What kind of value `v` is. */
export function kindOf(v: unknown): ValueKind {
  if (v === undefined || v === null) return 'missing';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isFinite(v) ? 'number' : 'non-finite';
    default:
      return Array.isArray(v) ? 'array' : 'object';
  }
}

/** Value kinds in words ("a string", …). */
export const KIND_WORDS: Record<ValueKind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  missing: 'nothing',
  'non-finite': 'a non-finite number',
  array: 'a list',
  object: 'an object',
};

/** A value as JSON, cut to 60 characters, for messages. */
export function show(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Sort order of np.unique: numbers numerically, strings by code point, false before true. */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareCodePoints(String(a), String(b));
}

/** Code point order (numpy's unicode order), which differs from UTF-16 `<` for astral characters. */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** The class name of a scalar value (its string form). */
export function className(v: Scalar): string {
  return String(v);
}

/** Up to ten class names, quoted, for messages. */
export function listClasses(values: Scalar[]): string {
  const shown = values.slice(0, 10).map((v) => JSON.stringify(className(v)));
  return shown.join(', ') + (values.length > 10 ? `, … (${values.length} in all)` : '');
}

/** InputError `missing <field>` when the value is missing. */
export function checkPresent(rec: ExampleRecord, kind: ValueKind, field: string): void {
  if (kind === 'missing') fail(rec, field, `missing ${field}`);
}

/**
 * The one scalar type of all labels and predictions; InputError at the first value of another type or of
 * a type that is not a class/number.
 */
export function scalarKind(records: ExampleRecord[], f: FieldNames): ScalarKind {
  const state: KindState = { kind: undefined, first: undefined, firstField: '' };
  for (const rec of records) {
    checkScalar(rec, f.label, rec.label, state);
    checkScalar(rec, f.prediction, rec.prediction, state);
  }
  return state.kind!;
}

interface KindState {
  kind: ScalarKind | undefined;
  first: ExampleRecord | undefined;
  firstField: string;
}

function checkScalar(rec: ExampleRecord, field: string, v: unknown, state: KindState): void {
  const k = kindOf(v);
  if (k === state.kind) return;
  if (k === 'missing') fail(rec, field, `missing ${field}`);
  if (k !== 'string' && k !== 'number' && k !== 'boolean') {
    fail(
      rec,
      field,
      `expected a class (string, number or boolean) or a number; got ${KIND_WORDS[k]} ${show(v)}`,
    );
  }
  if (state.kind === undefined) {
    state.kind = k;
    state.first = rec;
    state.firstField = field;
    return;
  }
  fail(
    rec,
    field,
    `mixed value types: ${KIND_WORDS[k]} ${show(v)} here, but ${state.firstField} at ${where(state.first!)} is ${KIND_WORDS[state.kind]}; labels and predictions must all be numbers, all strings or all booleans`,
  );
}
