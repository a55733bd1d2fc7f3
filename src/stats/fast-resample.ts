/**
 * Specialised bootstrap evaluation for the common `other` metrics that would otherwise need a full
 * `subsetDataset` + `computeMetrics` (and a sort) per resample: binary `average_precision` and `ece`,
 * and numeric-field percentiles `<field>_p50` / `<field>_p95`.
 *
 * Each of these metrics depends on a resample only through how many times each *cell* was drawn — a
 * cell being a (distinct score, label) pair for AP/ECE, a rank of the sorted field values for
 * percentiles. The cells are sorted once; a resample then costs O(n) to count the drawn rows into cells
 * and O(cells) to evaluate, instead of O(n log n). The resampled rows are the same as in the generic path
 * (same random stream), so the replicates agree with `computeMetrics` on the gathered rows up to
 * floating-point summation order.
 *
 * Each evaluator is checked once against `computeMetrics` on the full data before it is used; a metric
 * whose definition does not match (relative difference > 1e-9) silently uses the generic path, so a
 * change of the metric engine cannot make these shortcuts wrong.
 */
import type { Dataset } from '../metrics/index.js';

/**
 * Metrics computable from per-cell draw counts, sharing one cell layout: `cellOf[row]` is the row's
 * cell, −1 when the row never counts. `evaluate` writes one value per name into `out`.
 */
export interface CellGroup {
  names: string[];
  cellOf: Int32Array;
  cells: number;
  evaluate(counts: Float64Array, total: number, out: Float64Array): void;
  /** Scratch counts, one per cell. */
  counts: Float64Array;
  /** Scratch output, one per name. */
  values: Float64Array;
}

/** Must match the metric engine's ECE (checked at run time, see the module comment). */
const ECE_BINS = 15;

const PERCENTILE = /^(.*)_(p50|p95)$/;

/**
 * Values at 0-based positions `pos` and `pos + 1` of the expanded sorted values, in one scan from the
 * nearer end (p95 looks at the top 5% of cells only). Writes them into `pair`.
 */
function orderStatistics(
  values: Float64Array,
  counts: Float64Array,
  total: number,
  pos: number,
  pair: Float64Array,
): void {
  pair[0] = NaN;
  pair[1] = NaN;
  if (pos < total / 2) {
    let seen = 0;
    for (let i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (pair[0] !== pair[0] && seen > pos) pair[0] = values[i];
      if (seen > pos + 1) {
        pair[1] = values[i];
        return;
      }
    }
  } else {
    let above = 0; // drawn values in cells after i
    for (let i = counts.length - 1; i >= 0; i--) {
      above += counts[i];
      const first = total - above; // position of the first copy of values[i]
      if (pair[1] !== pair[1] && first <= pos + 1) pair[1] = values[i];
      if (first <= pos) {
        pair[0] = values[i];
        return;
      }
    }
  }
}

const PAIR = new Float64Array(2);

/** numpy's `linear` percentile (as the metric engine computes it) of the expanded sorted values. */
function percentileFromCounts(values: Float64Array, counts: Float64Array, total: number, q: number): number {
  if (total === 0) return NaN;
  const virtual = (total - 1) * (q / 100);
  if (virtual >= total - 1) {
    orderStatistics(values, counts, total, total - 1, PAIR);
    return PAIR[0];
  }
  const lo = Math.floor(virtual);
  orderStatistics(values, counts, total, lo, PAIR);
  const a = PAIR[0];
  const b = PAIR[1];
  const t = virtual - lo;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Cells (distinct score, label) of a binary dataset with scores, sorted by ascending score. */
function scoreCells(ds: Dataset): { cellOf: Int32Array; groupScore: Float64Array } {
  const n = ds.n;
  const score = ds.score!;
  const sorted = Float64Array.from(score).sort();
  const distinct: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  const groupScore = Float64Array.from(distinct);
  const cellOf = new Int32Array(n);
  const yTrue = ds.yTrue!;
  for (let i = 0; i < n; i++) {
    // binary search for the group of score[i]
    let lo = 0;
    let hi = groupScore.length - 1;
    const s = score[i];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (groupScore[mid] < s) lo = mid + 1;
      else hi = mid;
    }
    cellOf[i] = 2 * lo + (yTrue[i] === ds.posIndex ? 1 : 0);
  }
  return { cellOf, groupScore };
}

/**
 * Average precision and ECE of the resample in one pass over the (score group, label) cells, from the
 * highest score down. AP = Σ_groups tp_g·precision_g / P, the same sum as sklearn's Σ ΔR·P regrouped
 * (equal up to rounding); ECE = Σ_bins |mean(y) − mean(p)|·n_bin/n with 15 equal-width bins. Empty cells
 * add exactly 0 to every sum, so the loop needs no branch on them.
 */
