import { describe, expect, test } from 'vitest';
import type { DriftConfig } from '../../src/config/load.js';
import { applyDrift, driftOf, median, referenceOf } from '../../src/history/drift.js';
import { entries, report, row } from './helpers.js';

const cfg = (o: Partial<DriftConfig> = {}): DriftConfig => ({
  window: 14,
  reference: 'median',
  maxRegression: 0.01,
  severity: 'warn',
  ...o,
});

describe('drift', () => {
  test('median and best', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(referenceOf([0.9, 0.95, 0.92], 'best', 'higher')).toBe(0.95);
    expect(referenceOf([120, 100, 110], 'best', 'lower')).toBe(100);
  });

  test('a slow slide: every step is small, the window sees 2.4 points', () => {
    // 0.004 a night for 14 nights: newest first.
    const slide = Array.from({ length: 14 }, (_, i) => 0.892 + 0.004 * (i + 1));
    const d = driftOf('accuracy', 'higher', 0.892, entries('accuracy', slide), cfg())!;
    expect(d.window).toBe(14);
    expect(d.reference).toBeCloseTo(median(slide), 12);
    expect(d.delta).toBeCloseTo(0.892 - median(slide), 12);
    expect(d.drifted).toBe(true);
    expect(d.reason).toMatch(
      /^accuracy down 0\.03 \(−3\.3%\) over 14 earlier passing runs \(reference: median 0\.922\) > drift max_regression 0\.01$/,
    );
  });

  test('within the threshold it holds; the lower-is-better direction is respected', () => {
    const d = driftOf('accuracy', 'higher', 0.915, entries('accuracy', [0.92, 0.921, 0.919]), cfg())!;
    expect(d.drifted).toBe(false);
    const lat = driftOf(
      'latency_ms_p95',
      'lower',
      130,
      entries('latency_ms_p95', [100, 101, 99]),
      cfg({ maxRegression: undefined, maxRegressionPct: 20 }),
    )!;
    expect(lat.drifted).toBe(true);
    expect(lat.reason).toContain('latency_ms_p95 up 30 (+30.0%)');
    const better = driftOf(
      'latency_ms_p95',
      'lower',
      70,
      entries('latency_ms_p95', [100, 101, 99]),
      cfg({ maxRegressionPct: 20 }),
    )!;
    expect(better.drifted).toBe(false);
  });

  test('failed runs and missing values are not in the window; too few points: no result', () => {
    const h = entries('accuracy', [0.5, 0.95, null, 0.95, 0.95], ['fail', 'pass', 'pass', 'pass', 'pass']);
    const d = driftOf('accuracy', 'higher', 0.93, h, cfg())!;
    expect(d.window).toBe(3);
    expect(d.reference).toBe(0.95);
    expect(driftOf('accuracy', 'higher', 0.9, entries('accuracy', [0.95, 0.95]), cfg())).toBeUndefined();
    // The window bounds how far back it looks.
    expect(
      driftOf(
        'accuracy',
        'higher',
        0.9,
        entries('accuracy', [0.9, 0.9, 0.9, 0.99, 0.99]),
        cfg({ window: 3 }),
      )!.drifted,
    ).toBe(false);
  });

  test('applyDrift marks an unflagged row drifted and settles the verdict; never hides a regression', () => {
    const r = report([
      row('accuracy', {
        baseline: 0.895,
        current: 0.892,
        reason: 'worse by 0.003, within the allowed threshold',
      }),
      row('f1', { baseline: 0.9, current: 0.85, status: 'regressed', reason: 'worse by 0.05' }),
      row('auc', { current: 0.9 }),
    ]);
    const h = entries('accuracy', Array(5).fill(0.93)).map((e) => ({
      ...e,
      values: { accuracy: 0.93, f1: 0.95, auc: 0.9 },
    }));
    applyDrift(r, h, cfg({ severity: 'warn' }));
    const acc = r.comparisons.find((c) => c.metric === 'accuracy')!;
    expect(acc.status).toBe('drifted');
    expect(acc.severity).toBe('warn');
    expect(acc.reason).toMatch(/^accuracy down 0\.038/);
    expect(r.comparisons.find((c) => c.metric === 'f1')!.status).toBe('regressed');
    expect(r.drift!.map((d) => [d.metric, d.drifted])).toEqual([
      ['accuracy', true],
      ['f1', true],
      ['auc', false],
    ]);
    expect(r.verdict).toBe('fail');
    expect(r.regressions).toBe(1);
    expect(r.warnings).toBe(1);
  });

  test('severity fail turns a passing report into a fail; too little history is a note', () => {
    const r = report([row('accuracy', { current: 0.85, baseline: 0.851 })]);
    applyDrift(r, entries('accuracy', [0.9, 0.9, 0.9]), cfg({ severity: 'fail' }));
    expect(r.verdict).toBe('fail');
    expect(r.regressions).toBe(1);
    const s = report([row('accuracy')]);
    applyDrift(s, entries('accuracy', [0.9]), cfg({ metrics: ['accuracy', 'nope'] }));
    expect(s.verdict).toBe('pass');
    expect(s.notes.join('\n')).toContain('Drift not checked for accuracy: fewer than 3');
    expect(s.notes.join('\n')).toContain('"nope"');
  });
});
