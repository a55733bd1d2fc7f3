import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset, computeMetrics, type Dataset } from '../../src/metrics/index.js';
import { corpusMetric } from '../../src/metrics/corpus.js';
import { compareDatasets } from '../../src/stats/index.js';
import { compareCorpus } from '../../src/stats/corpus-test.js';
import { minResamples, randomizationDistribution } from '../../src/stats/randomization.js';
import { Rng } from '../../src/stats/rng.js';
import type { CorpusColumn, ExampleRecord } from '../../src/types.js';
import { BINARY, binaryDataset } from './data.js';
import { expectClose, fixture } from './helpers.js';

const ref = fixture('margin.json');

function dataset(y: number[], pred: number[]): Dataset {
  const recs: ExampleRecord[] = y.map((label, i) => ({
    id: String(i),
    label,
    prediction: pred[i],
    slices: {},
    numeric: {},
    source: { file: 'mem', line: i + 1 },
  }));
  return buildDataset(recs, BINARY);
}

describe('paired randomization test of confusion metrics', () => {
  it('exact enumeration matches a brute-force sklearn f1_score over all 2^D swaps', () => {
    for (const c of ref.randomization) {
      const b = dataset(c.y, c.base);
      const k = dataset(c.y, c.cur);
      const r = compareDatasets(b, k, ['f1', 'accuracy'], {
        metric: BINARY,
        tolerances: { f1: c.t, accuracy: 0 },
      });
      expect(r.f1.method).toBe('paired-randomization');
      expect(r.f1.exact).toBe(true);
      expectClose(r.f1.p_value, c.p, 1e-12);
      expectClose(r.accuracy.p_value, c.mcnemar_p, 1e-12);
    }
  });

  it('n = 40, 4 examples right → wrong and none back: F1 and accuracy both p = 1/16', () => {
    const c = ref.randomization[0];
    expect(c.discordant).toBe(4);
    const r = compareDatasets(dataset(c.y, c.base), dataset(c.y, c.cur), ['f1', 'accuracy'], {
      metric: BINARY,
    });
    expect(r.accuracy.p_value).toBe(0.0625);
    expectClose(r.f1.p_value, 0.0625, 1e-12);
    // The bound agrees with the p-value: not significant, so not beyond 0.
    expect(r.f1.bound!).toBeGreaterThanOrEqual(0);
  });

  it('is sampled beyond the exact limit, with at least the requested floor of relabellings', () => {
    const base = binaryDataset({ n: 3000, seed: 4 }, 1);
    const cur = binaryDataset({ n: 3000, seed: 4, worse: 0.3 }, 2);
    const r = compareDatasets(base, cur, ['f1', 'mcc'], {
      metric: BINARY,
      bootstrap: 200,
      minResamples: minResamples(20, 0.05),
    });
    expect(r.f1.exact).toBe(false);
    expect(r.f1.resamples).toBe(8000);
    expect(r.f1.p_value).toBeLessThan(0.001);
    // Observed statistic in the shared class indexing equals each run's own metric.
    const vb = computeMetrics(base, BINARY).f1.value!;
    const vc = computeMetrics(cur, BINARY).f1.value!;
    expect(r.f1.bound!).toBeLessThan(0);
    expect(vc - vb).toBeLessThan(r.f1.bound! + 1e-12);
  });

  it('an exact enumeration has weights summing to 1 and the binomial law for one cell', () => {
    const d = randomizationDistribution(
      [5],
      1,
      (s, out) => {
        out[0] = s[0];
      },
      10,
      new Rng(1),
    );
    expect(d.exact).toBe(true);
    expect(d.count).toBe(6);
    expectClose(
      d.weights!.reduce((a, b) => a + b, 0),
      1,
      1e-15,
    );
    expectClose(d.weights![2], 10 / 32, 1e-14);
  });

  it('minResamples = ⌈20·m/α⌉', () => {
    expect(minResamples(3, 0.05)).toBe(1200);
    expect(minResamples(11, 0.05)).toBe(4400);
    expect(minResamples(0, 0.05)).toBe(400);
  });
});

const REAL = new URL('../fixtures/real/lm-eval/pr3936-negotiationtom-qwen3-8b/', import.meta.url);

function corpusColumn(file: string, metric: string): CorpusColumn {
  const col: CorpusColumn = { ids: [], gold: [], pred: [], aggregation: metric as 'micro_f1' };
  for (const line of readFileSync(new URL(file, REAL), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as Record<string, unknown>;
    const [g, p] = o[metric] as [unknown, unknown];
    col.ids.push(String(o.doc_id));
    col.gold.push(g);
    col.pred.push(p);
  }
  return col;
}

describe('corpus metrics from per-document [gold, pred] items', () => {
  const files = readdirSync(REAL)
    .filter((f) => f.startsWith('samples_negotiationtom_intention'))
    .sort();

  it('set-valued items: micro/macro F1 equal sklearn (and the harness results file)', () => {
    for (const c of ref.corpus.filter((x: { kind: string }) => x.kind === 'sets')) {
      for (const m of ['micro_f1', 'macro_f1'] as const) {
        const col = corpusColumn(c.file, m);
        expectClose(corpusMetric(m, col.gold, col.pred), c[m], 1e-14);
      }
    }
  });

  it('scalar items: f1 (binary), mcc, macro/micro F1 equal sklearn', () => {
    for (const c of ref.corpus.filter((x: { kind: string }) => x.kind === 'scalars')) {
      for (const m of ['mcc', 'macro_f1', 'micro_f1', 'f1'] as const) {
        if (c[m] === undefined) continue;
        expectClose(corpusMetric(m, c.gold, c.pred), c[m], 1e-12, 1e-15);
      }
    }
  });

  it('the same model run twice: paired randomization finds no significant drop', () => {
    for (const m of ['micro_f1', 'macro_f1']) {
      const b = corpusColumn(files[0], m);
      const c = corpusColumn(files[1], m);
      const r = compareCorpus(b, c, 'higher')!;
      expect(r.method).toBe('paired-randomization');
      expect(r.exact).toBe(true);
      expect(r.p_value!).toBeGreaterThan(0.2);
    }
  });

  it('a real drop on many documents is detected', () => {
    const n = 400;
    const gold = Array.from({ length: n }, (_, i) => i % 3);
    const good = gold.map((g, i) => (i % 10 === 0 ? (g + 1) % 3 : g));
    const bad = gold.map((g, i) => (i % 4 === 0 ? (g + 1) % 3 : g));
    const ids = gold.map((_, i) => `d${i}`);
    const r = compareCorpus(
      { ids, gold, pred: good, aggregation: 'macro_f1' },
      { ids, gold, pred: bad, aggregation: 'macro_f1' },
      'higher',
      { resamples: 2000 },
    )!;
    expect(r.exact).toBe(false);
    expect(r.p_value!).toBeLessThan(0.001);
  });
});
