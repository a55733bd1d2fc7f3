import { describe, expect, it } from 'vitest';
import { buildDataset, computeMetrics, perExampleValues, subsetDataset } from '../../src/metrics/index.js';
import {
  binomialSf,
  compareDatasets,
  compareMetric,
  delongPaired,
  flippedExamples,
  normalCdf,
  pairDatasets,
  pairedProportionCi,
  pairedTTest,
  placements,
  summarizeReplicates,
  unpairedTest,
  withErrorBars,
  Z975,
} from '../../src/stats/index.js';
import { pairedBootstrapExamples } from '../../src/stats/example-bootstrap.js';
import { proportionInterval } from '../../src/stats/compare.js';
import { Rng } from '../../src/stats/rng.js';
import type { ExampleRecord } from '../../src/types.js';
import { BINARY, binaryDataset, regressionDataset } from './data.js';
import { expectClose } from './helpers.js';

const base = binaryDataset({ n: 800, seed: 21 }, 1);
const cur = binaryDataset({ n: 800, seed: 21, worse: 0.25 }, 2);
const same = binaryDataset({ n: 800, seed: 21 }, 3);
const NAMES = [
  'accuracy',
  'f1',
  'precision',
  'mcc',
  'roc_auc',
  'log_loss',
  'brier',
  'average_precision',
  'ece',
  'latency_ms_mean',
  'latency_ms_p95',
];

describe('pairDatasets', () => {
  it('pairs on the id intersection in the current order', () => {
    const b = binaryDataset({ n: 100, seed: 5 }, 1);
    const c = binaryDataset({ n: 100, seed: 5, idOffset: 60 }, 1);
    const p = pairDatasets(b, c);
    expect(p.info).toEqual({
      paired: true,
      n_baseline: 100,
      n_current: 100,
      overlap: 40,
      overlap_ratio: 0.4,
    });
    expect(p.curIdx[0]).toBe(0);
    expect(p.baseIdx[0]).toBe(60);
    for (let j = 0; j < 40; j++) expect(b.ids[p.baseIdx[j]]).toBe(c.ids[p.curIdx[j]]);
  });

  it('is unpaired with no overlap or an incompatible positive class', () => {
    const b = binaryDataset({ n: 50, seed: 5 }, 1);
    const c = binaryDataset({ n: 50, seed: 5, idOffset: 1000 }, 1);
    expect(pairDatasets(b, c).info.paired).toBe(false);
    const flipped = { ...b, posIndex: 1 - b.posIndex! };
    expect(pairDatasets(b, flipped).info.paired).toBe(false);
    expect(compareDatasets(b, c, ['accuracy'], { metric: BINARY })).toEqual({});
  });
});

