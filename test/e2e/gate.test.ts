/**
 * The bundled action against the fake GitHub: push runs that store results, pull request runs that find
 * them at the merge-base through a real @actions/artifact round trip, comment, check, re-runs, fallbacks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { commentMarker } from '../../src/github/publisher.js';
import { history, prStep, pushStep, useFake } from './scenario.js';
import { root, runStep, workspace } from './runner.js';
import { schedulePayload } from '../fake-github/index.js';

const fake = useFake();
const DATA = join(root, 'test', 'fixtures', 'github', 'data');

describe('push and pull request', () => {
  test('a push run uploads its EvalResult as the results artifact', async () => {
    const h = history(fake);
    const { run, step } = await pushStep(fake, h.wf, h.m2);
    expect(step.status).toBe(0);
    // First run: nothing to compare with; on-missing-baseline defaults to warn.
    expect(step.outputs.verdict).toBe('no-baseline');
    expect(step.warnings.join('\n')).toMatch(/No baseline: no earlier successful run on main/);
    const [art] = fake.artifactsOf(run.id);
    expect(art.name).toBe('evalgate-results');
    const result = JSON.parse(fake.filesOf(art)['evalgate-result.json']);
    expect(result).toMatchObject({ schema: 'evalgate/eval-result', task: 'binary', n: 400, meta: { commit: h.m2, run_id: run.id } });
    expect(result.metrics.accuracy.value).toBeCloseTo(0.9, 10);
    expect(result.examples.ids).toHaveLength(400);
    // No PR: no comment; the check goes on the pushed commit.
    expect(fake.comments).toHaveLength(0);
    expect(fake.checkRuns[0]).toMatchObject({ name: 'evalgate', headSha: h.m2, conclusion: 'neutral' });
  });

  test('a PR run finds the baseline at its merge-base, regresses, fails, comments and creates the check; a re-run updates the same comment', async () => {
    const h = history(fake);
    const base = await pushStep(fake, h.wf, h.m2);
    const newer = await pushStep(fake, h.wf, h.m3); // newer main run: must not be preferred over the merge-base
    expect(newer.step.outputs.verdict).toBe('pass');

    const { run, step } = await prStep(fake, h.wf, h.f1);
    expect(step.status).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(Number(step.outputs.regressions)).toBeGreaterThanOrEqual(1);
    expect(step.outputs['baseline-run-id']).toBe(String(base.run.id));
    expect(step.errors.join('\n')).toMatch(/^evalgate: \d+ regressions?: .*accuracy/m);

    const comments = fake.commentsOn(7);
    expect(comments).toHaveLength(1);
    expect(comments[0].body.startsWith(commentMarker('evalgate-results') + '\n')).toBe(true);
    expect(comments[0].body).toContain('❌ **Fail**');
    expect(comments[0].body).toContain(`merge-base ${h.m2.slice(0, 7)}, run #${base.run.runNumber}`);
    expect(step.outputs['comment-url']).toBe(`https://github.com/acme/model/pull/7#issuecomment-${comments[0].id}`);

    const check = fake.checkRuns.find((c) => c.headSha === h.f1)!;
    expect(check).toMatchObject({ name: 'evalgate', conclusion: 'failure', detailsUrl: `https://github.com/acme/model/actions/runs/${run.id}` });
    expect(check.output.title).toMatch(/^Fail: \d+ regressions?/);
    expect(check.annotations.length).toBeGreaterThanOrEqual(1);
    expect(check.annotations[0]).toMatchObject({ path: 'preds.jsonl', annotation_level: 'failure' });
    // The baseline came through the public artifact API: 302 to the blob, then unzipped.
    expect(fake.calls('actions/download-artifact').map((c) => c.status)).toEqual([302]);
    expect(step.summary).toContain('❌ **Fail**');

    // Re-run of the same workflow run (attempt 2): still one comment, updated in place.
    const again = await prStep(fake, h.wf, h.f1, { run, attempt: 2 });
    expect(again.step.status).toBe(1);
    expect(fake.commentsOn(7)).toHaveLength(1);
    expect(fake.calls('issues/update-comment')).toHaveLength(1);
    expect(again.step.outputs['comment-url']).toBe(step.outputs['comment-url']);
  });

  test('an expired artifact falls back to the next candidate on the base branch', async () => {
    const h = history(fake);
    const older = await pushStep(fake, h.wf, h.m1);
    const atBase = await pushStep(fake, h.wf, h.m2);
    fake.artifactsOf(atBase.run.id)[0].expired = true;
    const { step } = await prStep(fake, h.wf, h.f1);
    expect(step.outputs['baseline-run-id']).toBe(String(older.run.id));
    expect(step.outputs.verdict).toBe('fail');
    expect(fake.commentsOn(7)[0].body).toContain(`no run with an unexpired "evalgate-results" artifact at merge-base ${h.m2.slice(0, 7)}`);
    expect(fake.commentsOn(7)[0].body).toContain('1 commit behind the merge-base');
  });

  test('no baseline: on-missing-baseline decides (warn by default, fail when asked)', async () => {
    const h = history(fake);
    const warn = await prStep(fake, h.wf, h.f1);
    expect(warn.step.status).toBe(0);
    expect(warn.step.outputs.verdict).toBe('no-baseline');
    expect(warn.step.warnings.join('\n')).toMatch(/No baseline: no run with an unexpired "evalgate-results" artifact at merge-base/);
    expect(fake.checkRuns[0].conclusion).toBe('neutral');
    expect(fake.commentsOn(7)[0].body).toContain('❔ **No baseline**');

    const fail = await prStep(fake, h.wf, h.f1, { inputs: { 'on-missing-baseline': 'fail' } });
    expect(fail.step.status).toBe(1);
    expect(fail.step.errors.join('\n')).toMatch(/^No baseline: /m);
    expect(fake.checkRuns[1].conclusion).toBe('failure');
    expect(fake.commentsOn(7)).toHaveLength(1);
  });

  test('sharded current artifacts (current-artifact glob) are merged before the gate', async () => {
    const h = history(fake);
    const base = await pushStep(fake, h.wf, h.m2);
    fake.addPull({ number: 7, headSha: h.f1, headRef: 'feature' });
    const run = fake.addRun({ workflowId: h.wf.id, headSha: h.f1, headBranch: 'feature', event: 'pull_request', status: 'in_progress' });
    // Earlier matrix jobs of this run uploaded their raw predictions (actions/upload-artifact), one shard each.
    fake.addArtifact(run.id, 'eval-shard-1', { 'preds.jsonl': readFileSync(join(DATA, 'shard-1.jsonl')) });
    fake.addArtifact(run.id, 'eval-shard-0', { 'preds.jsonl': readFileSync(join(DATA, 'shard-0.jsonl')) });
    fake.addArtifact(run.id, 'coverage', { 'x.txt': 'not a shard' });
    const { step } = await prStep(fake, h.wf, h.f1, { run, inputs: { current: '', 'current-artifact': 'eval-shard-*', upload: 'false' } });
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
    expect(fake.checkRuns[0].output.summary!.length).toBeLessThanOrEqual(65_535);
    // 1,000 regressed metrics: annotations in batches of 50 (create + updates), all accepted.
    expect(fake.checkRuns[0].annotations.length).toBe(500);
    expect(fake.limitRejections).toEqual([]);
    // The job summary has every row.
    expect(step.summary.length).toBeGreaterThan(body.length);
    expect(step.summary).toContain('task\\_2999.score');
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
    expect(step.summary).toContain(`previous successful run on main (run #${prev.run.runNumber}`);
    expect(fake.checkRuns).toHaveLength(0);
    expect(fake.artifactsOf(run.id).map((a) => a.name)).toEqual(['evalgate-results']);
  });
});
