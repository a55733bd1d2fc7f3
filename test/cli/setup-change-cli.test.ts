/**
 * Eval-setup change through the bundled CLI (`dist/cli/index.js`), on real lm-eval results (Llama 3.2
 * 3B as baseline, 1B as current: most metrics regress): the baseline's copy has another `num_fewshot`
 * for arc_easy, and `on_setup_change` decides what that does.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src/types.js';
import { root } from '../bundle/run-action.js';

const DIR = join(root, 'test/fixtures/real/lm-eval/pr2809-llama3.2');
const tmp = mkdtempSync(join(tmpdir(), 'evalgate-setup-cli-'));
const baseline = join(tmp, 'baseline.json');
const current = join(tmp, 'current.json');
copyFileSync(join(DIR, 'meta-llama__Llama-3.2-1B__results_2025-03-03T00-05-19.750676.json'), current);
const data = JSON.parse(
  readFileSync(join(DIR, 'meta-llama__Llama-3.2-3B__results_2025-03-03T00-33-09.374907.json'), 'utf8'),
) as { configs: Record<string, { num_fewshot: number }> };
data.configs.arc_easy.num_fewshot = 5;
writeFileSync(baseline, JSON.stringify(data));

function compare(policy?: string): { code: number | null; report: Report; err: string } {
  const args = ['compare', '--current', current, '--baseline', baseline, '--format', 'json'];
  if (policy) {
    const cfg = join(tmp, `${policy}.yml`);
    writeFileSync(cfg, `on_setup_change: ${policy}\n`);
    args.push('--config', cfg);
  }
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, report: JSON.parse(r.stdout) as Report, err: r.stderr };
}
const row = (r: Report, m: string) => r.comparisons.find((c) => c.metric === m && !c.slice)!;

describe('on_setup_change through `evalgate compare`', () => {
  it('warn (default): the changed task’s drops are warnings that say why; other tasks still fail', () => {
    const { code, report, err } = compare();
    expect(err).toBe('');
    expect(report.setup_changes).toEqual(['task config of arc_easy changed (num_fewshot)']);
    expect(report.settings.on_setup_change).toBe('warn');
    expect(report.notes[0]).toBe(
      'Eval setup changed: task config of arc_easy changed (num_fewshot). The gate warns, and a regression of a metric of a changed task is a warning, not a failure (on_setup_change: warn).',
    );
    for (const m of ['arc_easy/acc', 'arc_easy/acc_norm']) {
      expect(row(report, m).status).toBe('warn');
      expect(row(report, m).reason).toMatch(/^task config changed: num_fewshot; worse by /);
    }
    expect(row(report, 'arc_challenge/acc').status).toBe('regressed');
    expect(report.verdict).toBe('fail');
    expect(code).toBe(1);
  });

  it('fail: the rows stay regressed and the note says the gate fails; ignore: no note', () => {
    const f = compare('fail').report;
    expect(row(f, 'arc_easy/acc').status).toBe('regressed');
    expect(f.notes[0]).toMatch(/\(num_fewshot\)\. The gate fails \(on_setup_change: fail\)\.$/);
    expect(f.verdict).toBe('fail');
    const i = compare('ignore').report;
    expect(row(i, 'arc_easy/acc').status).toBe('regressed');
    expect(i.setup_changes).toBeUndefined();
    expect(i.notes.join('\n')).not.toContain('Eval setup changed');
  });

  it('the markdown report shows the note', () => {
    const r = spawnSync(
      process.execPath,
      [join(root, 'dist/cli/index.js'), 'compare', '--current', current, '--baseline', baseline],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stdout).toContain('> Eval setup changed: task config of arc\\_easy changed \\(num\\_fewshot\\)');
  });
});
