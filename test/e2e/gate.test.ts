/**
 * The bundled action against the fake GitHub: push runs that store results, pull request runs that find
 * them at the merge-base through a real @actions/artifact round trip, comment, check, re-runs, fallbacks.
 */
import { describe, expect, test } from 'vitest';
import { commentMarker } from '../../src/github/publisher.js';
import { history, prStep, pushStep, useFake, plain } from './scenario.js';

const fake = useFake();

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
    expect(result).toMatchObject({
      schema: 'evalgate/eval-result',
      task: 'binary',
      n: 400,
      meta: { commit: h.m2, run_id: run.id },
    });
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
    fake.requests = [];

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
    expect(plain(comments[0].body)).toContain(`merge-base ${h.m2.slice(0, 7)}, run #${base.run.runNumber}`);
    expect(step.outputs['comment-url']).toBe(
      `https://github.com/acme/model/pull/7#issuecomment-${comments[0].id}`,
    );

    const check = fake.checkRuns.find((c) => c.headSha === h.f1)!;
    expect(check).toMatchObject({
      name: 'evalgate',
      conclusion: 'failure',
      detailsUrl: `https://github.com/acme/model/actions/runs/${run.id}`,
    });
    expect(check.output.title).toMatch(/^Fail: \d+ regressions?/);
    expect(check.annotations.length).toBeGreaterThanOrEqual(1);
    expect(check.annotations[0]).toMatchObject({ path: 'preds.jsonl', annotation_level: 'failure' });
    // The baseline came through the public artifact API: 302 to the blob, then unzipped.
    // (The second download is the history's: the other run on main, for trend charts.)
    expect(fake.calls('actions/download-artifact').map((c) => c.status)).toEqual([302, 302]);
    expect(step.summary).toContain('❌ **Fail**');

    // Re-run of the same workflow run (attempt 2): still one comment, updated in place.
    const again = await prStep(fake, h.wf, h.f1, { run, attempt: 2 });
    expect(again.step.status).toBe(1);
    expect(fake.commentsOn(7)).toHaveLength(1);
    expect(fake.calls('issues/update-comment')).toHaveLength(1);
    expect(again.step.outputs['comment-url']).toBe(step.outputs['comment-url']);
    // The first attempt's artifact is still there: the re-upload is refused, which only warns.
    expect(again.step.warnings.join('\n')).toMatch(
      /already has an artifact of this name \(from an earlier attempt/,
    );
  });

  test('an expired artifact falls back to the next candidate on the base branch', async () => {
    const h = history(fake);
    const older = await pushStep(fake, h.wf, h.m1);
    const atBase = await pushStep(fake, h.wf, h.m2);
    fake.artifactsOf(atBase.run.id)[0].expired = true;
    const { step } = await prStep(fake, h.wf, h.f1);
    expect(step.outputs['baseline-run-id']).toBe(String(older.run.id));
    expect(step.outputs.verdict).toBe('fail');
    expect(plain(fake.commentsOn(7)[0].body)).toContain(
      `no successful run with an unexpired "evalgate-results" artifact at merge-base ${h.m2.slice(0, 7)}; newest on main (run #${older.run.runNumber}), 1 commit behind the merge-base`,
    );
  });

  test('no baseline: on-missing-baseline decides (warn by default, fail when asked)', async () => {
    const h = history(fake);
    const warn = await prStep(fake, h.wf, h.f1);
    expect(warn.step.status).toBe(0);
    expect(warn.step.outputs.verdict).toBe('no-baseline');
    expect(warn.step.warnings.join('\n')).toMatch(
      /No baseline: no successful run with an unexpired "evalgate-results" artifact at merge-base/,
    );
    expect(fake.checkRuns[0].conclusion).toBe('neutral');
    expect(fake.commentsOn(7)[0].body).toContain('❔ **No baseline**');

    const fail = await prStep(fake, h.wf, h.f1, { inputs: { 'on-missing-baseline': 'fail' } });
    expect(fail.step.status).toBe(1);
    expect(fail.step.errors.join('\n')).toMatch(/^No baseline: /m);
    expect(fake.checkRuns[1].conclusion).toBe('failure');
    expect(fake.commentsOn(7)).toHaveLength(1);
  });
});

describe('GitHub failing', () => {
  test('GitHub down during the baseline lookup (5xx after the retries): the step fails with a message, no stack, and a summary', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    fake.fail({ operation: 'actions/list-workflow-runs', status: 503 });
    fake.requests = [];
    const { step } = await prStep(fake, h.wf, h.f1);
    expect(step.status).toBe(1);
    expect(step.errors).toEqual([
      "evalgate: the baseline lookup failed: GitHub did not answer (HTTP 503: Server Error, after retries); retry later. No verdict; nothing was posted; this run's metrics are in the job summary",
    ]);
    expect(step.stdout).not.toMatch(/unexpected error|at .*\.js:\d+/);
    expect(step.summary).toContain(
      '**The baseline lookup failed**: GitHub did not answer (HTTP 503: Server Error, after retries); retry later',
    );
    // What was still reported: this run's metrics.
    expect(step.summary).toMatch(/\| accuracy \|/);
    expect(step.outputs.verdict).toBeUndefined();
    // 1 try + 3 retries.
    expect(fake.calls('actions/list-workflow-runs')).toHaveLength(4);
    expect(fake.comments).toHaveLength(0);
  }, 60_000);

  test('an exhausted rate limit: a clear error, not a missing permission and not no-baseline', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    fake.exhaustRateLimit();
    const { step } = await prStep(fake, h.wf, h.f1);
    expect(step.status).toBe(1);
    expect(step.errors).toHaveLength(1);
    expect(step.errors[0]).toMatch(
      /^evalgate: the baseline lookup failed: GitHub API rate limit exhausted; retry later \(it resets at .*\)\. HTTP 403: API rate limit exceeded/,
    );
    expect(step.outputs.verdict).toBeUndefined();
    expect(step.warnings.join('\n')).not.toMatch(/actions: read|No baseline/);
    expect(step.summary).toContain('**The baseline lookup failed**');
  });

  test('publishing failing unexpectedly still leaves the outputs and the verdict applied', async () => {
    const h = history(fake);
    await pushStep(fake, h.wf, h.m2);
    fake.fail({
      operation: 'issues/list-comments',
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
    });
    const { step } = await prStep(fake, h.wf, h.f1);
    expect(step.status).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(Number(step.outputs.regressions)).toBeGreaterThanOrEqual(1);
    expect(step.outputs['report-path']).toMatch(/evalgate-report\.json$/);
    expect(step.outputs['baseline-run-id']).toBeDefined();
    const errors = step.errors.join('\n');
    expect(errors).toMatch(/^evalgate: \d+ regressions?: .*accuracy/m);
    expect(errors).toMatch(/unexpected error: HttpError: Not Found/);
  });
});
