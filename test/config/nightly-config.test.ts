import { describe, expect, test } from 'vitest';
import { parseConfig, profileFor } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';

const yml = `
metrics:
  accuracy: { max_regression: 0.01 }
  f1: { max_regression: 0.02, severity: warn }
history: 10
charts: 2
drift: { window: 7, reference: best, max_regression_pct: 1.5 }
waivers:
  - metric: accuracy
    slice: lang=de
    reason: accepted for the new tokenizer
    expires: 2026-12-31
    until_baseline: ABCDEF1
tracking_issue: { label: nightly-broken }
baseline_verdicts: [pass, warn]
profiles:
  release:
    defaults: { max_regression: 0 }
    metrics:
      f1: { severity: fail }
    on_missing_baseline: fail
  schedule:
    drift: { max_regression: 0.02, severity: fail }
`;

describe('nightly and release config', () => {
  test('history, charts, drift, waivers, tracking issue, baseline verdicts', () => {
    const c = parseConfig(yml, 'evalgate.yml');
    expect(c.history).toBe(10);
    expect(c.charts).toBe(2);
    expect(c.drift).toEqual({
      window: 7,
      reference: 'best',
      maxRegression: undefined,
      maxRegressionPct: 1.5,
      severity: 'warn',
      metrics: undefined,
    });
    expect(c.waivers).toEqual([
      {
        metric: 'accuracy',
        slice: { field: 'lang', value: 'de' },
        reason: 'accepted for the new tokenizer',
        expires: '2026-12-31',
        untilBaseline: 'abcdef1',
      },
    ]);
    expect(c.trackingIssue).toEqual({ enabled: true, label: 'nightly-broken' });
    expect(c.baselineVerdicts).toEqual(['pass', 'warn']);
    expect(c.waiverLabel).toBe('evalgate:accept-regression');
    expect(c.profile).toBeUndefined();
    expect(c.onMissingBaseline).toBeUndefined();
  });

  test('defaults without a file section', () => {
    const c = parseConfig('task: binary\n', 'e.yml');
    expect([c.history, c.charts, c.drift, c.waivers, c.baselineVerdicts]).toEqual([
      20,
      6,
      undefined,
      [],
      ['pass', 'warn', 'no-baseline'],
    ]);
  });

  test('the event selects a profile, merged over the top level metric by metric', () => {
    const rel = parseConfig(yml, 'e.yml', { event: 'release' });
    expect(rel.profile).toBe('release');
    expect(rel.defaults).toEqual({ max_regression: 0 });
    expect(rel.metrics.f1).toEqual({ max_regression: 0.02, severity: 'fail' });
    expect(rel.metrics.accuracy).toEqual({ max_regression: 0.01 });
    expect(rel.onMissingBaseline).toBe('fail');
    expect(parseConfig(yml, 'e.yml', { event: 'push', refType: 'tag' }).profile).toBe('release');
    expect(parseConfig(yml, 'e.yml', { event: 'push', refType: 'branch' }).profile).toBeUndefined();
    const nightly = parseConfig(yml, 'e.yml', { event: 'workflow_dispatch' });
    expect(nightly.profile).toBe('schedule');
    expect(nightly.drift).toMatchObject({ window: 14, maxRegression: 0.02, severity: 'fail' });
    expect(profileFor('pull_request_target', 'branch', ['pull_request'])).toBe('pull_request');
  });

  test('errors name file, line and field', () => {
    const bad = (text: string) => {
      try {
        parseConfig(text, 'e.yml');
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(bad('waivers:\n  - metric: a\n    reason: r\n    expires: 2026-02-30\n')).toBe(
      'e.yml:4 field "waivers.0.expires": expected a real date YYYY-MM-DD, found "2026-02-30"',
    );
    expect(bad('waivers:\n  - metric: a\n    reason: r\n')).toMatch(/^e\.yml:2 field "waivers\.0"/);
    expect(bad('drift: { window: 5 }\n')).toMatch(/^e\.yml:1 field "drift"/);
    expect(bad('profiles:\n  nightly: {}\n')).toBe(
      'e.yml:2 field "profiles.nightly": unknown key "nightly"; expected one of: pull_request, push, schedule, workflow_dispatch, release',
    );
    expect(bad('history: 0\ndrift: { max_regression: 0.1 }\n')).toBe(
      'e.yml:1 field "history": drift needs history: set `history` to at least the drift window',
    );
    expect(bad('baseline_verdicts: [pass, passed]\n')).toMatch(
      /^e\.yml:1 field "baseline_verdicts\.1": expected one of/,
    );
  });
});
