/** Issue 8 item 7: the report names the multiplicity correction actually applied, and none when no test ran. */
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load.js';
import { diagnose } from '../../src/diagnose/index.js';
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
