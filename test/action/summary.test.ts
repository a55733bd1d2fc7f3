import { describe, expect, it } from 'vitest';
import { renderSummary, SUMMARY_MAX_BYTES } from '../../src/action/step-report.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { Comparison, Report } from '../../src/types.js';

function cmp(i: number, name: string): Comparison {
  return {
    metric: name,
    direction: 'higher',
    baseline: 0.9,
    current: 0.8,
    delta: -0.1,
    delta_pct: -11.1,
    status: 'regressed',
    gated: true,
    severity: 'fail',
    reason: `worse by 0.1 (row ${i})`,
  };
}

function report(comparisons: Comparison[]): Report {
  return {
    schema: 'evalgate/report',
    version: 1,
    verdict: 'fail',
    gate_id: 'g',
    task: 'aggregate',
    baseline: { source: 'path', path: 'b.json', reason: 'given' },
    current: { n: null },
    comparisons,
    regressions: comparisons.length,
    warnings: 0,
    settings: { significance: 0.05, correction: 'holm' },
    notes: [],
  };
}

describe('job summary (issue 12)', () => {
  it('C: with more rows than the tables list, it says so and names where every row is', () => {
    const md = renderSummary(report(Array.from({ length: 1500 }, (_, i) => cmp(i, `m${i}`))), 'g');
    expect(md).toContain('…and 500 more rows (at most 1000 are listed)');
    expect(md).toContain('every row is in the JSON report (the file named by the step output `report-path`)');
    // Neither the summary itself nor an un-uploaded file is passed off as "the full report".
    expect(md).not.toMatch(/full report/);
  });

  it('D: the size limit is kept in bytes when the text is multi-byte', () => {
    // CJK names: three UTF-8 bytes per UTF-16 unit, so a character count lets far too many bytes through.
    const name = (i: number) => `指標${i}_` + '評価'.repeat(300);
    const rows = [
      ...Array.from({ length: 1000 }, (_, i) => cmp(i, name(i))),
      ...Array.from({ length: 1000 }, (_, i) => ({
        ...cmp(i, name(i)),
        slice: { field: '分野', value: '値'.repeat(60) + i },
      })),
    ];
    const limit = 200_000;
    const md = renderMarkdown(report(rows), { maxChars: 1_000_000, maxBytes: limit, title: 'g' });
    expect(md.length).toBeLessThan(limit);
    expect(Buffer.byteLength(md, 'utf8')).toBeLessThanOrEqual(limit);
    expect(md.startsWith('### ❌ **Fail**')).toBe(true);
    expect(md).toContain('Report shortened to fit');
    // The job summary uses GitHub's limit, in bytes.
    expect(SUMMARY_MAX_BYTES).toBe(1024 * 1024);
    expect(Buffer.byteLength(renderSummary(report(rows), 'g'), 'utf8')).toBeLessThanOrEqual(
      SUMMARY_MAX_BYTES,
    );
  });
});
