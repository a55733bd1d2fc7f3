import { test, expect } from 'vitest';
import { FakeGitHub } from '/work/main/test/fake-github/index.js';
test('smoke', async () => {
  const fake = new FakeGitHub();
  await fake.start();
  const wf = fake.addWorkflow();
  const a = fake.commitOn('main'); const b = fake.commitOn('main');
  fake.branchAt('feature', a); const c = fake.commitOn('feature');
  const run = fake.addRun({ workflowId: wf.id, headSha: b });
  fake.addArtifact(run.id, 'evalgate-results', { 'x.json': '{}' });
  fake.addPull({ number: 7, headSha: c, headRef: 'feature' });
  fake.addRelease({ tag: 'v1', sha: a });
  process.env.GITHUB_API_URL = fake.url;
  const { getOctokit } = await import('@actions/github');
  const o = getOctokit(fake.token, { baseUrl: fake.url });
  const base = `/repos/acme/model`;
  const calls: [string, Record<string, unknown>][] = [
    ['GET /repos/{owner}/{repo}', {}],
    ['GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: run.id }],
    ['GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', { workflow_id: wf.id, status: 'success', branch: 'main', per_page: 1 }],
    ['GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', { run_id: run.id, name: 'evalgate-results' }],
    ['GET /repos/{owner}/{repo}/compare/{basehead}', { basehead: `main...${c}` }],
    ['GET /repos/{owner}/{repo}/releases', {}],
    ['GET /repos/{owner}/{repo}/commits/{ref}', { ref: 'v1' }],
    ['GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { commit_sha: c }],
    ['GET /repos/{owner}/{repo}/pulls/{pull_number}', { pull_number: 7 }],
    ['GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: 7 }],
    ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { issue_number: 7, body: 'hi' }],
    ['POST /repos/{owner}/{repo}/check-runs', { name: 'x', head_sha: c, conclusion: 'success', output: { title: 't', summary: 's' } }],
  ];
  for (const [route, params] of calls) {
    const r = await o.request(route, { owner: 'acme', repo: 'model', ...params });
    console.log(route, r.status, r.headers.link ?? '');
  }
  console.log(fake.violations.join('\n'));
  await fake.stop();
  expect(fake.violations).toEqual([]);
});
