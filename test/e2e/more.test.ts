/**
 * The bundled action against the fake GitHub: matrix shards merged from this run's artifacts, a report
 * too big for a comment, and a nightly run gated against the previous one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { history, prStep, pushStep, useFake, plain } from './scenario.js';
import { root, runStep, workspace } from './runner.js';
import { schedulePayload } from '../fake-github/index.js';

const fake = useFake();
const DATA = join(root, 'test', 'fixtures', 'github', 'data');

describe('shards, size limits, nightly', () => {
  test('sharded current artifacts (current-artifact glob) are merged before the gate', async () => {
    const h = history(fake);
    const base = await pushStep(fake, h.wf, h.m2);
    fake.addPull({ number: 7, headSha: h.f1, headRef: 'feature' });
    const run = fake.addRun({
      workflowId: h.wf.id,
      headSha: h.f1,
      headBranch: 'feature',
      event: 'pull_request',
      status: 'in_progress',
    });
    // Earlier matrix jobs of this run uploaded their raw predictions (actions/upload-artifact), one shard each.
    fake.addArtifact(run.id, 'eval-shard-1', { 'preds.jsonl': readFileSync(join(DATA, 'shard-1.jsonl')) });
    fake.addArtifact(run.id, 'eval-shard-0', { 'preds.jsonl': readFileSync(join(DATA, 'shard-0.jsonl')) });
    fake.addArtifact(run.id, 'coverage', { 'x.txt': 'not a shard' });
    const { step } = await prStep(fake, h.wf, h.f1, {
      run,
      inputs: { current: '', 'current-artifact': 'eval-shard-*', upload: 'false' },
    });
    expect(step.status).toBe(0);
    expect(step.outputs.verdict).toBe('pass');
    expect(step.outputs['baseline-run-id']).toBe(String(base.run.id));
    expect(step.summary).toContain('n = 400');
    expect(step.stdout).toContain('Downloaded artifact "eval-shard-0"');
  });

  test('an oversized report (3,000 metrics) still fits the comment, pointing at the job summary', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2, 'many-metrics-main.json');
    const { step, run } = await prStep(fake, h.wf, h.f1, { file: 'many-metrics-pr.json' });
    expect(step.outputs.verdict).toBe('fail');
    const body = fake.commentsOn(7)[0].body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain(`[job summary](https://github.com/acme/model/actions/runs/${run.id})`);
    const check = fake.checkRuns.find((c) => c.headSha === h.f1)!;
    expect(check.output.summary!.length).toBeLessThanOrEqual(65_535);
    expect(check.output.summary).toContain('job summary');
    // 1,000 regressed metrics: 150 annotations (the cap) in batches of 50, one create and two updates.
    expect(check.annotations.length).toBe(150);
    expect(check.requests).toBe(3);
    expect(fake.limitRejections).toEqual([]);
    // The job summary has every row.
    expect(step.summary.length).toBeGreaterThan(body.length);
    expect(plain(step.summary)).toMatch(/task_\d{4}\.score/);
  });

  test('nightly (schedule): compared with the previous successful nightly on the branch', async () => {
    const h = history(fake);
    const prev = await pushStep(fake, h.wf, h.m2);
    const run = fake.addRun({ workflowId: h.wf.id, headSha: h.m3, event: 'schedule', status: 'in_progress' });
    const step = await runStep({
      fake,
      run,
      event: 'schedule',
      payload: schedulePayload(),
      ref: 'refs/heads/main',
      sha: h.m3,
      inputs: { current: 'preds.jsonl', comment: 'never', 'check-name': '' },
      workspace: workspace({ 'preds.jsonl': 'pr-regressed.jsonl' }),
    });
    expect(step.status).toBe(1);
    expect(step.outputs['baseline-run-id']).toBe(String(prev.run.id));
    expect(plain(step.summary)).toContain(
      `previous successful run on main (run #${prev.run.runNumber}, ${h.m2.slice(0, 7)}, push)`,
    );
    expect(fake.checkRuns.filter((c) => c.headSha === h.m3)).toHaveLength(0);
    expect(fake.artifactsOf(run.id).map((a) => a.name)).toEqual(['evalgate-results']);
  });
});
