/** Encoding of binary and multiclass records: classes, the positive class, class indices, probabilities. */
import { InputError } from '../errors.js';
import type { ExampleRecord } from '../types.js';
import type { Dataset, MetricOptions } from './types.js';
import {
  className,
  compareScalars,
  fail,
  KIND_WORDS,
  kindOf,
  listClasses,
  scalarKind,
  show,
  type FieldNames,
  type Scalar,
  type ScalarKind,
} from './value-check.js';

/** Tolerance of the multiclass "probabilities sum to 1" check. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

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

/** Converts a config value (classes, positive_label) or probability-object key to the data's class type. */
/** A config value or probability-object key as a class of the data's type (undefined: no match). */
export function toClassValue(v: unknown, kind: ScalarKind): Scalar | undefined {
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

/** The default positive-class rule (1, true, "positive", "yes"). */
export function isDefaultPositive(v: Scalar): boolean {
  if (typeof v === 'number') return v === 1;
  if (typeof v === 'boolean') return v;
  const s = v.toLowerCase();
  return s === '1' || s === 'true' || s === 'positive' || s === 'yes';
}

/** Class columns (and probabilities) of a binary or multiclass dataset. */
export function encodeClassification(
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
