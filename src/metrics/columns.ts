/**
 * `Dataset` straight from `RecordColumns` (the streaming readers' output) for the common shapes —
 * binary or multiclass classification with scalar labels and numeric probabilities, and regression —
 * without one object per row. Task detection and validation work on the label/prediction dictionaries
 * (distinct values), so their cost does not grow with the rows.
 *
 * Whenever the fast path meets anything it does not handle, or anything invalid, it hands the whole
 * input to `buildDataset` on materialised records instead: that path decides the task and produces
 * every error message (file, line, field), so both paths accept and reject exactly the same inputs.
 */
import type { RecordColumns } from '../readers/columnar/columns.js';
import { f64 } from '../readers/columnar/growable.js';
import { buildDataset } from './encode.js';
import { idsUnique } from './id-index.js';
import { isDefaultPositive, PROBABILITY_SUM_TOLERANCE, toClassValue } from './encode-classification.js';
import { INNER_WHITESPACE } from './task-detection.js';
import type { Dataset, MetricOptions } from './types.js';
import { compareScalars, type Scalar, type ScalarKind } from './value-check.js';
/** Dictionary values that some row uses (a dictionary may hold values of lines that took the general path). */
function usedValues(codes: Int32Array, values: Scalar[]): { used: Uint8Array; count: number } {
  const used = new Uint8Array(values.length);
  let count = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (used[c] === 0) {
      used[c] = 1;
      count++;
    }
  }
  return { used, count };
}

/** The general path: records → `buildDataset` (any task; exact errors). */
function general(cols: RecordColumns, opts: MetricOptions): Dataset {
  return buildDataset(cols.toRecords(), opts);
}

