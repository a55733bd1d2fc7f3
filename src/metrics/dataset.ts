/**
 * Encoding of field-mapped records into the columnar `Dataset`, with validation and task detection.
 * Every problem in the data is an `InputError` naming file, line and field: nothing is dropped or guessed.
 */
import { InputError } from '../errors.js';
import type { ExampleRecord, Task } from '../types.js';
import type { Dataset, MetricOptions } from './index.js';

type Scalar = string | number | boolean;
type ScalarKind = 'string' | 'number' | 'boolean';
type ValueKind = ScalarKind | 'missing' | 'non-finite' | 'array' | 'object';

/** Tolerance of the multiclass "probabilities sum to 1" check. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

interface FieldNames {
  id: string;
  label: string;
  prediction: string;
  probabilities: string;
  cluster: string;
}

function fieldNames(opts: MetricOptions): FieldNames {
  const f = opts.fields ?? {};
  return {
    id: f.id ?? 'id',
    label: f.label ?? 'label',
    prediction: f.prediction ?? 'prediction',
    probabilities: f.probabilities ?? 'probabilities',
    cluster: f.cluster ?? 'cluster',
  };
}

function fail(rec: ExampleRecord | undefined, field: string | undefined, message: string): never {
  throw new InputError(message, { file: rec?.source?.file, line: rec?.source?.line, field });
}

function where(rec: ExampleRecord): string {
  const s = rec.source;
  if (!s) return 'another example';
  return s.line !== undefined ? `${s.file}:${s.line}` : s.file;
}

function kindOf(v: unknown): ValueKind {
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

const KIND_WORDS: Record<ValueKind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  missing: 'nothing',
  'non-finite': 'a non-finite number',
  array: 'a list',
  object: 'an object',
};

function show(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Sort order of np.unique: numbers numerically, strings by code point, false before true. */
function compareScalars(a: Scalar, b: Scalar): number {
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

function className(v: Scalar): string {
  return String(v);
}

function listClasses(values: Scalar[]): string {
  const shown = values.slice(0, 10).map((v) => JSON.stringify(className(v)));
  return shown.join(', ') + (values.length > 10 ? `, … (${values.length} in all)` : '');
}

function isIntegerValued(x: number): boolean {
  return Number.isInteger(x);
}

const INNER_WHITESPACE = /\S\s+\S/;

/**
 * The task of `records`: `opts.task` when set, else the documented detection rule (README "Metrics reference"):
 * list labels → multilabel (list predictions) or generation (text predictions); numbers → regression when
 * any label is non-integer, or any prediction is non-integer and there are no probabilities; strings →
 * generation when some label or prediction contains inner whitespace and distinct labels exceed half the
 * examples; otherwise classification: binary when labels ∪ predictions have ≤ 2 values and probabilities
 * (if any) are numbers, else multiclass. Throws InputError when the values fit no task.
 */
export function detectTask(records: ExampleRecord[], opts: MetricOptions): Task {
  if (opts.task !== 'auto') {
    const tasks: Task[] = ['binary', 'multiclass', 'multilabel', 'regression', 'generation'];
    if (!tasks.includes(opts.task)) {
      throw new InputError(
        `unknown task "${String(opts.task)}"; expected auto or one of ${tasks.join(', ')}`,
        {
          field: 'task',
        },
      );
    }
    return opts.task;
  }
  const f = fieldNames(opts);
  let firstLabelList: ExampleRecord | undefined;
  let firstPredList: ExampleRecord | undefined;
  for (const rec of records) {
    const lk = kindOf(rec.label);
    const pk = kindOf(rec.prediction);
    checkPresent(rec, lk, f.label);
    checkPresent(rec, pk, f.prediction);
    if (lk === 'array' && !firstLabelList) firstLabelList = rec;
    if (pk === 'array' && !firstPredList) firstPredList = rec;
  }
  if (firstLabelList) {
    const pk = kindOf(firstLabelList.prediction);
    if (pk === 'array') return 'multilabel';
    if (pk === 'string') return 'generation';
    fail(
      firstLabelList,
      f.prediction,
      `${f.label} is a list, so ${f.prediction} must be a list of classes (multilabel) or a text (generation); got ${KIND_WORDS[pk]}`,
    );
  }
  if (firstPredList) return 'multilabel';

  // Scalars from here on: one value type across labels and predictions.
  const kinds = scalarKind(records, f);
  if (kinds === 'number') {
    let labelNonInt: ExampleRecord | undefined;
    let predNonInt: ExampleRecord | undefined;
    let withProba: ExampleRecord | undefined;
    for (const rec of records) {
      if (!labelNonInt && !isIntegerValued(rec.label as number)) labelNonInt = rec;
      if (!predNonInt && !isIntegerValued(rec.prediction as number)) predNonInt = rec;
      if (!withProba && kindOf(rec.probabilities) !== 'missing') withProba = rec;
    }
    if (labelNonInt) return 'regression';
    if (predNonInt) {
      if (!withProba) return 'regression';
      fail(
        predNonInt,
        f.prediction,
        `${f.prediction} ${show(predNonInt.prediction)} is not an integer class although ${f.label} values are integer classes and ${f.probabilities} are given; set task explicitly (regression or classification)`,
      );
    }
  } else if (kinds === 'string') {
    let whitespace = false;
    const distinct = new Set<string>();
    for (const rec of records) {
      const l = rec.label as string;
      distinct.add(l);
      if (!whitespace && (INNER_WHITESPACE.test(l) || INNER_WHITESPACE.test(rec.prediction as string))) {
        whitespace = true;
      }
    }
    if (whitespace && distinct.size > records.length / 2) return 'generation';
  }
  const values = new Set<Scalar>();
  let nonNumberProba = false;
  for (const rec of records) {
    values.add(rec.label as Scalar);
    values.add(rec.prediction as Scalar);
    const k = kindOf(rec.probabilities);
    if (k !== 'missing' && k !== 'number') nonNumberProba = true;
  }
  return values.size <= 2 && !nonNumberProba ? 'binary' : 'multiclass';
}

function checkPresent(rec: ExampleRecord, kind: ValueKind, field: string): void {
  if (kind === 'missing') fail(rec, field, `missing ${field}`);
}

/**
 * The one scalar type of all labels and predictions; InputError at the first value of another type or of
 * a type that is not a class/number.
 */
function scalarKind(records: ExampleRecord[], f: FieldNames): ScalarKind {
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

/** Encode records into a Dataset; detects the task when `opts.task` is `auto`. Throws InputError. */
export function buildDataset(records: ExampleRecord[], opts: MetricOptions): Dataset {
  if (!Array.isArray(records) || records.length === 0) {
    throw new InputError('no examples: the per-example records are empty');
  }
  const f = fieldNames(opts);
  const task = detectTask(records, opts);
  const ds: Dataset = { task, n: records.length, ids: [], classes: [], numeric: {}, slices: {} };
  encodeCommon(records, f, ds);
  switch (task) {
    case 'binary':
    case 'multiclass':
      encodeClassification(records, opts, f, ds, task);
      break;
    case 'multilabel':
      encodeMultilabel(records, f, ds);
      break;
    case 'regression':
      encodeRegression(records, f, ds);
      break;
    case 'generation':
      encodeGeneration(records, f, ds);
      break;
  }
  return ds;
}

/** ids (unique), other numeric fields, slices and cluster ids. */
function encodeCommon(records: ExampleRecord[], f: FieldNames, ds: Dataset): void {
  const n = records.length;
  const seen = new Set<string>();
  const ids = new Array<string>(n);
  let clusterCount = 0;
  for (let i = 0; i < n; i++) {
    const rec = records[i];
    const id = rec.id;
    if (typeof id !== 'string' || id === '') {
      fail(
        rec,
        f.id,
        typeof id === 'string' || id === undefined || id === null
          ? `missing ${f.id}`
          : `expected a string id, got ${show(id)}`,
      );
    }
    const size = seen.size;
    seen.add(id);
    if (seen.size === size) {
      const prev = records.findIndex((r) => r.id === id);
      fail(
        rec,
        f.id,
        `duplicate ${f.id} ${show(id)} (first at ${where(records[prev])}); ids must be unique to pair examples`,
      );
    }
    ids[i] = id;
    const numeric = rec.numeric;
    if (numeric) {
      for (const key in numeric) {
        const v = numeric[key];
        if (typeof v !== 'number') fail(rec, key, `expected a number, got ${show(v)}`);
        if (v === Infinity || v === -Infinity) fail(rec, key, `expected a finite number, got ${v}`);
        let col = ds.numeric[key];
        if (!col) {
          col = new Float64Array(n).fill(NaN);
          ds.numeric[key] = col;
        }
        col[i] = v;
      }
    }
    const slices = rec.slices;
    if (slices) {
      for (const key in slices) {
        const v: unknown = slices[key];
        if (v === undefined || v === null) continue;
        if (typeof v === 'object') fail(rec, key, `expected a slice value (string), got ${show(v)}`);
        let col = ds.slices[key];
        if (!col) {
          col = new Array<string>(n).fill('');
          ds.slices[key] = col;
        }
        col[i] = String(v);
      }
    }
    if (rec.cluster !== undefined && rec.cluster !== null) clusterCount++;
  }
  ds.ids = ids;
  if (clusterCount > 0) {
    const cluster = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const c: unknown = records[i].cluster;
      if (c === undefined || c === null || c === '') {
        fail(
          records[i],
          f.cluster,
          `missing ${f.cluster} (other examples have one; clustered errors need it on every example)`,
        );
      }
      if (typeof c === 'object') fail(records[i], f.cluster, `expected a cluster id, got ${show(c)}`);
      cluster[i] = String(c);
    }
    ds.cluster = cluster;
  }
}

/** The first record that has probabilities and the count of records that have them. */
function probabilityPresence(records: ExampleRecord[], f: FieldNames): number {
  let count = 0;
  for (const rec of records) if (kindOf(rec.probabilities) !== 'missing') count++;
  if (count > 0 && count < records.length) {
    const rec = records.find((r) => kindOf(r.probabilities) === 'missing')!;
    fail(
      rec,
      f.probabilities,
      `missing ${f.probabilities} (other examples have them; give them for every example or for none)`,
    );
  }
  return count;
}

function rejectProbabilities(records: ExampleRecord[], f: FieldNames, task: Task): void {
  const rec = records.find((r) => kindOf(r.probabilities) !== 'missing');
  if (rec) {
    fail(
      rec,
      f.probabilities,
      `${f.probabilities} are not used for ${task} tasks; remove the field or map it to another name`,
    );
  }
}

/** Converts a config value (classes, positive_label) or probability-object key to the data's class type. */
function toClassValue(v: unknown, kind: ScalarKind): Scalar | undefined {
  if (kind === 'string')
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  if (kind === 'number') {
    if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string' && v.trim() !== '') {
      const x = Number(v);
      return Number.isFinite(x) ? x : undefined;
    }
    return undefined;
  }
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

function isDefaultPositive(v: Scalar): boolean {
  if (typeof v === 'number') return v === 1;
  if (typeof v === 'boolean') return v;
  const s = v.toLowerCase();
  return s === '1' || s === 'true' || s === 'positive' || s === 'yes';
}

function encodeClassification(
  records: ExampleRecord[],
  opts: MetricOptions,
  f: FieldNames,
  ds: Dataset,
  task: 'binary' | 'multiclass',
): void {
  const n = records.length;
  const kind = scalarKind(records, f);
  const distinct = new Set<Scalar>();
  for (const rec of records) {
    distinct.add(rec.label as Scalar);
    distinct.add(rec.prediction as Scalar);
  }
  const nProba = probabilityPresence(records, f);
  const file0 = records[0];

  let universe: Scalar[];
  let configOrder: Scalar[] | undefined;
  if (task === 'multiclass' && nProba > 0 && opts.classes !== undefined) {
    if (!Array.isArray(opts.classes) || opts.classes.length === 0) {
      throw new InputError('expected a non-empty list of classes', { field: 'classes' });
    }
    configOrder = [];
    const seen = new Set<Scalar>();
    for (const c of opts.classes) {
      const v = toClassValue(c, kind);
      if (v === undefined) {
        throw new InputError(`class ${show(c)} does not match the data, whose classes are ${kind}s`, {
          field: 'classes',
        });
      }
      if (seen.has(v)) throw new InputError(`duplicate class ${show(c)}`, { field: 'classes' });
      seen.add(v);
      configOrder.push(v);
    }
    for (const rec of records) {
      if (!seen.has(rec.label as Scalar)) {
        fail(
          rec,
          f.label,
          `class ${show(rec.label)} is not one of the configured classes (${listClasses(configOrder)})`,
        );
      }
      if (!seen.has(rec.prediction as Scalar)) {
        fail(
          rec,
          f.prediction,
          `class ${show(rec.prediction)} is not one of the configured classes (${listClasses(configOrder)})`,
        );
      }
    }
    universe = configOrder.slice();
  } else {
    universe = [...distinct];
  }
  universe.sort(compareScalars);
  const index = new Map<Scalar, number>();
  universe.forEach((v, i) => index.set(v, i));
  ds.classes = universe.map(className);
  const k = universe.length;

  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    yTrue[i] = index.get(records[i].label as Scalar)!;
    yPred[i] = index.get(records[i].prediction as Scalar)!;
  }
  ds.yTrue = yTrue;
  ds.yPred = yPred;

  if (task === 'binary') {
    if (k > 2) {
      fail(
        file0,
        f.label,
        `task binary needs at most 2 classes; found ${k}: ${listClasses(universe)} (set task: multiclass)`,
      );
    }
    ds.posIndex = positiveIndex(universe, kind, opts, f, file0);
    if (nProba > 0) {
      const score = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const rec = records[i];
        const p = rec.probabilities;
        if (typeof p !== 'number') {
          fail(
            rec,
            f.probabilities,
            `binary ${f.probabilities} must be a number, the probability of the positive class ${show(className(universe[ds.posIndex]))}; got ${KIND_WORDS[kindOf(p)]}`,
          );
        }
        checkProbability(rec, f.probabilities, p);
        score[i] = p;
      }
      ds.score = score;
    }
    return;
  }

  if (nProba > 0) {
    const proba = new Float64Array(n * k);
    // Column of each config-order position (array format).
    const arrayCols = configOrder?.map((v) => index.get(v)!);
    const stamp = new Int32Array(k);
    // Object keys repeat on every row: parse each distinct key once.
    const keyColumn = new Map<string, number | undefined>();
    for (let i = 0; i < n; i++) {
      const rec = records[i];
      const p = rec.probabilities;
      const row = i * k;
      let sum = 0;
      if (Array.isArray(p)) {
        if (!arrayCols) {
          fail(
            rec,
            f.probabilities,
            `${f.probabilities} given as a list need config \`classes\` (the class of each position)`,
          );
        }
        if (p.length !== arrayCols.length) {
          fail(
            rec,
            f.probabilities,
            `expected ${arrayCols.length} probabilities (one per configured class), got ${p.length}`,
          );
        }
        for (let j = 0; j < p.length; j++) {
          const x = p[j];
          checkProbability(rec, `${f.probabilities}[${j}]`, x);
          proba[row + arrayCols[j]] = x as number;
          sum += x as number;
        }
      } else if (kindOf(p) === 'object') {
        const obj = p as Record<string, unknown>;
        for (const key in obj) {
          let col = keyColumn.get(key);
          if (col === undefined && !keyColumn.has(key)) {
            const v = toClassValue(key, kind);
            col = v === undefined ? undefined : index.get(v);
            keyColumn.set(key, col);
          }
          if (col === undefined) {
            fail(
              rec,
              `${f.probabilities}.${key}`,
              `unknown class ${show(key)}; known classes: ${listClasses(universe)}${configOrder ? '' : ' (set config `classes` to list every class the model scores)'}`,
            );
          }
          const x = obj[key];
          checkProbability(rec, `${f.probabilities}.${key}`, x);
          // Two keys can name one class (e.g. "1" and "1.0" for numeric classes): stamp[col] remembers the row.
          if (stamp[col] === i + 1)
            fail(rec, `${f.probabilities}.${key}`, `class ${show(key)} is given twice`);
          stamp[col] = i + 1;
          proba[row + col] = x as number;
          sum += x as number;
        }
      } else {
        fail(
          rec,
          f.probabilities,
          `multiclass ${f.probabilities} must be an object {class: probability} or a list in config \`classes\` order; got ${KIND_WORDS[kindOf(p)]}`,
        );
      }
      if (!(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE)) {
        fail(rec, f.probabilities, `probabilities sum to ${sum}, expected 1 (±${PROBABILITY_SUM_TOLERANCE})`);
      }
    }
    ds.proba = proba;
  }
}

