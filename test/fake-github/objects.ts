/**
 * Builders for the JSON objects GitHub returns, complete enough to pass GitHub's own response schemas
 * (the fake validates every response). Only the fields a client could reasonably read carry real
 * state; the many `*_url` fields are well-formed but derived.
 */

/** Where the fake lives and which repository it serves. */
export interface Hosts {
  api: string;
  web: string;
  owner: string;
  repo: string;
}

const REPO_URL_FIELDS = [
  'archive_url',
  'assignees_url',
  'blobs_url',
  'branches_url',
  'collaborators_url',
  'comments_url',
  'commits_url',
  'compare_url',
  'contents_url',
  'contributors_url',
  'deployments_url',
  'downloads_url',
  'events_url',
  'forks_url',
  'git_commits_url',
  'git_refs_url',
  'git_tags_url',
  'issue_comment_url',
  'issue_events_url',
  'issues_url',
  'keys_url',
  'labels_url',
  'languages_url',
  'merges_url',
  'milestones_url',
  'notifications_url',
  'pulls_url',
  'releases_url',
  'stargazers_url',
  'statuses_url',
  'subscribers_url',
  'subscription_url',
  'tags_url',
  'teams_url',
  'trees_url',
  'hooks_url',
];

function numericId(s: string): number {
  let h = 7;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 2_000_000_000;
  return h + 1;
}

/** A `simple-user` (also used for bots: login ending in `[bot]`, type `Bot`). */
export function user(h: Hosts, login: string): Record<string, unknown> {
  const id = numericId(login);
  const u = `${h.api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: u,
    html_url: `${h.web}/${encodeURIComponent(login)}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
  };
}

/**
 * A repository object. `kind` decides the extra fields: `minimal-repository` (workflow runs),
 * `repository` (pull request head/base) or `full-repository` (GET /repos/{o}/{r}).
 */
export function repository(
  h: Hosts,
  fullName: string,
  kind: 'minimal' | 'repository' | 'full',
  defaultBranch = 'main',
): Record<string, unknown> {
  const [owner, name] = fullName.split('/');
  const id = numericId(fullName);
  const url = `${h.api}/repos/${fullName}`;
  const r: Record<string, unknown> = {
    id,
    node_id: `R_${id}`,
    name,
    full_name: fullName,
    owner: user(h, owner),
    private: false,
    html_url: `${h.web}/${fullName}`,
    description: null,
    fork: owner !== h.owner,
    url,
  };
  for (const f of REPO_URL_FIELDS) r[f] = `${url}/${f.replace(/_url$/, '')}`;
  if (kind === 'minimal') return r;
  Object.assign(r, {
    git_url: `git://github.com/${fullName}.git`,
    ssh_url: `git@github.com:${fullName}.git`,
    clone_url: `${h.web}/${fullName}.git`,
    svn_url: `${h.web}/${fullName}`,
    mirror_url: null,
    homepage: null,
    language: 'Python',
    license: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 100,
    default_branch: defaultBranch,
    open_issues_count: 0,
    open_issues: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: '2024-01-01T00:00:00Z',
    created_at: '2023-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
  });
  if (kind === 'full') Object.assign(r, { subscribers_count: 0, network_count: 0 });
  return r;
}

/** A `commit` object (GET /commits/{ref}, compare). */
export function commit(
  h: Hosts,
  c: { sha: string; parents: string[]; message: string; date: string },
): Record<string, unknown> {
  const url = `${h.api}/repos/${h.owner}/${h.repo}/commits/${c.sha}`;
  const person = { name: 'Dev', email: 'dev@example.com', date: c.date };
  return {
    url,
    sha: c.sha,
    node_id: `C_${c.sha.slice(0, 12)}`,
    html_url: `${h.web}/${h.owner}/${h.repo}/commit/${c.sha}`,
    comments_url: `${url}/comments`,
    commit: {
      url: `${h.api}/repos/${h.owner}/${h.repo}/git/commits/${c.sha}`,
      author: person,
      committer: person,
      message: c.message,
      comment_count: 0,
      tree: {
        sha: c.sha.split('').reverse().join(''),
        url: `${h.api}/repos/${h.owner}/${h.repo}/git/trees/${c.sha}`,
      },
    },
    author: user(h, 'dev'),
    committer: user(h, 'web-flow'),
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${h.api}/repos/${h.owner}/${h.repo}/commits/${p}`,
      html_url: `${h.web}/${h.owner}/${h.repo}/commit/${p}`,
    })),
  };
}

/** Timestamps are whole seconds, as GitHub sends them. */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
