import { describe, expect, test } from 'vitest';
import { ActionsArtifactStore } from '../../src/github/artifacts.js';
import { GitHubBaselineSource } from '../../src/github/baseline.js';
import { GitHubUnavailableError } from '../../src/github/octokit.js';
import type { RunnerContext } from '../../src/github/context.js';
import { FORK_PERMISSIONS, type FakeGitHub } from '../fake-github/index.js';
import { clientFor, contextFor, loadDir, resultArtifact, useFakeGitHub, warnings } from './helpers.js';

const { fake, out } = useFakeGitHub();
const NAME = 'evalgate-results';

async function source(
  ctx: RunnerContext,
  extra: { lookback?: number; pinnedRunId?: number; pinnedBranch?: string; token?: string } = {},
) {
  const token = extra.token ?? fake.token;
  return new GitHubBaselineSource({
    client: await clientFor(fake, token),
    context: ctx,
    artifacts: new ActionsArtifactStore(token, fake.owner, fake.repo),
    artifactName: NAME,
    lookback: extra.lookback ?? 30,
    pinnedRunId: extra.pinnedRunId,
    pinnedBranch: extra.pinnedBranch,
    load: loadDir,
  });
}

/** main: m1 ─ m2 ─ m3 ─ m4; feature branches off m2 with f1. */
function history(f: FakeGitHub) {
  const wf = f.addWorkflow('eval', '.github/workflows/eval.yml');
  const m1 = f.commitOn('main', 'm1');
  const m2 = f.commitOn('main', 'm2');
  f.branchAt('feature', m2);
  const f1 = f.commitOn('feature', 'f1');
  const m3 = f.commitOn('main', 'm3');
  const m4 = f.commitOn('main', 'm4');
  return { wf, m1, m2, m3, m4, f1 };
}

/** This PR's own run of the workflow, in progress on the feature branch. */
function prRun(h: ReturnType<typeof history>) {
  return fake.addRun({
    workflowId: h.wf.id,
    headSha: h.f1,
    headBranch: 'feature',
    event: 'pull_request',
    status: 'in_progress',
  });
}

function prContext(
  f: FakeGitHub,
  runId: number,
  h: ReturnType<typeof history>,
  headRepo = 'acme/model',
): RunnerContext {
  f.addPull({ number: 5, headSha: h.f1, headRef: 'feature', headRepo });
  return contextFor(f, runId, {
    eventName: 'pull_request',
    ref: 'refs/pull/5/merge',
    refName: '5/merge',
    refType: '',
    pullRequest: {
      number: 5,
      headSha: h.f1,
      headRef: 'feature',
      headRepo,
      baseRef: 'main',
      baseSha: h.m4,
      isFork: headRepo !== 'acme/model',
    },
  });
}

