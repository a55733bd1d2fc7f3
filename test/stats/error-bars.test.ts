import { describe, expect, it } from 'vitest';
import {
  buildDataset,
  computeMetrics,
  confusionCounts,
  metricsFromConfusion,
} from '../../src/metrics/index.js';
import {
  aucInterval,
  clusteredStderr,
  CountResampler,
  delongVariance,
  placements,
  Rng,
  summarizeReplicates,
  wilsonInterval,
  withErrorBars,
  Z975,
} from '../../src/stats/index.js';
import { bootstrapExamples } from '../../src/stats/example-bootstrap.js';
import { BINARY, binaryDataset, binaryRecords, regressionDataset } from './data.js';
import { expectClose } from './helpers.js';

describe('withErrorBars', () => {
  const ds = binaryDataset({ n: 600, seed: 1 }, 1);
  const points = computeMetrics(ds, BINARY);
  const eb = withErrorBars(ds, points, { metric: BINARY, bootstrap: 500, seed: 3 });

  it('gives every metric value, n, stderr, ci and method, in the input order', () => {
    expect(Object.keys(eb)).toEqual(Object.keys(points));
    for (const [name, v] of Object.entries(eb)) {
      expect(v.value).toBe(points[name].value);
      expect(v.n).toBe(600);
      expect(v.stderr).toBeGreaterThan(0);
      expect(v.ci![0]).toBeLessThanOrEqual(v.ci![1]);
      expect(v.method).toBeDefined();
    }
    expect(eb.accuracy.method).toBe('clt');
    expect(eb.log_loss.method).toBe('clt');
    expect(eb.latency_ms_mean.method).toBe('clt');
    expect(eb.f1.method).toBe('bootstrap');
    expect(eb.mcc.method).toBe('bootstrap');
    expect(eb.roc_auc.method).toBe('delong');
    expect(eb.average_precision.method).toBe('bootstrap');
    expect(eb.ece.method).toBe('bootstrap');
    expect(eb.latency_ms_p95.method).toBe('bootstrap');
  });

  it('accuracy: CLT stderr sqrt(p(1−p)/(n−1)), CI = value ± 1.959964·se', () => {
    const p = points.accuracy.value!;
    const se = Math.sqrt((p * (1 - p)) / 599);
    expectClose(eb.accuracy.stderr, se, 1e-12);
    expectClose(eb.accuracy.ci![0], p - Z975 * se, 1e-12);
    expectClose(eb.accuracy.ci![1], p + Z975 * se, 1e-12);
  });

  it('0/1 outcomes with n < 100, or at 0%/100%, get the Wilson interval', () => {
    const small = binaryDataset({ n: 60, seed: 2 }, 1);
    const v = withErrorBars(small, computeMetrics(small, BINARY), { metric: BINARY, bootstrap: 50 }).accuracy;
    expect(v.method).toBe('wilson');
    const [lo, hi] = wilsonInterval(Math.round(v.value! * 60), 60);
    expect(v.ci).toEqual([lo, hi]);
    expect(v.stderr).toBeGreaterThan(0);

    const perfect = buildDataset(
      Array.from({ length: 150 }, (_, i) => ({
        id: String(i),
        label: i % 2,
        prediction: i % 2,
        slices: {},
        numeric: {},
        source: { file: 'f' },
      })),
      BINARY,
    );
    const pv = withErrorBars(perfect, computeMetrics(perfect, BINARY), {
      metric: BINARY,
      bootstrap: 50,
    }).accuracy;
    expect(pv.value).toBe(1);
    expect(pv.method).toBe('wilson');
    expect(pv.ci![1]).toBe(1);
    expect(pv.ci![0]).toBeLessThan(0.98);
  });

  it('clustered SE when the dataset has cluster ids (and clusterField is not false)', () => {
    const recs = binaryRecords({ n: 400, seed: 4, cluster: (i) => `c${Math.floor(i / 8)}` }, 1);
    const cds = buildDataset(recs, BINARY);
    const pts = computeMetrics(cds, BINARY);
    const v = withErrorBars(cds, pts, { metric: BINARY, bootstrap: 50 });
    expect(v.accuracy.method).toBe('clustered');
    const correct = Float64Array.from(recs, (r) => (r.label === r.prediction ? 1 : 0));
    expectClose(v.accuracy.stderr, clusteredStderr(correct, cds.cluster!), 1e-12);
    expect(v.f1.method).toBe('bootstrap');
    const off = withErrorBars(cds, pts, { metric: BINARY, bootstrap: 50, clusterField: false });
    expect(off.accuracy.method).toBe('clt');
  });

  it('roc_auc: DeLong stderr, CI on the logit scale (inside [0, 1])', () => {
    const pos = Uint8Array.from(ds.yTrue!, (y) => (y === ds.posIndex ? 1 : 0));
    const { variance } = delongVariance(placements(ds.score!, pos));
    const se = Math.sqrt(variance);
    expectClose(eb.roc_auc.stderr, se, 1e-12);
    const a = points.roc_auc.value!;
    const logit = (x: number) => Math.log(x / (1 - x));
    expectClose(logit(eb.roc_auc.ci![0]), logit(a) - (Z975 * se) / (a * (1 - a)), 1e-10);
    expectClose(logit(eb.roc_auc.ci![1]), logit(a) + (Z975 * se) / (a * (1 - a)), 1e-10);
    expect(eb.roc_auc.ci![1]).toBeLessThan(1);
    expect(aucInterval(1, 0)).toEqual([1, 1]);
    expect(aucInterval(0.99, 0.02)[1]).toBeLessThan(1);
  });

  it('confusion bootstrap: CI contains the value and the SE agrees with the analytic SE of a proportion', () => {
    for (const name of ['f1', 'precision', 'recall', 'mcc', 'balanced_accuracy', 'cohen_kappa']) {
      const v = eb[name];
      expect(v.ci![0]).toBeLessThanOrEqual(v.value!);
      expect(v.ci![1]).toBeGreaterThanOrEqual(v.value!);
    }
    // Accuracy through the same multinomial machinery: SE must match sqrt(p(1−p)/n).
    const { k, counts } = confusionCounts(ds);
    const res = new CountResampler(counts);
    const rng = new Rng(9);
    const reps = new Float64Array(4000);
    const t = new Float64Array(counts.length);
    for (let b = 0; b < reps.length; b++)
      reps[b] = metricsFromConfusion(res.sampleInto(rng, t), k, 'binary', ds.posIndex).accuracy.value!;
    const p = points.accuracy.value!;
    expect(summarizeReplicates(reps).se! / Math.sqrt((p * (1 - p)) / 600)).toBeGreaterThan(0.95);
    expect(summarizeReplicates(reps).se! / Math.sqrt((p * (1 - p)) / 600)).toBeLessThan(1.05);
  });

  it('confusion multinomial bootstrap ≈ bootstrap over example indices (same distribution)', () => {
    const viaIndices = summarizeReplicates(bootstrapExamples(ds, ['f1'], BINARY, 1500, new Rng(5)).f1).se!;
    const ratio = eb.f1.stderr! / viaIndices;
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.15);
  });

  it('is deterministic given the seed and changes with it', () => {
    const again = withErrorBars(ds, points, { metric: BINARY, bootstrap: 500, seed: 3 });
    expect(again).toEqual(eb);
    const other = withErrorBars(ds, points, { metric: BINARY, bootstrap: 500, seed: 4 });
    expect(other.f1.stderr).not.toBe(eb.f1.stderr);
    expect(other.accuracy).toEqual(eb.accuracy);
  });

  it('a metric gets the same error bars whichever other metrics are computed with it', () => {
    const alone = withErrorBars(
      ds,
      { f1: points.f1, ece: points.ece },
      { metric: BINARY, bootstrap: 500, seed: 3 },
    );
    expect(alone.f1).toEqual(eb.f1);
    expect(alone.ece).toEqual(eb.ece);
  });

  it('undefined metrics stay undefined; n < 2 has no stderr', () => {
    const one = buildDataset(
      Array.from({ length: 5 }, (_, i) => ({
        id: String(i),
        label: 1,
        prediction: i % 2,
        probabilities: 0.2 * i,
        slices: {},
        numeric: {},
        source: { file: 'f' },
      })),
      { task: 'binary', positiveLabel: 1 },
    );
    const pts = computeMetrics(one, BINARY);
    const v = withErrorBars(one, pts, { metric: BINARY, bootstrap: 50 });
    expect(v.roc_auc.value).toBeNull();
    expect(v.roc_auc.stderr).toBeNull();
    expect(v.roc_auc.ci).toBeNull();
    expect(v.roc_auc.undefined).toMatch(/one class/);

    const single = buildDataset(
      [{ id: 'a', label: 1, prediction: 1, slices: {}, numeric: {}, source: { file: 'f' } }],
      BINARY,
    );
    const sv = withErrorBars(single, computeMetrics(single, BINARY), { metric: BINARY, bootstrap: 20 });
    expect(sv.accuracy.value).toBe(1);
    expect(sv.accuracy.stderr).toBeNull();
    expect(sv.accuracy.ci).toBeNull();
  });

  it('regression: CLT for mae/mse, bootstrap for rmse/r2/max_error', () => {
    const r = regressionDataset(300, 3, 1);
    const v = withErrorBars(r, computeMetrics(r, { task: 'regression' }), {
      metric: { task: 'regression' },
      bootstrap: 200,
    });
    expect(v.mae.method).toBe('clt');
    expect(v.mse.method).toBe('clt');
    expect(v.rmse.method).toBe('bootstrap');
    expect(v.r2.method).toBe('bootstrap');
    expect(v.r2.stderr).toBeGreaterThan(0);
  });
});

