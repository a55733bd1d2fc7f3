/** GitHub's REST objects (runs, artifacts, releases, users, comments, check runs, pulls) built from the fake's state. */
import { labelObject } from './issues.js';
import { iso, repository, user } from './objects.js';
import type { FakeState } from './state.js';
import type { FakeArtifact, FakeCheckRun, FakeComment, FakePull, FakeRelease, FakeRun } from './types.js';

export function runObject(s: FakeState, r: FakeRun): Record<string, unknown> {
  const h = s.hosts();
  const wf = s.workflows.find((w) => w.id === r.workflowId)!;
  const api = `${h.api}/repos/${s.owner}/${s.repo}`;
  const c = s.commits.get(r.headSha);
  return {
    id: r.id,
    name: wf.name,
    node_id: `WFR_${r.id}`,
    check_suite_id: r.id + 1,
    check_suite_node_id: `CS_${r.id + 1}`,
    head_branch: r.headBranch,
    head_sha: r.headSha,
    path: wf.path,
    run_number: r.runNumber,
    run_attempt: r.runAttempt,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    workflow_id: r.workflowId,
    url: `${api}/actions/runs/${r.id}`,
    html_url: `${h.web}/${s.owner}/${s.repo}/actions/runs/${r.id}`,
    pull_requests: r.pullRequests.map((n) => {
      const pr = s.pulls.find((p) => p.number === n);
      const repoRef = { id: 1, url: `${h.api}/repos/${s.owner}/${s.repo}`, name: s.repo };
      return {
        id: n * 1000,
        number: n,
        url: `${api}/pulls/${n}`,
        head: { ref: pr?.headRef ?? 'feature', sha: pr?.headSha ?? r.headSha, repo: repoRef },
        base: {
          ref: pr?.baseRef ?? s.defaultBranch,
          sha: s.branches.get(pr?.baseRef ?? s.defaultBranch) ?? r.headSha,
          repo: repoRef,
        },
      };
    }),
    created_at: r.createdAt,
    updated_at: r.createdAt,
    run_started_at: r.createdAt,
    jobs_url: `${api}/actions/runs/${r.id}/jobs`,
    logs_url: `${api}/actions/runs/${r.id}/logs`,
    check_suite_url: `${api}/check-suites/${r.id + 1}`,
    artifacts_url: `${api}/actions/runs/${r.id}/artifacts`,
    cancel_url: `${api}/actions/runs/${r.id}/cancel`,
    rerun_url: `${api}/actions/runs/${r.id}/rerun`,
    workflow_url: `${api}/actions/workflows/${r.workflowId}`,
    display_title: c?.message ?? 'run',
    head_commit: c
      ? {
          id: c.sha,
          tree_id: c.sha.split('').reverse().join(''),
          message: c.message,
          timestamp: c.date,
          author: { name: 'Dev', email: 'dev@example.com' },
          committer: { name: 'Dev', email: 'dev@example.com' },
        }
      : null,
    repository: repository(h, `${s.owner}/${s.repo}`, 'minimal'),
    head_repository: repository(h, r.headRepo, 'minimal'),
    actor: user(h, 'dev'),
    triggering_actor: user(h, 'dev'),
  };
}

export function artifactObject(s: FakeState, a: FakeArtifact): Record<string, unknown> {
  const h = s.hosts();
  const api = `${h.api}/repos/${s.owner}/${s.repo}/actions/artifacts/${a.id}`;
  const run = s.run(a.runId);
  return {
    id: a.id,
    node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
    name: a.name,
    size_in_bytes: a.zip.length,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: a.expired,
    created_at: a.createdAt,
    expires_at: a.expiresAt,
    updated_at: a.createdAt,
    digest: a.digest,
    workflow_run: {
      id: run.id,
      repository_id: 1,
      head_repository_id: 1,
      head_branch: run.headBranch ?? '',
      head_sha: run.headSha,
    },
  };
}

export function releaseObject(s: FakeState, r: FakeRelease): Record<string, unknown> {
  const h = s.hosts();
  const api = `${h.api}/repos/${s.owner}/${s.repo}/releases/${r.id}`;
  return {
    url: api,
    html_url: `${h.web}/${s.owner}/${s.repo}/releases/tag/${r.tag}`,
    assets_url: `${api}/assets`,
    upload_url: `https://uploads.github.com/repos/${s.owner}/${s.repo}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${h.api}/repos/${s.owner}/${s.repo}/tarball/${r.tag}`,
    zipball_url: `${h.api}/repos/${s.owner}/${s.repo}/zipball/${r.tag}`,
    id: r.id,
    node_id: `RE_${r.id}`,
    tag_name: r.tag,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: null,
    draft: r.draft,
    prerelease: r.prerelease,
    created_at: r.createdAt,
    published_at: r.publishedAt,
    author: user(h, 'dev'),
    assets: [],
  };
}

