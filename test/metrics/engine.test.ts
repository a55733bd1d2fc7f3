import { describe, expect, it } from 'vitest';
import {
  buildDataset,
  computeMetrics,
  confusionCounts,
  correctness,
  metricSpec,
  metricsFromConfusion,
  normalizeText,
  numericFieldDirection,
  percentile,
  perExampleValues,
  primaryMetrics,
  squadNormalize,
  subsetDataset,
  taskMetricNames,
  tokenF1,
  type MetricOptions,
} from '../../src/metrics/index.js';
import type { ExampleRecord } from '../../src/types.js';
import { close, loadFixtures, rec, recs } from './helpers.js';

const fixtures = loadFixtures();
const AUTO: MetricOptions = { task: 'auto' };

describe('metricsFromConfusion', () => {
  for (const fx of fixtures.filter((f) => f.task === 'binary' || f.task === 'multiclass')) {
    it(`equals computeMetrics on ${fx.name} (whole data and a slice)`, () => {
      const ds = buildDataset(fx.records, fx.options);
      for (const d of [
        ds,
        subsetDataset(
          ds,
          Array.from({ length: Math.ceil(ds.n / 3) }, (_, i) => i * 3),
        ),
      ]) {
        const all = computeMetrics(d, fx.options);
        const { k, counts } = confusionCounts(d);
        const fromCounts = metricsFromConfusion(counts, k, d.task as 'binary' | 'multiclass', d.posIndex);
        expect(Object.keys(fromCounts).length).toBeGreaterThanOrEqual(7);
        for (const [name, m] of Object.entries(fromCounts)) {
          expect(metricSpec(name, d.task)?.kind === 'confusion' || name === 'accuracy', name).toBe(true);
          expect(m, name).toEqual(all[name]);
        }
      }
    });
  }

  it('counts rows = true class, columns = predicted class', () => {
    const ds = buildDataset(recs(['a', 'b', 'c', 'c'], ['a', 'c', 'c', 'b']), AUTO);
    expect(Array.from(confusionCounts(ds).counts)).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 1]);
  });

  it('ignores classes with no true and no predicted examples (sklearn labels=None)', () => {
    // 4 classes, the last one empty: same as the 3-class matrix.
    const c4 = Float64Array.from([5, 1, 0, 0, 2, 7, 1, 0, 0, 3, 9, 0, 0, 0, 0, 0]);
    const c3 = Float64Array.from([5, 1, 0, 2, 7, 1, 0, 3, 9]);
    expect(metricsFromConfusion(c4, 4, 'multiclass')).toEqual(metricsFromConfusion(c3, 3, 'multiclass'));
  });

  it('all-zero counts are undefined, never NaN', () => {
    const m = metricsFromConfusion(new Float64Array(4), 2, 'binary', 1);
    for (const v of Object.values(m)) expect(v).toEqual({ value: null, undefined: 'no examples', n: 0 });
  });
});

