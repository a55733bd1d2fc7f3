import { describe, expect, it } from 'vitest';
import { buildDataset, computeMetrics } from '../../src/metrics/index.js';
import { ovrAuc } from '../../src/metrics/probabilistic.js';
import {
  delongOvr,
  delongOvrPaired,
  ovrAucWithVariance,
  ovrCovariance,
  ovrInput,
} from '../../src/stats/delong-ovr.js';
import {
  compareDatasets,
  delongPaired,
  delongVariance,
  placements,
  Rng,
  withErrorBars,
} from '../../src/stats/index.js';
import type { ExampleRecord } from '../../src/types.js';
import { expectClose } from './helpers.js';

/** n examples of k classes: true class c gets a logit bonus `signal`; probabilities by softmax. */
function sample(rng: Rng, n: number, k: number, signal: number): { y: Int32Array; proba: Float64Array } {
  const y = new Int32Array(n);
  const proba = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    y[i] = Math.min(k - 1, Math.floor(rng.random() * k));
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const z = Math.exp((c === y[i] ? signal : 0) + rng.normal());
      proba[i * k + c] = z;
      sum += z;
    }
    for (let c = 0; c < k; c++) proba[i * k + c] /= sum;
  }
  return { y, proba };
}

describe('one-vs-rest DeLong', () => {
  it('each class diagonal is the binary DeLong variance; the macro variance is wᵀΣw', () => {
    const { y, proba } = sample(new Rng(1), 300, 4, 1);
    const { classes, cov } = ovrCovariance(ovrInput(y, proba, 4));
    expect(classes).toEqual([0, 1, 2, 3]);
    for (let c = 0; c < 4; c++) {
      const score = Float64Array.from({ length: 300 }, (_, i) => proba[i * 4 + c]);
      const pos = Uint8Array.from(y, (v) => (v === c ? 1 : 0));
      expectClose(cov[c * 4 + c], delongVariance(placements(score, pos)).variance, 1e-12);
    }
    let wsw = 0;
    for (const x of cov) wsw += x / 16;
    expectClose(delongOvr(ovrInput(y, proba, 4)).variance, wsw, 1e-12);
    // The classes' AUCs share examples: the off-diagonal terms are not all zero.
    expect(Math.abs(cov[1])).toBeGreaterThan(1e-8);
  });

  it('with two classes equals binary DeLong (both columns rank the examples the same way)', () => {
    const rng = new Rng(2);
    const n = 200;
    const y = new Int32Array(n);
    const proba = new Float64Array(2 * n);
    const score = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = rng.random() < 0.3 ? 1 : 0;
      score[i] = 1 / (1 + Math.exp(-(y[i] ? 1 : -1) - rng.normal()));
      proba[2 * i + 1] = score[i];
      proba[2 * i] = 1 - score[i];
    }
    const r = delongOvr(ovrInput(y, proba, 2));
    const b = delongVariance(placements(score, y));
    expectClose(r.auc, b.auc, 1e-12);
    expectClose(r.variance, b.variance, 1e-9);
  });

  it('the variance estimate matches the sampling variance of the macro AUC (Monte Carlo)', () => {
    const rng = new Rng(3);
    const reps = 300;
    const aucs: number[] = [];
    let meanVar = 0;
    for (let r = 0; r < reps; r++) {
      const { y, proba } = sample(rng, 250, 5, 0.8);
      const x = delongOvr(ovrInput(y, proba, 5));
      aucs.push(x.auc);
      meanVar += x.variance / reps;
    }
    const mean = aucs.reduce((a, b) => a + b, 0) / reps;
    const empirical = aucs.reduce((a, b) => a + (b - mean) ** 2, 0) / (reps - 1);
    // sd of a variance estimated from 300 replicates is ≈ 8%; allow 20%.
    expect(meanVar / empirical).toBeGreaterThan(0.8);
    expect(meanVar / empirical).toBeLessThan(1.2);
  });

  it('paired: identical runs have zero variance of the difference; two classes match binary paired DeLong', () => {
    const { y, proba } = sample(new Rng(4), 200, 3, 1);
    expect(delongOvrPaired(ovrInput(y, proba, 3), ovrInput(y, proba, 3)).varianceOfDifference).toBe(0);
    const rng = new Rng(5);
    const n = 150;
    const yb = new Int32Array(n);
    const pa = new Float64Array(2 * n);
    const pb = new Float64Array(2 * n);
    const sa = new Float64Array(n);
    const sb = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      yb[i] = rng.random() < 0.4 ? 1 : 0;
      const z = (yb[i] ? 1 : -1) + rng.normal();
      sa[i] = 1 / (1 + Math.exp(-z - 0.5 * rng.normal()));
      sb[i] = 1 / (1 + Math.exp(-z - 0.5 * rng.normal()));
      pa[2 * i + 1] = sa[i];
      pa[2 * i] = 1 - sa[i];
      pb[2 * i + 1] = sb[i];
      pb[2 * i] = 1 - sb[i];
    }
    const r = delongOvrPaired(ovrInput(yb, pa, 2), ovrInput(yb, pb, 2));
    const ref = delongPaired(placements(sa, yb), placements(sb, yb));
    expectClose(r.varianceOfDifference, ref.varianceOfDifference, 1e-9);
  });

  it('gives roc_auc_ovr a DeLong error bar and a paired DeLong test', () => {
    const rng = new Rng(6);
    const { y, proba } = sample(rng, 400, 3, 1);
    const names = ['a', 'b', 'c'];
    const recs = (p: Float64Array): ExampleRecord[] =>
      Array.from(y, (c, i) => ({
        id: `e${i}`,
        label: names[c],
        prediction: names[[0, 1, 2].reduce((m, j) => (p[i * 3 + j] > p[i * 3 + m] ? j : m), 0)],
        probabilities: { a: p[i * 3], b: p[i * 3 + 1], c: p[i * 3 + 2] },
        slices: {},
        numeric: {},
        source: { file: 't.jsonl', line: i + 1 },
      }));
    const opts = { task: 'auto' as const };
    const base = buildDataset(recs(proba), opts);
    const pts = computeMetrics(base, opts);
    const eb = withErrorBars(base, pts, { metric: opts });
    expect(eb.roc_auc_ovr.method).toBe('delong');
    expectClose(eb.roc_auc_ovr.stderr!, Math.sqrt(delongOvr(ovrInput(y, proba, 3)).variance), 1e-12);
    const cur = buildDataset(recs(proba), opts);
    const t = compareDatasets(base, cur, ['roc_auc_ovr'], { metric: opts });
    expect(t.roc_auc_ovr.method).toBe('delong');
    // Identical runs: the variance of the difference is 0, so the test is undefined (no interval), not p = 0.
    expect(t.roc_auc_ovr.ci_delta).toBeNull();
  });
});

