/**
 * The REST operations the fake implements, one handler per GitHub operation id (as in GitHub's OpenAPI
 * description). Requests reach a handler only after rest.ts has authenticated them, checked the
 * repository, the documented limits, the request schema and the token's permissions.
 */
import { commit as commitObject, repository, type Hosts } from './objects.js';
import type { MatchedOperation } from './openapi.js';
import { notFound, paginate } from './rest.js';
import {
  artifactObject,
  authenticatedUser,
  checkRunObject,
  commentObject,
  pullObject,
  releaseObject,
  runObject,
} from './rest-objects.js';
import { signedBlobUrl } from './blob.js';
import { ISSUE_ROUTES } from './issues.js';
import { CONCLUSIONS, DOCS, type FakeState } from './state.js';
import type { FakeCheckRun, Reply, TokenIdentity } from './types.js';

/** What a route handler gets. */
export interface RouteContext {
  s: FakeState;
  m: MatchedOperation;
  url: URL;
  q: URLSearchParams;
  body: Record<string, unknown> | undefined;
  identity: TokenIdentity;
  h: Hosts;
}

/** Handlers by operation id; an operation without one is answered 501 and recorded as a violation. */
export const ROUTES: Record<string, (c: RouteContext) => Reply> = {
  ...ISSUE_ROUTES,
  'repos/get': ({ s, h }) => {
    return { status: 200, body: repository(h, `${s.owner}/${s.repo}`, 'full', s.defaultBranch) };
  },
  'actions/get-workflow-run': ({ s, m }) => {
    const run = s.runs.find((r) => r.id === Number(m.params.run_id));
    return run ? { status: 200, body: runObject(s, run) } : notFound();
  },
  'actions/list-workflow-runs': ({ s, m, url, q }) => {
    const idOrFile = m.params.workflow_id;
    const wf = s.workflows.find((w) => String(w.id) === idOrFile || w.path.endsWith('/' + idOrFile));
    if (!wf) return notFound();
    let runs = s.runs.filter((r) => r.workflowId === wf.id);
    const status = q.get('status');
    if (status)
      runs = runs.filter((r) => (CONCLUSIONS.has(status) ? r.conclusion === status : r.status === status));
    if (q.get('branch')) runs = runs.filter((r) => r.headBranch === q.get('branch'));
    if (q.get('event')) runs = runs.filter((r) => r.event === q.get('event'));
    if (q.get('head_sha')) runs = runs.filter((r) => r.headSha === q.get('head_sha'));
    runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    const page = paginate(s, runs, url);
    return {
      status: 200,
      headers: page.headers,
      body: { total_count: runs.length, workflow_runs: page.items.map((r) => runObject(s, r)) },
    };
  },
  'actions/list-workflow-run-artifacts': ({ s, m, url, q }) => {
    const runId = Number(m.params.run_id);
    if (!s.runs.some((r) => r.id === runId)) return notFound();
    let arts = s.artifactsOf(runId);
    if (q.get('name')) arts = arts.filter((a) => a.name === q.get('name'));
    arts.sort((a, b) => (q.get('direction') === 'asc' ? a.id - b.id : b.id - a.id));
    const page = paginate(s, arts, url);
    return {
      status: 200,
      headers: page.headers,
      body: { total_count: arts.length, artifacts: page.items.map((a) => artifactObject(s, a)) },
    };
  },
  'actions/download-artifact': ({ s, m }) => {
    const art = s.artifacts.find((a) => a.id === Number(m.params.artifact_id));
    if (!art) return notFound();
    if (m.params.archive_format !== 'zip') return notFound();
    if (art.expired || art.goneOnDownload)
      return { status: 410, body: { message: 'Artifact has expired', documentation_url: DOCS } };
    return {
      status: 302,
      headers: { location: signedBlobUrl(s, `artifacts/${art.id}`, `${art.name}.zip`) },
    };
  },
  'repos/compare-commits': ({ s, m, url }) => {
    return compare(s, m.params.base, m.params.head, url);
  },
  'repos/list-releases': ({ s, url }) => {
    const rels = [...s.releases].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
    const page = paginate(s, rels, url);
    return { status: 200, headers: page.headers, body: page.items.map((r) => releaseObject(s, r)) };
  },
  'repos/get-commit': ({ s, m, h }) => {
    const sha = s.resolve(m.params.ref);
    if (!sha)
      return {
        status: 422,
        body: { message: `No commit found for SHA: ${m.params.ref}`, documentation_url: DOCS },
      };
    return {
      status: 200,
      body: {
        ...commitObject(h, s.commits.get(sha)!),
        stats: { additions: 1, deletions: 0, total: 1 },
        files: [],
      },
    };
  },
  'repos/list-pull-requests-associated-with-commit': ({ s, m, url }) => {
    const sha = m.params.commit_sha;
    // A commit that exists only in a fork is associated with no pull request of this repository.
    const c = s.commits.get(sha);
    if (c && c.repo !== `${s.owner}/${s.repo}`) return { status: 200, body: [] };
    // Open PRs whose commits include the SHA (not only as their head: a PR that moved on still lists it).
    const prs = s.pulls.filter(
      (p) =>
        p.state === 'open' &&
        s.ancestors(p.headSha).has(sha) &&
        !s.ancestors(s.branches.get(p.baseRef) ?? '').has(sha),
    );
    const page = paginate(s, prs, url);
    return { status: 200, headers: page.headers, body: page.items.map((p) => pullObject(s, p, false)) };
  },
  'pulls/list': ({ s, url, q }) => {
    const state = q.get('state') ?? 'open';
    let prs = s.pulls.filter((p) => state === 'all' || p.state === state);
    const head = q.get('head');
    if (head) {
      // `user:ref-name` / `organization:ref-name`: the head repository's owner and the head branch.
      const i = head.indexOf(':');
      const owner = i >= 0 ? head.slice(0, i) : s.owner;
      const ref = i >= 0 ? head.slice(i + 1) : head;
      prs = prs.filter(
        (p) => p.headRepo.split('/')[0].toLowerCase() === owner.toLowerCase() && p.headRef === ref,
      );
    }
    if (q.get('base')) prs = prs.filter((p) => p.baseRef === q.get('base'));
    prs.sort((a, b) => (q.get('direction') === 'asc' ? a.number - b.number : b.number - a.number));
    const page = paginate(s, prs, url);
    return { status: 200, headers: page.headers, body: page.items.map((p) => pullObject(s, p, false)) };
  },
  'users/get-authenticated': ({ s, identity }) => {
    if (identity.kind !== 'user')
      return {
        status: 403,
        body: {
          message: 'Resource not accessible by integration',
          documentation_url: DOCS,
          status: '403',
        },
      };
    return { status: 200, body: authenticatedUser(s, identity.login) };
  },
  'pulls/get': ({ s, m }) => {
    const pr = s.pulls.find((p) => p.number === Number(m.params.pull_number));
    return pr ? { status: 200, body: pullObject(s, pr, true) } : notFound();
  },
  'issues/list-comments': ({ s, m, url }) => {
    const n = Number(m.params.issue_number);
    if (!s.hasNumber(n)) return notFound();
    const page = paginate(s, s.commentsOn(n), url);
    return { status: 200, headers: page.headers, body: page.items.map((c) => commentObject(s, c)) };
  },
  'issues/create-comment': ({ s, m, body, identity, h }) => {
    const n = Number(m.params.issue_number);
    if (!s.hasNumber(n)) return notFound();
    const c = s.addComment(n, String(body!.body), identity.login);
    return {
      status: 201,
      headers: { location: `${h.api}/repos/${s.owner}/${s.repo}/issues/comments/${c.id}` },
      body: commentObject(s, c),
    };
  },
  'issues/update-comment': ({ s, m, body }) => {
    const c = s.comments.find((x) => x.id === Number(m.params.comment_id));
    if (!c) return notFound();
    c.body = String(body!.body);
    c.updatedAt = s.tick();
    return { status: 200, body: commentObject(s, c) };
  },
  'issues/delete-comment': ({ s, m }) => {
    const i = s.comments.findIndex((x) => x.id === Number(m.params.comment_id));
    if (i < 0) return notFound();
    s.comments.splice(i, 1);
    return { status: 204 };
  },
  'checks/create': ({ s, body }) => {
    const b = body!;
    const out = (b.output ?? {}) as Record<string, unknown>;
    const conclusion = (b.conclusion as string | undefined) ?? null;
    const status = conclusion ? 'completed' : ((b.status as string | undefined) ?? 'queued');
    const at = s.tick();
    const cr: FakeCheckRun = {
      id: ++s.nextIds.check,
      name: String(b.name),
      headSha: String(b.head_sha),
      status,
      conclusion,
      detailsUrl: (b.details_url as string | undefined) ?? null,
      externalId: (b.external_id as string | undefined) ?? null,
      startedAt: (b.started_at as string | undefined) ?? at,
      completedAt: status === 'completed' ? ((b.completed_at as string | undefined) ?? at) : null,
      output: {
        title: (out.title as string) ?? null,
        summary: (out.summary as string) ?? null,
        text: (out.text as string) ?? null,
      },
      annotations: [...((out.annotations as Record<string, unknown>[]) ?? [])],
      requests: 1,
    };
    s.checkRuns.push(cr);
    return { status: 201, body: checkRunObject(s, cr) };
  },
  'checks/update': ({ s, m, body }) => {
    const cr = s.checkRuns.find((c) => c.id === Number(m.params.check_run_id));
    if (!cr) return notFound();
    const b = body!;
    const out = b.output as Record<string, unknown> | undefined;
    if (out) {
      if (out.title !== undefined) cr.output.title = out.title as string;
      if (out.summary !== undefined) cr.output.summary = out.summary as string;
      if (out.text !== undefined) cr.output.text = out.text as string;
      // GitHub appends annotations on every update.
      cr.annotations.push(...((out.annotations as Record<string, unknown>[]) ?? []));
    }
    if (b.conclusion) {
      cr.conclusion = String(b.conclusion);
      cr.status = 'completed';
      cr.completedAt ??= s.tick();
    } else if (b.status) cr.status = String(b.status);
    cr.requests++;
    return { status: 200, body: checkRunObject(s, cr) };
  },
};

