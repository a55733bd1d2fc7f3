import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runAction } from './run-action.js';

const local = {
  'baseline-path': 'examples/sentiment/baseline.jsonl',
  comment: 'never',
  'check-name': '',
  upload: 'false',
};

describe('bundled action (dist/index.js) with a local baseline', () => {
  it('fails the step on the example regression, writes outputs, summary and the JSON report', () => {
    const r = runAction({
      ...local,
      current: 'examples/sentiment/pr.jsonl',
      config: 'examples/evalgate.yml',
    });
    expect(r.status).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(Number(r.outputs.regressions)).toBeGreaterThan(0);
    expect(r.summary).toContain('❌ **Fail**');
    expect(r.summary).toContain('language=de');
    const report = JSON.parse(readFileSync(r.outputs['report-path'], 'utf8'));
    expect(report.verdict).toBe('fail');
    expect(r.stdout).toMatch(/::error::evalgate: \d+ regressions?: /);
  });

  it('passes when compared with itself; fail-on never keeps the step green', () => {
    const same = runAction({ ...local, current: 'examples/sentiment/baseline.jsonl' });
    expect(same.status).toBe(0);
    expect(same.outputs.verdict).toBe('pass');
    const never = runAction({
      ...local,
      current: 'examples/sentiment/pr.jsonl',
      config: 'examples/evalgate.yml',
      'fail-on': 'never',
    });
    expect(never.status).toBe(0);
    expect(never.outputs.verdict).toBe('fail');
  });

  it('bad input fails with the file, line and field, and no stack trace', () => {
    const r = runAction({ ...local, current: 'test/fixtures/bad/missing-label.jsonl' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      '::error::test/fixtures/bad/missing-label.jsonl:2 field "label": missing label',
    );
    expect(r.stdout).not.toMatch(/\n\s+at /);
    const cfg = runAction({
      ...local,
      current: 'examples/sentiment/pr.jsonl',
      config: 'test/fixtures/bad/unknown-key.yml',
    });
    expect(cfg.stdout).toContain(
      'test/fixtures/bad/unknown-key.yml:3 field "metrics.accuracy.max_regresion"',
    );
    const bad = runAction({ ...local, current: 'examples/sentiment/pr.jsonl', 'fail-on': 'sometimes' });
    expect(bad.stdout).toContain('input "fail-on" must be one of regression, warn, never');
  });

  it('a glob that matches nothing is an error, not an empty gate', () => {
    const r = runAction({ ...local, current: 'nothing/**/*.jsonl' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('nothing/**/*.jsonl: glob matches no files');
  });
});
