import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError, UsageError } from '../../src/errors.js';
import { ActionsArtifactStore } from '../../src/github/artifacts.js';
import { commentMarker, GitHubPublisher } from '../../src/github/publisher.js';
import {
  parseUntrustedReport,
  reportArtifactName,
  runPublishMode,
  type ReportArtifactMeta,
} from '../../src/github/report-artifact/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { Report } from '../../src/types.js';
import { clientFor, contextFor, useFakeGitHub, warnings } from './helpers.js';

const { fake, out } = useFakeGitHub();

/** Bytes of the files under `dir`. */
function diskUsage(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}
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

  test('null interval bounds stay null, never NaN (issue 12, G)', () => {
    const r = report();
    const text = JSON.stringify(r).replace(
      '"p_adjusted":0.002',
      '"p_adjusted":0.002,"baseline_ci":[null,0.95],"current_ci":null,"ci_delta":[-0.2,null]',
    );
    const raw = JSON.parse(text) as Report;
    raw.comparisons[0].test!.ci_delta = [null, null] as unknown as [number, number];
    const parsed = parseUntrustedReport(JSON.stringify(raw), 'report.json', PREFIX);
    const c = parsed.comparisons[0];
    expect(c.baseline_ci).toBeNull();
    expect(c.current_ci).toBeNull();
    expect(c.test!.ci_delta).toBeNull();
    const nan: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'number' && Number.isNaN(v)) nan.push(path);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(parsed, 'report');
    expect(nan).toEqual([]);
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
function forkScenario(
  opts: {
    metaPr?: number;
    listPrs?: boolean;
    meta?: Partial<ReportArtifactMeta>;
    report?: Partial<Report>;
    files?: Record<string, string | Buffer>;
  } = {},
) {
  const wf = fake.addWorkflow('pr', '.github/workflows/pr.yml');
  const base = fake.commitOn('main');
  // The PR's head commit exists only in the fork (mallory/model, branch "main").
  const head = fake.forkCommit('mallory/model', base);
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
    fail_on: 'regression',
    on_missing_baseline: 'warn',
    ...opts.meta,
  };
  fake.addArtifact(gateRun.id, reportArtifactName('evalgate-results'), {
    'report.md': '@everyone <img src=x onerror=alert(1)> click https://evil.example',
    'report.json': JSON.stringify(report(opts.report)),
    'pr.json': JSON.stringify(meta),
    ...opts.files,
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
      headOwner: 'mallory',
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
    // GitHub lists no PRs on a fork's run, and none for a commit only in the fork: the PR came from
    // the open PRs with head mallory:main.
    expect(fake.calls('pulls/list').map((c) => new URLSearchParams(c.query).get('head'))).toEqual([
      'mallory:main',
    ]);
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
    const { ctx, pr, head } = forkScenario();
    pr.headSha = fake.forkCommit('mallory/model', head, 'newer push');
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

  test("a fork's PR is found by its head owner:branch, only when head SHA and head repository match", async () => {
    const { ctx, head } = forkScenario({ metaPr: 10 });
    // Same owner and branch name, same commit, but another repository of mallory's: not the run's head.
    fake.addPull({ number: 10, headSha: head, headRef: 'main', headRepo: 'mallory/model-copy' });
    // Another fork's "main": not even listed for mallory:main.
    fake.addPull({ number: 11, headSha: head, headRef: 'main', headRepo: 'eve/model' });
    const res = await publish(ctx);
    expect(res.published).toBe(false);
    expect(res.reason).toMatch(/names PR #10, but commit .* belongs to #9$/);
    expect(fake.comments).toHaveLength(0);
  });

  test('a same-repository branch without a head branch in the payload: the PRs of the commit', async () => {
    const wf = fake.addWorkflow('pr', '.github/workflows/pr.yml');
    const base = fake.commitOn('main');
    fake.branchAt('feature', base);
    const head = fake.commitOn('feature', 'change');
    fake.addPull({ number: 4, headSha: head, headRef: 'feature' });
    const gateRun = fake.addRun({
      workflowId: wf.id,
      headSha: head,
      headBranch: 'feature',
      event: 'pull_request',
    });
    fake.addArtifact(gateRun.id, reportArtifactName('evalgate-results'), {
      'report.json': JSON.stringify(report()),
      'pr.json': JSON.stringify({
        schema: 'evalgate/pr-report',
        version: 1,
        pr_number: 4,
        head_sha: head,
        gate_id: 'evalgate-results',
        conclusion: 'failure',
        run_id: gateRun.id,
      }),
    });
    const self = fake.addRun({
      workflowId: wf.id,
      headSha: base,
      event: 'workflow_run',
      status: 'in_progress',
    });
    const ctx = contextFor(fake, self.id, {
      eventName: 'workflow_run',
      workflowRun: {
        id: gateRun.id,
        headSha: head,
        headBranch: null,
        event: 'pull_request',
        conclusion: 'failure',
        headRepo: 'acme/model',
        headOwner: 'acme',
        pullRequests: [],
      },
    });
    expect(await publish(ctx)).toMatchObject({ published: true, prNumber: 4 });
    expect(fake.calls('repos/list-pull-requests-associated-with-commit')).toHaveLength(1);
  });

  test('the check conclusion follows the verdict and the recorded fail-on, not pr.json', async () => {
    const { ctx } = forkScenario({ meta: { conclusion: 'neutral', fail_on: 'never' } });
    expect((await publish(ctx)).published).toBe(true);
    expect(fake.checkRuns[0].conclusion).toBe('neutral');
  });

  test('a pr.json whose conclusion disagrees with the verdict is refused', async () => {
    // A fail verdict with fail-on: regression cannot conclude "success".
    const { ctx } = forkScenario({ meta: { conclusion: 'success' } });
    const res = await publish(ctx);
    expect(res.published).toBe(false);
    expect(res.reason).toMatch(/conclusion "success", but verdict "fail" .* gives "failure"/);
    expect(warnings(out()).join('\n')).toMatch(/Not publishing: pr\.json says conclusion "success"/);
    expect(fake.comments).toHaveLength(0);
    expect(fake.checkRuns).toHaveLength(0);
  });

  test('a zip bomb in the report artifact is refused before it inflates', async () => {
    // 100 MiB of zeros compress to about 100 KiB: small enough to pass the size check of the listing.
    const { ctx } = forkScenario({ files: { 'report.json': Buffer.alloc(100 * 1024 * 1024) } });
    const tempDir = mkdtempSync(join(tmpdir(), 'evalgate-bomb-'));
    const err = await publish({ ...ctx, tempDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(
      /entry "report\.json" declares 104857600 bytes, more than the 8388608 allowed/,
    );
    // Never more than the limit on disk, and nothing of what was refused left behind.
    expect(diskUsage(tempDir)).toBeLessThanOrEqual(64 * 1024);
    expect(fake.comments).toHaveLength(0);
  });

  test('outside a workflow_run workflow it is a usage error', async () => {
    const { ctx } = forkScenario();
    await expect(publish({ ...ctx, workflowRun: undefined })).rejects.toThrow(UsageError);
  });
});
