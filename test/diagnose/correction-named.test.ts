/** Issue 8 item 7: the report names the multiplicity correction actually applied, and none when no test ran. */
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../src/config/load.js';
import { diagnose } from '../../src/diagnose/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderMetricsMarkdown } from '../../src/render/metrics-table.js';
import type { EvalResult } from '../../src/types.js';

function agg(metrics: Record<string, { value: number; stderr?: number }>): EvalResult {
  return {
    schema: 'evalgate/eval-result',
    version: 1,
    task: 'aggregate',
    n: null,
    metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, { ...v, n: null }])),
    slices: {},
    sources: [],
  };
}
const info = { source: 'path' as const, reason: 'test' };

describe('settings.correction', () => {
  it('is "none" when no metric was tested (metric maps without standard errors)', () => {
    const r = diagnose({
      current: agg({ accuracy: { value: 0.849 } }),
      baseline: agg({ accuracy: { value: 0.85 } }),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(r.comparisons[0].test?.p_value ?? null).toBeNull();
    expect(r.settings.correction).toBe('none');
  });

  it('names Holm over the overall metrics when a test ran', () => {
    const r = diagnose({
      current: agg({ accuracy: { value: 0.8, stderr: 0.01 } }),
      baseline: agg({ accuracy: { value: 0.85, stderr: 0.01 } }),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(r.comparisons[0].test?.p_value).toBeTypeOf('number');
    expect(r.settings.correction).toBe('holm (overall)');
  });
});

describe('the rendered report', () => {
  function sliced(values: Record<string, number>, stderr: number): EvalResult {
    const r = agg({ accuracy: { value: 0.85, stderr } });
    r.slices = {
      lang: Object.fromEntries(
        Object.entries(values).map(([k, v]) => [
          k,
          { n: 500, metrics: { accuracy: { value: v, stderr, n: 500 } } },
        ]),
      ),
    };
    return r;
  }

  it('names Holm over the overall metrics and Benjamini–Hochberg over the slices when both were tested', () => {
    const config = parseConfig('slices: [lang]\nslice_rules: { max_regression: 0.01 }\n', 'c.yml');
    const r = diagnose({
      current: sliced({ en: 0.85, de: 0.7 }, 0.01),
      baseline: sliced({ en: 0.85, de: 0.86 }, 0.01),
      baselineInfo: info,
      config,
    });
    expect(r.comparisons.some((c) => c.slice && c.test?.p_value !== undefined)).toBe(true);
    expect(r.settings.correction).toBe('holm (overall), benjamini-hochberg (slices)');
    const md = renderMarkdown(r);
    expect(md).toContain('Holm-corrected over the gated metrics');
    expect(md).toContain('Benjamini–Hochberg over the gated slices');
  });

  it('names no correction when no test ran', () => {
    const r = diagnose({
      current: agg({ accuracy: { value: 0.849 } }),
      baseline: agg({ accuracy: { value: 0.85 } }),
      baselineInfo: info,
      config: defaultConfig(),
    });
    const md = renderMarkdown(r);
    expect(md).not.toMatch(/Holm|Benjamini/);
  });

  it('shows an asymmetric interval as [lo, hi], never as a symmetric ±', () => {
    const cur = agg({ roc_auc: { value: 0.9872, stderr: 0.0132 } });
    cur.metrics.roc_auc.ci = [0.945, 0.997];
    const table = renderMetricsMarkdown(cur);
    expect(table).toContain('[0.9450, 0.9970]');
    expect(table).not.toContain('±');
    const base = agg({ roc_auc: { value: 0.99, stderr: 0.01 } });
    base.metrics.roc_auc.ci = [0.96, 0.998];
    const md = renderMarkdown(
      diagnose({ current: cur, baseline: base, baselineInfo: info, config: defaultConfig() }),
    );
    expect(md).toContain('0.9872 [0.9450, 0.9970]');
    expect(md).not.toContain('±');
  });
});