function checkProbability(rec: ExampleRecord, field: string, x: unknown): void {
  if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
    fail(rec, field, `expected a probability in [0, 1], got ${show(x)}`);
  }
}

function positiveIndex(
  universe: Scalar[],
  kind: ScalarKind,
  opts: MetricOptions,
  f: FieldNames,
  rec: ExampleRecord,
): number {
  if (opts.positiveLabel !== undefined && opts.positiveLabel !== null) {
    const v = toClassValue(opts.positiveLabel, kind);
    const i = v === undefined ? -1 : universe.findIndex((u) => u === v);
    if (i < 0) {
      throw new InputError(
        `positive_label ${show(opts.positiveLabel)} is not one of the classes in the data (${listClasses(universe)})`,
        { field: 'positive_label' },
      );
    }
    return i;
  }
  const candidates: number[] = [];
  universe.forEach((v, i) => {
    if (isDefaultPositive(v)) candidates.push(i);
  });
  if (candidates.length === 1) return candidates[0];
  const why =
    candidates.length === 0
      ? `cannot tell which class is positive among ${listClasses(universe)}`
      : `more than one class could be the positive one (${listClasses(candidates.map((i) => universe[i]))})`;
  fail(rec, f.label, `${why}: set positive_label in config (or task: multiclass)`);
}

