/**
 * Issues, labels and issue events of the fake GitHub: the tracking issue of failing scheduled runs, and
 * the waiver label on pull requests with the `labeled` event that says who added it. Builders return
 * objects complete enough to pass GitHub's own response schemas (the fake validates every response).
 */
import { user, type Hosts } from './objects.js';
import { notFound, paginate } from './rest.js';
import type { RouteContext } from './rest-routes.js';
import type { FakeState } from './state.js';
import type { FakePull, Reply } from './types.js';

/** An issue (pull requests are issues too: their labels and events live in `FakeIssueData`). */
export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  login: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** An issue event (only `labeled` / `unlabeled` are recorded). */
export interface FakeIssueEvent {
  id: number;
  issueNumber: number;
  event: 'labeled' | 'unlabeled';
  label: string;
  actor: string;
  createdAt: string;
}

function numericId(s: string): number {
  let h = 11;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 2_000_000_000;
  return h + 1;
}

/** A `label` object; its colour is derived from the name. */
export function labelObject(h: Hosts, name: string): Record<string, unknown> {
  const id = numericId(name);
  return {
    id,
    node_id: `LA_${id}`,
    url: `${h.api}/repos/${h.owner}/${h.repo}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: (id % 0xffffff).toString(16).padStart(6, '0'),
    default: false,
  };
}

/** An `issue` object; `pull` marks it as a pull request (the issues API lists those too). */
export function issueObject(
  h: Hosts,
  i: FakeIssue,
  labels: string[],
  comments: number,
  pull = false,
): Record<string, unknown> {
  const api = `${h.api}/repos/${h.owner}/${h.repo}/issues/${i.number}`;
  const web = `${h.web}/${h.owner}/${h.repo}/${pull ? 'pull' : 'issues'}/${i.number}`;
  const o: Record<string, unknown> = {
    id: 800_000 + i.number,
    node_id: `I_${i.number}`,
    url: api,
    repository_url: `${h.api}/repos/${h.owner}/${h.repo}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: web,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: user(h, i.login),
    labels: labels.map((l) => labelObject(h, l)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    author_association: i.login.endsWith('[bot]') ? 'NONE' : 'CONTRIBUTOR',
  };
  if (pull) {
    const pr = `${h.web}/${h.owner}/${h.repo}/pull/${i.number}`;
    o.pull_request = {
      url: `${h.api}/repos/${h.owner}/${h.repo}/pulls/${i.number}`,
      html_url: pr,
      diff_url: `${pr}.diff`,
      patch_url: `${pr}.patch`,
      merged_at: null,
    };
  }
  return o;
}

/** A `labeled-issue-event` / `unlabeled-issue-event` object. */
export function issueEventObject(h: Hosts, e: FakeIssueEvent): Record<string, unknown> {
  return {
    id: e.id,
    node_id: `LE_${e.id}`,
    url: `${h.api}/repos/${h.owner}/${h.repo}/issues/events/${e.id}`,
    actor: user(h, e.actor),
    event: e.event,
    commit_id: null,
    commit_url: null,
    created_at: e.createdAt,
    performed_via_github_app: null,
    label: { name: e.label, color: (labelObject(h, e.label).color as string) ?? '000000' },
  };
}

/** A pull request seen through the issues API. */
function pullAsIssue(p: FakePull): FakeIssue {
  return {
    number: p.number,
    title: p.title,
    body: null,
    state: p.state,
    stateReason: null,
    login: p.login,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    closedAt: null,
  };
}

function issueBody(s: FakeState, i: FakeIssue, pull: boolean): Record<string, unknown> {
  return issueObject(s.hosts(), i, s.labels.get(i.number) ?? [], s.commentsOn(i.number).length, pull);
}

/** Handlers of the issue operations (merged into ROUTES). */
export const ISSUE_ROUTES: Record<string, (c: RouteContext) => Reply> = {
  'issues/list-for-repo': ({ s, url, q }) => {
    const state = q.get('state') ?? 'open';
    const want = (q.get('labels') ?? '').split(',').filter(Boolean);
    // GitHub lists pull requests here too (with a `pull_request` key).
    const all = [
      ...s.issues.map((i) => ({ i, pull: false })),
      ...s.pulls.map((p) => ({ i: pullAsIssue(p), pull: true })),
    ]
      .filter(({ i }) => state === 'all' || i.state === state)
      .filter(({ i }) => want.every((l) => (s.labels.get(i.number) ?? []).includes(l)))
      .sort((a, b) => b.i.number - a.i.number);
    const page = paginate(s, all, url);
    return {
      status: 200,
      headers: page.headers,
      body: page.items.map(({ i, pull }) => issueBody(s, i, pull)),
    };
  },
  'issues/create': ({ s, body, identity, h }) => {
    const b = body!;
    const labels = ((b.labels as unknown[] | undefined) ?? []).map((l) =>
      typeof l === 'string' ? l : String((l as { name?: unknown }).name),
    );
    const issue = s.addIssue({
      title: String(b.title),
      body: typeof b.body === 'string' ? b.body : undefined,
      labels,
      login: identity.login,
    });
    return {
      status: 201,
      headers: { location: `${h.api}/repos/${s.owner}/${s.repo}/issues/${issue.number}` },
      body: issueBody(s, issue, false),
    };
  },
  'issues/update': ({ s, m, body }) => {
    const issue = s.issues.find((i) => i.number === Number(m.params.issue_number));
    if (!issue) return notFound();
    const b = body!;
    if (typeof b.title === 'string') issue.title = b.title;
    if (typeof b.body === 'string' || b.body === null) issue.body = b.body;
    if (b.state === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.closedAt = s.tick();
      issue.stateReason = (b.state_reason as FakeIssue['stateReason'] | undefined) ?? 'completed';
    } else if (b.state === 'open' && issue.state === 'closed') {
      issue.state = 'open';
      issue.closedAt = null;
      issue.stateReason = 'reopened';
    }
    issue.updatedAt = s.tick();
    return { status: 200, body: issueBody(s, issue, false) };
  },
  'issues/list-labels-on-issue': ({ s, m, url, h }) => {
    const n = Number(m.params.issue_number);
    if (!s.hasNumber(n)) return notFound();
    const page = paginate(s, s.labels.get(n) ?? [], url);
    return { status: 200, headers: page.headers, body: page.items.map((l) => labelObject(h, l)) };
  },
  'issues/list-events': ({ s, m, url, h }) => {
    const n = Number(m.params.issue_number);
    if (!s.hasNumber(n)) return notFound();
    const events = s.issueEvents.filter((e) => e.issueNumber === n).sort((a, b) => a.id - b.id);
    const page = paginate(s, events, url);
    return { status: 200, headers: page.headers, body: page.items.map((e) => issueEventObject(h, e)) };
  },
};
