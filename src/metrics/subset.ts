/** Row subsets of a Dataset (slices, bootstrap resamples). */
import type { Dataset } from './types.js';

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
