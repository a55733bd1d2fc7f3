/** Regression tests for defects found in review: each was reproduced before its fix. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, parseConfig } from '../../src/config/load.js';
import { diagnose } from '../../src/diagnose/index.js';
import { mergeRule } from '../../src/diagnose/rules.js';
import { computeCurrent, loadBaseline, runGate } from '../../src/pipeline.js';
import type { EvalResult } from '../../src/types.js';
import { binaryRun, toJsonl } from '../helpers/gen.js';

const dir = mkdtempSync(join(tmpdir(), 'evalgate-review-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const agg = (metrics: Record<string, number>): EvalResult => ({
  schema: 'evalgate/eval-result',
  version: 1,
  task: 'aggregate',
  n: null,
  metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, { value: v, n: null }])),
  slices: {},
  sources: [],
});
const info = { source: 'path' as const, reason: 'test' };

async function gate(base: string[], cur: string[], config = defaultConfig()) {
  return runGate({
    current: await computeCurrent(cur, config),
    baseline: await loadBaseline(base, config),
    baselineInfo: info,
    config,
  });
}

describe('review fixes', () => {
  it('a numeric field whose name gives no direction is not guessed: an increase never fails, it warns', async () => {
    const rows = (shift: number) =>
      binaryRun(300, 0.85, 1, 2).map((r, i) => ({ ...r, faithfulness: 0.5 + shift + (i % 10) / 100 }));
    const r = await gate(
      [write('f-base.jsonl', toJsonl(rows(0)))],
      [write('f-cur.jsonl', toJsonl(rows(0.3)))],
      parseConfig('defaults: { max_regression: 0 }\n', 'c.yml'),
    );
    const f = r.comparisons.find((c) => c.metric === 'faithfulness_mean')!;
    expect(f.status).toBe('warn');
    expect(f.reason).toContain('direction unknown');
    expect(r.verdict).toBe('warn');
  });

  it("a metric's own threshold replaces the default thresholds instead of adding to them", () => {
    expect(
      mergeRule({ max_regression: 0.005, severity: 'fail' }, { max_regression_pct: 10, severity: 'warn' }),
    ).toEqual({ max_regression_pct: 10, severity: 'warn' });
    expect(mergeRule({ max_regression: 0.005 }, { min: 0.8 })).toEqual({ max_regression: 0.005, min: 0.8 });
  });

  it('min/max apply to metrics of unknown direction', () => {
    const cfg = parseConfig('metrics:\n  custom_quality: { min: 0.8 }\n', 'c.yml');
    const r = diagnose({
      current: agg({ custom_quality: 0.5 }),
      baseline: agg({ custom_quality: 0.9 }),
      baselineInfo: info,
      config: cfg,
    });
    expect(r.comparisons[0].status).toBe('regressed');
    expect(r.verdict).toBe('fail');
  });

  it('runs detected as different tasks are an input error, not a silent pass', async () => {
    const base = write(
      't-base.jsonl',
      toJsonl([1, 2, 3, 4, 5].map((y, i) => ({ id: i, label: y, prediction: y + 0.4 }))),
    );
    const cur = write(
      't-cur.jsonl',
      toJsonl([1, 2, 3, 4, 5].map((y, i) => ({ id: i, label: y, prediction: y }))),
    );
    await expect(gate([base], [cur])).rejects.toThrow(
      /this run \([^)]*t-cur\.jsonl\) is a multiclass task but the baseline \([^)]*t-base\.jsonl\) is regression; set `task:`/,
    );
  });

  it('a configured metric in neither run is a warning naming it (a typo does not switch the gate off)', () => {
    const cfg = parseConfig('metrics:\n  acuracy: { max_regression: 0.01 }\n', 'c.yml');
    const r = diagnose({
      current: agg({ accuracy: 0.8 }),
      baseline: agg({ accuracy: 0.9 }),
      baselineInfo: info,
      config: cfg,
    });
    const typo = r.comparisons.find((c) => c.metric === 'acuracy')!;
    expect(typo.status).toBe('warn');
    expect(typo.reason).toContain('a typo?');
    expect(r.verdict).toBe('warn');
    expect(parseConfig('metrics: {}\n', 'c.yml').hasRules).toBe(false);
  });

  it('zero-config gates every pre-aggregated metric even next to per-example records', async () => {
    const b = write('m-base.jsonl', toJsonl(binaryRun(200, 0.85, 3, 4)));
    const c = write('m-cur.jsonl', toJsonl(binaryRun(200, 0.85, 3, 4)));
    const r = await gate(
      [b, write('bleu-base.json', '{"bleu": 30}')],
      [c, write('bleu-cur.json', '{"bleu": 20}')],
    );
    const bleu = r.comparisons.find((x) => x.metric === 'bleu')!;
    expect(bleu.gated).toBe(true);
    expect(bleu.status).toBe('regressed');
  });

  it('a slice that disappeared from this run is reported (and warned about when gated)', async () => {
    const base = binaryRun(400, 0.85, 5, 6);
    const cur = base.filter((r) => r.language !== 'fr');
    const cfg = parseConfig(
      'slices: [language]\nslice_rules: { max_regression: 0.05, min_n: 20 }\n',
      'c.yml',
    );
    const r = await gate([write('s-base.jsonl', toJsonl(base))], [write('s-cur.jsonl', toJsonl(cur))], cfg);
    const fr = r.comparisons.filter((x) => x.slice?.value === 'fr');
    expect(fr.length).toBeGreaterThan(0);
    expect(fr.find((x) => x.metric === 'accuracy')!.status).toBe('warn');
    expect(fr[0].reason).toContain('in the baseline but not in this run');
  });

  it('comparisons carry p_value and ci_delta at the top level (SPEC §8)', async () => {
    const r = await gate(
      [write('p-base.jsonl', toJsonl(binaryRun(500, 0.85, 7, 8)))],
      [write('p-cur.jsonl', toJsonl(binaryRun(500, 0.83, 7, 9)))],
    );
    const acc = r.comparisons.find((x) => x.metric === 'accuracy' && !x.slice)!;
    expect(acc.p_value).toBe(acc.test!.p_value);
    expect(acc.ci_delta).toEqual(acc.test!.ci_delta);
  });
});
