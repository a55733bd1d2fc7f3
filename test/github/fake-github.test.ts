/** The fake itself: GitHub's limits, pagination, schema checks, artifact redirects. */
import { describe, expect, test } from 'vitest';
import { makeZip, readZip } from '../fake-github/index.js';
import { clientFor, useFakeGitHub } from './helpers.js';

const { fake } = useFakeGitHub();
const repo = { owner: 'acme', repo: 'model' };

function pr() {
  const head = fake.commitOn('feature');
  fake.addPull({ number: 1, headSha: head, headRef: 'feature' });
  return head;
}

describe('limits GitHub enforces', () => {
  test('comment bodies over 65,536 characters get 422', async () => {
    pr();
    const gh = await clientFor(fake);
    await gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: 1,
      body: 'x'.repeat(65_536),
    });
    await expect(
      gh.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: 1,
        body: 'x'.repeat(65_537),
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(fake.limitRejections).toHaveLength(1);
  });

  test('check output over 65,535 characters, or more than 50 annotations, get 422', async () => {
    const head = pr();
    const gh = await clientFor(fake);
    const a = { path: 'x', start_line: 1, end_line: 1, annotation_level: 'warning' as const, message: 'm' };
    await expect(
      gh.request('POST /repos/{owner}/{repo}/check-runs', {
        ...repo,
        name: 'c',
        head_sha: head,
        conclusion: 'success',
        output: { title: 't', summary: 's'.repeat(65_536) },
      }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      gh.request('POST /repos/{owner}/{repo}/check-runs', {
        ...repo,
        name: 'c',
        head_sha: head,
        conclusion: 'success',
        output: { title: 't', summary: 's', annotations: Array(51).fill(a) },
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(fake.limitRejections).toHaveLength(2);
    expect(fake.checkRuns).toHaveLength(0);
  });
});

describe('schema validation', () => {
  test('a request GitHub would reject is recorded as a violation', async () => {
    const head = pr();
    const gh = await clientFor(fake);
    await expect(
      gh.request('POST /repos/{owner}/{repo}/check-runs', {
        ...repo,
        name: 'c',
        head_sha: head,
        conclusion: 'great' as never,
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(fake.violations.join('\n')).toMatch(/conclusion must be equal to one of the allowed values/);
    expect(() => fake.assertClean()).toThrow(/1 violation/);
  });

  test('an unknown endpoint is a violation', async () => {
    const gh = await clientFor(fake);
    await expect(gh.request('GET /repos/{owner}/{repo}/nonsense', repo)).rejects.toMatchObject({
      status: 404,
    });
    expect(fake.violations).toHaveLength(1);
    fake.violations = [];
  });

  test('bad credentials get 401', async () => {
    const gh = await clientFor(fake, 'not-a-token');
    await expect(gh.request('GET /repos/{owner}/{repo}', repo)).rejects.toMatchObject({ status: 401 });
  });
});

describe('lists and artifacts', () => {
  test('pagination follows Link headers; total_count is the whole list', async () => {
    const wf = fake.addWorkflow();
    const sha = fake.commitOn('main');
    for (let i = 0; i < 7; i++) fake.addRun({ workflowId: wf.id, headSha: sha });
    const gh = await clientFor(fake);
    const first = await gh.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
      ...repo,
      workflow_id: wf.id,
      per_page: 3,
    });
    expect(first.data.total_count).toBe(7);
    expect(first.data.workflow_runs).toHaveLength(3);
    expect(first.headers.link).toContain('rel="next"');
    const all = await gh.paginate('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
      ...repo,
      workflow_id: wf.id,
      per_page: 3,
    });
    expect(all.map((r) => r.run_number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  test('artifact download: 302 to a signed blob URL serving application/zip; 410 once expired', async () => {
    const wf = fake.addWorkflow();
    const run = fake.addRun({ workflowId: wf.id, headSha: fake.commitOn('main') });
    const live = fake.addArtifact(run.id, 'a', { 'f.txt': 'hello' });
    const dead = fake.addArtifact(run.id, 'b', { 'f.txt': 'bye' }, { expired: true });
    const gh = await clientFor(fake);
    const r = await gh.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
      ...repo,
      artifact_id: live.id,
      archive_format: 'zip',
      request: { redirect: 'manual' },
    });
    expect(r.status).toBe(302);
    const blob = await fetch(String(r.headers.location));
    expect(blob.headers.get('content-type')).toBe('application/zip');
    expect(readZip(Buffer.from(await blob.arrayBuffer()))['f.txt'].toString()).toBe('hello');
    await expect(
      gh.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
        ...repo,
        artifact_id: dead.id,
        archive_format: 'zip',
        request: { redirect: 'manual' },
      }),
    ).rejects.toMatchObject({ status: 410 });
    // Without the signature the blob store refuses.
    const unsigned = new URL(String(r.headers.location));
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(403);
    fake.violations = [];
  });

  test('zip helpers round-trip', () => {
    const files = readZip(makeZip({ 'a/b.json': '{"x":1}', 'c.txt': Buffer.from('c') }));
    expect(Object.keys(files)).toEqual(['a/b.json', 'c.txt']);
    expect(files['a/b.json'].toString()).toBe('{"x":1}');
  });
});

describe('pull requests from forks, identities, failures', () => {
  test("a commit only in the fork has no associated PR; the PR list's head filter finds it", async () => {
    const base = fake.commitOn('main');
    const forkHead = fake.forkCommit('mallory/model', base);
    fake.addPull({ number: 3, headSha: forkHead, headRef: 'main', headRepo: 'mallory/model' });
    fake.branchAt('feature', base);
    const sameRepo = fake.commitOn('feature');
    fake.addPull({ number: 4, headSha: sameRepo, headRef: 'feature' });
    const gh = await clientFor(fake);
    const byCommit = (sha: string) =>
      gh.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...repo, commit_sha: sha });
    expect((await byCommit(forkHead)).data).toEqual([]);
    expect((await byCommit(sameRepo)).data.map((p) => p.number)).toEqual([4]);
    const list = (head?: string) =>
      gh.paginate('GET /repos/{owner}/{repo}/pulls', { ...repo, state: 'open', ...(head ? { head } : {}) });
    expect((await list('mallory:main')).map((p) => [p.number, p.head.repo?.full_name])).toEqual([
      [3, 'mallory/model'],
    ]);
    expect((await list('acme:main')).map((p) => p.number)).toEqual([]);
    expect((await list('acme:feature')).map((p) => p.number)).toEqual([4]);
    expect((await list()).map((p) => p.number)).toEqual([4, 3]);
  });

  test('GET /user: 403 for installation tokens, the user for a personal access token; comments show who', async () => {
    pr();
    const pat = fake.addIdentityToken({ login: 'alice', kind: 'user' });
    await expect((await clientFor(fake)).request('GET /user')).rejects.toMatchObject({ status: 403 });
    expect((await (await clientFor(fake, pat)).request('GET /user')).data.login).toBe('alice');
    for (const token of [fake.token, pat])
      await (
        await clientFor(fake, token)
      ).request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...repo,
        issue_number: 1,
        body: 'x',
      });
    expect(fake.commentsOn(1).map((c) => c.login)).toEqual(['github-actions[bot]', 'alice']);
  });

  test('injected failures answer instead of the handler, as often as asked', async () => {
    const gh = await clientFor(fake);
    fake.fail({ operation: 'repos/get', status: 502, times: 1 });
    await expect(gh.request('GET /repos/{owner}/{repo}', repo)).rejects.toMatchObject({ status: 502 });
    expect((await gh.request('GET /repos/{owner}/{repo}', repo)).status).toBe(200);
    fake.exhaustRateLimit();
    const err = await gh.request('GET /repos/{owner}/{repo}', repo).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, response: { headers: { 'x-ratelimit-remaining': '0' } } });
  });
});
