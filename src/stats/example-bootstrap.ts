/**
 * Bootstrap over examples for metrics that are neither means nor functions of the confusion matrix
 * (average precision, ECE, percentiles, R², …): each resample gathers rows with `subsetDataset` and
 * recomputes with `computeMetrics`, O(n) or O(n log n) per resample. Only the columns the requested
 * metrics can depend on are carried into the resamples, so a bootstrap of `latency_ms_p95` does not
 * also re-sort the scores for AUC, and a bootstrap of `average_precision` does not re-sort every numeric
 * field.
 */
import { computeMetrics, subsetDataset, type Dataset, type MetricOptions } from '../metrics/index.js';
import { resampleIndices } from './bootstrap.js';
import { buildCellGroups, evaluateGroups, type CellGroup } from './fast-resample.js';
import type { Rng } from './rng.js';

const SUMMARY = /^(.*)_(mean|p50|p95)$/;

/**
 * Default cap on the rows a bootstrap over examples may gather in total (resamples × rows). A resample
 * of these metrics costs O(n) (O(n log n) on the generic path), so with millions of examples the default
 * 2,000 resamples would take minutes; above 100,000 examples the number of resamples is reduced to
 * ⌊cap / n⌋, never below 200. Confusion, DeLong, CLT and McNemar methods are not affected.
 */
export const DEFAULT_MAX_RESAMPLED_ROWS = 2e8;

/** Fewest resamples the cap may leave (p-values can then go down to 1/201). */
export const MIN_EXAMPLE_RESAMPLES = 200;

/** Resamples for a bootstrap over n examples under the row cap. */
export function exampleResamples(B: number, n: number, maxRows: number = DEFAULT_MAX_RESAMPLED_ROWS): number {
  if (n <= 0) return B;
  return Math.min(B, Math.max(MIN_EXAMPLE_RESAMPLES, Math.floor(maxRows / n)));
}

/** Numeric field a summary metric (`<field>_mean/_p50/_p95`) reads, when `name` is one. */
export function numericFieldOf(ds: Dataset, name: string): string | undefined {
  const m = SUMMARY.exec(name);
  if (m && ds.numeric[m[1]] !== undefined) return m[1];
  return undefined;
}

/** A shallow copy of `ds` without the columns none of `names` needs (cheaper to resample and recompute). */
export function stripForMetrics(ds: Dataset, names: readonly string[]): Dataset {
  const fields = new Set<string>();
  let onlyNumeric = true;
  for (const name of names) {
    const f = numericFieldOf(ds, name);
    if (f !== undefined) fields.add(f);
    else onlyNumeric = false;
  }
  const numeric: Record<string, Float64Array> = {};
  for (const f of fields) numeric[f] = ds.numeric[f];
  const out: Dataset = { ...ds, numeric, slices: {} };
  delete out.cluster;
  if (onlyNumeric) {
    // Task metrics are not wanted: drop the costly probability columns (AUC, AP, log-loss sorts).
    delete out.score;
    delete out.proba;
  }
  return out;
}

const FAST_CANDIDATE = /^(average_precision|ece|.+_p50|.+_p95)$/;

/** Reference values for the fast evaluators' self-check: the metrics on the rows `rows` (or all rows). */
function referenceValues(
  lean: Dataset,
  names: readonly string[],
  metricOpts: MetricOptions,
  rows?: Int32Array,
  given?: Record<string, { value: number | null }>,
): Record<string, { value: number | null }> {
  if (!names.some((n) => FAST_CANDIDATE.test(n))) return {};
  if (given && !rows) return given;
  return computeMetrics(rows ? subsetDataset(lean, rows) : lean, metricOpts);
}

/**
 * From this many examples on, the error bars of the cell-count metrics (AP, ECE, percentiles) use the
 * Poisson bootstrap: every example is drawn Poisson(1) times, independently, instead of n draws with
 * replacement. A cell of s examples then gets a Poisson(s) count — O(cells) per resample with no
 * random access to the rows. That wins once the rows no longer fit in cache: measured (`npm run bench`,
 * `bench:stats`) at 10⁶ binary examples 9.8 s → 4.9 s for `metrics`, but at 10⁵ the multinomial draw is
 * faster (3.3 s against 4.8 s for 2,000 resamples), hence the threshold. The two bootstraps agree to
 * O(1/n) (Hanley & MacGibbon 2006; Chamandy et al. 2012); `test/stats/poisson-bootstrap.test.ts` checks
 * their standard errors against each other.
 */
export const POISSON_FROM = 1_000_000;

/** Poisson-bootstrap replicates of every group's metrics into `out` (see `POISSON_FROM`). */
function poissonReplicates(
  groups: CellGroup[],
  rng: Rng,
  B: number,
  out: Record<string, Float64Array>,
): void {
  const sizes = groups.map((g) => {
    const s = new Float64Array(g.cells);
    for (let i = 0; i < g.cellOf.length; i++) if (g.cellOf[i] >= 0) s[g.cellOf[i]]++;
    return s;
  });
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < groups.length; j++) {
      const g = groups[j];
      const size = sizes[j];
      let total = 0;
      for (let c = 0; c < g.cells; c++) {
        const k = size[c] === 0 ? 0 : rng.poisson(size[c]);
        g.counts[c] = k;
        total += k;
      }
      g.evaluate(g.counts, total, g.values);
      for (let i = 0; i < g.names.length; i++) out[g.names[i]][b] = g.values[i];
    }
  }
}

