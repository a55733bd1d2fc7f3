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

/** A metric computable from per-cell draw counts. */
export interface CellStat {
  name: string;
  evaluate(counts: Float64Array): number;
}

/** Cells shared by several statistics: `cellOf[row]` is the row's cell, −1 when the row never counts. */
export interface CellGroup {
  cellOf: Int32Array;
  cells: number;
  stats: CellStat[];
  /** Scratch counts, one per cell. */
  counts: Float64Array;
}

/** Must match the metric engine's ECE (checked at run time, see the module comment). */
const ECE_BINS = 15;

const PERCENTILE = /^(.*)_(p50|p95)$/;

/** numpy's `linear` percentile of the expanded sorted values, by a scan over ranked cell counts. */
function percentileFromCounts(values: Float64Array, counts: Float64Array, q: number): number {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total === 0) return NaN;
  const virtual = (total - 1) * (q / 100);
  const lo = virtual >= total - 1 ? total - 1 : Math.floor(virtual);
  // values at expanded positions lo and lo + 1
  let seen = 0;
  let a = NaN;
  let b = NaN;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c === 0) continue;
    if (a !== a && seen + c > lo) a = values[i];
    if (seen + c > lo + 1) {
      b = values[i];
      break;
    }
    seen += c;
  }
  if (virtual >= total - 1) return a;
  if (b !== b) b = a;
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

function averagePrecision(counts: Float64Array, groups: number): number {
  let P = 0;
  for (let g = 0; g < groups; g++) P += counts[2 * g + 1];
  if (P === 0) return 0;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let g = groups - 1; g >= 0; g--) {
    const tpG = counts[2 * g + 1];
    const fpG = counts[2 * g];
    if (tpG + fpG === 0) continue;
    tp += tpG;
    fp += fpG;
    const recall = tp / P;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
  }
  return ap;
}

/** ECE evaluator over (score group, label) cells; bins and scratch sums are prepared once. */
function eceEvaluator(groupScore: Float64Array): (counts: Float64Array) => number {
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
    let n = 0;
    for (let g = 0; g < G; g++) {
      const c1 = counts[2 * g + 1];
      const c = counts[2 * g] + c1;
      if (c === 0) continue;
      const bin = binOf[g];
      count[bin] += c;
      sumY[bin] += c1;
      sumP[bin] += c * groupScore[g];
      n += c;
    }
    let e = 0;
    for (let b = 0; b < ECE_BINS; b++) {
      const c = count[b];
      if (c === 0) continue;
      e += (Math.abs(sumY[b] / c - sumP[b] / c) * c) / n;
    }
    return e;
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
    const stats: CellStat[] = [];
    const all = onesFor(cellOf, 2 * G);
    for (const name of wantsScore) {
      const stat: CellStat =
        name === 'average_precision'
          ? { name, evaluate: (c) => averagePrecision(c, G) }
          : { name, evaluate: eceEvaluator(groupScore) };
      if (close(stat.evaluate(all), reference[name]?.value)) {
        stats.push(stat);
        handled.add(name);
      }
    }
    if (stats.length > 0) groups.push({ cellOf, cells: 2 * G, stats, counts: new Float64Array(2 * G) });
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
    const stats: CellStat[] = [];
    for (const name of fieldNames) {
      const q = name.endsWith('_p50') ? 50 : 95;
      const stat: CellStat = { name, evaluate: (c) => percentileFromCounts(values, c, q) };
      if (close(stat.evaluate(all), reference[name]?.value)) {
        stats.push(stat);
        handled.add(name);
      }
    }
    if (stats.length > 0) groups.push({ cellOf, cells: values.length, stats, counts: new Float64Array(values.length) });
  }
  return { groups, handled };
}

/** Counts the drawn rows into each group's cells and evaluates its statistics into `out[name][b]`. */
export function evaluateGroups(
  groups: CellGroup[],
  drawnRows: Int32Array,
  out: Record<string, Float64Array>,
  b: number,
): void {
  for (const g of groups) {
    const counts = g.counts;
    counts.fill(0);
    const cellOf = g.cellOf;
    for (let i = 0; i < drawnRows.length; i++) {
      const c = cellOf[drawnRows[i]];
      if (c >= 0) counts[c]++;
    }
    for (const s of g.stats) out[s.name][b] = s.evaluate(counts);
  }
}
