/**
 * Encoding of field-mapped records into the columnar `Dataset`, with validation: the columns every task
 * has (ids, numeric fields, slices, clusters) and the multilabel, regression and generation columns.
 * Classification columns are encoded by encode-classification.ts. Every problem in the data is an
 * `InputError` naming file, line and field: nothing is dropped or guessed.
 */
import { InputError } from '../errors.js';
import type { ExampleRecord, Task } from '../types.js';
import { encodeClassification } from './encode-classification.js';
import { detectTask } from './task-detection.js';
import type { Dataset, MetricOptions } from './types.js';
import {
  className,
  compareScalars,
  fail,
  fieldNames,
  KIND_WORDS,
  kindOf,
  show,
  where,
  type FieldNames,
  type Scalar,
  type ScalarKind,
} from './value-check.js';

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