describe('fast bootstrap evaluators (AP, ECE, percentiles)', () => {
  it('give the same replicates as subsetDataset + computeMetrics on the same resamples', async () => {
    const { computeMetrics: cm, subsetDataset } = await import('../../src/metrics/index.js');
    const { resampleIndices } = await import('../../src/stats/index.js');
    const ds = binaryDataset({ n: 300, seed: 8 }, 2);
    // some ties in scores and a field with missing values
    for (let i = 0; i < ds.n; i += 7) ds.score![i] = Math.round(ds.score![i] * 10) / 10;
    for (let i = 0; i < ds.n; i += 11) ds.numeric.latency_ms[i] = NaN;
    const names = ['average_precision', 'ece', 'latency_ms_p50', 'latency_ms_p95'];
    const { buildCellGroups } = await import('../../src/stats/fast-resample.js');
    expect([...buildCellGroups(ds, names, cm(ds, BINARY)).handled].sort()).toEqual([...names].sort());
    const fast = bootstrapExamples(ds, names, BINARY, 40, new Rng(12), cm(ds, BINARY));
    const rng = new Rng(12);
    const idx = new Int32Array(ds.n);
    for (let b = 0; b < 40; b++) {
      resampleIndices(rng, ds.n, idx);
      const ref = cm(subsetDataset(ds, idx), BINARY);
      for (const name of names) expectClose(fast[name][b], ref[name].value, 1e-12, 1e-15);
    }
  });
});