/** Builds the Dataset of `cols` (see the module comment). Throws InputError like `buildDataset`. */
export function datasetFromColumns(cols: RecordColumns, opts: MetricOptions): Dataset {
  cols.finish();
  const n = cols.n;
  if (n === 0 || cols.label.generic || cols.prediction.generic || cols.proba.mode === 'generic')
    return general(cols, opts);
  const lCodes = cols.label.codes.trimmed();
  const pCodes = cols.prediction.codes.trimmed();
  const lVals = cols.label.values;
  const pVals = cols.prediction.values;
  const lUsed = usedValues(lCodes, lVals);
  const pUsed = usedValues(pCodes, pVals);
  // One scalar type across labels and predictions, every number finite.
  let kind: ScalarKind | undefined;
  const check = (vals: Scalar[], used: Uint8Array): boolean => {
    for (let c = 0; c < vals.length; c++) {
      if (!used[c]) continue;
      const v = vals[c];
      const k = typeof v;
      if (k === 'number' && !Number.isFinite(v)) return false;
      if (kind === undefined) kind = k as ScalarKind;
      else if (k !== kind) return false;
    }
    return true;
  };
  if (!check(lVals, lUsed.used) || !check(pVals, pUsed.used)) return general(cols, opts);
  const proba = cols.proba;
  const hasProba = proba.mode !== 'none';
  if (hasProba) for (let i = 0; i < n; i++) if (!proba.present[i]) return general(cols, opts);

  let task = opts.task;
  if (task === 'auto') {
    if (kind === 'number') {
      let labelNonInt = false;
      let predNonInt = false;
      lVals.forEach((v, c) => (labelNonInt ||= lUsed.used[c] === 1 && !Number.isInteger(v)));
      pVals.forEach((v, c) => (predNonInt ||= pUsed.used[c] === 1 && !Number.isInteger(v)));
      if (labelNonInt) task = 'regression';
      else if (predNonInt) {
        if (hasProba) return general(cols, opts); // an error buildDataset words
        task = 'regression';
      }
    } else if (kind === 'string') {
      let whitespace = false;
      const test = (vals: Scalar[], used: Uint8Array) =>
        vals.forEach((v, c) => (whitespace ||= used[c] === 1 && INNER_WHITESPACE.test(v as string)));
      test(lVals, lUsed.used);
      test(pVals, pUsed.used);
      if (whitespace && lUsed.count > n / 2) return general(cols, opts); // generation
    }
    if (task === 'auto') {
      const distinct = new Set<Scalar>();
      lVals.forEach((v, c) => lUsed.used[c] && distinct.add(v));
      pVals.forEach((v, c) => pUsed.used[c] && distinct.add(v));
      task =
        distinct.size <= 2 && (proba.mode === 'none' || proba.mode === 'number') ? 'binary' : 'multiclass';
    }
  }
  if (task !== 'binary' && task !== 'multiclass' && task !== 'regression') return general(cols, opts);

  const ds: Dataset = { task, n, ids: cols.ids, classes: [], numeric: {}, slices: {} };
  // ids: present (the readers require them) and unique.
  if (!idsUnique(cols.ids)) return general(cols, opts);
  ds.numeric = cols.numericArrays();
  for (const [k, v] of cols.slices) ds.slices[k] = v;
  if (cols.cluster) ds.cluster = cols.cluster;

  if (task === 'regression') {
    if (kind !== 'number' || hasProba) return general(cols, opts);
    ds.yTrueNum = Float64Array.from(lCodes, (c) => lVals[c] as number);
    ds.yPredNum = Float64Array.from(pCodes, (c) => pVals[c] as number);
    return ds;
  }
  if (kind === undefined) return general(cols, opts);

  // Class universe: labels ∪ predictions (∪ config classes for multiclass with probabilities).
  let universe: Scalar[];
  let configOrder: Scalar[] | undefined;
  if (task === 'multiclass' && hasProba && opts.classes !== undefined) {
    if (!Array.isArray(opts.classes) || opts.classes.length === 0) return general(cols, opts);
    configOrder = [];
    const set = new Set<Scalar>();
    for (const c of opts.classes) {
      const v = toClassValue(c, kind);
      if (v === undefined || set.has(v)) return general(cols, opts);
      set.add(v);
      configOrder.push(v);
    }
    for (let c = 0; c < lVals.length; c++)
      if (lUsed.used[c] && !set.has(lVals[c])) return general(cols, opts);
    for (let c = 0; c < pVals.length; c++)
      if (pUsed.used[c] && !set.has(pVals[c])) return general(cols, opts);
    universe = configOrder.slice();
  } else {
    const distinct = new Set<Scalar>();
    lVals.forEach((v, c) => lUsed.used[c] && distinct.add(v));
    pVals.forEach((v, c) => pUsed.used[c] && distinct.add(v));
    universe = [...distinct];
  }
  universe.sort(compareScalars);
  const index = new Map<Scalar, number>();
  universe.forEach((v, i) => index.set(v, i));
  ds.classes = universe.map(String);
  const k = universe.length;
  const lMap = Int32Array.from(lVals, (v) => index.get(v) ?? -1);
  const pMap = Int32Array.from(pVals, (v) => index.get(v) ?? -1);
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    yTrue[i] = lMap[lCodes[i]];
    yPred[i] = pMap[pCodes[i]];
  }
  ds.yTrue = yTrue;
  ds.yPred = yPred;

  if (task === 'binary') {
    if (k > 2) return general(cols, opts);
    let pos: number;
    if (opts.positiveLabel !== undefined && opts.positiveLabel !== null) {
      const v = toClassValue(opts.positiveLabel, kind);
      pos = v === undefined ? -1 : universe.findIndex((u) => u === v);
    } else {
      const cands = universe.map((v, i) => (isDefaultPositive(v) ? i : -1)).filter((i) => i >= 0);
      pos = cands.length === 1 ? cands[0] : -1;
    }
    if (pos < 0) return general(cols, opts);
    ds.posIndex = pos;
    if (hasProba) {
      if (proba.mode !== 'number') return general(cols, opts);
      const score = proba.block.data.subarray(0, n);
      for (let i = 0; i < n; i++) if (!(score[i] >= 0 && score[i] <= 1)) return general(cols, opts);
      ds.score = score;
    }
    return ds;
  }

  if (hasProba) {
    // Block column → class index.
    let colClass: Int32Array;
    if (proba.mode === 'map') {
      colClass = Int32Array.from(proba.keys, (key) => {
        const v = toClassValue(key, kind!);
        return v === undefined ? -1 : (index.get(v) ?? -1);
      });
      // Two keys naming one class ("1" and "1.0") or an unknown key: the general path reports it.
      if (new Set(colClass).size !== colClass.length || colClass.some((c) => c < 0))
        return general(cols, opts);
    } else if (proba.mode === 'array') {
      if (!configOrder || proba.width !== configOrder.length) return general(cols, opts);
      colClass = Int32Array.from(configOrder, (v) => index.get(v)!);
    } else return general(cols, opts);
    const w = proba.width;
    const block = proba.block.data;
    const identity = w === k && colClass.every((c, j) => c === j);
    const out = identity ? block.subarray(0, n * k) : f64(n * k, true);
    for (let i = 0; i < n; i++) {
      const row = i * w;
      let sum = 0;
      for (let j = 0; j < w; j++) {
        let x = block[row + j];
        if (x !== x) {
          if (proba.mode === 'array') return general(cols, opts);
          x = 0; // key absent on this row: probability 0, as buildDataset leaves it
        } else if (!(x >= 0 && x <= 1)) return general(cols, opts);
        if (!identity) out[i * k + colClass[j]] = x;
        else out[row + j] = x;
        sum += x;
      }
      if (!(Math.abs(sum - 1) <= PROBABILITY_SUM_TOLERANCE)) return general(cols, opts);
    }
    // A view of the reader's block when it is sized close to the rows (columns.ts sizes it from the file
    // size); a trimmed copy only when much of it is spare, which would otherwise stay allocated.
    ds.proba = identity && out.length * 1.25 < block.length ? copyF64(out) : out;
  }
  return ds;
}

/** A trimmed copy, in shared memory when large (for the helper thread, stats/ovr-parallel.ts). */
function copyF64(a: Float64Array): Float64Array {
  const c = f64(a.length, true);
  c.set(a);
  return c;
}
