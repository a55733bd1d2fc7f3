/**
 * Paired randomization test of confusion-matrix metrics (F1, precision, recall, MCC, kappa, balanced
 * accuracy, macro/micro/weighted averages): the paired examples are grouped by (baseline cell, current
 * cell) of the two confusion matrices, both in one shared class indexing; swapping the runs' outputs on
 * s of the n examples of a discordant group moves s counts between the two matrices. See
 * `randomization.ts` for the exact/sampled distribution and `margin.ts` for the test with a tolerance.
 */
import { confusionIndex, confusionScratch, confusionValues, type Dataset } from '../metrics/index.js';
import type { Direction } from '../types.js';
import {
  randomizationDistribution,
  statisticColumn,
  type RandomizationDistribution,
} from './randomization.js';
import type { Rng } from './rng.js';

/** Examples of two runs matched by position: row `baseIdx[j]` of the baseline is row `curIdx[j]` of current. */
export interface PairIndex {
  baseIdx: Int32Array;
  curIdx: Int32Array;
}

/** Worsening distributions of confusion metrics under relabelling; undefined when the runs cannot be mixed. */
export interface ConfusionRandomization {
  dist: RandomizationDistribution;
  names: readonly string[];
  /** Observed worsening of metric `names[j]` (NaN when undefined in a run). */
  observed(j: number): number;
  /** Worsenings of metric `names[j]` over the relabellings. */
  column(j: number): Float64Array;
}

/**
 * Builds the randomization distribution of the worsening (positive = worse, per `directions`) of
 * `names` between two binary/multiclass runs. Undefined when a binary pair of runs does not have two
 * shared classes (the caller falls back to the paired bootstrap).
 */
export function confusionRandomization(
  base: Dataset,
  cur: Dataset,
  pairing: PairIndex,
  names: readonly string[],
  directions: (name: string) => Direction,
  B: number,
  rng: Rng,
): ConfusionRandomization | undefined {
  const union = [...new Set([...base.classes, ...cur.classes])];
  const k = union.length;
  const task = cur.task as 'binary' | 'multiclass';
  let pos: number | undefined;
  if (task === 'binary') {
    if (k !== 2 || base.posIndex === undefined || cur.posIndex === undefined) return undefined;
    pos = union.indexOf(cur.classes[cur.posIndex]);
    if (pos !== union.indexOf(base.classes[base.posIndex])) return undefined;
  }
  const mapB = Int32Array.from(base.classes, (c) => union.indexOf(c));
  const mapC = Int32Array.from(cur.classes, (c) => union.indexOf(c));
  const kk = k * k;
  const fixed = new Float64Array(kk);
  const groups = new Map<number, number>();
  const yb = base.yTrue!;
  const pb = base.yPred!;
  const yc = cur.yTrue!;
  const pc = cur.yPred!;
  for (let j = 0; j < pairing.baseIdx.length; j++) {
    const i = pairing.baseIdx[j];
    const l = pairing.curIdx[j];
    const a = mapB[yb[i]] * k + mapB[pb[i]];
    const b = mapC[yc[l]] * k + mapC[pc[l]];
    if (a === b) fixed[a]++;
    else groups.set(a * kk + b, (groups.get(a * kk + b) ?? 0) + 1);
  }
  const keys = [...groups.keys()].sort((x, y) => x - y);
  const from = Int32Array.from(keys, (key) => Math.floor(key / kk));
  const to = Int32Array.from(keys, (key) => key % kk);
  const counts = Float64Array.from(keys, (key) => groups.get(key)!);
  const tb = new Float64Array(kk);
  const tc = new Float64Array(kk);
  const signs = names.map((n) => (directions(n) === 'higher' ? -1 : 1));
  // Allocation-free evaluation of both tables (confusionValues): B resamples, each with two.
  const sb = confusionScratch(k);
  const sc = confusionScratch(k);
  const at = names.map((n) => confusionIndex(task, n));
  const evaluate = (swaps: Int32Array, out: Float64Array) => {
    tb.set(fixed);
    tc.set(fixed);
    for (let c = 0; c < keys.length; c++) {
      const s = swaps[c];
      const kept = counts[c] - s;
      tb[from[c]] += kept;
      tc[to[c]] += kept;
      tb[to[c]] += s;
      tc[from[c]] += s;
    }
    confusionValues(tb, k, task, pos, sb);
    confusionValues(tc, k, task, pos, sc);
    // An undefined metric (NaN) on either side makes the difference NaN.
    for (let j = 0; j < names.length; j++)
      out[j] = at[j] < 0 ? NaN : signs[j] * (sc.values[at[j]] - sb.values[at[j]]);
  };
  const dist = randomizationDistribution(counts, names.length, evaluate, B, rng);
  return {
    dist,
    names,
    observed: (j) => dist.observed[j],
    column: (j) => statisticColumn(dist, j, names.length),
  };
}
