/**
 * Corpus-level metrics of per-document `[gold, pred]` items, as evaluation harnesses aggregate them
 * (lm-evaluation-harness keeps these items in `samples_*.jsonl` for metrics such as `f1`, `mcc`,
 * `macro_f1`, `micro_f1`, whose results file has no standard error). Items are either scalar labels
 * (classification) or lists of labels (set-valued answers, e.g. several intents per dialogue turn).
 *
 * Every item is turned into a sparse vector of counts (a confusion cell for scalars; per-label
 * tp/fp/fn for sets), so the metric of any mixture of two runs' items — what the paired randomization
 * test needs — is a sum of count vectors and one O(classes) evaluation.
 *
 * Aggregations (checked against scikit-learn, `scripts/gen-margin-fixtures.py`):
 * - scalars: `f1` = `f1_score(gold, pred)` (binary, positive label 1, the harness's `f1` aggregation);
 *   `mcc` = `matthews_corrcoef`; `macro_f1`/`micro_f1` = `f1_score(average="macro"/"micro")` over the
 *   labels present in gold ∪ pred;
 * - sets: `micro_f1` (and `f1`) = F1 of the summed tp/fp/fn; `macro_f1` = mean per-label F1 over the
 *   labels present in gold ∪ pred; both 0 when undefined — sklearn's multilabel `f1_score` with
 *   `zero_division=0`, and the harness's set-valued `micro_f1_agg`/`macro_f1_agg`.
 */

/** Corpus aggregations evalgate can recompute from per-document items. */
export type CorpusAggregation = 'f1' | 'mcc' | 'macro_f1' | 'micro_f1';

/** Metric names (the part after `<task>/`, before `,<filter>`) that map to an aggregation. */
export const CORPUS_AGGREGATIONS: Record<string, CorpusAggregation> = {
  f1: 'f1',
  mcc: 'mcc',
  matthews_corrcoef: 'mcc',
  macro_f1: 'macro_f1',
  f1_macro: 'macro_f1',
  micro_f1: 'micro_f1',
  f1_micro: 'micro_f1',
};

/** Items of one run, encoded for fast aggregation. */
export interface EncodedCorpus {
  aggregation: CorpusAggregation;
  /** `sets`: items are label lists; `scalars`: single labels. */
  kind: 'sets' | 'scalars';
  /** Shared label vocabulary (sorted by code point). */
  labels: string[];
  /** Length of a count vector. */
  size: number;
  /** Sparse count vector of each item: indices into the count vector (one +1 each). */
  items: Int32Array[];
}

const key = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Whether the items are label lists (every gold and pred is an array) or scalars; throws on a mix. */
export function corpusKind(gold: readonly unknown[], pred: readonly unknown[]): 'sets' | 'scalars' {
  let arrays = 0;
  for (const v of gold) if (Array.isArray(v)) arrays++;
  for (const v of pred) if (Array.isArray(v)) arrays++;
  if (arrays === 0) return 'scalars';
  if (arrays === gold.length + pred.length) return 'sets';
  throw new Error('corpus items mix label lists and single labels');
}

/**
 * Encodes the items of one or more runs over one shared label vocabulary (so that their count vectors
 * add up). `runs[r]` = [gold, pred] columns of run r.
 */
export function encodeCorpus(
  aggregation: CorpusAggregation,
  runs: readonly (readonly [readonly unknown[], readonly unknown[]])[],
): EncodedCorpus[] {
  const kinds = runs.map(([g, p]) => corpusKind(g, p));
  const kind = kinds.includes('sets') ? 'sets' : 'scalars';
  if (kinds.some((k) => k !== kind)) throw new Error('corpus items mix label lists and single labels');
  const vocab = new Set<string>();
  for (const [g, p] of runs)
    for (const col of [g, p])
      for (const v of col) for (const x of kind === 'sets' ? (v as unknown[]) : [v]) vocab.add(key(x));
  const labels = [...vocab].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(labels.map((l, i) => [l, i]));
  const L = labels.length;
  return runs.map(([gold, pred]) => {
    const items: Int32Array[] = new Array(gold.length);
    for (let i = 0; i < gold.length; i++) {
      if (kind === 'scalars') {
        items[i] = Int32Array.of(index.get(key(gold[i]))! * L + index.get(key(pred[i]))!);
      } else {
        const g = new Set((gold[i] as unknown[]).map((x) => index.get(key(x))!));
        const p = new Set((pred[i] as unknown[]).map((x) => index.get(key(x))!));
        const idx: number[] = [];
        for (const l of p) idx.push(g.has(l) ? 3 * l : 3 * l + 1); // tp : fp
        for (const l of g) if (!p.has(l)) idx.push(3 * l + 2); // fn
        items[i] = Int32Array.from(idx);
      }
    }
    return { aggregation, kind, labels, size: kind === 'sets' ? 3 * L : L * L, items };
  });
}

