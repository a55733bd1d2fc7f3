import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, parseConfig } from '../../src/config/load.js';
import { computeCurrent, loadBaseline, runGate } from '../../src/pipeline.js';
import { serializeResult } from '../../src/render/json.js';
import { binaryRun, toJsonl } from '../helpers/gen.js';

const dir = mkdtempSync(join(tmpdir(), 'evalgate-gate-'));
function write(name: string, rows: object[]): string {
  const p = join(dir, name);
  writeFileSync(p, toJsonl(rows));
  return p;
}

async function gate(baseRows: object[], curRows: object[], config = defaultConfig()) {
  const b = write(`b${Math.random()}.jsonl`, baseRows);
  const c = write(`c${Math.random()}.jsonl`, curRows);
  return runGate({
    current: await computeCurrent([c], config),
    baseline: await loadBaseline([b], config),
    baselineInfo: { source: 'path', path: b, reason: 'test' },
    config,
  });
}

describe('zero-config gate on generated data (fixed seeds)', () => {
  it('noise-level differences between two runs of the same model pass', async () => {
    const base = binaryRun(2000, 0.85, 1, 10);
    const cur = binaryRun(2000, 0.85, 1, 11);
    const r = await gate(base, cur);
    expect(r.pairing?.paired).toBe(true);
    expect(r.pairing?.overlap).toBe(2000);
    const acc = r.comparisons.find((c) => c.metric === 'accuracy' && !c.slice)!;
    expect(acc.gated).toBe(true);
    expect(acc.test?.method).toBe('mcnemar-exact');
    expect(r.verdict).toBe('pass');
    expect(r.regressions).toBe(0);
  });

  it('a real 2-point accuracy drop fails, with McNemar p and a Holm-adjusted p', async () => {
    const base = binaryRun(2000, 0.86, 2, 20);
    const cur = binaryRun(2000, 0.84, 2, 21);
    const r = await gate(base, cur);
    const acc = r.comparisons.find((c) => c.metric === 'accuracy' && !c.slice)!;
    expect(acc.delta!).toBeLessThan(-0.015);
    expect(acc.status).toBe('regressed');
    expect(acc.test!.p_value!).toBeLessThan(0.05);
    expect(acc.p_adjusted!).toBeGreaterThanOrEqual(acc.test!.p_value!);
    expect(acc.test!.ci_delta![1]).toBeLessThan(0);
    expect(r.verdict).toBe('fail');
    expect(r.flipped!.worse).toBeGreaterThan(r.flipped!.better);
  });

  it('an improvement never fails', async () => {
    const r = await gate(binaryRun(2000, 0.8, 3, 30), binaryRun(2000, 0.85, 3, 31));
    expect(r.verdict).toBe('pass');
    expect(r.comparisons.find((c) => c.metric === 'accuracy' && !c.slice)!.status).toBe('improved');
  });
});

