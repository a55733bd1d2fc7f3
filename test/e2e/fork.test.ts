/**
 * Pull requests from forks: the gate runs with a read-only token and degrades to job summary + warning +
 * report artifact; a privileged workflow_run workflow then publishes it (`mode: publish`).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { commentMarker } from '../../src/github/publisher.js';
import { FORK_PERMISSIONS, makeZip, workflowRunPayload, type FakeRun } from '../fake-github/index.js';
import { REPO, history, prStep, pushStep, useFake } from './scenario.js';
import { runStep, workspace } from './runner.js';

const fake = useFake();

async function forkGate() {
  const h = history(fake);
  const base = await pushStep(fake, h.wf, h.m2);
  const readOnly = fake.addToken(FORK_PERMISSIONS);
  // The PR's head commit was pushed to the fork only (GitHub associates no PR with such a commit).
  const head = fake.forkCommit('mallory/model', h.m2, 'fork: new model');
  const gate = await prStep(fake, h.wf, head, { headRepo: 'mallory/model', token: readOnly });
  return { h, head, base, readOnly, ...gate };
}

/** The publish workflow's run, triggered by the fork gate's run. */
async function publishStep(gateRun: FakeRun, head: string, h: { m3: string }, attempt = 1, self?: FakeRun) {
  const publishWf =
    fake.workflows.find((w) => w.name === 'evalgate-publish') ??
    fake.addWorkflow('evalgate-publish', '.github/workflows/fork-publish.yml');
  const run =
    self ??
    fake.addRun({ workflowId: publishWf.id, headSha: h.m3, event: 'workflow_run', status: 'in_progress' });
  const step = await runStep({
    fake,
    run,
    event: 'workflow_run',
    payload: workflowRunPayload(REPO, {
      id: gateRun.id,
      headSha: head,
      headBranch: 'feature',
      event: 'pull_request',
      conclusion: 'failure',
      headRepo: 'mallory/model',
      pullRequests: [], // GitHub lists none for fork PRs
    }),
    ref: 'refs/heads/main',
    sha: h.m3,
    inputs: { mode: 'publish' },
    workspace: workspace({}),
    attempt,
  });
  return { run, step };
}