/** Sum of the count vectors of the items. */
export function corpusCounts(enc: EncodedCorpus): Float64Array {
  const c = new Float64Array(enc.size);
  for (const it of enc.items) for (let j = 0; j < it.length; j++) c[it[j]]++;
  return c;
}

const f1Of = (tp: number, fp: number, fn: number) => (tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0);

/**
 * The aggregated metric from a count vector; null when it is not defined for these items (binary `f1`
 * of labels other than 0/1, `mcc` of label lists, no items).
 */
export function corpusMetricFromCounts(enc: EncodedCorpus, c: ArrayLike<number>): number | null {
  const L = enc.labels.length;
  if (enc.kind === 'sets') {
    if (enc.aggregation === 'mcc') return null;
    if (enc.aggregation === 'macro_f1') {
      let sum = 0;
      let present = 0;
      for (let l = 0; l < L; l++) {
        const tp = c[3 * l];
        const fp = c[3 * l + 1];
        const fn = c[3 * l + 2];
        if (tp + fp + fn === 0) continue;
        present++;
        sum += f1Of(tp, fp, fn);
      }
      return present === 0 ? 0 : sum / present;
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let l = 0; l < L; l++) {
      tp += c[3 * l];
      fp += c[3 * l + 1];
      fn += c[3 * l + 2];
    }
    return f1Of(tp, fp, fn);
  }
  const row = new Float64Array(L);
  const col = new Float64Array(L);
  let n = 0;
  let trace = 0;
  for (let i = 0; i < L; i++)
    for (let j = 0; j < L; j++) {
      const v = c[i * L + j];
      row[i] += v;
      col[j] += v;
      n += v;
      if (i === j) trace += v;
    }
  if (n === 0) return null;
  switch (enc.aggregation) {
    case 'f1': {
      // sklearn's binary f1_score: positive label 1; only 0/1 labels are binary.
      if (enc.labels.some((l) => l !== '0' && l !== '1')) return null;
      const p = enc.labels.indexOf('1');
      if (p < 0) return 0;
      const tp = c[p * L + p];
      return f1Of(tp, col[p] - tp, row[p] - tp);
    }
    case 'micro_f1':
      return trace / n;
    case 'macro_f1': {
      let sum = 0;
      let present = 0;
      for (let l = 0; l < L; l++) {
        if (row[l] + col[l] === 0) continue;
        present++;
        const tp = c[l * L + l];
        sum += f1Of(tp, col[l] - tp, row[l] - tp);
      }
      return sum / present;
    }
    case 'mcc': {
      let tp = 0;
      let pp = 0;
      let tt = 0;
      for (let l = 0; l < L; l++) {
        tp += row[l] * col[l];
        pp += col[l] * col[l];
        tt += row[l] * row[l];
      }
      const cov = trace * n - tp;
      const vp = n * n - pp;
      const vt = n * n - tt;
      return vp * vt === 0 ? 0 : cov / Math.sqrt(vt * vp);
    }
  }
}

/** The corpus metric of one run's items (null when undefined for them). */
export function corpusMetric(
  aggregation: CorpusAggregation,
  gold: readonly unknown[],
  pred: readonly unknown[],
): number | null {
  const [enc] = encodeCorpus(aggregation, [[gold, pred]]);
  return corpusMetricFromCounts(enc, corpusCounts(enc));
}