/** `GET /repos/{o}/{r}/compare/{base}...{head}`: merge base, ahead/behind and the commits in between. */
function compare(s: FakeState, baseRef: string, headRef: string, url: URL): Reply {
  const base = s.resolve(baseRef);
  const head = s.resolve(headRef);
  if (!base || !head) return notFound();
  const ab = s.ancestors(base);
  const ah = s.ancestors(head);
  // Merge base: the common ancestor that is not an ancestor of another common ancestor.
  const common = [...ah].filter((s) => ab.has(s));
  const mergeBase = common.find((c) => !common.some((o) => o !== c && s.ancestors(o).has(c)));
  if (!mergeBase) return notFound();
  const ahead = [...ah]
    .filter((s) => !ab.has(s))
    .sort((a, b) => s.commits.get(a)!.date.localeCompare(s.commits.get(b)!.date));
  const behind = [...ab].filter((s) => !ah.has(s));
  const h = s.hosts();
  const status =
    ahead.length && behind.length
      ? 'diverged'
      : ahead.length
        ? 'ahead'
        : behind.length
          ? 'behind'
          : 'identical';
  const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 250));
  const pageNo = Number(url.searchParams.get('page') ?? 1);
  const basehead = `${baseRef}...${headRef}`;
  return {
    status: 200,
    body: {
      url: `${h.api}/repos/${s.owner}/${s.repo}/compare/${basehead}`,
      html_url: `${h.web}/${s.owner}/${s.repo}/compare/${basehead}`,
      permalink_url: `${h.web}/${s.owner}/${s.repo}/compare/${s.owner}:${base.slice(0, 7)}...${s.owner}:${head.slice(0, 7)}`,
      diff_url: `${h.web}/${s.owner}/${s.repo}/compare/${basehead}.diff`,
      patch_url: `${h.web}/${s.owner}/${s.repo}/compare/${basehead}.patch`,
      base_commit: commitObject(h, s.commits.get(base)!),
      merge_base_commit: commitObject(h, s.commits.get(mergeBase)!),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: ahead
        .slice((pageNo - 1) * perPage, pageNo * perPage)
        .map((sha) => commitObject(h, s.commits.get(sha)!)),
      files: [],
    },
  };
}