function encodeMultilabel(records: ExampleRecord[], f: FieldNames, ds: Dataset): void {
  rejectProbabilities(records, f, 'multilabel');
  let kind: ScalarKind | undefined;
  let first: ExampleRecord | undefined;
  const distinct = new Set<Scalar>();
  for (const rec of records) {
    for (let side = 0; side < 2; side++) {
      const field = side === 0 ? f.label : f.prediction;
      const list = side === 0 ? rec.label : rec.prediction;
      const lk = kindOf(list);
      if (lk === 'missing') fail(rec, field, `missing ${field}`);
      if (lk !== 'array')
        fail(
          rec,
          field,
          `multilabel ${field} must be a list of classes; got ${KIND_WORDS[lk]} ${show(list)}`,
        );
      for (const v of list as unknown[]) {
        const k = kindOf(v);
        if (k !== 'string' && k !== 'number' && k !== 'boolean') {
          fail(
            rec,
            field,
            `expected a list of classes (strings, numbers or booleans); found ${KIND_WORDS[k]} ${show(v)}`,
          );
        }
        if (kind === undefined) {
          kind = k;
          first = rec;
        } else if (k !== kind) {
          fail(
            rec,
            field,
            `mixed class types: ${KIND_WORDS[k]} ${show(v)} here, ${KIND_WORDS[kind]} at ${where(first!)}`,
          );
        }
        distinct.add(v as Scalar);
      }
    }
  }
  const universe = [...distinct].sort(compareScalars);
  const index = new Map<Scalar, number>();
  universe.forEach((v, i) => index.set(v, i));
  ds.classes = universe.map(className);
  const k = universe.length;
  const n = records.length;
  const mlTrue = new Uint8Array(n * k);
  const mlPred = new Uint8Array(n * k);
  for (let i = 0; i < n; i++) {
    const row = i * k;
    for (const v of records[i].label as Scalar[]) mlTrue[row + index.get(v)!] = 1;
    for (const v of records[i].prediction as Scalar[]) mlPred[row + index.get(v)!] = 1;
  }
  ds.mlTrue = mlTrue;
  ds.mlPred = mlPred;
}