describe('the OvR AUC hook (one DeLong pass for the value and its error bar)', () => {
  it('gives the same double as ovrAuc, and the error bar the variance delongOvr computes', () => {
    const rng = new Rng(11);
    for (const [n, k] of [
      [400, 3],
      [2000, 10],
    ]) {
      const { y, proba } = sample(rng, n, k, 1.2);
      const plain = ovrAuc(y, proba, k, n);
      const started = ovrAucWithVariance(y, proba, k, n);
      const hooked = typeof started === 'function' ? started() : started;
      expect(hooked.value).toBe(plain.value);
      expect(hooked.classes).toBe(plain.classes);
      const records: ExampleRecord[] = Array.from({ length: n }, (_, i) => ({
        id: String(i),
        label: `c${y[i]}`,
        prediction: `c${y[i]}`,
        probabilities: Object.fromEntries(Array.from({ length: k }, (_, c) => [`c${c}`, proba[i * k + c]])),
        slices: {},
        numeric: {},
        source: { file: 't.jsonl', line: i + 1 },
      }));
      const ds = buildDataset(records, { task: 'multiclass' });
      const withHook = computeMetrics(ds, { task: 'multiclass', ovrAuc: ovrAucWithVariance });
      const without = computeMetrics(ds, { task: 'multiclass' });
      expect(withHook.roc_auc_ovr.value).toBe(without.roc_auc_ovr.value);
      const eb = withErrorBars(ds, withHook, { metric: { task: 'multiclass' } });
      const se = Math.sqrt(delongOvr(ovrInput(ds.yTrue!, ds.proba!, k)).variance);
      expect(eb.roc_auc_ovr.stderr).toBe(se);
      expect(eb.roc_auc_ovr.method).toBe('delong');
    }
  });
});

describe('paired OvR DeLong from the cached passes', () => {
  it('equals the recomputed paired test, with the runs in different row orders', () => {
    const rng = new Rng(12);
    const n = 1500;
    const k = 6;
    const a = sample(rng, n, k, 1.0);
    // A second model on the same examples and labels.
    const b = sample(new Rng(13), n, k, 0.9);
    b.y.set(a.y);
    const rec = (s: { y: Int32Array; proba: Float64Array }, order: number[]): ExampleRecord[] =>
      order.map((i, line) => ({
        id: `e${i}`,
        label: `c${s.y[i]}`,
        prediction: `c${(i * 7) % k}`,
        probabilities: Object.fromEntries(Array.from({ length: k }, (_, c) => [`c${c}`, s.proba[i * k + c]])),
        slices: {},
        numeric: {},
        source: { file: 't.jsonl', line: line + 1 },
      }));
    const ids = [...Array(n).keys()];
    const shuffled = [...ids].sort(() => rng.random() - 0.5);
    const opts = { task: 'multiclass' as const };
    const fresh = () => [buildDataset(rec(a, ids), opts), buildDataset(rec(b, shuffled), opts)];
    const [b1, c1] = fresh();
    const plain = compareDatasets(b1, c1, ['roc_auc_ovr'], { metric: opts }).roc_auc_ovr;
    const [b2, c2] = fresh();
    for (const ds of [b2, c2]) computeMetrics(ds, { ...opts, ovrAuc: ovrAucWithVariance });
    const cached = compareDatasets(b2, c2, ['roc_auc_ovr'], { metric: opts }).roc_auc_ovr;
    expect(plain.method).toBe('delong');
    expect(Number.isFinite(plain.p_value)).toBe(true);
    expect(cached).toEqual(plain);
  });
});