describe('pull request', () => {
  test('takes the run at the merge-base', async () => {
    const h = history(fake);
    const atBase = fake.addRun({ workflowId: h.wf.id, headSha: h.m2 });
    fake.addArtifact(atBase.id, NAME, resultArtifact(0.81));
    const newer = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    fake.addArtifact(newer.id, NAME, resultArtifact(0.9));
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found.result?.metrics.accuracy.value).toBe(0.81);
    expect(found.info).toMatchObject({
      source: 'artifact',
      run_id: atBase.id,
      run_number: atBase.runNumber,
      commit: h.m2,
      branch: 'main',
    });
    expect(found.info.reason).toBe(`merge-base ${h.m2.slice(0, 7)}, run #${atBase.runNumber}`);
    expect(found.info.url).toBe(`https://github.com/acme/model/actions/runs/${atBase.id}`);
  });

  test('falls back to the newest push run on the base branch, with the distance from the merge-base', async () => {
    const h = history(fake);
    const old = fake.addRun({ workflowId: h.wf.id, headSha: h.m1 });
    fake.addArtifact(old.id, NAME, resultArtifact(0.7));
    const newest = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    fake.addArtifact(newest.id, NAME, resultArtifact(0.88));
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found.result?.metrics.accuracy.value).toBe(0.88);
    expect(found.info.reason).toBe(
      `no successful run with an unexpired "${NAME}" artifact at merge-base ${h.m2.slice(0, 7)}; newest on main (run #${newest.runNumber}), 2 commits ahead of the merge-base`,
    );
  });

  test('an older main run is reported as behind the merge-base', async () => {
    const h = history(fake);
    const old = fake.addRun({ workflowId: h.wf.id, headSha: h.m1 });
    fake.addArtifact(old.id, NAME, resultArtifact(0.7));
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found.info.reason).toContain(
      `newest on main (run #${old.runNumber}), 1 commit behind the merge-base`,
    );
  });

  test('an expired artifact, and a 410 on download, fall through to the next candidate', async () => {
    const h = history(fake);
    const expired = fake.addRun({ workflowId: h.wf.id, headSha: h.m2 });
    fake.addArtifact(expired.id, NAME, resultArtifact(0.5), { expired: true });
    const good = fake.addRun({ workflowId: h.wf.id, headSha: h.m3 });
    fake.addArtifact(good.id, NAME, resultArtifact(0.77));
    // Newest on main, listed as unexpired, but already gone when downloaded.
    const gone = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    fake.addArtifact(gone.id, NAME, resultArtifact(0.6), { goneOnDownload: true });
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found.result?.metrics.accuracy.value).toBe(0.77);
    expect(found.info.run_id).toBe(good.id);
    expect(fake.calls('actions/download-artifact').map((c) => c.status)).toEqual([410, 302]);
    // The expired one was never downloaded: its listing said so.
    expect(
      fake
        .calls('actions/download-artifact')
        .some((c) => c.path.includes(`/${fake.artifactsOf(expired.id)[0].id}/`)),
    ).toBe(false);
  });

  test('a candidate that failed at the merge-base is not downloaded again in the fallback', async () => {
    const h = history(fake);
    const gone = fake.addRun({ workflowId: h.wf.id, headSha: h.m2 });
    fake.addArtifact(gone.id, NAME, resultArtifact(0.6), { goneOnDownload: true });
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found.result).toBeNull();
    expect(fake.calls('actions/download-artifact')).toHaveLength(1);
    expect(found.info.reason).toContain(
      `(skipped run #${gone.runNumber}: artifact expired (410 on download))`,
    );
  });

  test('never takes a baseline from pull request runs or from forks', async () => {
    const h = history(fake);
    // A fork PR whose head branch is called "main", with a run at the merge-base commit: poison.
    const poisonPr = fake.addRun({
      workflowId: h.wf.id,
      headSha: h.m2,
      headBranch: 'main',
      event: 'pull_request',
    });
    fake.addArtifact(poisonPr.id, NAME, resultArtifact(0.01));
    const poisonFork = fake.addRun({
      workflowId: h.wf.id,
      headSha: h.m4,
      headBranch: 'main',
      event: 'push',
      headRepo: 'mallory/model',
    });
    fake.addArtifact(poisonFork.id, NAME, resultArtifact(0.02));
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found.result).toBeNull();
    expect(found.info.source).toBe('none');
    expect(fake.calls('actions/list-workflow-run-artifacts')).toHaveLength(0);
  });

  test('no baseline: result null with the reason', async () => {
    const h = history(fake);
    const noArtifact = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    const failed = fake.addRun({ workflowId: h.wf.id, headSha: h.m3, conclusion: 'failure' });
    fake.addArtifact(failed.id, NAME, resultArtifact(0.9));
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found).toEqual({
      result: null,
      info: {
        source: 'none',
        reason: `no successful run with an unexpired "${NAME}" artifact at merge-base ${h.m2.slice(0, 7)}, and none among the last 30 successful runs on main (skipped run #${noArtifact.runNumber}: no artifact)`,
      },
    });
  });

  test('refused artifacts: the reason says why (unsafe entry path, size limit), never "unexpired"', async () => {
    const h = history(fake);
    const unsafe = fake.addRun({ workflowId: h.wf.id, headSha: h.m2 });
    fake.addArtifact(unsafe.id, NAME, { '../evil.json': 'x', 'evalgate-result.json': '{}' });
    const bomb = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    // 64 MiB of zeros (about 64 KiB zipped): past the 200:1 ratio, refused before inflating.
    fake.addArtifact(bomb.id, NAME, { 'evalgate-result.json': Buffer.alloc(64 * 1024 * 1024) });
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found.result).toBeNull();
    expect(found.info.reason).toBe(
      `no successful run with a usable "${NAME}" artifact at merge-base ${h.m2.slice(0, 7)}, and none among the last 30 successful runs on main ` +
        `(skipped run #${unsafe.runNumber}: artifact refused: unsafe entry path; run #${bomb.runNumber}: artifact refused: implausible compression ratio)`,
    );
    expect(warnings(out()).join('\n')).toMatch(
      new RegExp(
        `The "evalgate-results" artifact of run #${unsafe.runNumber} was refused: .*unsafe entry path "\\.\\./evil\\.json"`,
      ),
    );
  });

  test('looks back at most baseline-lookback runs, paging through the list', async () => {
    const h = history(fake);
    const withArtifact = fake.addRun({ workflowId: h.wf.id, headSha: h.m1 });
    fake.addArtifact(withArtifact.id, NAME, resultArtifact(0.66));
    for (let i = 0; i < 120; i++) fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    const self = prRun(h);
    const ctx = prContext(fake, self.id, h);

    const short = await (await source(ctx, { lookback: 100 })).find();
    expect(short.result).toBeNull();
    expect(short.info.reason).toContain('none among the last 100 successful runs on main');

    fake.requests = [];
    const long = await (await source(ctx, { lookback: 130 })).find();
    expect(long.result?.metrics.accuracy.value).toBe(0.66);
    // Page 1 and page 2 of the base-branch runs (100 per page), after the empty merge-base query.
    const pages = fake
      .calls('actions/list-workflow-runs')
      .map((c) => new URLSearchParams(c.query).get('page'));
    expect(pages).toEqual(['1', '1', '2']);
  });

  test('a failed run at the merge-base: the reason says no successful run there', async () => {
    const h = history(fake);
    const failed = fake.addRun({ workflowId: h.wf.id, headSha: h.m2, conclusion: 'failure' });
    fake.addArtifact(failed.id, NAME, resultArtifact(0.9));
    const newest = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    fake.addArtifact(newest.id, NAME, resultArtifact(0.88));
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found.info.run_id).toBe(newest.id);
    expect(found.info.reason).toMatch(
      new RegExp(
        `^no successful run with an unexpired "${NAME}" artifact at merge-base ${h.m2.slice(0, 7)}; `,
      ),
    );
  });

  test('baseline-lookback counts only candidates: fork PR runs on a branch called main use up no slots', async () => {
    const h = history(fake);
    const good = fake.addRun({ workflowId: h.wf.id, headSha: h.m3 });
    fake.addArtifact(good.id, NAME, resultArtifact(0.77));
    // Newer: three runs of fork pull requests whose head branch is called "main", and a fork push.
    for (let i = 0; i < 3; i++)
      fake.addRun({
        workflowId: h.wf.id,
        headSha: h.m4,
        headBranch: 'main',
        event: 'pull_request',
        headRepo: 'mallory/model',
      });
    fake.addRun({ workflowId: h.wf.id, headSha: h.m4, headBranch: 'main', headRepo: 'eve/model' });
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h), { lookback: 1 })).find();
    expect(found.info.run_id).toBe(good.id);
    expect(found.result?.metrics.accuracy.value).toBe(0.77);
  });

  test('an artifact that is not an evalgate result is skipped with a warning', async () => {
    const h = history(fake);
    const junk = fake.addRun({ workflowId: h.wf.id, headSha: h.m2 });
    fake.addArtifact(junk.id, NAME, { 'something.txt': 'hello' });
    const good = fake.addRun({ workflowId: h.wf.id, headSha: h.m1 });
    fake.addArtifact(good.id, NAME, resultArtifact(0.8));
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h))).find();
    expect(found.info.run_id).toBe(good.id);
    expect(warnings(out()).join('\n')).toMatch(/not a readable evalgate result/);
  });
});