function scoreEvaluator(groupScore: Float64Array): (counts: Float64Array) => [number, number] {
  const G = groupScore.length;
  const binOf = new Int32Array(G);
  for (let g = 0; g < G; g++) binOf[g] = Math.min(ECE_BINS - 1, Math.floor(groupScore[g] * ECE_BINS));
  const count = new Float64Array(ECE_BINS);
  const sumY = new Float64Array(ECE_BINS);
  const sumP = new Float64Array(ECE_BINS);
  return (counts) => {
    count.fill(0);
    sumY.fill(0);
    sumP.fill(0);
    let g = G - 1;
    // Skip the empty groups above the first drawn score: precision is undefined (0/0) there.
    while (g >= 0 && counts[2 * g] + counts[2 * g + 1] === 0) g--;
    let tp = 0;
    let fp = 0;
    let apSum = 0;
    for (; g >= 0; g--) {
      const c0 = counts[2 * g];
      const c1 = counts[2 * g + 1];
      tp += c1;
      fp += c0;
      apSum += c1 * (tp / (tp + fp));
      const bin = binOf[g];
      const c = c0 + c1;
      count[bin] += c;
      sumY[bin] += c1;
      sumP[bin] += c * groupScore[g];
    }
    const n = tp + fp;
    let ece = 0;
    for (let b = 0; b < ECE_BINS; b++) {
      const c = count[b];
      if (c === 0) continue;
      ece += (Math.abs(sumY[b] / c - sumP[b] / c) * c) / n;
    }
    return [tp === 0 ? 0 : apSum / tp, ece];
  };
}

function close(a: number, b: number | null | undefined): boolean {
  if (b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * Cell groups for the metrics of `names` that have a specialised evaluator and whose evaluator
 * reproduces `reference` (the metric values on the rows `rows` of `ds`, or on all rows). Returns the
 * groups and the names they handle; other names need the generic path.
 */
export function buildCellGroups(
  ds: Dataset,
  names: readonly string[],
  reference: Record<string, { value: number | null }>,
  rows?: ArrayLike<number>,
): { groups: CellGroup[]; handled: Set<string> } {
  const groups: CellGroup[] = [];
  const handled = new Set<string>();
  const onesFor = (cellOf: Int32Array, cells: number): Float64Array => {
    const c = new Float64Array(cells);
    if (rows) {
      for (let j = 0; j < rows.length; j++) {
        const cell = cellOf[rows[j]];
        if (cell >= 0) c[cell]++;
      }
    } else {
      for (let i = 0; i < cellOf.length; i++) if (cellOf[i] >= 0) c[cellOf[i]]++;
    }
    return c;
  };

  const wantsScore = names.filter((n) => n === 'average_precision' || n === 'ece');
  if (
    wantsScore.length > 0 &&
    ds.task === 'binary' &&
    ds.score &&
    ds.yTrue &&
    ds.posIndex !== undefined &&
    ds.n > 0
  ) {
    const { cellOf, groupScore } = scoreCells(ds);
    const G = groupScore.length;
    const evalScores = scoreEvaluator(groupScore);
    const [ap, ece] = evalScores(onesFor(cellOf, 2 * G));
    const ok = wantsScore.filter((name) =>
      close(name === 'average_precision' ? ap : ece, reference[name]?.value),
    );
    if (ok.length > 0) {
      const apAt = ok.indexOf('average_precision');
      const eceAt = ok.indexOf('ece');
      for (const name of ok) handled.add(name);
      groups.push({
        names: ok,
        cellOf,
        cells: 2 * G,
        counts: new Float64Array(2 * G),
        values: new Float64Array(ok.length),
        evaluate: (counts, _total, out) => {
          const r = evalScores(counts);
          if (apAt >= 0) out[apAt] = r[0];
          if (eceAt >= 0) out[eceAt] = r[1];
        },
      });
    }
  }

  const byField = new Map<string, string[]>();
  for (const name of names) {
    const m = PERCENTILE.exec(name);
    if (m && ds.numeric[m[1]] !== undefined) {
      if (!byField.has(m[1])) byField.set(m[1], []);
      byField.get(m[1])!.push(name);
    }
  }
  for (const [field, fieldNames] of byField) {
    const col = ds.numeric[field];
    const order: number[] = [];
    for (let i = 0; i < col.length; i++) if (col[i] === col[i]) order.push(i);
    order.sort((x, y) => col[x] - col[y] || x - y);
    const values = Float64Array.from(order, (i) => col[i]);
    const cellOf = new Int32Array(col.length).fill(-1);
    order.forEach((row, rank) => (cellOf[row] = rank));
    const all = onesFor(cellOf, values.length);
    const allTotal = all.reduce((a, b) => a + b, 0);
    const qs: number[] = [];
    const ok: string[] = [];
    for (const name of fieldNames) {
      const q = name.endsWith('_p50') ? 50 : 95;
      if (close(percentileFromCounts(values, all, allTotal, q), reference[name]?.value)) {
        ok.push(name);
        qs.push(q);
        handled.add(name);
      }
    }
    if (ok.length > 0) {
      groups.push({
        names: ok,
        cellOf,
        cells: values.length,
        counts: new Float64Array(values.length),
        values: new Float64Array(ok.length),
        evaluate: (counts, total, out) => {
          for (let i = 0; i < qs.length; i++) out[i] = percentileFromCounts(values, counts, total, qs[i]);
        },
      });
    }
  }
  return { groups, handled };
}

/** Counts the drawn rows into each group's cells and evaluates its metrics into `out[name][b]`. */
export function evaluateGroups(
  groups: CellGroup[],
  drawnRows: Int32Array,
  out: Record<string, Float64Array>,
  b: number,
): void {
  for (const g of groups) {
    const total = countCells(g.cellOf, drawnRows, g.counts);
    g.evaluate(g.counts, total, g.values);
    for (let i = 0; i < g.names.length; i++) out[g.names[i]][b] = g.values[i];
  }
}

function countCells(cellOf: Int32Array, drawnRows: Int32Array, counts: Float64Array): number {
  counts.fill(0);
  let total = 0;
  for (let i = 0; i < drawnRows.length; i++) {
    const c = cellOf[drawnRows[i]];
    if (c >= 0) {
      counts[c]++;
      total++;
    }
  }
  return total;
}
