import { describe, expect, test } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { ActionsArtifactStore } from '../../src/github/artifacts.js';
import { commentMarker, GitHubPublisher } from '../../src/github/publisher.js';
import {
  parseUntrustedReport,
  reportArtifactName,
  runPublishMode,
  type ReportArtifactMeta,
} from '../../src/github/report-artifact.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { Report } from '../../src/types.js';
import { clientFor, contextFor, useFakeGitHub } from './helpers.js';

const { fake } = useFakeGitHub();
const PREFIX = 'https://github.com/acme/model/actions/runs/';

function report(extra: Partial<Report> = {}): Report {
  return {
    schema: 'evalgate/report',
    version: 1,
    verdict: 'fail',
    gate_id: 'evalgate-results',
    task: 'binary',
    baseline: {
      source: 'artifact',
      run_id: 11,
      run_number: 3,
      commit: 'c'.repeat(40),
      branch: 'main',
      url: `${PREFIX}11`,
      reason: 'merge-base ccccccc, run #3',
    },
    current: { n: 200, commit: 'd'.repeat(40) },
    comparisons: [
      {
        metric: 'accuracy',
        direction: 'higher',
        baseline: 0.9,
        current: 0.8,
        delta: -0.1,
        delta_pct: -11.1,
        status: 'regressed',
        gated: true,
        severity: 'fail',
        reason: 'worse by 0.1',
        test: { method: 'mcnemar-exact', paired: true, p_value: 0.001, ci_delta: [-0.15, -0.05] },
        p_adjusted: 0.002,
      },
    ],
    regressions: 1,
    warnings: 0,
    settings: { significance: 0.05, correction: 'holm' },
    notes: [],
    ...extra,
  };
}

describe('parseUntrustedReport', () => {
  test('a report evalgate wrote parses back to the same report', () => {
    const r = report();
    expect(parseUntrustedReport(JSON.stringify(r), 'report.json', PREFIX)).toEqual(r);
  });

  test('wrong types name the field at fault', () => {
    const bad = (patch: (r: Record<string, unknown>) => void) => {
      const r = JSON.parse(JSON.stringify(report())) as Record<string, unknown>;
      patch(r);
      return () => parseUntrustedReport(JSON.stringify(r), 'report.json', PREFIX);
    };
    expect(bad((r) => (r.verdict = 'great'))).toThrow(/report\.json field "verdict": must be one of/);
    expect(bad((r) => ((r.comparisons as Record<string, unknown>[])[0].current = '0.8'))).toThrow(
      /comparisons\[0\]\.current/,
    );
    expect(bad((r) => (r.comparisons = {}))).toThrow(InputError);
    expect(() => parseUntrustedReport('nope', 'report.json', PREFIX)).toThrow(/not JSON/);
  });

  test('links off this repository are dropped; counts come from the rows', () => {
    const r = report({
      regressions: 0,
      baseline: { source: 'artifact', url: 'https://evil.example/phish', reason: 'x' },
    });
    const parsed = parseUntrustedReport(JSON.stringify(r), 'report.json', PREFIX);
    expect(parsed.baseline.url).toBeUndefined();
    expect(parsed.regressions).toBe(1);
  });
});

/** A fork PR whose gate run (read-only token) uploaded the report artifact. */
function forkScenario(opts: { metaPr?: number; listPrs?: boolean } = {}) {
  const wf = fake.addWorkflow('pr', '.github/workflows/pr.yml');
  const base = fake.commitOn('main');
  fake.branchAt('mallory-main', base);
  const head = fake.commitOn('mallory-main', 'fork change');
  const pr = fake.addPull({
    number: 9,
    headSha: head,
    headRef: 'main',
    headRepo: 'mallory/model',
    login: 'mallory',
  });
  const gateRun = fake.addRun({
    workflowId: wf.id,
    headSha: head,
    headBranch: 'main',
    event: 'pull_request',
    conclusion: 'failure',
    headRepo: 'mallory/model',
    pullRequests: opts.listPrs ? [9] : [],
  });
  const meta: ReportArtifactMeta = {
    schema: 'evalgate/pr-report',
    version: 1,
    pr_number: opts.metaPr ?? 9,
    head_sha: head,
    gate_id: 'evalgate-results',
    conclusion: 'failure',
    run_id: gateRun.id,
  };
  fake.addArtifact(gateRun.id, reportArtifactName('evalgate-results'), {
    'report.md': '@everyone <img src=x onerror=alert(1)> click https://evil.example',
    'report.json': JSON.stringify(report()),
    'pr.json': JSON.stringify(meta),
  });
  const publishWf = fake.addWorkflow('publish', '.github/workflows/evalgate-publish.yml');
  const self = fake.addRun({
    workflowId: publishWf.id,
    headSha: base,
    event: 'workflow_run',
    status: 'in_progress',
  });
  const ctx = contextFor(fake, self.id, {
    eventName: 'workflow_run',
    workflowRun: {
      id: gateRun.id,
      headSha: head,
      headBranch: 'main',
      event: 'pull_request',
      conclusion: 'failure',
      headRepo: 'mallory/model',
      pullRequests: opts.listPrs ? [9] : [],
    },
  });
  return { ctx, head, pr, gateRun };
}