describe('nightly and branch runs', () => {
  test('schedule: the newest earlier successful run on the same branch, never itself or a later one', async () => {
    const h = history(fake);
    const prev = fake.addRun({ workflowId: h.wf.id, headSha: h.m3, event: 'schedule' });
    fake.addArtifact(prev.id, NAME, resultArtifact(0.8));
    const other = fake.addRun({ workflowId: h.wf.id, headSha: h.f1, headBranch: 'feature', event: 'push' });
    fake.addArtifact(other.id, NAME, resultArtifact(0.1));
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4, event: 'schedule' });
    fake.addArtifact(self.id, NAME, resultArtifact(0.2)); // a re-run's first attempt already uploaded
    const later = fake.addRun({ workflowId: h.wf.id, headSha: h.m4, event: 'workflow_dispatch' });
    fake.addArtifact(later.id, NAME, resultArtifact(0.3));
    const found = await (await source(contextFor(fake, self.id, { eventName: 'schedule' }))).find();
    expect(found.info.run_id).toBe(prev.id);
    expect(found.info.reason).toBe(
      `previous successful run on main (run #${prev.runNumber}, ${h.m3.slice(0, 7)}, schedule)`,
    );
  });

  test('a workflow in another file is not "the same workflow"', async () => {
    const h = history(fake);
    const other = fake.addWorkflow('other', '.github/workflows/other.yml');
    const foreign = fake.addRun({ workflowId: other.id, headSha: h.m3 });
    fake.addArtifact(foreign.id, NAME, resultArtifact(0.5));
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4, event: 'workflow_dispatch' });
    const found = await (await source(contextFor(fake, self.id, { eventName: 'workflow_dispatch' }))).find();
    expect(found.result).toBeNull();
    expect(found.info.reason).toMatch(/^no earlier successful run on main/);
  });
});