describe('configured gate', () => {
  const cfgText = `slices: [language]
significance: 0.05
metrics:
  accuracy: { max_regression: 0.01, min: 0.5 }
  f1: { max_regression: 0.01, severity: warn }
slice_rules: { max_regression: 0.03, min_n: 50 }
`;
  it('a slice regression is found and named, thresholds apply', async () => {
    const config = parseConfig(cfgText, 'cfg.yml');
    const base = binaryRun(1600, 0.88, 4, 40);
    const cur = binaryRun(1600, 0.88, 4, 41, { de: 0.7 });
    const r = await gate(base, cur, config);
    const de = r.comparisons.find((c) => c.metric === 'accuracy' && c.slice?.value === 'de')!;
    expect(de.status).toBe('regressed');
    expect(de.p_adjusted).not.toBeUndefined();
    const en = r.comparisons.find((c) => c.metric === 'accuracy' && c.slice?.value === 'en')!;
    expect(en.status).not.toBe('regressed');
    expect(r.verdict).toBe('fail');
  });

  it('min floors fail even without a baseline; thresholds alone decide when significance is null', async () => {
    const config = parseConfig(
      'significance: null\nmetrics:\n  accuracy: { max_regression: 0.001, min: 0.95 }\n',
      'c.yml',
    );
    const c = write('cur-min.jsonl', binaryRun(500, 0.8, 5, 50));
    const r = runGate({
      current: await computeCurrent([c], config),
      baseline: null,
      baselineInfo: { source: 'none', reason: 'none' },
      config,
    });
    expect(r.verdict).toBe('fail');
    expect(r.comparisons.find((x) => x.metric === 'accuracy')!.reason).toMatch(/below min 0\.95/);
    const r2 = await gate(
      binaryRun(500, 0.85, 6, 60),
      binaryRun(500, 0.845, 6, 61),
      parseConfig('significance: null\nmetrics:\n  accuracy: { max_regression: 0.0001 }\n', 'c.yml'),
    );
    const acc = r2.comparisons.find((x) => x.metric === 'accuracy' && !x.slice)!;
    if (acc.delta! < -0.0001) expect(acc.status).toBe('regressed');
  });

  it('a stored EvalResult baseline pairs by id like the raw records', async () => {
    const config = defaultConfig();
    const b = write('raw-base.jsonl', binaryRun(1000, 0.86, 7, 70));
    const stored = join(dir, 'baseline.json');
    writeFileSync(stored, serializeResult((await computeCurrent([b], config)).result));
    const c = write('raw-cur.jsonl', binaryRun(1000, 0.86, 7, 71));
    const fromRaw = runGate({
      current: await computeCurrent([c], config),
      baseline: await loadBaseline([b], config),
      baselineInfo: { source: 'path', reason: 'x' },
      config,
    });
    const fromStored = runGate({
      current: await computeCurrent([c], config),
      baseline: await loadBaseline([stored], config),
      baselineInfo: { source: 'path', reason: 'x' },
      config,
    });
    expect(fromStored.pairing).toEqual(fromRaw.pairing);
    expect(fromStored.comparisons.map((x) => [x.metric, x.status, x.test?.p_value])).toEqual(
      fromRaw.comparisons.map((x) => [x.metric, x.status, x.test?.p_value]),
    );
  });
});

describe('pre-aggregated inputs', () => {
  it('DVC metric maps: every metric is gated by default, unknown-direction metrics are skipped', async () => {
    const real = (p: string) => new URL(`../fixtures/real/${p}`, import.meta.url).pathname;
    const config = defaultConfig();
    const r = runGate({
      current: await computeCurrent([real('dvc/metrics_by_geo.d04b732.json')], config),
      baseline: await loadBaseline([real('dvc/metrics_by_geo.4e0544f.json')], config),
      baselineInfo: { source: 'path', reason: 'x' },
      config,
    });
    expect(r.task).toBe('aggregate');
    for (const c of r.comparisons) expect(c.gated || c.status === 'skipped').toBe(true);
    // No standard errors, no threshold: a 2.5% drop is within the default 5% tolerance of untested
    // metrics, so it is reported as inconclusive ("untested"), not failed.
    const f1 = r.comparisons.find((c) => c.metric === 'f1')!;
    expect(f1.status).toBe('inconclusive');
    expect(f1.reason).toContain('untested');
    const auc = r.comparisons.find((c) => c.metric === 'roc_auc_by_geo.France')!;
    expect(auc.status).toBe('unchanged');
    const beyond = r.comparisons.filter((c) => c.status === 'regressed');
    for (const c of beyond) expect(-c.delta_pct! * (c.direction === 'higher' ? 1 : -1)).toBeGreaterThan(5);
    expect(r.verdict).toBe(beyond.length ? 'fail' : 'pass');
  });
});

describe('clusters', () => {
  it('the cluster-robust test runs only when the config names `cluster:`, with a note below 30 clusters', async () => {
    const withConv = (rows: object[]) =>
      rows.map((r, i) => ({ ...r, conv: `c${i % 12}`, cluster: `x${i % 3}` }));
    const base = withConv(binaryRun(600, 0.85, 3, 1));
    const cur = withConv(binaryRun(600, 0.85, 3, 2));
    // A field that happens to be called `cluster` is not enough.
    const plain = await gate(base, cur);
    const acc = plain.comparisons.find((c) => c.metric === 'accuracy')!;
    expect(acc.test?.method).toBe('mcnemar-exact');
    const r = await gate(base, cur, parseConfig('cluster: conv\n', 'c.yml'));
    const cl = r.comparisons.find((c) => c.metric === 'accuracy')!;
    expect(cl.test?.method).toBe('paired-clustered-t');
    expect(cl.test?.clusters).toBe(12);
    expect(cl.test?.df).toBe(11);
    expect(r.notes.join('\n')).toMatch(/only 12 clusters/);
  });
});
