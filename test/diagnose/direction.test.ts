import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultConfig, parseConfig } from '../../src/config/load.js';
import { directionFromName, HIGHER_WORDS, LOWER_WORDS } from '../../src/diagnose/direction.js';
import { diagnose } from '../../src/diagnose/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { EvalResult } from '../../src/types.js';

describe('direction from the name', () => {
  it.each([
    ['mmlu_accuracy', 'higher', 'accuracy'],
    ['task_accuracy', 'higher', 'accuracy'],
    ['my_f1', 'higher', 'f1'],
    ['exact_match_rate', 'higher', 'exact_match'],
    ['val_acc', 'higher', 'acc'],
    ['f1_score', 'higher', 'score'],
    ['arc_easy/acc_norm,none', 'higher', 'acc'],
    ['f1_by_geo.France', 'higher', 'f1'],
    ['metrics/mAP50-95(B)', 'higher', 'ap'],
    ['rougeLsum', 'higher', 'rouge'],
    ['bleu4', 'higher', 'bleu'],
    ['pass@1', 'higher', 'pass'],
    ['ndcg@10', 'higher', 'ndcg'],
    ['eval_loss', 'lower', 'loss'],
    ['wikitext/word_perplexity', 'lower', 'perplexity'],
    ['val_ppl', 'lower', 'ppl'],
    ['p95_latency_ms', 'lower', 'ms'],
    ['word_error_rate', 'lower', 'error'],
    ['false_positive_rate', 'lower', 'false_positive'],
    ['bits_per_byte', 'lower', 'bits_per_byte'],
    ['inferenceCostUsd', 'lower', 'usd'],
    // The last deciding word is the head of the compound.
    ['score_time', 'lower', 'time'],
    ['token_f1', 'higher', 'f1'],
    ['eval_samples_per_second', 'higher', 'per_second'],
    ['seconds_per_sample', 'lower', 'seconds'],
  ])('%s → %s (%s)', (name, direction, word) => {
    expect(directionFromName(name)).toEqual({ direction, word });
  });

  it("reverses scikit-learn's neg_ scorers", () => {
    expect(directionFromName('neg_mean_squared_error')).toEqual({
      direction: 'higher',
      word: 'error',
      negated: true,
    });
    expect(directionFromName('neg_log_loss')?.direction).toBe('higher');
  });

  it.each(['epoch', 'total_flos', 'widgets', 'p95', 'mismatched', 'heatmap', 'runtimeish'])(
    '%s decides nothing (whole words only)',
    (name) => {
      expect(directionFromName(name)).toBeUndefined();
    },
  );

  it('tries the most specific segment first; a slice value that decides nothing falls back', () => {
    expect(directionFromName('loss/val')?.direction).toBe('lower');
    expect(directionFromName('accuracy/latency')?.direction).toBe('lower');
  });

  it('docs/metrics.md lists every word', () => {
    const doc = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('### Direction from the name'));
    for (const w of [...HIGHER_WORDS, ...LOWER_WORDS]) expect(section).toContain(`\`${w}\``);
  });
});

/** A pre-aggregated result (metric map). */
function agg(metrics: Record<string, number>): EvalResult {
  return {
    schema: 'evalgate/eval-result',
    version: 1,
    task: 'aggregate',
    n: null,
    metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, { value: v, n: null }])),
    slices: {},
    sources: [],
  };
}
const info = { source: 'path' as const, reason: 'test' };

describe('a gated metric is never silently skipped (zero-config metric map)', () => {
  it('mmlu_accuracy and task_accuracy 0.9 → 0.7 regress, and the report says the direction is from the name', () => {
    const r = diagnose({
      current: agg({ mmlu_accuracy: 0.7, task_accuracy: 0.7 }),
      baseline: agg({ mmlu_accuracy: 0.9, task_accuracy: 0.9 }),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(r.verdict).toBe('fail');
    expect(r.comparisons.map((c) => [c.metric, c.status, c.direction_from_name])).toEqual([
      ['mmlu_accuracy', 'regressed', 'accuracy'],
      ['task_accuracy', 'regressed', 'accuracy'],
    ]);
    expect(renderMarkdown(r)).toContain(
      '_Direction from the name: mmlu\\_accuracy (accuracy: higher is better), task\\_accuracy (accuracy: higher is better).',
    );
  });

  it('a name that decides nothing: status warn naming the metric, verdict warn (not pass)', () => {
    const r = diagnose({
      current: agg({ widgets: 0.7 }),
      baseline: agg({ widgets: 0.9 }),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(r.verdict).toBe('warn');
    expect(r.warnings).toBe(1);
    const c = r.comparisons[0];
    expect(c).toMatchObject({ metric: 'widgets', status: 'warn', gated: true });
    expect(c.reason).toBe(
      'direction unknown — set `direction:` (metrics."widgets".direction: higher or lower)',
    );
    expect(c.direction_from_name).toBeUndefined();
    expect(renderMarkdown(r)).toMatch(/\*\*widgets\*\* warning: direction unknown/);
  });

  it('even unchanged, it warns until a direction is set; with one, it is judged', () => {
    const same = diagnose({
      current: agg({ widgets: 0.9 }),
      baseline: agg({ widgets: 0.9 }),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(same.verdict).toBe('warn');
    const set = diagnose({
      current: agg({ widgets: 0.7 }),
      baseline: agg({ widgets: 0.9 }),
      baselineInfo: info,
      config: parseConfig('metrics:\n  widgets: { direction: higher }\n', 'c.yml'),
    });
    expect(set.verdict).toBe('fail');
    expect(set.comparisons[0].direction_from_name).toBeUndefined();
  });

  it('a metric that is not gated is reported as skipped, without a warning', () => {
    const r = diagnose({
      current: agg({ accuracy: 0.9, widgets: 0.7 }),
      baseline: agg({ accuracy: 0.9, widgets: 0.9 }),
      baselineInfo: info,
      config: parseConfig('metrics:\n  accuracy: { max_regression: 0 }\n', 'c.yml'),
    });
    expect(r.verdict).toBe('pass');
    expect(r.comparisons.find((c) => c.metric === 'widgets')).toMatchObject({
      status: 'skipped',
      gated: false,
    });
  });
});