describe('compareDatasets (paired, one-sided)', () => {
  const res = compareDatasets(base, cur, NAMES, { metric: BINARY, bootstrap: 600, seed: 1 });

  it('chooses the method by metric kind', () => {
    expect(res.accuracy.method).toBe('mcnemar-exact');
    expect(res.f1.method).toBe('paired-randomization');
    expect(res.mcc.method).toBe('paired-randomization');
    expect(res.roc_auc.method).toBe('delong');
    expect(res.log_loss.method).toBe('paired-t');
    expect(res.latency_ms_mean.method).toBe('paired-t');
    expect(res.average_precision.method).toBe('paired-bootstrap');
    expect(res.latency_ms_p95.method).toBe('paired-bootstrap');
    for (const name of NAMES) expect(res[name].paired).toBe(true);
  });

  it('detects a real regression (small p) in every task metric, with CIs below 0 (or above for losses)', () => {
    for (const name of ['accuracy', 'f1', 'mcc', 'roc_auc', 'average_precision']) {
      expect(res[name].p_value).toBeLessThan(0.01);
      expect(res[name].ci_delta![1]).toBeLessThan(0);
    }
    for (const name of ['log_loss', 'brier']) {
      expect(res[name].p_value).toBeLessThan(0.01);
      expect(res[name].ci_delta![0]).toBeGreaterThan(0);
    }
  });

  it('an improvement gives p near 1 (one-sided)', () => {
    const back = compareDatasets(cur, base, ['accuracy', 'f1', 'roc_auc', 'log_loss'], {
      metric: BINARY,
      bootstrap: 600,
    });
    for (const t of Object.values(back)) expect(t.p_value).toBeGreaterThan(0.95);
  });

  it('McNemar: p = P(X ≥ b), X ~ Bin(b + c, ½), CI by inverting the exact sign-flip test', () => {
    const cb = perExampleValues(base, 'accuracy', BINARY)!;
    const cc = perExampleValues(cur, 'accuracy', BINARY)!;
    let b = 0;
    let c = 0;
    for (let i = 0; i < base.n; i++) {
      if (cb[i] === 1 && cc[i] === 0) b++;
      if (cb[i] === 0 && cc[i] === 1) c++;
    }
    expect(b).toBeGreaterThan(c);
    expectClose(res.accuracy.p_value, binomialSf(b, b + c, 0.5), 1e-15);
    expect(res.accuracy.ci_delta).toEqual(proportionInterval(b, c, base.n, 'higher'));
    const obs = (c - b) / base.n;
    expect(res.accuracy.ci_delta![0]).toBeLessThan(obs);
    expect(res.accuracy.ci_delta![1]).toBeGreaterThan(obs);
    // Close to the Wald interval at this size (hundreds of discordant pairs).
    const wald = pairedProportionCi(c, b, base.n)!;
    expect(Math.abs(res.accuracy.ci_delta![0] - wald[0])).toBeLessThan(0.005);
    // lower-is-better roles swap
    const low = compareDatasets(base, cur, ['accuracy'], {
      metric: BINARY,
      directions: { accuracy: 'lower' },
    });
    expectClose(low.accuracy.p_value, binomialSf(c, b + c, 0.5), 1e-15);
  });

  it('paired t on per-example log loss', () => {
    const lb = perExampleValues(base, 'log_loss', BINARY)!;
    const lc = perExampleValues(cur, 'log_loss', BINARY)!;
    const d = lc.map((v, i) => v - lb[i]);
    const t = pairedTTest(d, 'lower');
    expect(res.log_loss.p_value).toBe(t.p);
    expect(res.log_loss.ci_delta).toEqual(t.ci);
  });

  it('paired DeLong on the shared labels', () => {
    const pos = Uint8Array.from(base.yTrue!, (y) => (y === base.posIndex ? 1 : 0));
    const r = delongPaired(placements(base.score!, pos), placements(cur.score!, pos));
    const delta = r.auc2 - r.auc1;
    const se = Math.sqrt(r.varianceOfDifference);
    expectClose(res.roc_auc.ci_delta![0], delta - Z975 * se, 1e-12);
    expect(res.roc_auc.p_value).toBeLessThan(0.01);
  });

  it('confusion randomization: CI contains the observed delta; width close to an index-pair bootstrap', () => {
    const pb = computeMetrics(base, BINARY);
    const pc = computeMetrics(cur, BINARY);
    for (const name of ['f1', 'precision', 'mcc']) {
      const delta = pc[name].value! - pb[name].value!;
      expect(res[name].ci_delta![0]).toBeLessThan(delta);
      expect(res[name].ci_delta![1]).toBeGreaterThan(delta);
    }
    const idx = Int32Array.from({ length: base.n }, (_, i) => i);
    const viaIndex = pairedBootstrapExamples(base, cur, idx, idx, ['f1'], BINARY, 1500, new Rng(2)).f1;
    const joint = compareDatasets(base, cur, ['f1'], { metric: BINARY, bootstrap: 1500, seed: 7 }).f1;
    const width = (ci: [number, number]) => ci[1] - ci[0];
    const indexCi = summarizeReplicates(viaIndex).ci!;
    const ratio = width(joint.ci_delta!) / width(indexCi);
    expect(ratio).toBeGreaterThan(0.85);
    expect(ratio).toBeLessThan(1.15);
  });

  it('identical runs: p = 1 and a zero-width CI for every paired test; DeLong has no test', () => {
    const r = compareDatasets(base, base, NAMES, { metric: BINARY, bootstrap: 200 });
    // Var(A₂ − A₁) = 0: an undefined test with a reason, never p = 0 (or 1).
    expect(r.roc_auc.p_value).toBeNull();
    expect(r.roc_auc.reason).toMatch(/DeLong variance/);
    for (const name of NAMES.filter((x) => x !== 'roc_auc')) {
      expect(r[name].p_value).toBe(1);
      expect(r[name].ci_delta![0]).toBeCloseTo(0, 12);
      expect(r[name].ci_delta![1]).toBeCloseTo(0, 12);
    }
  });

  it('no change (same model, new noise): no metric is significant at 0.01', () => {
    const r = compareDatasets(base, same, NAMES, { metric: BINARY, bootstrap: 600 });
    for (const name of NAMES) expect(r[name].p_value).toBeGreaterThan(0.01);
  });

  it('is deterministic and independent of the other metrics requested', () => {
    const again = compareDatasets(base, cur, NAMES, { metric: BINARY, bootstrap: 600, seed: 1 });
    expect(again).toEqual(res);
    expect(compareMetric(base, cur, 'f1', { metric: BINARY, bootstrap: 600, seed: 1 })).toEqual(res.f1);
    expect(compareMetric(base, cur, 'ece', { metric: BINARY, bootstrap: 600, seed: 1 })).toEqual(res.ece);
    expect(compareDatasets(base, cur, ['f1'], { metric: BINARY, bootstrap: 600, seed: 2 }).f1).not.toEqual(
      res.f1,
    );
  });

  it('uses only the overlapping examples', () => {
    const sub = subsetDataset(
      cur,
      Int32Array.from({ length: 400 }, (_, i) => i + 200),
    );
    const r = compareDatasets(base, sub, ['accuracy', 'log_loss'], { metric: BINARY });
    const rb = compareDatasets(
      subsetDataset(
        base,
        Int32Array.from({ length: 400 }, (_, i) => i + 200),
      ),
      sub,
      ['accuracy', 'log_loss'],
      { metric: BINARY },
    );
    expect(r).toEqual(rb);
  });

  it('omits metrics it cannot test (unknown names; AUC on relabelled examples)', () => {
    const relabelled = { ...cur, yTrue: Int32Array.from(cur.yTrue!, (y, i) => (i === 0 ? 1 - y : y)) };
    const r = compareDatasets(base, relabelled, ['roc_auc', 'nonsense_metric', 'accuracy'], {
      metric: BINARY,
    });
    expect(Object.keys(r)).toEqual(['accuracy']);
  });

  it('cluster-robust paired t when both runs have cluster ids', () => {
    const withCl = (ds: typeof base) => ({
      ...ds,
      cluster: ds.ids.map((id) => `g${Math.floor(Number(id) / 10)}`),
    });
    const r = compareDatasets(withCl(base), withCl(cur), ['accuracy', 'log_loss'], { metric: BINARY });
    expect(r.accuracy.method).toBe('paired-clustered-t');
    expect(r.log_loss.method).toBe('paired-clustered-t');
    expect(r.accuracy.clusters).toBe(80);
    expect(r.accuracy.df).toBe(79);
    const off = compareDatasets(withCl(base), withCl(cur), ['accuracy'], {
      metric: BINARY,
      clusterField: false,
    });
    expect(off.accuracy.method).toBe('mcnemar-exact');
  });

  it('regression: paired t for mae, bootstrap for r2', () => {
    const rb = regressionDataset(300, 4, 1, 1);
    const rc = regressionDataset(300, 4, 2, 1.4);
    const r = compareDatasets(rb, rc, ['mae', 'r2', 'rmse'], {
      metric: { task: 'regression' },
      bootstrap: 300,
    });
    expect(r.mae.method).toBe('paired-t');
    expect(r.r2.method).toBe('paired-bootstrap');
    expect(r.mae.p_value).toBeLessThan(0.01);
    expect(r.r2.p_value).toBeLessThan(0.01);
  });

  it('multiclass: confusion metrics by the joint-cell paired randomization test', () => {
    const mk = (seed: number, flip: number): ExampleRecord[] => {
      const shared = new Rng(99);
      const own = new Rng(seed);
      return Array.from({ length: 500 }, (_, i) => {
        const y = shared.int(4);
        const pred = own.random() < flip ? own.int(4) : y;
        return {
          id: String(i),
          label: `c${y}`,
          prediction: `c${pred}`,
          slices: {},
          numeric: {},
          source: { file: 'm' },
        };
      });
    };
    const mb = buildDataset(mk(1, 0.2), { task: 'multiclass' });
    const mc = buildDataset(mk(2, 0.35), { task: 'multiclass' });
    const r = compareDatasets(mb, mc, ['accuracy', 'f1_macro', 'mcc'], {
      metric: { task: 'multiclass' },
      bootstrap: 400,
    });
    expect(r.f1_macro.method).toBe('paired-randomization');
    expect(r.f1_macro.p_value).toBeLessThan(0.01);
    // Observed worsening in the shared class indexing = the runs' own metrics.
    const d =
      computeMetrics(mc, { task: 'multiclass' }).f1_macro.value! -
      computeMetrics(mb, { task: 'multiclass' }).f1_macro.value!;
    expect(r.f1_macro.bound!).toBeGreaterThan(d);
    expect(r.accuracy.method).toBe('mcnemar-exact');
  });
});