describe('perExampleValues', () => {
  for (const fx of fixtures) {
    it(`mean of per-example values equals the metric on ${fx.name}`, () => {
      const ds = buildDataset(fx.records, fx.options);
      const all = computeMetrics(ds, fx.options);
      let checked = 0;
      for (const [name, m] of Object.entries(all)) {
        const spec = metricSpec(name, ds.task);
        expect(spec, name).toBeDefined();
        const v = perExampleValues(ds, name, fx.options);
        if (spec!.kind !== 'mean') {
          expect(v, name).toBeNull();
          continue;
        }
        if (m.value === null) continue;
        expect(v, name).not.toBeNull();
        expect(v!.length).toBe(ds.n);
        let sum = 0;
        let count = 0;
        for (const x of v!) {
          if (Number.isNaN(x)) continue;
          if (spec!.binaryOutcome) expect(x === 0 || x === 1).toBe(true);
          sum += x;
          count++;
        }
        expect(count, name).toBe(m.n);
        expect(close(sum / count, m.value), `${name}: ${sum / count} vs ${m.value}`).toBe(true);
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('per-example hamming loss is the fraction of wrong labels', () => {
    const ds = buildDataset([rec(1, ['a', 'b'], ['a']), rec(2, ['c'], ['a', 'c']), rec(3, [], [])], AUTO);
    expect(Array.from(perExampleValues(ds, 'hamming_loss', AUTO)!)).toEqual([1 / 3, 1 / 3, 0]);
    expect(Array.from(perExampleValues(ds, 'jaccard_samples', AUTO)!)).toEqual([0.5, 0.5, 0]);
  });

  it('null for metrics of another task or without probabilities', () => {
    const ds = buildDataset(recs([0, 1], [0, 1]), AUTO);
    expect(perExampleValues(ds, 'log_loss', AUTO)).toBeNull();
    expect(perExampleValues(ds, 'mae', AUTO)).toBeNull();
    expect(perExampleValues(ds, 'f1', AUTO)).toBeNull();
    expect(perExampleValues(ds, 'nope_mean', AUTO)).toBeNull();
  });
});

describe('subsetDataset', () => {
  it('gathers rows (repeats allowed) and keeps classes and the positive class', () => {
    const ds = buildDataset(
      recs(['cat', 'dog', 'cat', 'dog'], ['cat', 'cat', 'dog', 'dog'], [0.9, 0.8, 0.3, 0.1]).map((r, i) => ({
        ...r,
        numeric: { ms: i * 10 },
        slices: { lang: i % 2 ? 'de' : 'en' },
      })),
      { task: 'auto', positiveLabel: 'cat' },
    );
    const sub = subsetDataset(ds, [3, 3, 0]);
    expect(sub.n).toBe(3);
    expect(sub.ids).toEqual(['ex4', 'ex4', 'ex1']);
    expect(sub.classes).toBe(ds.classes);
    expect(sub.posIndex).toBe(0);
    expect(Array.from(sub.yTrue!)).toEqual([1, 1, 0]);
    expect(Array.from(sub.score!)).toEqual([0.1, 0.1, 0.9]);
    expect(Array.from(sub.numeric.ms)).toEqual([30, 30, 0]);
    expect(sub.slices.lang).toEqual(['de', 'de', 'en']);
  });

  it('gathers probability and indicator rows', () => {
    const mc = buildDataset(
      recs(['a', 'b', 'c'], ['a', 'b', 'b'], [{ a: 1 }, { b: 1 }, { b: 0.6, c: 0.4 }]),
      AUTO,
    );
    expect(Array.from(subsetDataset(mc, [2, 0]).proba!)).toEqual([0, 0.6, 0.4, 1, 0, 0]);
    const ml = buildDataset([rec(1, ['x'], ['y']), rec(2, ['y'], ['y'])], AUTO);
    const s = subsetDataset(ml, [1, 1]);
    expect([Array.from(s.mlTrue!), Array.from(s.mlPred!)]).toEqual([
      [0, 1, 0, 1],
      [0, 1, 0, 1],
    ]);
  });

  it('a slice scores like a dataset built from the slice records', () => {
    for (const name of [
      'multiclass_no_probabilities',
      'binary_random_int',
      'regression_random',
      'generation_qa_random',
    ]) {
      const fx = fixtures.find((f) => f.name === name)!;
      const ds = buildDataset(fx.records, fx.options);
      const idx = fx.records.map((_, i) => i).filter((i) => i % 4 === 1);
      const viaSubset = computeMetrics(subsetDataset(ds, idx), fx.options);
      const sliceRecords = idx.map((i) => fx.records[i]);
      const direct = computeMetrics(buildDataset(sliceRecords, { ...fx.options, task: ds.task }), fx.options);
      expect(Object.keys(viaSubset)).toEqual(Object.keys(direct));
      for (const k of Object.keys(direct)) {
        const a = viaSubset[k].value;
        const b = direct[k].value;
        expect(a === b || (a !== null && b !== null && close(a, b)), `${name} ${k}: ${a} vs ${b}`).toBe(true);
      }
    }
  });

  it('an empty subset gives undefined metrics, never NaN or a throw', () => {
    for (const fx of fixtures) {
      const ds = buildDataset(fx.records, fx.options);
      const m = computeMetrics(subsetDataset(ds, []), fx.options);
      expect(Object.keys(m).sort()).toEqual(Object.keys(fx.expected).sort());
      for (const [name, v] of Object.entries(m)) {
        expect(v.value, `${fx.name} ${name}`).toBeNull();
        expect(v.undefined).toBeTruthy();
      }
    }
  });
});

describe('metric edge cases', () => {
  it('AUC with one class present is undefined; AP of all positives is 1', () => {
    const m = computeMetrics(buildDataset(recs([1, 1, 1], [1, 0, 1], [0.9, 0.2, 0.6]), AUTO), AUTO);
    expect(m.roc_auc).toEqual({ value: null, undefined: 'only one class present in labels', n: 3 });
    expect(m.average_precision.value).toBe(1);
  });

  it('AUC counts ties as ½', () => {
    const m = computeMetrics(
      buildDataset(recs([1, 0, 1, 0], [1, 1, 0, 0], [0.5, 0.5, 0.5, 0.2]), AUTO),
      AUTO,
    );
    // pairs (pos, neg): (0.5,0.5) ½ ×2 pos, (0.5,0.2) 1 ×2 → 3/4
    expect(m.roc_auc.value).toBe(0.75);
  });

  it('ECE puts p = 1 in the last bin and p = 1/15 in the second', () => {
    const ds = buildDataset(recs([1, 1, 0], [1, 1, 0], [1, 1, 1 / 15]), AUTO);
    // bin 14: y=1, p=1 → 0; bin 1: y=0, p=1/15 → 1/15 · 1/3
    expect(computeMetrics(ds, AUTO).ece.value).toBeCloseTo(1 / 45, 15);
  });

  it('log loss clips probabilities 0 and 1 at the float64 epsilon (sklearn 1.2)', () => {
    const m = computeMetrics(buildDataset(recs([1, 0], [0, 1], [0, 1]), AUTO), AUTO);
    expect(m.log_loss.value).toBeCloseTo(-Math.log(2.220446049250313e-16), 10);
  });

  it('top-k accuracy: ties rank the later class first; k ≥ number of classes → 1', () => {
    const r = recs(
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      [
        { a: 0.4, b: 0.3, c: 0.3 },
        { a: 0.4, b: 0.3, c: 0.3 },
        { a: 0.4, b: 0.3, c: 0.3 },
      ],
    );
    const ds = buildDataset(r, AUTO);
    // order: a, c (tie with b, later class first), b
    expect(Array.from(perExampleValues(ds, 'top_k_accuracy', { task: 'auto', topK: 2 })!)).toEqual([1, 0, 1]);
    expect(computeMetrics(ds, { task: 'auto', topK: 3 }).top_k_accuracy.value).toBe(1);
    expect(() => computeMetrics(ds, { task: 'auto', topK: 0 })).toThrow(/top_k/);
  });

  it('roc_auc_ovr averages over classes with true examples only', () => {
    const r = recs(
      ['a', 'a', 'b', 'b'],
      ['a', 'c', 'b', 'b'],
      [
        { a: 0.8, b: 0.1, c: 0.1 },
        { a: 0.3, b: 0.2, c: 0.5 },
        { a: 0.2, b: 0.7, c: 0.1 },
        { a: 0.5, b: 0.4, c: 0.1 },
      ],
    );
    const m = computeMetrics(buildDataset(r, AUTO), AUTO);
    // class a: pos {0.8, 0.3} vs neg {0.2, 0.5} → 3/4; class b: pos {0.7, 0.4} vs neg {0.1, 0.2} → 1
    expect(m.roc_auc_ovr.value).toBe(0.875);
  });

  it('r2: constant target → 1 when perfect, 0 otherwise; n < 2 undefined', () => {
    const constant = (preds: number[]) =>
      computeMetrics(buildDataset(recs([0.1, 0.1, 0.1], preds), { task: 'regression' }), AUTO).r2;
    expect(constant([0.1, 0.1, 0.1]).value).toBe(1);
    // 0.1 × 3 does not sum exactly: the constant test must not depend on the mean's rounding.
    expect(constant([0.1, 0.2, 0.1]).value).toBe(0);
    expect(computeMetrics(buildDataset(recs([1.5], [1]), AUTO), AUTO).r2).toEqual({
      value: null,
      undefined: 'r2 needs at least two examples',
      n: 1,
    });
  });

  it('mape uses max(|y|, eps) as denominator', () => {
    const m = computeMetrics(buildDataset(recs([0, 2.5], [1, 2]), { task: 'regression' }), AUTO);
    expect(m.mape.value).toBe((1 / 2.220446049250313e-16 + 0.5 / 2.5) / 2);
  });

  it('numeric fields: mean/p50/p95 over the examples that have the field', () => {
    const r = [15, 20, 35, 40, 50].map((v, i) => rec(i + 1, 1, 1, { numeric: { latency_ms: v } }));
    r.push(rec(6, 0, 0));
    const m = computeMetrics(buildDataset(r, AUTO), AUTO);
    expect(m.latency_ms_mean).toEqual({ value: 32, n: 5 });
    expect(m.latency_ms_p50).toEqual({ value: 35, n: 5 });
    expect(m.latency_ms_p95.value).toBeCloseTo(48, 12);
  });
});

describe('percentile (numpy linear)', () => {
  it('matches np.percentile', () => {
    expect(percentile([1, 2, 3, 4], 95)).toBe(3.8499999999999996); // np.percentile([1,2,3,4], 95)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([0.1, 0.2, 0.7], 95)).toBe(0.6499999999999999); // np.percentile([.1,.2,.7], 95)
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });
});

describe('generation helpers', () => {
  it('SQuAD normalisation: lower, punctuation, articles, whitespace', () => {
    expect(squadNormalize('  The Denver Broncos!  ')).toEqual(['denver', 'broncos']);
    expect(squadNormalize('an apple, a pear')).toEqual(['apple', 'pear']);
    expect(squadNormalize('theatre anthem')).toEqual(['theatre', 'anthem']);
    expect(squadNormalize('the')).toEqual([]);
    expect(squadNormalize('é a b')).toEqual(['é', 'b']);
  });

  it('token F1 of multisets; empty cases', () => {
    expect(tokenF1(['a', 'b', 'b'], ['b', 'b', 'c', 'd'])).toBeCloseTo(
      (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5),
      15,
    );
    expect(tokenF1([], [])).toBe(1);
    expect(tokenF1(['x'], [])).toBe(0);
    expect(tokenF1(['x'], ['y'])).toBe(0);
  });

  it('exact-match normalisation options', () => {
    const all = { trim: true, caseFold: true, stripPunctuation: true, collapseWhitespace: true };
    expect(normalizeText('  Hello,\t World! ', all)).toBe('hello world');
    expect(
      normalizeText(' A ', {
        trim: false,
        caseFold: false,
        stripPunctuation: false,
        collapseWhitespace: false,
      }),
    ).toBe(' A ');
  });

  it('exact_match and token_f1 take the best accepted answer', () => {
    const ds = buildDataset([rec(1, ['Paris', 'City of Paris'], 'city of paris'), rec(2, 'Rome', 'Milan')], {
      task: 'generation',
    });
    const m = computeMetrics(ds, AUTO);
    expect(m.exact_match.value).toBe(0.5);
    expect(m.token_f1.value).toBe(0.5);
    expect(Array.from(correctness(ds, AUTO)!)).toEqual([1, 0]);
  });
});

describe('correctness', () => {
  it('per task', () => {
    expect(Array.from(correctness(buildDataset(recs([0, 1, 1], [0, 0, 1]), AUTO), AUTO)!)).toEqual([1, 0, 1]);
    expect(
      Array.from(correctness(buildDataset([rec(1, ['a'], ['a']), rec(2, ['a', 'b'], ['a'])], AUTO), AUTO)!),
    ).toEqual([1, 0]);
    expect(correctness(buildDataset(recs([1.5, 2], [1, 2]), AUTO), AUTO)).toBeNull();
  });
});

describe('metricSpec and primaryMetrics', () => {
  it('kinds and directions of built-in metrics', () => {
    expect(metricSpec('accuracy')).toEqual({ direction: 'higher', kind: 'mean', binaryOutcome: true });
    expect(metricSpec('exact_match')).toEqual({ direction: 'higher', kind: 'mean', binaryOutcome: true });
    expect(metricSpec('token_f1')).toEqual({ direction: 'higher', kind: 'mean' });
    expect(metricSpec('log_loss')).toEqual({ direction: 'lower', kind: 'mean' });
    expect(metricSpec('hamming_loss')).toEqual({ direction: 'lower', kind: 'mean' });
    expect(metricSpec('f1')).toEqual({ direction: 'higher', kind: 'confusion' });
    expect(metricSpec('mcc')).toEqual({ direction: 'higher', kind: 'confusion' });
    expect(metricSpec('roc_auc')).toEqual({ direction: 'higher', kind: 'auc' });
    expect(metricSpec('roc_auc_ovr')).toEqual({ direction: 'higher', kind: 'auc' });
    expect(metricSpec('ece')).toEqual({ direction: 'lower', kind: 'other' });
    expect(metricSpec('rmse')).toEqual({ direction: 'lower', kind: 'other' });
    expect(metricSpec('r2')).toEqual({ direction: 'higher', kind: 'other' });
    expect(metricSpec('nonsense')).toBeUndefined();
  });

  it('micro/macro averages depend on the task', () => {
    expect(metricSpec('f1_macro', 'multiclass')?.kind).toBe('confusion');
    expect(metricSpec('f1_macro', 'multilabel')?.kind).toBe('other');
    expect(metricSpec('f1_macro')?.kind).toBe('other');
    expect(metricSpec('precision_weighted')?.kind).toBe('confusion');
  });

  it('numeric-field summaries', () => {
    expect(metricSpec('latency_ms_mean')).toEqual({ direction: 'lower', kind: 'mean' });
    expect(metricSpec('latency_ms_p95')).toEqual({ direction: 'lower', kind: 'other' });
    expect(metricSpec('judge_score_mean')).toEqual({ direction: 'higher', kind: 'mean' });
    expect(numericFieldDirection('rewardModel')).toBe('higher');
    expect(numericFieldDirection('pass_at_1')).toBe('higher');
    expect(numericFieldDirection('output_tokens')).toBe('lower');
    expect(numericFieldDirection('costUsd')).toBe('lower');
    expect(numericFieldDirection('error_score')).toBe('lower');
    expect(numericFieldDirection('access_count')).toBeUndefined();
    expect(numericFieldDirection('faithfulness')).toBeUndefined();
    expect(metricSpec('faithfulness_mean')).toEqual({ direction: undefined, kind: 'mean' });
  });

  it('every metric computeMetrics produces has a spec', () => {
    for (const fx of fixtures) {
      const ds = buildDataset(fx.records, fx.options);
      for (const name of Object.keys(computeMetrics(ds, fx.options)))
        expect(metricSpec(name, ds.task), name).toBeDefined();
    }
  });

  it('primary metrics (SPEC §5) are metrics of their task', () => {
    expect(primaryMetrics('binary')).toEqual(['accuracy', 'f1', 'roc_auc']);
    expect(primaryMetrics('multiclass')).toEqual(['accuracy', 'f1_macro']);
    expect(primaryMetrics('multilabel')).toEqual(['f1_micro']);
    expect(primaryMetrics('regression')).toEqual(['mae', 'r2']);
    expect(primaryMetrics('generation')).toEqual(['exact_match', 'token_f1']);
    for (const t of ['binary', 'multiclass', 'multilabel', 'regression', 'generation'] as const) {
      for (const m of primaryMetrics(t)) expect(taskMetricNames(t, true)).toContain(m);
    }
  });
});

describe('scale', () => {
  // Guards against per-argument spreads and recursion that overflow the stack at this size; speed is
  // measured by `npm run bench`, never by a timed test.
  it('builds and scores 1,000,000 binary examples without overflowing', () => {
    let s = 12345;
    const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296;
    const n = 1_000_000;
    const records: ExampleRecord[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const y = rand() < 0.4 ? 1 : 0;
      const p = Math.min(1, y * 0.3 + rand() * 0.7);
      records[i] = rec(i + 1, y, p > 0.5 ? 1 : 0, {
        probabilities: p,
        numeric: { latency_ms: rand() * 100 },
      });
    }
    const ds = buildDataset(records, AUTO);
    const m = computeMetrics(ds, AUTO);
    expect(m.accuracy.n).toBe(n);
    expect(m.roc_auc.value).toBeGreaterThan(0.8);
  });
});