function encodeRegression(records: ExampleRecord[], f: FieldNames, ds: Dataset): void {
  rejectProbabilities(records, f, 'regression');
  const n = records.length;
  const yTrue = new Float64Array(n);
  const yPred = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rec = records[i];
    yTrue[i] = regressionValue(rec, f.label, rec.label);
    yPred[i] = regressionValue(rec, f.prediction, rec.prediction);
  }
  ds.yTrueNum = yTrue;
  ds.yPredNum = yPred;
}

function regressionValue(rec: ExampleRecord, field: string, v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const k = kindOf(v);
  if (k === 'missing') fail(rec, field, `missing ${field}`);
  fail(rec, field, `regression ${field} must be a finite number; got ${KIND_WORDS[k]} ${show(v)}`);
}

function encodeGeneration(records: ExampleRecord[], f: FieldNames, ds: Dataset): void {
  rejectProbabilities(records, f, 'generation');
  const n = records.length;
  const textPred = new Array<string>(n);
  const textRefs = new Array<string[]>(n);
  for (let i = 0; i < n; i++) {
    const rec = records[i];
    const p = rec.prediction;
    const pk = kindOf(p);
    if (pk === 'missing') fail(rec, f.prediction, `missing ${f.prediction}`);
    if (pk !== 'string')
      fail(rec, f.prediction, `generation ${f.prediction} must be a text; got ${KIND_WORDS[pk]} ${show(p)}`);
    const l = rec.label;
    const lk = kindOf(l);
    if (lk === 'missing') fail(rec, f.label, `missing ${f.label}`);
    if (lk === 'string') {
      textRefs[i] = [l as string];
    } else if (lk === 'array') {
      const refs = l as unknown[];
      if (refs.length === 0) fail(rec, f.label, `empty list of accepted answers`);
      for (const r of refs) {
        if (typeof r !== 'string')
          fail(rec, f.label, `accepted answers must be texts; found ${KIND_WORDS[kindOf(r)]} ${show(r)}`);
      }
      textRefs[i] = refs as string[];
    } else {
      fail(
        rec,
        f.label,
        `generation ${f.label} must be a text or a list of accepted texts; got ${KIND_WORDS[lk]} ${show(l)}`,
      );
    }
    textPred[i] = p as string;
  }
  ds.textPred = textPred;
  ds.textRefs = textRefs;
}