describe('unpairedTest', () => {
  it('z test from the two standard errors', () => {
    const t = unpairedTest(
      { value: 0.8, n: 100, stderr: 0.03 },
      { value: 0.7, n: 100, stderr: 0.04 },
      'higher',
    );
    expect(t.method).toBe('unpaired-z');
    expect(t.paired).toBe(false);
    expectClose(t.p_value, 0.022750131948179195, 1e-12); // Φ(−0.1/0.05) = Φ(−2)
    expectClose(t.ci_delta![0], -0.1 - Z975 * 0.05, 1e-12);
    const up = unpairedTest(
      { value: 0.7, n: 100, stderr: 0.03 },
      { value: 0.8, n: 100, stderr: 0.04 },
      'higher',
    );
    expect(up.p_value).toBeGreaterThan(0.97);
    const loss = unpairedTest(
      { value: 0.3, n: 100, stderr: 0.03 },
      { value: 0.4, n: 100, stderr: 0.04 },
      'lower',
    );
    expectClose(loss.p_value, 0.022750131948179195, 1e-12);
  });

  it('p and ci are null when a stderr or value is missing', () => {
    expect(
      unpairedTest({ value: 0.8, n: null }, { value: 0.7, n: null, stderr: 0.01 }, 'higher').p_value,
    ).toBeNull();
    expect(
      unpairedTest({ value: null, n: 10, stderr: 0.1 }, { value: 0.7, n: 10, stderr: 0.01 }, 'higher')
        .p_value,
    ).toBeNull();
    expect(unpairedTest(undefined, { value: 0.7, n: 10, stderr: 0.01 }, 'higher').ci_delta).toBeNull();
    expect(
      unpairedTest({ value: 0.8, n: 1, stderr: 0 }, { value: 0.7, n: 1, stderr: 0 }, 'higher').p_value,
    ).toBeNull();
  });

  it('agrees with the error bars of withErrorBars on disjoint runs', () => {
    const b = binaryDataset({ n: 400, seed: 30 }, 1);
    const c = binaryDataset({ n: 400, seed: 31, worse: 0.3 }, 1);
    const eb = withErrorBars(b, computeMetrics(b, BINARY), { metric: BINARY, bootstrap: 100 });
    const ec = withErrorBars(c, computeMetrics(c, BINARY), { metric: BINARY, bootstrap: 100 });
    const t = unpairedTest(eb.roc_auc, ec.roc_auc, 'higher');
    const se = Math.hypot(eb.roc_auc.stderr!, ec.roc_auc.stderr!);
    expectClose(t.p_value, normalCdf((ec.roc_auc.value! - eb.roc_auc.value!) / se), 1e-14);
    // the worse model (separation shifted by 0.3 logits) is flagged at 0.1 even without pairing
    expect(t.p_value).toBeLessThan(0.1);
  });
});

