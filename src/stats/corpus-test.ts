/**
 * Paired randomization test of a corpus-level metric (F1, MCC, macro/micro F1 over per-document
 * `[gold, pred]` items): documents are paired by id, and under "no change" each document's two items
 * are exchangeable between the runs. Only documents whose items differ matter; each is one cell of
 * the randomization distribution (`randomization.ts`), exact up to 17 such documents, sampled beyond.
 */
import { corpusCounts, corpusMetricFromCounts, encodeCorpus, type EncodedCorpus } from '../metrics/corpus.js';
import type { CorpusColumn, Direction, TestResult } from '../types.js';
import { marginResult } from './compare.js';
import { randomizationMarginTest } from './margin.js';
import { matchIds } from './pairing.js';
import { randomizationDistribution } from './randomization.js';
import { deriveSeed, Rng } from './rng.js';

/** Options of `compareCorpus`. */
export interface CorpusTestOptions {
  /** Tolerated worsening t (default 0). */
  tolerance?: number;
  /** Level of the one-sided bound (default 0.05). */
  alpha?: number;
  /** Relabellings when sampling (default 2000). */
  resamples?: number;
  seed?: number;
}

/** The metric of each run on the shared ids and the paired test; null when fewer than two ids are shared. */
export function compareCorpus(
  base: CorpusColumn,
  cur: CorpusColumn,
  direction: Direction,
  opts: CorpusTestOptions = {},
): TestResult | null {
  const { bi, ci } = matchIds(base.ids, cur.ids);
  if (bi.length < 2) return null;
  const t = Math.max(0, opts.tolerance ?? 0);
  const alpha = opts.alpha ?? 0.05;
  const [eb, ec] = encodeCorpus(cur.aggregation, [
    [bi.map((i) => base.gold[i]), bi.map((i) => base.pred[i])],
    [ci.map((j) => cur.gold[j]), ci.map((j) => cur.pred[j])],
  ]);
  const cb0 = corpusCounts(eb);
  const cc0 = corpusCounts(ec);
  // Documents whose items differ: swapping them moves (item_c − item_b) from current to baseline.
  const diff: number[] = [];
  for (let j = 0; j < bi.length; j++) if (!sameItem(eb, ec, j)) diff.push(j);
  const sign = direction === 'higher' ? -1 : 1;
  const cb = new Float64Array(eb.size);
  const cc = new Float64Array(ec.size);
  const evaluate = (swaps: Int32Array, out: Float64Array) => {
    cb.set(cb0);
    cc.set(cc0);
    for (let d = 0; d < diff.length; d++) {
      if (swaps[d] === 0) continue;
      const j = diff[d];
      for (const x of eb.items[j]) {
        cb[x]--;
        cc[x]++;
      }
      for (const x of ec.items[j]) {
        cc[x]--;
        cb[x]++;
      }
    }
    const vb = corpusMetricFromCounts(eb, cb);
    const vc = corpusMetricFromCounts(ec, cc);
    out[0] = vb === null || vc === null ? NaN : sign * (vc - vb);
  };
  const dist = randomizationDistribution(
    new Float64Array(diff.length).fill(1),
    1,
    evaluate,
    Math.max(1, Math.floor(opts.resamples ?? 2000)),
    new Rng(deriveSeed(opts.seed ?? 0, 'paired-corpus')),
  );
  const obs = dist.observed[0];
  const mt = randomizationMarginTest(obs, dist.values, dist.weights, t, alpha);
  const lo = randomizationMarginTest(obs, dist.values, dist.weights, 0, 0.025).bound;
  const neg = Float64Array.from(dist.values, (x) => -x);
  const hiB = randomizationMarginTest(-obs, neg, dist.weights, 0, 0.025).bound;
  const interval: [number, number] | null =
    lo !== null && hiB !== null && Number.isFinite(lo) && Number.isFinite(hiB)
      ? direction === 'higher'
        ? [hiB, -lo]
        : [lo, -hiB]
      : null;
  const r = marginResult('paired-randomization', true, mt, direction, t, alpha, interval);
  r.exact = dist.exact;
  if (!dist.exact) r.resamples = dist.count;
  return r;
}

function sameItem(a: EncodedCorpus, b: EncodedCorpus, j: number): boolean {
  const x = a.items[j];
  const y = b.items[j];
  if (x.length !== y.length) return false;
  const s = [...x].sort((p, q) => p - q);
  const u = [...y].sort((p, q) => p - q);
  return s.every((v, i) => v === u[i]);
}
