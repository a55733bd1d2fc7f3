/**
 * Pull requests from forks: the gate runs with a read-only token and degrades to job summary + warning +
 * report artifact; a privileged workflow_run workflow then publishes it (`mode: publish`).
 */
import { describe, expect, test } from 'vitest';
import { commentMarker } from '../../src/github/publisher.js';
import { FORK_PERMISSIONS, workflowRunPayload } from '../fake-github/index.js';
import { REPO, history, prStep, pushStep, useFake } from './scenario.js';
import { runStep, workspace } from './runner.js';

const fake = useFake();

async function forkGate() {
  const h = history(fake);
  const base = await pushStep(fake, h.wf, h.m2);
  const readOnly = fake.addToken(FORK_PERMISSIONS);
  const gate = await prStep(fake, h.wf, h.f1, { headRepo: 'mallory/model', token: readOnly });
  return { h, base, readOnly, ...gate };
}

describe('fork pull request', () => {
  test('a read-only token: the gate still gates, warns about the missing permissions, and leaves a report artifact', async () => {
    const { h, run, step, readOnly } = await forkGate();
    // The verdict still decides the step: the regression fails it.
    expect(step.status).toBe(1);
    expect(step.outputs.verdict).toBe('fail');
    expect(step.stdout).not.toMatch(/unexpected error/);
    const w = step.warnings.join('\n');
    expect(w).toContain('`pull-requests: write`');
    expect(w).toContain('`checks: write`');
    expect(step.summary).toContain('❌ **Fail**');
    expect(fake.comments).toHaveLength(0);
    expect(fake.checkRuns.filter((c) => c.headSha === h.f1)).toHaveLength(0);
    expect(step.outputs['comment-url']).toBeUndefined();

    const report = fake.artifactsOf(run.id).find((a) => a.name === 'evalgate-results-report')!;
    expect(report).toBeDefined();
    const files = fake.filesOf(report);
    expect(Object.keys(files).sort()).toEqual(['pr.json', 'report.json', 'report.md']);
    expect(JSON.parse(files['pr.json'])).toEqual({
      schema: 'evalgate/pr-report',
      version: 1,
      pr_number: 7,
      head_sha: h.f1,
      gate_id: 'evalgate-results',
      conclusion: 'failure',
      run_id: run.id,
    });
    expect(JSON.parse(files['report.json']).verdict).toBe('fail');
    expect(files['report.md']).toContain('❌ **Fail**');
    // Never print the token (the runner hides `::add-mask::` lines themselves).
    const shown = (step.stdout + step.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toContain(readOnly);
  });

  test('mode: publish, from the workflow_run that follows, posts the comment and the check', async () => {
    const { h, run: gateRun } = await forkGate();
    const publishWf = fake.addWorkflow('evalgate-publish', '.github/workflows/fork-publish.yml');
    const self = fake.addRun({
      workflowId: publishWf.id,
      headSha: h.m3,
      event: 'workflow_run',
      status: 'in_progress',
    });
    const payload = workflowRunPayload(REPO, {
      id: gateRun.id,
      headSha: h.f1,
      headBranch: 'feature',
      event: 'pull_request',
      conclusion: 'failure',
      headRepo: 'mallory/model',
      pullRequests: [], // GitHub lists none for fork PRs
    });
    const step = await runStep({
      fake,
      run: self,
      event: 'workflow_run',
      payload,
      ref: 'refs/heads/main',
      sha: h.m3,
      inputs: { mode: 'publish' },
      workspace: workspace({}),
    });
    expect(step.status).toBe(0);
    expect(step.outputs.verdict).toBe('fail');
    const [c] = fake.commentsOn(7);
    expect(c.body.startsWith(commentMarker('evalgate-results') + '\n')).toBe(true);
    expect(c.body).toContain('❌ **Fail**');
    expect(step.outputs['comment-url']).toBe(`https://github.com/acme/model/pull/7#issuecomment-${c.id}`);
    const check = fake.checkRuns.find((x) => x.headSha === h.f1)!;
    expect(check).toMatchObject({
      name: 'evalgate',
      conclusion: 'failure',
      detailsUrl: `https://github.com/acme/model/actions/runs/${gateRun.id}`,
    });
    expect(fake.calls('repos/list-pull-requests-associated-with-commit')).toHaveLength(1);
    expect(fake.calls('pulls/get')).toHaveLength(1);
    // The publish run neither gates nor uploads results.
    expect(fake.artifactsOf(self.id)).toHaveLength(0);

    // Published again (a re-run of the publish workflow): the same comment, updated.
    const again = await runStep({
      fake,
      run: self,
      event: 'workflow_run',
      payload,
      ref: 'refs/heads/main',
      sha: h.m3,
      inputs: { mode: 'publish' },
      workspace: workspace({}),
      attempt: 2,
    });
    expect(again.status).toBe(0);
    expect(fake.commentsOn(7)).toHaveLength(1);
  });
});