/**
 * B bootstrap replicates of the metrics `names` on `ds`: returns name → Float64Array(B), NaN where the
 * metric is undefined on a resample. `points` (the metrics on all of `ds`, when the caller has them)
 * saves one computation for the fast evaluators' self-check. `poissonFrom`: see `POISSON_FROM` (tests
 * lower it to compare both draws on the same data).
 */
export function bootstrapExamples(
  ds: Dataset,
  names: readonly string[],
  metricOpts: MetricOptions,
  B: number,
  rng: Rng,
  points?: Record<string, { value: number | null }>,
  poissonFrom: number = POISSON_FROM,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name of names) out[name] = new Float64Array(B);
  const lean = stripForMetrics(ds, names);
  const { groups, handled } = buildCellGroups(
    ds,
    names,
    referenceValues(lean, names, metricOpts, undefined, points),
  );
  const generic = names.filter((n) => !handled.has(n));
  if (generic.length === 0 && ds.n >= poissonFrom) {
    poissonReplicates(groups, rng, B, out);
    return out;
  }
  const leanGeneric = stripForMetrics(ds, generic);
  const idx = new Int32Array(ds.n);
  for (let b = 0; b < B; b++) {
    resampleIndices(rng, ds.n, idx);
    evaluateGroups(groups, idx, out, b);
    if (generic.length === 0) continue;
    const pts = computeMetrics(subsetDataset(leanGeneric, idx), metricOpts);
    for (const name of generic) out[name][b] = pts[name]?.value ?? NaN;
  }
  return out;
}

/**
 * B paired bootstrap replicates of current − baseline for `names`: one resample draws m pair indices
 * with replacement and recomputes both runs' metrics on their rows of those pairs.
 */
export function pairedBootstrapExamples(
  base: Dataset,
  cur: Dataset,
  baseIdx: Int32Array,
  curIdx: Int32Array,
  names: readonly string[],
  metricOpts: MetricOptions,
  B: number,
  rng: Rng,
): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const name of names) out[name] = new Float64Array(B);
  const fb = buildCellGroups(
    base,
    names,
    referenceValues(stripForMetrics(base, names), names, metricOpts, baseIdx),
    baseIdx,
  );
  const fc = buildCellGroups(
    cur,
    names,
    referenceValues(stripForMetrics(cur, names), names, metricOpts, curIdx),
    curIdx,
  );
  // A metric takes the fast path only when both runs can.
  const fast = new Set([...fb.handled].filter((n) => fc.handled.has(n)));
  // A group that also evaluates a metric the other run cannot is harmless: that value is ignored.
  const keep = (g: CellGroup) => g.names.some((n) => fast.has(n));
  const gb = fb.groups.filter(keep);
  const gc = fc.groups.filter(keep);
  const generic = names.filter((n) => !fast.has(n));
  const leanBase = stripForMetrics(base, generic);
  const leanCur = stripForMetrics(cur, generic);
  const m = baseIdx.length;
  const pick = new Int32Array(m);
  const bRows = new Int32Array(m);
  const cRows = new Int32Array(m);
  const vb: Record<string, Float64Array> = {};
  const vc: Record<string, Float64Array> = {};
  for (const g of [...gb, ...gc]) {
    for (const name of g.names) {
      vb[name] = new Float64Array(1);
      vc[name] = new Float64Array(1);
    }
  }
  for (let b = 0; b < B; b++) {
    resampleIndices(rng, m, pick);
    gatherPairs(pick, baseIdx, curIdx, bRows, cRows);
    if (fast.size > 0) {
      evaluateGroups(gb, bRows, vb, 0);
      evaluateGroups(gc, cRows, vc, 0);
      for (const name of fast) out[name][b] = vc[name][0] - vb[name][0];
    }
    if (generic.length === 0) continue;
    const pb = computeMetrics(subsetDataset(leanBase, bRows), metricOpts);
    const pc = computeMetrics(subsetDataset(leanCur, cRows), metricOpts);
    for (const name of generic) {
      const x = pb[name]?.value;
      const y = pc[name]?.value;
      out[name][b] = x === null || x === undefined || y === null || y === undefined ? NaN : y - x;
    }
  }
  return out;
}

/** Rows of both runs for drawn pair indices (a small monomorphic loop V8 optimises well). */
function gatherPairs(
  pick: Int32Array,
  baseIdx: Int32Array,
  curIdx: Int32Array,
  bRows: Int32Array,
  cRows: Int32Array,
): void {
  for (let i = 0; i < pick.length; i++) {
    const j = pick[i];
    bRows[i] = baseIdx[j];
    cRows[i] = curIdx[j];
  }
}
