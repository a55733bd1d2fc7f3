import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config/load.js';
import { diagnose } from '../../src/diagnose/index.js';
import { guessDirection } from '../../src/diagnose/direction.js';
import type { EvalResult, MetricValue } from '../../src/types.js';

function result(
  metrics: Record<string, number | MetricValue>,
  directions?: Record<string, 'higher' | 'lower'>,
): EvalResult {
  return {
    schema: 'evalgate/eval-result',
    version: 1,
    task: 'aggregate',
    n: null,
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([k, v]) => [k, typeof v === 'number' ? { value: v, n: null } : v]),
    ),
    slices: {},
    sources: [],
    ...(directions ? { options: { directions } } : {}),
  };
}
const info = { source: 'path' as const, reason: 'test' };
const byName = (r: ReturnType<typeof diagnose>, m: string) => r.comparisons.find((c) => c.metric === m)!;

describe('diagnosis rules (pre-aggregated metrics, thresholds alone)', () => {
  const cfg = parseConfig(
    `metrics:
  accuracy: { max_regression: 0.01 }
  f1_macro: { max_regression_pct: 2 }
  latency_ms_p95: { direction: lower, max_regression_pct: 10, severity: warn }
  bleu: { waive: "tokenizer changed" }
  custom_thing: { max_regression: 0 }
  recall: { min: 0.5 }
  old_metric: { max_regression: 0 }
`,
    'c.yml',
  );
  const base = result({
    accuracy: 0.9,
    f1_macro: 0.8,
    latency_ms_p95: 100,
    bleu: 30,
    custom_thing: 1,
    recall: 0.7,
    precision: 0.9,
    old_metric: 1,
  });
  const cur = result({
    accuracy: 0.885,
    f1_macro: 0.79,
    latency_ms_p95: 120,
    bleu: 20,
    custom_thing: 0.5,
    recall: 0.4,
    precision: 0.5,
    new_metric: 3,
  });
  const r = diagnose({ current: cur, baseline: base, baselineInfo: info, config: cfg });

  it('absolute threshold exceeded → regressed, with the reason', () => {
    expect(byName(r, 'accuracy').status).toBe('regressed');
    expect(byName(r, 'accuracy').reason).toMatch(/worse by 0\.015 > max_regression 0\.01/);
    expect(byName(r, 'accuracy').delta).toBeCloseTo(-0.015, 12);
    expect(byName(r, 'accuracy').delta_pct).toBeCloseTo(-1.6667, 3);
  });
  it('relative threshold within limit → unchanged', () => {
    expect(byName(r, 'f1_macro').status).toBe('unchanged');
  });
  it('lower-is-better with severity warn → warn', () => {
    expect(byName(r, 'latency_ms_p95').status).toBe('warn');
  });
  it('waived metrics never fail', () => {
    expect(byName(r, 'bleu').status).toBe('waived');
    expect(byName(r, 'bleu').reason).toBe('waived: tokenizer changed');
  });
  it('unknown direction of a gated metric → warn with a hint (never a silent pass)', () => {
    expect(byName(r, 'custom_thing').status).toBe('warn');
    expect(byName(r, 'custom_thing').reason).toContain('direction unknown — set `direction:`');
    expect(byName(r, 'custom_thing').reason).toContain('metrics."custom_thing".direction');
  });
  it('min floor → regressed; ungated metrics are reported only', () => {
    expect(byName(r, 'recall').status).toBe('regressed');
    expect(byName(r, 'recall').reason).toMatch(/below min 0\.5/);
    expect(byName(r, 'precision').gated).toBe(false);
    expect(byName(r, 'precision').status).toBe('unchanged');
  });
  it('new and missing metrics', () => {
    expect(byName(r, 'new_metric').status).toBe('new');
    expect(byName(r, 'old_metric').status).toBe('warn');
  });
  it('verdict and counts; regressions sorted first', () => {
    expect(r.verdict).toBe('fail');
    expect(r.regressions).toBe(2);
    expect(r.warnings).toBe(3);
    expect(r.comparisons[0].status).toBe('regressed');
  });

  it('pass, warn and no-baseline verdicts', () => {
    const pass = diagnose({
      current: result({ accuracy: 0.9 }),
      baseline: result({ accuracy: 0.9 }),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(pass.verdict).toBe('pass');
    const warn = diagnose({
      current: result({ accuracy: 0.8 }),
      baseline: result({ accuracy: 0.9 }),
      baselineInfo: info,
      config: parseConfig('metrics: { accuracy: { severity: warn } }\n', 'c.yml'),
    });
    expect(warn.verdict).toBe('warn');
    const none = diagnose({
      current: result({ accuracy: 0.8 }),
      baseline: null,
      baselineInfo: { source: 'none', reason: 'x' },
      config: defaultConfig(),
    });
    expect(none.verdict).toBe('no-baseline');
  });

  it('uses standard errors of pre-aggregated metrics for an unpaired test (zero-config: significance 0.05)', () => {
    const b = result({ 'arc/acc': { value: 0.5, n: 1000, stderr: 0.0158 } }, { 'arc/acc': 'higher' });
    const small = result({ 'arc/acc': { value: 0.49, n: 1000, stderr: 0.0158 } });
    const big = result({ 'arc/acc': { value: 0.4, n: 1000, stderr: 0.0155 } });
    const r1 = diagnose({ current: small, baseline: b, baselineInfo: info, config: defaultConfig() });
    expect(byName(r1, 'arc/acc').test?.method).toBe('unpaired-z');
    // Worse, but not significantly: inconclusive (a green check by default), with what was detectable.
    expect(byName(r1, 'arc/acc').status).toBe('inconclusive');
    expect(byName(r1, 'arc/acc').reason).toContain('not confirmed');
    expect(byName(r1, 'arc/acc').mde).toBeGreaterThan(0.05);
    expect(r1.verdict).toBe('pass');
    const r2 = diagnose({ current: big, baseline: b, baselineInfo: info, config: defaultConfig() });
    expect(byName(r2, 'arc/acc').status).toBe('regressed');
  });

  it('Holm adjusts across gated metrics', () => {
    const b = result({
      'task_a/acc': { value: 0.5, n: 1000, stderr: 0.01 },
      'task_b/acc': { value: 0.5, n: 1000, stderr: 0.01 },
    });
    const c = result({
      'task_a/acc': { value: 0.47, n: 1000, stderr: 0.01 },
      'task_b/acc': { value: 0.48, n: 1000, stderr: 0.01 },
    });
    const r3 = diagnose({ current: c, baseline: b, baselineInfo: info, config: defaultConfig() });
    const pa = byName(r3, 'task_a/acc');
    const pb = byName(r3, 'task_b/acc');
    const [lo, hi] = pa.test!.p_value! < pb.test!.p_value! ? [pa, pb] : [pb, pa];
    expect(lo.p_adjusted).toBeCloseTo(Math.min(1, 2 * lo.test!.p_value!), 12);
    expect(hi.p_adjusted).toBeCloseTo(Math.max(lo.p_adjusted!, hi.test!.p_value!), 12);
  });
});

describe('guessDirection', () => {
  it.each([
    ['arc_easy/acc_norm', 'higher'],
    ['wikitext/word_perplexity', 'lower'],
    ['f1_by_geo.France', 'higher'],
    ['eval_loss', 'lower'],
    ['gsm8k/exact_match,strict-match', 'higher'],
    ['latency_ms_p95', 'lower'],
    ['frobnication', undefined],
  ])('%s → %s', (name, dir) => {
    expect(guessDirection(name)).toBe(dir);
  });
});
