/**
 * Bootstrap building blocks: resampling of count tables (the multinomial view of a bootstrap resample
 * of categorical data), index resampling, and the summaries of replicates (standard error, percentile
 * interval, one-sided p-value).
 */
import type { Direction } from '../types.js';
import { percentileInterval } from './intervals.js';
import type { Rng } from './rng.js';

/**
 * Resamples a table of counts: one bootstrap resample of n examples that fall into cells is, in
 * distribution, a Multinomial(n, counts/n) draw over the cells. Drawing that directly costs O(cells)
 * instead of O(n) per resample — the reason confusion-matrix metrics bootstrap fast on millions of
 * examples. Empty cells are skipped once, up front.
 */
export class CountResampler {
  /** Indices of the non-empty cells. */
  readonly cells: Int32Array;
  /** Counts of the non-empty cells. */
  readonly weights: Float64Array;
  /** Total count n. */
  readonly total: number;
  private readonly draw: Float64Array;

  constructor(counts: ArrayLike<number>) {
    const cells: number[] = [];
    let total = 0;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i];
      if (c < 0 || !Number.isFinite(c)) throw new RangeError(`count ${i} is ${c}`);
      if (c > 0) {
        cells.push(i);
        total += c;
      }
    }
    this.cells = Int32Array.from(cells);
    this.weights = Float64Array.from(cells, (i) => counts[i]);
    this.total = total;
    this.draw = new Float64Array(cells.length);
  }

  /**
   * Draws one resample of the non-empty cells (counts in `cells` order; reused buffer, copy it to keep
   * it).
   */
  sample(rng: Rng): Float64Array {
    return rng.multinomial(this.total, this.weights, this.draw);
  }

  /** Draws one resample and writes it into the full table `out` (zeros elsewhere). */
  sampleInto(rng: Rng, out: Float64Array): Float64Array {
    const d = this.sample(rng);
    out.fill(0);
    for (let j = 0; j < d.length; j++) out[this.cells[j]] = d[j];
    return out;
  }
}

/** n indices drawn uniformly with replacement from [0, n). */
export function resampleIndices(rng: Rng, n: number, out: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) out[i] = rng.int(n);
  return out;
}

/** Summary of bootstrap replicates of one statistic. */
export interface ReplicateSummary {
  /** Replicates that were defined (undefined resamples are skipped). */
  valid: number;
  /** Standard deviation of the replicates (n − 1 denominator): the bootstrap standard error. */
  se: number | null;
  /** Percentile interval (2.5%, 97.5%). */
  ci: [number, number] | null;
}

/** Bootstrap standard error and percentile interval; NaN replicates are skipped. */
export function summarizeReplicates(values: ArrayLike<number>, level: number = 0.95): ReplicateSummary {
  let valid = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) {
      valid++;
      sum += v;
    }
  }
  if (valid < 2) return { valid, se: null, ci: null };
  const mean = sum / valid;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) ss += (v - mean) * (v - mean);
  }
  return { valid, se: Math.sqrt(ss / (valid - 1)), ci: percentileInterval(values, level) };
}

/**
 * One-sided bootstrap p-value for "current is worse than baseline", from replicates δ* of
 * current − baseline:
 *
 *   p = (1 + #{δ* not in the bad direction}) / (B + 1),
 *
 * i.e. the share of resamples in which the current run is not worse (ties count as not worse), with the
 * usual +1 correction so that p is never 0 (Davison & Hinkley 1997). This is the test that inverts
 * the one-sided percentile interval: p < α exactly when the α-quantile of the worsening is above 0, so
 * the p-value and the reported percentile CI always agree. Under H0 (no change) δ* is centred on the
 * observed δ, which is itself centred on 0, and the p-value is uniform to first order (the same
 * approximation as the "shift" method of Berg-Kirkpatrick et al. 2012). NaN replicates are skipped;
 * null when none is defined.
 */
export function bootstrapPValue(deltas: ArrayLike<number>, direction: Direction): number | null {
  let valid = 0;
  let notWorse = 0;
  for (let i = 0; i < deltas.length; i++) {
    const d = deltas[i];
    if (d !== d) continue;
    valid++;
    if (direction === 'higher' ? d >= 0 : d <= 0) notWorse++;
  }
  if (valid === 0) return null;
  return (1 + notWorse) / (valid + 1);
}
