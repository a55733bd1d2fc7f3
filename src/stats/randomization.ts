/**
 * Paired randomization (approximate randomization / sign-flip) tests for metrics that are not means of
 * per-example values (F1, precision, recall, MCC, kappa, balanced accuracy, macro/weighted averages,
 * corpus-level metrics). Under "no change" the two runs' outputs on an example are exchangeable, so
 * swapping them per example gives the null distribution of the metric difference. Only examples whose
 * outputs differ (discordant examples) change anything when swapped; examples are grouped into cells
 * of identical (baseline output, current output), and swapping k of the n examples of a cell is a
 * Binomial(n, ½) draw — so one relabelling costs O(cells), not O(examples).
 *
 * When the number of distinct relabellings Π(nₖ + 1) is small (always with ≤ 17 discordant examples)
 * the distribution is enumerated exactly with weights Π C(nₖ, sₖ)/2^nₖ; otherwise B relabellings are
 * drawn. With 0/1 outcomes (accuracy) the exact distribution is the exact McNemar test's, so accuracy
 * and F1 computed on the same flips tell the same story.
 */
import { binomialPmf } from './distributions.js';
import type { Rng } from './rng.js';

/** Largest number of distinct relabellings enumerated exactly (2^17). */
export const EXACT_RELABELLINGS = 1 << 17;

/**
 * Smallest number of sampled relabellings or resamples for a family of m tests at level α: 20·m/α, so
 * that the smallest attainable p-value, 1/(B + 1), times m stays 20 times below α (Holm can then still
 * reject every metric).
 */
export function minResamples(m: number, alpha: number): number {
  return Math.ceil((20 * Math.max(1, m)) / alpha);
}

/** One relabelling, as the number of swapped examples per discordant cell. */
export type Evaluate = (swaps: Int32Array, out: Float64Array) => void;

/** Null distribution of k statistics (one row of `values` per relabelling, k values each). */
export interface RandomizationDistribution {
  /** Statistics of the observed (unswapped) data. */
  observed: Float64Array;
  /** values[r·k + j]: statistic j in relabelling r. */
  values: Float64Array;
  /** Probability of each relabelling when enumerated exactly; null when sampled (equally likely). */
  weights: Float64Array | null;
  /** Relabellings (rows). */
  count: number;
  exact: boolean;
  /** Discordant examples (sum of the cell counts). */
  discordant: number;
}

/**
 * Randomization distribution over discordant cells with counts `cells`: `evaluate(swaps, out)` writes the
 * k statistics of the relabelling that swaps `swaps[c]` examples of cell c. Exact when
 * Π(cells[c] + 1) ≤ `exactLimit`, else `B` draws from `rng`.
 */
export function randomizationDistribution(
  cells: ArrayLike<number>,
  k: number,
  evaluate: Evaluate,
  B: number,
  rng: Rng,
  exactLimit: number = EXACT_RELABELLINGS,
): RandomizationDistribution {
  const nc = cells.length;
  const swaps = new Int32Array(nc);
  const observed = new Float64Array(k);
  evaluate(swaps, observed);
  let combos = 1;
  let discordant = 0;
  for (let c = 0; c < nc; c++) {
    discordant += cells[c];
    combos *= cells[c] + 1;
    if (combos > exactLimit) combos = Infinity;
  }
  const out = new Float64Array(k);
  if (combos <= exactLimit) {
    const values = new Float64Array(combos * k);
    const weights = new Float64Array(combos);
    // log-free weights: the pmf of each cell's swap count, multiplied.
    const pmf = Array.from({ length: nc }, (_, c) =>
      Float64Array.from({ length: cells[c] + 1 }, (_, s) => binomialPmf(s, cells[c], 0.5)),
    );
    for (let r = 0; r < combos; r++) {
      let w = 1;
      for (let c = 0; c < nc; c++) w *= pmf[c][swaps[c]];
      weights[r] = w;
      evaluate(swaps, out);
      values.set(out, r * k);
      // Mixed-radix increment.
      for (let c = 0; c < nc; c++) {
        if (swaps[c] < cells[c]) {
          swaps[c]++;
          break;
        }
        swaps[c] = 0;
      }
    }
    return { observed, values, weights, count: combos, exact: true, discordant };
  }
  const values = new Float64Array(B * k);
  for (let r = 0; r < B; r++) {
    for (let c = 0; c < nc; c++) swaps[c] = rng.binomial(cells[c], 0.5);
    evaluate(swaps, out);
    values.set(out, r * k);
  }
  return { observed, values, weights: null, count: B, exact: false, discordant };
}

/** Column j of a distribution's values. */
export function statisticColumn(d: RandomizationDistribution, j: number, k: number): Float64Array {
  const col = new Float64Array(d.count);
  for (let r = 0; r < d.count; r++) col[r] = d.values[r * k + j];
  return col;
}
