import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { chartLabel, chartNumber, trendChart } from '../../src/render/trend-chart.js';
import { renderReleaseNotes } from '../../src/render/release-notes.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { entries, report, row } from '../history/helpers.js';

describe('trend charts', () => {
  test('an xychart-beta line of the points, with a padded y range', () => {
    const chart = trendChart('accuracy', [
      { label: '#1', value: 0.9 },
      { label: '#2', value: 0.91 },
      { label: 'this run', value: 0.95 },
    ]);
    expect(chart).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '    title "accuracy"',
        '    x-axis ["#1", "#2", "this run"]',
        '    y-axis "accuracy" 0.895 --> 0.955',
        '    line [0.9, 0.91, 0.95]',
        '```',
      ].join('\n'),
    );
  });

  test('fewer than 3 points: no chart', () => {
    expect(
      trendChart('a', [
        { label: '1', value: 1 },
        { label: '2', value: 2 },
      ]),
    ).toBeUndefined();
  });

  test('labels cannot end the string, the list or the fence; numbers are plain decimals', () => {
    expect(chartLabel('a"]\n```x`<script>')).toBe('a______x__script_');
    expect(chartLabel('x --> y %% z')).toBe('x --_ y %_ z');
    expect(chartNumber(1e-9)).toBe('0.000000001');
    expect(chartNumber(2e21)).toBe('2000000000000000000000');
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), {
          minLength: 3,
          maxLength: 8,
        }),
        (name, values) => {
          const chart = trendChart(
            name,
            values.map((v, i) => ({ label: `${name}${i}`, value: v })),
          )!;
          const body = chart.split('\n').slice(1, -1);
          expect(body.join('\n')).not.toContain('```');
          for (const line of body.slice(1)) {
            // Every quoted string holds only the safe alphabet.
            for (const m of line.matchAll(/"([^"]*)"/g)) expect(m[1]).toMatch(/^[A-Za-z0-9 _.#/=:+%-]*$/);
            expect(line.replace(/"[^"]*"/g, '')).not.toMatch(/["`\n]/);
          }
          const nums = /line \[(.*)\]/.exec(chart)![1].split(', ');
          expect(nums.every((n) => /^-?\d+(\.\d+)?$/.test(n))).toBe(true);
        },
      ),
    );
  });

  test('the report shows charts in a collapsed trends section, with a note for short histories', () => {
    const r = report([row('accuracy', { current: 0.9 }), row('f1', { current: 0.8 })]);
    const h = entries('accuracy', [0.91, 0.92, 0.93]);
    h[0].values.f1 = 0.81; // f1: 1 earlier value + this run = 2 points
    r.history = {
      entries: h,
      requested: 20,
      skipped: { 'verdict fail': 1, 'expired artifact': 0 },
      branch: 'main',
      charts: 6,
    };
    const md = renderMarkdown(r);
    expect(md).toContain('<details><summary>Trends: 3 earlier runs on `main` and this one</summary>');
    expect(md).toContain('x-axis ["#48", "#49", "#50", "this run"]');
    expect(md).toContain('line [0.93, 0.92, 0.91, 0.9]');
    expect(md).toContain('No chart for f1: fewer than 3 points');
    expect(md).toContain('| [#50](https://github.com/acme/model/actions/runs/100) | 2026-11-30 03:17 UTC |');
    expect(md).toContain('Left out of the history: 1 (verdict fail)');
    r.history.charts = 0;
    expect(renderMarkdown(r)).not.toContain('```mermaid');
  });
});

describe('release notes', () => {
  test('a compact table of the gated metrics vs the previous release, escaped', () => {
    const r = report([
      row('accuracy', { baseline: 0.9, current: 0.92, status: 'improved' }),
      row('x|<b>@bob', { baseline: 1, current: 1 }),
      row('not_gated', { gated: false }),
    ]);
    const notes = renderReleaseNotes(r, 'v1.2.0');
    expect(notes.split('\n').slice(0, 6)).toEqual([
      '**Evaluation** (evalgate, pass) vs `v1.2.0`',
      '',
      '| Metric | `v1.2.0` | This release | Δ | Δ% |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| accuracy 🟢 | 0.9000 | 0.9200 | +0.0200 | +2.22% |',
      '| x\\|&lt;b&gt;@\u200bbob | 1.000 | 1.000 | 0 | 0% |',
    ]);
    expect(notes).not.toContain('not_gated');
  });
});