describe('release', () => {
  test('the run at the previous release tag; prereleases are skipped for a stable release', async () => {
    const h = history(fake);
    fake.addRelease({ tag: 'v1.0.0', sha: h.m1 });
    const relRun = fake.addRun({ workflowId: h.wf.id, headSha: h.m1, headBranch: 'v1.0.0' });
    fake.addArtifact(relRun.id, NAME, resultArtifact(0.75));
    fake.addRelease({ tag: 'v1.1.0-rc1', sha: h.m2, prerelease: true });
    const rcRun = fake.addRun({ workflowId: h.wf.id, headSha: h.m2, headBranch: 'v1.1.0-rc1' });
    fake.addArtifact(rcRun.id, NAME, resultArtifact(0.76));
    fake.addRelease({ tag: 'v2.0.0-draft', sha: h.m3, draft: true });
    fake.addRelease({ tag: 'v1.1.0', sha: h.m4 });
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4, headBranch: 'v1.1.0', event: 'release' });
    const found = await (
      await source(
        contextFor(fake, self.id, {
          eventName: 'release',
          ref: 'refs/tags/v1.1.0',
          refName: 'v1.1.0',
          refType: 'tag',
          releaseTag: 'v1.1.0',
          releasePrerelease: false,
        }),
      )
    ).find();
    expect(found.info.run_id).toBe(relRun.id);
    expect(found.info.reason).toBe(`previous release v1.0.0 (${h.m1.slice(0, 7)}), run #${relRun.runNumber}`);
  });

  test('tag push without a run at the previous release falls back to the default branch', async () => {
    const h = history(fake);
    fake.addRelease({ tag: 'v1.0.0', sha: h.m1 });
    const main = fake.addRun({ workflowId: h.wf.id, headSha: h.m3 });
    fake.addArtifact(main.id, NAME, resultArtifact(0.7));
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4, headBranch: 'v1.1.0', event: 'push' });
    const found = await (
      await source(
        contextFor(fake, self.id, {
          eventName: 'push',
          ref: 'refs/tags/v1.1.0',
          refName: 'v1.1.0',
          refType: 'tag',
          releaseTag: 'v1.1.0',
          defaultBranch: undefined,
        }),
      )
    ).find();
    expect(found.info.run_id).toBe(main.id);
    expect(found.info.reason).toBe(
      `no successful run with an unexpired "${NAME}" artifact for the previous release v1.0.0; newest on main (run #${main.runNumber})`,
    );
    // The default branch came from the API, since the context did not know it.
    expect(fake.calls('repos/get')).toHaveLength(1);
  });
});

describe('shared state', () => {
  test('the lookup does not write into the runner context it was given (issue 12, G)', async () => {
    const h = history(fake);
    fake.addRelease({ tag: 'v1.0.0', sha: h.m1 });
    const main = fake.addRun({ workflowId: h.wf.id, headSha: h.m3 });
    fake.addArtifact(main.id, NAME, resultArtifact(0.7));
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4, headBranch: 'v1.1.0', event: 'push' });
    const ctx = contextFor(fake, self.id, {
      eventName: 'push',
      ref: 'refs/tags/v1.1.0',
      refName: 'v1.1.0',
      refType: 'tag',
      releaseTag: 'v1.1.0',
      defaultBranch: undefined,
    });
    const before = structuredClone(ctx);
    const found = await (await source(ctx)).find();
    // The default branch was needed (and asked from the API) ...
    expect(found.info.run_id).toBe(main.id);
    expect(fake.calls('repos/get')).toHaveLength(1);
    // ... but the context the action shares with the publisher is unchanged.
    expect(ctx).toEqual(before);
  });

  test('no call builds an unavailable-error without naming what failed (issue 12, G)', async () => {
    // `unavailableError(e, '')` used as a boolean built an error with an empty subject and threw the
    // raw error instead; every call names the operation and throws the typed error it returns.
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../../src/github/', import.meta.url);
    const bad = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /unavailableError\([^,()]+,\s*''\)/.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(bad).toEqual([]);
  });
});

