import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { Comparison, Report } from '../../src/types.js';

function cmp(over: Partial<Comparison>): Comparison {
  return {
    metric: 'accuracy',
    direction: 'higher',
    baseline: 0.9,
    current: 0.9,
    delta: 0,
    delta_pct: 0,
    status: 'unchanged',
    gated: true,
    severity: 'fail',
    reason: 'no change',
    ...over,
  };
}

function report(over: Partial<Report> = {}): Report {
  return {
    schema: 'evalgate/report',
    version: 1,
    verdict: 'fail',
    gate_id: 'evalgate-results',
    task: 'binary',
    baseline: {
      source: 'artifact',
      run_id: 987654,
      run_number: 1234,
      commit: '1a2b3c4d5e6f',
      branch: 'main',
      url: 'https://github.com/o/r/actions/runs/987654',
      reason: 'merge-base 1a2b3c4, run #1234',
    },
    current: { n: 600 },
    comparisons: [
      cmp({
        metric: 'accuracy',
        baseline: 0.9117,
        current: 0.87,
        delta: -0.0417,
        delta_pct: -4.57,
        status: 'regressed',
        reason: 'worse by 0.0417 > max_regression 0.01, significant (p=0.0001 < 0.05)',
        test: { method: 'mcnemar-exact', paired: true, p_value: 0.00004, ci_delta: [-0.062, -0.021] },
        p_adjusted: 0.00012,
        baseline_ci: [0.889, 0.934],
        current_ci: [0.843, 0.897],
      }),
      cmp({
        metric: 'f1',
        baseline: 0.91,
        current: 0.905,
        delta: -0.005,
        delta_pct: -0.55,
        status: 'unchanged',
        reason: 'worse by 0.005, within the allowed threshold',
      }),
      cmp({
        metric: 'roc_auc',
        baseline: null,
        current: null,
        delta: null,
        delta_pct: null,
        status: 'skipped',
        undefined: 'only one class present in label',
        reason: 'undefined: only one class present in label',
      }),
      cmp({
        metric: 'log_loss',
        direction: 'lower',
        gated: false,
        baseline: 0.3,
        current: 0.25,
        delta: -0.05,
        delta_pct: -16.7,
        status: 'improved',
        reason: 'better by 0.05',
      }),
      cmp({ metric: 'mcc', gated: false, baseline: 0.8, current: 0.8, delta: 0, delta_pct: 0 }),
      cmp({
        metric: 'accuracy',
        slice: { field: 'language', value: 'de' },
        baseline: 0.916,
        current: 0.705,
        delta: -0.211,
        delta_pct: -23,
        status: 'regressed',
        reason: 'worse by 0.211 > max_regression 0.03, significant',
      }),
      cmp({
        metric: 'accuracy',
        slice: { field: 'language', value: '<b>@team</b>' },
        baseline: 0.8,
        current: 0.9,
        delta: 0.1,
        delta_pct: 12.5,
        status: 'improved',
        gated: false,
      }),
    ],
    regressions: 2,
    warnings: 0,
    pairing: { paired: true, n_baseline: 600, n_current: 600, overlap: 600, overlap_ratio: 1 },
    flipped: {
      outcome: 'correct',
      worse: 40,
      better: 15,
      top_worse: [{ id: 'rev-0001', label: 1, baseline_prediction: 1, current_prediction: 0 }],
      top_better: [{ id: 'x|y @evil', label: '<i>', baseline_prediction: 0, current_prediction: 1 }],
    },
    settings: { significance: 0.05, correction: 'holm (overall), benjamini-hochberg (slices)' },
    notes: ['Eval set changed: 0 ids added, 20 removed; compared on the 580 shared ids.'],
    ...over,
  };
}

describe('markdown report', () => {
  it('matches the snapshot (regressions first, baseline line, CIs, slices, flipped)', async () => {
    await expect(renderMarkdown(report())).toMatchFileSnapshot('__snapshots__/report-fail.md');
  });

  it('no-baseline and pass snapshots', async () => {
    const nb = report({
      verdict: 'no-baseline',
      regressions: 0,
      baseline: {
        source: 'none',
        reason: 'no successful run of this workflow on main has an artifact named evalgate-results',
      },
      comparisons: [
        cmp({ baseline: null, delta: null, delta_pct: null, status: 'new', reason: 'not in the baseline' }),
      ],
      flipped: undefined,
      pairing: undefined,
      notes: [],
    });
    await expect(renderMarkdown(nb)).toMatchFileSnapshot('__snapshots__/report-no-baseline.md');
    const pass = report({
      verdict: 'pass',
      regressions: 0,
      comparisons: [cmp({})],
      flipped: undefined,
      notes: [],
    });
    const md = renderMarkdown(pass);
    expect(md).toContain('✅ **Pass**');
    expect(md).toContain('no significant change');
  });

  it('escapes untrusted slice values and example ids', () => {
    const md = renderMarkdown(report());
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('<i>');
    expect(md).not.toMatch(/@team|@evil/);
  });

  it('fits the size limit and points to the full report', () => {
    const many: Comparison[] = [];
    for (let i = 0; i < 3000; i++) {
      many.push(
        cmp({
          metric: `task_${i}/acc`,
          slice: i % 2 ? { field: 'subject', value: `s${i}` } : undefined,
          status: i % 7 ? 'unchanged' : 'regressed',
          reason: 'worse by a lot '.repeat(10),
        }),
      );
    }
    const big = report({ comparisons: many });
    const md = renderMarkdown(big, { maxChars: 65_000, detailsUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(md.length).toBeLessThanOrEqual(65_000);
    expect(md).toContain('Report shortened to fit');
    expect(md).toContain('(https://github.com/o/r/actions/runs/1)');
    expect(md.startsWith('### ❌ **Fail**')).toBe(true);
    const tiny = renderMarkdown(big, { maxChars: 2_000 });
    expect(tiny.length).toBeLessThanOrEqual(2_000);
  });
});
