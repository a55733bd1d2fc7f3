import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './run-action.js';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('bundled CLI (dist/cli/index.js)', () => {
  it('compare on the example exits 1 and names the regressed metric', () => {
    const r = cli([
      'compare',
      '--current',
      'examples/sentiment/pr.jsonl',
      '--baseline',
      'examples/sentiment/baseline.jsonl',
      '--config',
      'examples/evalgate.yml',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('❌ **Fail**');
    expect(r.out).toMatch(/🔴 \| language=de \| \*\*accuracy\*\*/);
  });

  it('compare --format json prints the JSON report', () => {
    const r = cli([
      'compare',
      '--current',
      'examples/sentiment/pr.jsonl',
      '--baseline',
      'examples/sentiment/baseline.jsonl',
      '--config',
      'examples/evalgate.yml',
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.verdict).toBe('fail');
    expect(j.comparisons[0]).toHaveProperty('metric');
    expect(j.comparisons[0]).toHaveProperty('delta_pct');
    expect(j.comparisons[0]).toHaveProperty('status');
  });

  it('metrics --format json prints value, stderr, ci and n of every metric', () => {
    const r = cli(['metrics', 'examples/sentiment/baseline.jsonl', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.task).toBe('binary');
    expect(j.n).toBe(600);
    for (const name of ['accuracy', 'f1', 'roc_auc', 'log_loss', 'ece', 'latency_ms_p95']) {
      expect(j.metrics[name].value).toEqual(expect.any(Number));
      expect(j.metrics[name].ci).toHaveLength(2);
      expect(j.metrics[name].n).toBe(600);
    }
  });

  it('bad input exits 2 with file and line, no stack', () => {
    const r = cli(['metrics', 'test/fixtures/bad/malformed.jsonl']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('test/fixtures/bad/malformed.jsonl:2: malformed JSON');
    expect(r.err).not.toMatch(/\n\s+at /);
    const u = cli([
      'compare',
      '--current',
      'examples/sentiment/pr.jsonl',
      '--baseline',
      'examples/sentiment/baseline.jsonl',
      '--config',
      'test/fixtures/bad/unknown-key.yml',
    ]);
    expect(u.code).toBe(2);
    expect(u.err).toContain('unknown key "max_regresion"');
  });
});
