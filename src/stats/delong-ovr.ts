/**
 * DeLong for one-vs-rest multiclass ROC AUC: the per-class AUCs of one run share their examples, so the
 * macro (or prevalence-weighted) average has the variance wᵀΣw with Σ the joint covariance of the
 * per-class AUCs — not the sum of their variances.
 *
 * Every per-class AUC is a two-sample U-statistic whose influence on example i is its DeLong structural
 * component: ψ_c(i) = (V10_c(i) − A_c)/√(m_c(m_c − 1)) when i is of class c, (V01_c(i) − A_c)/√(n_c(n_c − 1))
 * otherwise (m_c, n_c: examples of and not of class c). Σ_cd = Σ_i ψ_c(i)·ψ_d(i): its diagonal is exactly
 * the binary DeLong variance of `delong.ts`, off the diagonal the covariance through the examples both
 * classes' AUCs use (the same U-statistic theory; DeLong et al. 1988, §2). Since
 * wᵀΣw = Σ_i (Σ_c w_c ψ_c(i))², the average's variance needs only the per-example combination ψ̄(i), one
 * Float64Array of n — the k×k matrix is never materialised unless asked for (`ovrCovariance`).
 *
 * Cost: one radix argsort per class (O(n) each) and O(n·k) sums, once — no resampling. For a paired test
 * both runs' ψ̄ are computed on the same pairs and labels, and Var(A₂ − A₁) = Σ_i (ψ̄₂(i) − ψ̄₁(i))².
 *
 * Weights: macro gives every class present in the labels weight 1/P (sklearn `average="macro"`);
 * weighted gives class c its prevalence m_c/N (sklearn `average="weighted"`), treated as fixed — the
 * variance is conditional on the class counts, as binary DeLong's is on m and n.
 */
import { halvesPay, startSecondHalf } from './ovr-parallel.js';
import { ovrInput, ovrPasses, type OvrInput } from './ovr-passes.js';
import type { OvrAucValue } from '../metrics/index.js';

export { ovrInput, type OvrInput } from './ovr-passes.js';

/** How the per-class AUCs are averaged. */
export type OvrAverage = 'macro' | 'weighted';

/** One run's one-vs-rest AUCs and the per-example influence of their average. */
export interface OvrInfluence {
  /** Averaged AUC; NaN when fewer than two classes are present in the labels. */
  auc: number;
  /** Class indices present in the labels (support > 0), ascending. */
  classes: number[];
  /** AUC of each present class, aligned with `classes`. */
  perClass: number[];
  /** Weight of each present class in the average. */
  weights: number[];
  /** Σ_c w_c·ψ_c(i) per row; null when some class has fewer than two examples in or out of it. */
  psiBar: Float64Array | null;
}

/**
 * Per-class OvR AUCs of `input`, their `average`, and the per-example influence of the average. With
 * `classes` given, exactly those classes are used (a paired test must use the same set in both runs).
 * `columns` receives each class's ψ_c when given (tests and `ovrCovariance` use it).
 *
 * Within `ovrParallel`'s row range ψ̄ is summed in two halves of the classes, the
 * first half's sum plus the second's, whether or not the helper thread computes the second half
 * (ovr-parallel.ts): the same doubles on one thread or two.
 */
export function ovrInfluence(
  input: OvrInput,
  average: OvrAverage = 'macro',
  classes?: number[],
  columns?: (c: number, psi: Float64Array) => void,
): OvrInfluence {
  return beginOvrInfluence(input, average, classes, columns)();
}

/**
 * `ovrInfluence` in two steps: this call hands the second half of the classes to the helper thread
 * when that pays (ovr-parallel.ts); the returned function computes the first half on this thread,
 * waits for the second and joins them. Work done between the two steps overlaps the helper's half
 * (`computeMetrics` computes log loss and top-k there); `background` tells whether the helper took it.
 * The input must not change in between.
 */
export function beginOvrInfluence(
  input: OvrInput,
  average: OvrAverage = 'macro',
  classes?: number[],
  columns?: (c: number, psi: Float64Array) => void,
): (() => OvrInfluence) & { background: boolean } {
  const { n, k, label } = input;
  const support = new Float64Array(k);
  for (let i = 0; i < n; i++) support[label[i]]++;
  const present = classes ?? [...Array(k).keys()].filter((c) => support[c] > 0);
  const out: OvrInfluence = { auc: NaN, classes: present, perClass: [], weights: [], psiBar: null };
  if (present.length < 2) return Object.assign(() => out, { background: false });
  const total = present.reduce((s, c) => s + support[c], 0);
  out.weights = present.map((c) => (average === 'macro' ? 1 / present.length : support[c] / total));
  const P = present.length;
  const results = new Float64Array(3 * P);
  const psiBar = new Float64Array(n);
  // Two halves only where the helper may take one (a property of the data, not of the machine, so the
  // doubles do not depend on whether a helper ran); elsewhere one sum and no second array.
  const h = halvesPay(n) && !columns ? Math.ceil(P / 2) : P;
  const second = h < P ? startSecondHalf(input, present.slice(h), out.weights.slice(h)) : undefined;
  const join = () => joinHalves(input, out, h, results, psiBar, second, average, columns);
  return Object.assign(join, { background: second !== undefined });
}