async function publish(ctx: ReturnType<typeof forkScenario>['ctx']) {
  const client = await clientFor(fake);
  return runPublishMode({
    client,
    context: ctx,
    artifacts: new ActionsArtifactStore(fake.token, fake.owner, fake.repo),
    publisher: new GitHubPublisher({
      client,
      owner: fake.owner,
      repo: fake.repo,
      gateId: 'evalgate-results',
      comment: 'always',
      checkName: 'evalgate',
    }),
    artifactName: 'evalgate-results',
    render: (r, max, url) => renderMarkdown(r, { maxChars: max, detailsUrl: url }),
  });
}

describe('mode: publish', () => {
  test("posts the fork's report, re-rendered from JSON, with a check on the PR head", async () => {
    const { ctx, head } = forkScenario();
    const res = await publish(ctx);
    expect(res).toMatchObject({ published: true, prNumber: 9 });
    const [c] = fake.commentsOn(9);
    expect(c.body.startsWith(commentMarker('evalgate-results') + '\n')).toBe(true);
    expect(c.body).toContain('accuracy');
    expect(c.body).not.toContain('onerror');
    expect(c.body).not.toContain('@everyone');
    expect(fake.checkRuns[0]).toMatchObject({
      name: 'evalgate',
      headSha: head,
      conclusion: 'failure',
      output: { title: 'Fail: 1 regression' },
    });
    // GitHub lists no PRs on a fork's run: the PR came from the commit.
    expect(fake.calls('repos/list-pull-requests-associated-with-commit')).toHaveLength(1);
    // A second publish (re-run) updates the same comment.
    await publish(ctx);
    expect(fake.commentsOn(9)).toHaveLength(1);
  });

  test('uses workflow_run.pull_requests when GitHub lists them', async () => {
    const { ctx } = forkScenario({ listPrs: true });
    expect((await publish(ctx)).published).toBe(true);
    expect(fake.calls('repos/list-pull-requests-associated-with-commit')).toHaveLength(0);
  });

  test('a PR that moved on gets no stale report', async () => {
    const { ctx, pr } = forkScenario();
    pr.headSha = fake.commitOn('mallory-main', 'newer push');
    const res = await publish(ctx);
    expect(res.published).toBe(false);
    expect(res.reason).toMatch(/has moved on/);
    expect(fake.comments).toHaveLength(0);
    expect(fake.checkRuns).toHaveLength(0);
  });

  test('a report naming another PR is refused', async () => {
    const { ctx } = forkScenario({ metaPr: 1 });
    const res = await publish(ctx);
    expect(res.published).toBe(false);
    expect(res.reason).toMatch(/names PR #1, but commit .* belongs to #9/);
    expect(fake.comments).toHaveLength(0);
  });

  test('no report artifact: nothing to publish, no error', async () => {
    const { ctx, gateRun } = forkScenario();
    fake.artifacts = fake.artifacts.filter((a) => a.runId !== gateRun.id);
    const res = await publish(ctx);
    expect(res.published).toBe(false);
    expect(res.reason).toMatch(/has no "evalgate-results-report" artifact/);
  });

  test('outside a workflow_run workflow it is a usage error', async () => {
    const { ctx } = forkScenario();
    await expect(publish({ ...ctx, workflowRun: undefined })).rejects.toThrow(UsageError);
  });
});