/** Rows `idx` of `ds` (indices may repeat: bootstrap). Classes and the positive class are kept. */
export function subsetDataset(ds: Dataset, idx: ArrayLike<number>): Dataset {
  const m = idx.length;
  const k = ds.classes.length;
  const out: Dataset = {
    task: ds.task,
    n: m,
    ids: gather(ds.ids, idx),
    classes: ds.classes,
    numeric: {},
    slices: {},
  };
  if (ds.posIndex !== undefined) out.posIndex = ds.posIndex;
  if (ds.yTrue) out.yTrue = gatherTyped(ds.yTrue, idx, new Int32Array(m));
  if (ds.yPred) out.yPred = gatherTyped(ds.yPred, idx, new Int32Array(m));
  if (ds.score) out.score = gatherTyped(ds.score, idx, new Float64Array(m));
  if (ds.proba) out.proba = gatherRows(ds.proba, k, idx, new Float64Array(m * k));
  if (ds.mlTrue) out.mlTrue = gatherRows(ds.mlTrue, k, idx, new Uint8Array(m * k));
  if (ds.mlPred) out.mlPred = gatherRows(ds.mlPred, k, idx, new Uint8Array(m * k));
  if (ds.yTrueNum) out.yTrueNum = gatherTyped(ds.yTrueNum, idx, new Float64Array(m));
  if (ds.yPredNum) out.yPredNum = gatherTyped(ds.yPredNum, idx, new Float64Array(m));
  if (ds.textPred) out.textPred = gather(ds.textPred, idx);
  if (ds.textRefs) out.textRefs = gather(ds.textRefs, idx);
  for (const key of Object.keys(ds.numeric))
    out.numeric[key] = gatherTyped(ds.numeric[key], idx, new Float64Array(m));
  for (const key of Object.keys(ds.slices)) out.slices[key] = gather(ds.slices[key], idx);
  if (ds.cluster) out.cluster = gather(ds.cluster, idx);
  return out;
}

function gather<T>(src: T[], idx: ArrayLike<number>): T[] {
  const out = new Array<T>(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
  return out;
}

function gatherTyped<A extends Int32Array | Float64Array | Uint8Array>(
  src: A,
  idx: ArrayLike<number>,
  out: A,
): A {
  for (let i = 0; i < idx.length; i++) out[i] = src[idx[i]];
  return out;
}

function gatherRows<A extends Float64Array | Uint8Array>(
  src: A,
  k: number,
  idx: ArrayLike<number>,
  out: A,
): A {
  for (let i = 0; i < idx.length; i++) out.set(src.subarray(idx[i] * k, idx[i] * k + k), i * k);
  return out;
}