describe('pins and permissions', () => {
  test('baseline-run-id pins the run', async () => {
    const h = history(fake);
    const pinned = fake.addRun({ workflowId: h.wf.id, headSha: h.m1 });
    fake.addArtifact(pinned.id, NAME, resultArtifact(0.5));
    const newer = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    fake.addArtifact(newer.id, NAME, resultArtifact(0.9));
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h), { pinnedRunId: pinned.id })).find();
    expect(found.info.run_id).toBe(pinned.id);
    expect(found.info.reason).toBe(
      `pinned by baseline-run-id: run #${pinned.runNumber} (${h.m1.slice(0, 7)} on main)`,
    );
    const missing = await (await source(prContext(fake, self.id, h), { pinnedRunId: 424242 })).find();
    expect(missing.info.reason).toBe('baseline-run-id 424242: no such workflow run in acme/model');
  });

  test('baseline-branch takes the newest run on that branch, even for a pull request', async () => {
    const h = history(fake);
    fake.branchAt('release/1.x', h.m1);
    const rel = fake.addRun({ workflowId: h.wf.id, headSha: h.m1, headBranch: 'release/1.x' });
    fake.addArtifact(rel.id, NAME, resultArtifact(0.6));
    const atBase = fake.addRun({ workflowId: h.wf.id, headSha: h.m2 });
    fake.addArtifact(atBase.id, NAME, resultArtifact(0.9));
    const self = prRun(h);
    const found = await (await source(prContext(fake, self.id, h), { pinnedBranch: 'release/1.x' })).find();
    expect(found.info.run_id).toBe(rel.id);
    expect(found.info.reason).toBe(
      `newest successful run on release/1.x (input baseline-branch), run #${rel.runNumber}`,
    );
  });

  test('GitHub failing (5xx, after the retries) is an error naming the lookup, not a crash or no-baseline', async () => {
    const h = history(fake);
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    fake.fail({ operation: 'actions/list-workflow-runs', status: 502 });
    const err = await (await source(contextFor(fake, self.id))).find().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubUnavailableError);
    expect((err as Error).message).toBe(
      'evalgate: the baseline lookup failed: GitHub did not answer (HTTP 502: Server Error, after retries); retry later',
    );
  });

  test('a dropped connection is reported the same way', async () => {
    const h = history(fake);
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    fake.fail({ operation: 'actions/get-workflow-run', status: 'network' });
    const err = await (await source(contextFor(fake, self.id))).find().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubUnavailableError);
    expect((err as Error).message).toMatch(
      /^evalgate: the baseline lookup failed: GitHub did not answer \(HTTP 500: /,
    );
  });

  test('an exhausted rate limit (403) is a rate-limit error, not a missing permission or no-baseline', async () => {
    const h = history(fake);
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    fake.exhaustRateLimit();
    const err = await (await source(contextFor(fake, self.id))).find().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubUnavailableError);
    expect((err as Error).message).toMatch(
      /^evalgate: the baseline lookup failed: GitHub API rate limit exhausted; retry later \(it resets at \d{4}-/,
    );
    expect(warnings(out()).join('\n')).not.toMatch(/actions: read/);
  });

  test('a secondary rate limit is reported as a rate limit too', async () => {
    const h = history(fake);
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    fake.fail({
      operation: 'actions/get-workflow-run',
      status: 403,
      headers: { 'retry-after': '60' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
    });
    const err = await (await source(contextFor(fake, self.id))).find().catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/GitHub API rate limit exhausted; retry later/);
  });

  test('a token without actions: read means no baseline and a warning, not a crash', async () => {
    const h = history(fake);
    const self = fake.addRun({ workflowId: h.wf.id, headSha: h.m4 });
    const token = fake.addToken({ ...FORK_PERMISSIONS, actions: 'none' });
    const found = await (await source(contextFor(fake, self.id), { token })).find();
    expect(found.result).toBeNull();
    expect(found.info.reason).toMatch(/token needs `actions: read`/);
    expect(warnings(out()).join('\n')).toMatch(/actions: read/);
  });
});
