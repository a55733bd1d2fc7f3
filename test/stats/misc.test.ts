import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.js';
import {
  compareDatasets,
  exampleResamples,
  incompleteBeta,
  MIN_EXAMPLE_RESAMPLES,
  pairDatasets,
  studentTCdf,
  withErrorBars,
} from '../../src/stats/index.js';
import { BINARY, binaryDataset } from './data.js';
import { expectClose } from './helpers.js';

describe('bootstrap budget', () => {
  it('keeps B up to 100,000 examples and caps resamples × rows above, never below 200', () => {
    expect(exampleResamples(2000, 2000)).toBe(2000);
    expect(exampleResamples(2000, 100_000)).toBe(2000);
    expect(exampleResamples(2000, 400_000)).toBe(500);
    expect(exampleResamples(2000, 10_000_000)).toBe(MIN_EXAMPLE_RESAMPLES);
    expect(exampleResamples(50, 10_000_000)).toBe(50);
    expect(exampleResamples(2000, 1000, 1e5)).toBe(200);
  });

  it('bootstrap: 0 gives no bootstrap error bars but keeps the analytic ones', () => {
    const ds = binaryDataset({ n: 200, seed: 3 }, 1);
    const v = withErrorBars(ds, computeMetrics(ds, BINARY), { metric: BINARY, bootstrap: 0 });
    expect(v.f1.stderr).toBeNull();
    expect(v.f1.ci).toBeNull();
    expect(v.f1.value).not.toBeNull();
    expect(v.accuracy.method).toBe('clt');
    expect(v.roc_auc.method).toBe('delong');
  });
});

describe('pairDatasets fast path', () => {
  it('identity pairing when ids agree in order, identical to the hash-map result', () => {
    const b = binaryDataset({ n: 300, seed: 9 }, 1);
    const c = binaryDataset({ n: 300, seed: 9 }, 2);
    const fast = pairDatasets(b, c);
    expect(Array.from(fast.baseIdx)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    // Same ids, shuffled order: the map path must find the same pairs.
    const perm = Array.from({ length: 300 }, (_, i) => (i * 7) % 300);
    const shuffled = {
      ...c,
      ids: perm.map((i) => c.ids[i]),
      yTrue: Int32Array.from(perm, (i) => c.yTrue![i]),
      yPred: Int32Array.from(perm, (i) => c.yPred![i]),
      score: Float64Array.from(perm, (i) => c.score![i]),
      numeric: {},
    };
    const slow = pairDatasets(b, shuffled);
    expect(slow.info).toEqual(fast.info);
    for (let j = 0; j < 300; j++) expect(b.ids[slow.baseIdx[j]]).toBe(shuffled.ids[slow.curIdx[j]]);
    const t1 = compareDatasets(b, c, ['accuracy', 'roc_auc', 'log_loss'], { metric: BINARY });
    const t2 = compareDatasets(b, shuffled, ['accuracy', 'roc_auc', 'log_loss'], { metric: BINARY });
    expect(t2.accuracy).toEqual(t1.accuracy);
    expectClose(t2.roc_auc.p_value, t1.roc_auc.p_value, 1e-12);
    expectClose(t2.log_loss.p_value, t1.log_loss.p_value, 1e-9);
  });
});

describe('special functions', () => {
  it('t cdf is symmetric and monotone; incomplete beta complements sum to 1', () => {
    for (const df of [1, 3.5, 30, 1e4]) {
      for (const t of [0.1, 1, 3, 10]) expectClose(studentTCdf(-t, df) + studentTCdf(t, df), 1, 1e-14);
      expect(studentTCdf(-2, df)).toBeLessThan(studentTCdf(-1, df));
    }
    const [i, c] = incompleteBeta(0.3, 2.5, 4);
    expectClose(i + c, 1, 1e-15);
    // I_x(1, 1) = x; I_x(a, 1) = x^a
    expectClose(incompleteBeta(0.37, 1, 1)[0], 0.37, 1e-14);
    expectClose(incompleteBeta(0.6, 3, 1)[0], 0.216, 1e-14);
  });
});