/** The second step of `beginOvrInfluence`: this thread's half, the helper's (or its own), the sums. */
function joinHalves(
  input: OvrInput,
  out: OvrInfluence,
  h: number,
  results: Float64Array,
  psiBar: Float64Array,
  second: ReturnType<typeof startSecondHalf>,
  average: OvrAverage,
  columns?: (c: number, psi: Float64Array) => void,
): OvrInfluence {
  const { n } = input;
  const present = out.classes;
  const P = present.length;
  let whole = ovrPasses(input, present.slice(0, h), out.weights.slice(0, h), psiBar, results, columns);
  if (h < P) {
    let rest = second?.finish();
    if (!rest) {
      const psi = new Float64Array(n);
      const r = new Float64Array(3 * (P - h));
      rest = { psi, results: r, whole: ovrPasses(input, present.slice(h), out.weights.slice(h), psi, r) };
    }
    results.set(rest.results, 3 * h);
    whole &&= rest.whole;
    if (whole) {
      const psi = rest.psi;
      for (let i = 0; i < n; i++) psiBar[i] += psi[i];
    }
  }
  let auc = 0;
  for (let j = 0; j < P; j++) {
    out.perClass.push(results[3 * j]);
    auc += out.weights[j] * results[3 * j];
  }
  // Macro: Σ AUC_c / P in class order, as `ovrAuc` (metrics/probabilistic.ts) sums it, so that both
  // give the same double.
  out.auc = average === 'macro' ? out.perClass.reduce((s, a) => s + a, 0) / present.length : auc;
  out.psiBar = whole ? psiBar : null;
  return out;
}

/** One run's macro OvR DeLong pass, kept by `ovrAucWithVariance` for the error bar and paired test. */
export interface CachedOvr {
  auc: number;
  variance: number;
  /** Per-row influence of the macro AUC (null when a class has < 2 examples in or out of it). */
  psiBar: Float64Array | null;
}

/** Macro OvR DeLong passes by probability block (a WeakMap: they go when the block goes). */
const macroPasses = new WeakMap<Float64Array, { yTrue: Int32Array; n: number; pass: CachedOvr }>();

/**
 * Macro OvR AUC of all rows (the `MetricOptions.ovrAuc` hook): one DeLong pass, kept for
 * `cachedOvr`, so that the error bar and the paired test that follow need no second sort per class.
 * While the helper thread computes half of it, returns the second step of `beginOvrInfluence` (the
 * caller's other work overlaps the helper's half until it calls it); otherwise the value itself.
 */
export function ovrAucWithVariance(
  yTrue: Int32Array,
  proba: Float64Array,
  k: number,
  n: number,
): OvrAucValue | (() => OvrAucValue) {
  const finish = beginOvrInfluence(ovrInput(yTrue.length === n ? yTrue : yTrue.subarray(0, n), proba, k));
  const done = () => {
    const r = finish();
    const pass = { auc: r.auc, variance: r.psiBar ? sumSquares(r.psiBar) : NaN, psiBar: r.psiBar };
    macroPasses.set(proba, { yTrue, n, pass });
    return { value: r.classes.length < 2 ? NaN : r.auc, classes: r.classes.length };
  };
  // Nothing on the helper thread to overlap: the pass runs now, so that its scratch (~20 bytes per row)
  // is garbage before the caller allocates the buffers of the next metrics — at 10⁷ rows their sum
  // would take the run past 2 GiB (measured 2,101 MiB against 1,957).
  return finish.background ? done : done();
}

/** The pass `ovrAucWithVariance` made over exactly these rows, if it ran on them. */
export function cachedOvr(yTrue: Int32Array, proba: Float64Array, n: number): CachedOvr | undefined {
  const m = macroPasses.get(proba);
  return m && m.yTrue === yTrue && m.n === n ? m.pass : undefined;
}

/** Σ_i x_i². */
function sumSquares(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/** Averaged OvR AUC and its DeLong variance (NaN when a present class has < 2 examples in or out). */
export function delongOvr(input: OvrInput, average: OvrAverage = 'macro'): { auc: number; variance: number } {
  const r = ovrInfluence(input, average);
  return { auc: r.auc, variance: r.psiBar ? sumSquares(r.psiBar) : NaN };
}

/**
 * Joint DeLong covariance matrix of the present classes' AUCs (row-major P × P, classes as in
 * `ovrInfluence`). O(n·P²): for tests and diagnostics; the averaged variance does not need it.
 */
export function ovrCovariance(input: OvrInput): { classes: number[]; cov: Float64Array } {
  const cols: Float64Array[] = [];
  const r = ovrInfluence(input, 'macro', undefined, (_c, psi) => cols.push(Float64Array.from(psi)));
  const P = cols.length;
  const cov = new Float64Array(P * P);
  for (let a = 0; a < P; a++)
    for (let b = a; b < P; b++) {
      let s = 0;
      const x = cols[a];
      const y = cols[b];
      for (let i = 0; i < x.length; i++) s += x[i] * y[i];
      cov[a * P + b] = s;
      cov[b * P + a] = s;
    }
  return { classes: r.classes, cov };
}

/**
 * Paired OvR DeLong on the same rows and labels: both runs' averaged AUCs over the same classes and
 * Var(A₂ − A₁) = Σ_i (ψ̄₂(i) − ψ̄₁(i))². `base` and `cur` must have identical `label` arrays (class
 * indices in a shared numbering); the caller maps class names.
 */
export function delongOvrPaired(
  base: OvrInput,
  cur: OvrInput,
  average: OvrAverage = 'macro',
): { auc1: number; auc2: number; varianceOfDifference: number } {
  const a = ovrInfluence(base, average);
  const b = ovrInfluence(cur, average, a.classes);
  let v = NaN;
  if (a.psiBar && b.psiBar) {
    let s = 0;
    for (let i = 0; i < a.psiBar.length; i++) {
      const d = b.psiBar[i] - a.psiBar[i];
      s += d * d;
    }
    v = s;
  }
  return { auc1: a.auc, auc2: b.auc, varianceOfDifference: v };
}