/** `GET /user` for a personal access token (a `private-user`). */
export function authenticatedUser(s: FakeState, login: string): Record<string, unknown> {
  return {
    ...user(s.hosts(), login),
    user_view_type: 'private',
    name: login,
    company: null,
    blog: '',
    location: null,
    email: null,
    notification_email: null,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 1,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 100,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { collaborators: 0, name: 'free', space: 976562499, private_repos: 10000 },
  };
}

export function commentObject(s: FakeState, c: FakeComment): Record<string, unknown> {
  const h = s.hosts();
  return {
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${h.api}/repos/${s.owner}/${s.repo}/issues/comments/${c.id}`,
    html_url: `${h.web}/${s.owner}/${s.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${h.api}/repos/${s.owner}/${s.repo}/issues/${c.issueNumber}`,
    body: c.body,
    user: user(h, c.login),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.login.endsWith('[bot]') ? 'NONE' : 'CONTRIBUTOR',
  };
}

export function checkRunObject(s: FakeState, c: FakeCheckRun): Record<string, unknown> {
  const h = s.hosts();
  const api = `${h.api}/repos/${s.owner}/${s.repo}/check-runs/${c.id}`;
  const now = iso(s.clock);
  return {
    id: c.id,
    head_sha: c.headSha,
    node_id: `CR_${c.id}`,
    external_id: c.externalId,
    url: api,
    html_url: `${h.web}/${s.owner}/${s.repo}/runs/${c.id}`,
    details_url: c.detailsUrl,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.startedAt,
    completed_at: c.completedAt,
    output: { ...c.output, annotations_count: c.annotations.length, annotations_url: `${api}/annotations` },
    name: c.name,
    check_suite: { id: 1 },
    app: {
      id: 15368,
      slug: 'github-actions',
      node_id: 'MDM6QXBwMTUzNjg=',
      owner: user(h, 'github'),
      name: 'GitHub Actions',
      description: 'Automate your workflow from idea to production',
      external_url: 'https://help.github.com/en/actions',
      html_url: 'https://github.com/apps/github-actions',
      created_at: '2018-07-30T09:30:17Z',
      updated_at: now,
      permissions: { checks: 'write', pull_requests: 'write' },
      events: ['check_run'],
    },
    pull_requests: [],
  };
}

export function pullObject(s: FakeState, p: FakePull, full: boolean): Record<string, unknown> {
  const h = s.hosts();
  const api = `${h.api}/repos/${s.owner}/${s.repo}`;
  const baseSha = s.branches.get(p.baseRef) ?? p.headSha;
  const [headOwner] = p.headRepo.split('/');
  const link = (href: string): { href: string } => ({ href });
  const o: Record<string, unknown> = {
    url: `${api}/pulls/${p.number}`,
    id: p.number * 1000,
    node_id: `PR_${p.number}`,
    html_url: `${h.web}/${s.owner}/${s.repo}/pull/${p.number}`,
    diff_url: `${h.web}/${s.owner}/${s.repo}/pull/${p.number}.diff`,
    patch_url: `${h.web}/${s.owner}/${s.repo}/pull/${p.number}.patch`,
    issue_url: `${api}/issues/${p.number}`,
    commits_url: `${api}/pulls/${p.number}/commits`,
    review_comments_url: `${api}/pulls/${p.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${p.number}/comments`,
    statuses_url: `${api}/statuses/${p.headSha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: user(h, p.login),
    body: null,
    labels: (s.labels.get(p.number) ?? []).map((l) => labelObject(h, l)),
    milestone: null,
    active_lock_reason: null,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${headOwner}:${p.headRef}`,
      ref: p.headRef,
      sha: p.headSha,
      user: user(h, headOwner),
      repo: repository(h, p.headRepo, 'repository'),
    },
    base: {
      label: `${s.owner}:${p.baseRef}`,
      ref: p.baseRef,
      sha: baseSha,
      user: user(h, s.owner),
      repo: repository(h, `${s.owner}/${s.repo}`, 'repository', s.defaultBranch),
    },
    _links: {
      self: link(`${api}/pulls/${p.number}`),
      html: link(`${h.web}/${s.owner}/${s.repo}/pull/${p.number}`),
      issue: link(`${api}/issues/${p.number}`),
      comments: link(`${api}/issues/${p.number}/comments`),
      review_comments: link(`${api}/pulls/${p.number}/comments`),
      review_comment: link(`${api}/pulls/comments{/number}`),
      commits: link(`${api}/pulls/${p.number}/commits`),
      statuses: link(`${api}/statuses/${p.headSha}`),
    },
    author_association: 'CONTRIBUTOR',
    auto_merge: null,
    draft: false,
  };
  if (full) {
    Object.assign(o, {
      merged: false,
      mergeable: true,
      rebaseable: true,
      mergeable_state: 'clean',
      merged_by: null,
      comments: s.commentsOn(p.number).length,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: 1,
      additions: 1,
      deletions: 0,
      changed_files: 1,
    });
  }
  return o;
}
