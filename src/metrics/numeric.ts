/**
 * Numeric helpers shared by the metric files, and the `<field>_mean/_p50/_p95` summaries of other numeric
 * fields. Sums are compensated (Neumaier) so that means over millions of examples stay within the 1e-9
 * parity budget against numpy's pairwise summation.
 */
import type { MeanSpread, MeanStats, MetricPoint } from './types.js';

/**
 * Mean and CLT standard error SE = s/√n with the sample variance s² = Σ(x − x̄)²/(n − 1), the form of
 * Miller (2024), eq. 1. NaN values are skipped (a numeric field missing for some examples). Two passes
 * (mean, then squared deviations) for accuracy.
 */
export function meanStats(x: ArrayLike<number>): MeanStats {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === v) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { n: 0, mean: NaN, sd: NaN, se: NaN };
  const mean = sum / n;
  let ss = 0;
  let comp = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === v) {
      const d = v - mean;
      ss += d * d;
      comp += d;
    }
  }
  if (n < 2) return { n, mean, sd: NaN, se: NaN };
  // Corrected two-pass formula (Chan, Golub & LeVeque): removes the rounding error left in `mean`.
  const variance = Math.max(0, (ss - (comp * comp) / n) / (n - 1));
  const sd = Math.sqrt(variance);
  return { n, mean, sd, se: sd / Math.sqrt(n) };
}

/** `MeanSpread` of per-example values. */
export function meanSpread(x: ArrayLike<number>): MeanSpread {
  let zeroOne = true;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === v && v !== 0 && v !== 1) {
      zeroOne = false;
      break;
    }
  }
  return { stats: meanStats(x), zeroOne };
}

/** Compensated sum of `a[0..n)`; NaN entries are skipped when `skipNaN`. Returns [sum, count]. */
export function compensatedSum(a: ArrayLike<number>, skipNaN = false): [number, number] {
  let s = 0;
  let c = 0;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (skipNaN && x !== x) continue;
    count++;
    const t = s + x;
    // Neumaier: whichever operand is larger in magnitude keeps its low-order bits in c.
    if (Math.abs(s) >= Math.abs(x)) c += s - t + x;
    else c += x - t + s;
    s = t;
  }
  return [s + c, count];
}

/** Mean of `a` (compensated); NaN when empty. */
export function mean(a: ArrayLike<number>): number {
  const [s, n] = compensatedSum(a);
  return n === 0 ? NaN : s / n;
}

/**
 * Percentile `q` (0–100) of sorted, NaN-free `sorted`, exactly as numpy's default `linear` method
 * (`np.percentile`): virtual index (n−1)·q/100, and numpy's two-sided lerp (from the upper neighbour when
 * the fraction is ≥ 0.5) so that results agree to the last bit.
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const quantile = q / 100;
  const virtual = (n - 1) * quantile;
  if (virtual >= n - 1) return sorted[n - 1];
  if (virtual < 0) return sorted[0];
  const lo = Math.floor(virtual);
  const a = sorted[lo];
  const b = sorted[lo + 1];
  const t = virtual - lo;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

const NO_VALUES = 'no example has a value for this field';

/** `<field>_mean`, `<field>_p50`, `<field>_p95` over the examples that have the field (NaN = missing). */
export function numericSummaries(
  numeric: Record<string, Float64Array>,
  out: Record<string, MetricPoint>,
): void {
  for (const field of Object.keys(numeric).sort()) {
    const col = numeric[field];
    let count = 0;
    for (let i = 0; i < col.length; i++) if (col[i] === col[i]) count++;
    if (count === 0) {
      for (const suffix of ['_mean', '_p50', '_p95'])
        out[field + suffix] = { value: null, undefined: NO_VALUES, n: 0 };
      continue;
    }
    const vals = new Float64Array(count);
    let j = 0;
    for (let i = 0; i < col.length; i++) if (col[i] === col[i]) vals[j++] = col[i];
    const [s] = compensatedSum(vals);
    out[`${field}_mean`] = { value: s / count, n: count };
    vals.sort();
    out[`${field}_p50`] = { value: percentile(vals, 50), n: count };
    out[`${field}_p95`] = { value: percentile(vals, 95), n: count };
  }
}

/**
 * One note per numeric field with missing values (NaN: an empty, `NaN` or `NA` cell, or a record
 * without the field), e.g. "latency_ms: 1 of 5 values missing": the summaries use the others, and the
 * report says how many were left out (docs/metrics.md, "Numeric fields").
 */
export function missingValueNotes(numeric: Record<string, Float64Array>): string[] {
  const notes: string[] = [];
  for (const field of Object.keys(numeric).sort()) {
    const col = numeric[field];
    let missing = 0;
    for (let i = 0; i < col.length; i++) if (col[i] !== col[i]) missing++;
    if (missing > 0) notes.push(`${field}: ${missing} of ${col.length} values missing`);
  }
  return notes;
}

/** A defined metric value. */
export function point(value: number, n: number): MetricPoint {
  return { value, n };
}

/** An undefined metric value with its reason. */
export function undef(reason: string, n: number): MetricPoint {
  return { value: null, undefined: reason, n };
}

/** a / b with sklearn's `zero_division=0`. */
export function divide(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/** Harmonic mean of precision and recall; 0 when both are 0 (`zero_division=0`). */
export function fScore(p: number, r: number): number {
  const denom = p + r;
  return denom === 0 ? 0 : (2 * p * r) / denom;
}