describe('fork pull request', () => {
  test('a read-only token: the gate still gates, warns about the missing permissions, and leaves a report artifact', async () => {
    const { head, run, step, readOnly } = await forkGate();
    // The verdict still decides the step: the regression fails it.
    expect(step.status).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(step.stdout).not.toMatch(/unexpected error/);
    const w = step.warnings.join('\n');
    expect(w).toContain('`pull-requests: write`');
    expect(w).toContain('`checks: write`');
    expect(step.summary).toContain('❌ **Fail**');
    expect(fake.comments).toHaveLength(0);
    expect(fake.checkRuns.filter((c) => c.headSha === head)).toHaveLength(0);
    expect(step.outputs['comment-url']).toBeUndefined();

    const report = fake.artifactsOf(run.id).find((a) => a.name === 'evalgate-results-report')!;
    expect(report).toBeDefined();
    const files = fake.filesOf(report);
    expect(Object.keys(files).sort()).toEqual(['pr.json', 'report.json', 'report.md']);
    expect(JSON.parse(files['pr.json'])).toEqual({
      schema: 'evalgate/pr-report',
      version: 1,
      pr_number: 7,
      head_sha: head,
      gate_id: 'evalgate-results',
      conclusion: 'failure',
      run_id: run.id,
      fail_on: 'regression',
      on_missing_baseline: 'warn',
    });
    expect(JSON.parse(files['report.json']).verdict).toBe('fail');
    expect(files['report.md']).toContain('❌ **Fail**');
    // Never print the token (the runner hides `::add-mask::` lines themselves).
    const shown = (step.stdout + step.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain(readOnly);
  });

  test('a re-run of the fork gate: the report artifact exists already, which only warns; the verdict stands', async () => {
    const { head, run, readOnly } = await forkGate();
    const again = await prStep(fake, fake.workflows[0], head, {
      headRepo: 'mallory/model',
      token: readOnly,
      run,
      attempt: 2,
    });
    expect(again.step.stdout).not.toMatch(/unexpected error/);
    expect(again.step.status).toBe(1);
    expect(again.step.outputs.verdict).toBe('fail');
    expect(Number(again.step.outputs.regressions)).toBeGreaterThanOrEqual(1);
    expect(again.step.outputs['report-path']).toMatch(/evalgate-report\.json$/);
    expect(again.step.errors.join('\n')).toMatch(/^evalgate: \d+ regressions?: /m);
    expect(again.step.warnings.join('\n')).toMatch(
      /could not upload the report as "evalgate-results-report" for the publish workflow: .*already exists/,
    );
    expect(fake.artifactsOf(run.id).filter((a) => a.name === 'evalgate-results-report')).toHaveLength(1);
  });

  test('mode: publish, from the workflow_run that follows, posts the comment and the check', async () => {
    const { h, head, run: gateRun } = await forkGate();
    const { run: self, step } = await publishStep(gateRun, head, h);
    expect(step.status).toBe(0);
    expect(step.outputs.verdict).toBe('fail');
    const [c] = fake.commentsOn(7);
    expect(c.body.startsWith(commentMarker('evalgate-results') + '\n')).toBe(true);
    expect(c.body).toContain('❌ **Fail**');
    expect(step.outputs['comment-url']).toBe(`https://github.com/acme/model/pull/7#issuecomment-${c.id}`);
    const check = fake.checkRuns.find((x) => x.headSha === head)!;
    expect(check).toMatchObject({
      name: 'evalgate',
      conclusion: 'failure',
      detailsUrl: `https://github.com/acme/model/actions/runs/${gateRun.id}`,
    });
    // Found by the fork's owner:branch (the commit alone is associated with no PR).
    expect(fake.calls('pulls/list').map((x) => new URLSearchParams(x.query).get('head'))).toEqual([
      'mallory:feature',
    ]);
    expect(fake.calls('pulls/get')).toHaveLength(1);
    // The publish run neither gates nor uploads results.
    expect(fake.artifactsOf(self.id)).toHaveLength(0);

    // Published again (a re-run of the publish workflow): the same comment, updated.
    const again = await publishStep(gateRun, head, h, 2, self);
    expect(again.step.status).toBe(0);
    expect(fake.commentsOn(7)).toHaveLength(1);
  });

  test('mode: publish with GitHub out of rate limit: a clear error, no stack', async () => {
    const { h, head, run: gateRun } = await forkGate();
    fake.exhaustRateLimit();
    const { step } = await publishStep(gateRun, head, h);
    expect(step.status).toBe(1);
    expect(step.errors).toHaveLength(1);
    expect(step.errors[0]).toMatch(
      /^evalgate: mode: publish failed: GitHub API rate limit exhausted; retry later/,
    );
    expect(step.stdout).not.toMatch(/unexpected error/);
  });

  test('mode: publish refuses a zip bomb before extracting it', async () => {
    const { h, head, run: gateRun } = await forkGate();
    const art = fake.artifactsOf(gateRun.id).find((a) => a.name === 'evalgate-results-report')!;
    const files = fake.filesOf(art);
    art.zip = makeZip({ 'pr.json': files['pr.json'], 'report.json': Buffer.alloc(200 * 1024 * 1024) });
    const { step } = await publishStep(gateRun, head, h);
    expect(step.status).toBe(1);
    expect(step.errors.join('\n')).toMatch(
      /^[\w.-]+\.zip: entry "report\.json" declares 209715200 bytes, more than the 8388608 allowed$/m,
    );
    expect(step.stdout).not.toMatch(/unexpected error/);
    expect(diskUsage(step.tempDir)).toBeLessThan(1024 * 1024);
    expect(fake.comments).toHaveLength(0);
  });
});

/** Bytes of the files under `dir`. */
function diskUsage(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}