describe('flippedExamples', () => {
  it('classification: right→wrong are worse, listed in current order with labels and both predictions', () => {
    const pairing = pairDatasets(base, cur);
    const f = flippedExamples(base, cur, pairing, { metric: BINARY, topN: 3 })!;
    expect(f.outcome).toBe('correct');
    const cb = perExampleValues(base, 'accuracy', BINARY)!;
    const cc = perExampleValues(cur, 'accuracy', BINARY)!;
    let worse = 0;
    let better = 0;
    const firstWorse: string[] = [];
    for (let i = 0; i < base.n; i++) {
      if (cb[i] === 1 && cc[i] === 0) {
        worse++;
        if (firstWorse.length < 3) firstWorse.push(base.ids[i]);
      }
      if (cb[i] === 0 && cc[i] === 1) better++;
    }
    expect(f.worse).toBe(worse);
    expect(f.better).toBe(better);
    expect(f.top_worse.map((e) => e.id)).toEqual(firstWorse);
    const e = f.top_worse[0];
    const i = Number(e.id);
    expect(e.label).toBe(base.classes[base.yTrue![i]]);
    expect(e.baseline_prediction).toBe(e.label);
    expect(e.current_prediction).not.toBe(e.label);
    expect(f.top_better.length).toBeLessThanOrEqual(3);
  });

  it('regression: largest increase of the absolute error first, with the change', () => {
    const rb = regressionDataset(100, 4, 1, 1);
    const rc = regressionDataset(100, 4, 2, 1);
    const f = flippedExamples(rb, rc, pairDatasets(rb, rc), { metric: { task: 'regression' }, topN: 5 })!;
    expect(f.outcome).toBe('absolute_error');
    expect(f.worse + f.better).toBe(100);
    const changes = f.top_worse.map((e) => e.change!);
    expect(changes.every((c) => c > 0)).toBe(true);
    expect([...changes].sort((a, b) => b - a)).toEqual(changes);
    const j = rc.ids.indexOf(f.top_worse[0].id);
    expectClose(
      f.top_worse[0].change,
      Math.abs(rc.yTrueNum![j] - rc.yPredNum![j]) - Math.abs(rb.yTrueNum![j] - rb.yPredNum![j]),
      1e-15,
    );
    expect(f.top_better.every((e) => e.change! < 0)).toBe(true);
  });

  it('null when not paired', () => {
    const c = binaryDataset({ n: 50, seed: 21, idOffset: 5000 }, 1);
    expect(flippedExamples(base, c, pairDatasets(base, c), { metric: BINARY })).toBeNull();
  });
});
