/**
 * The fake GitHub's state: one repository's commits, branches, workflow runs, artifacts, comments,
 * check runs, releases and pull requests, the tokens and their permissions, and what the fake saw
 * (requests, violations). Tests seed it and inspect it; the REST, Twirp and blob handlers (rest.ts,
 * twirp.ts, blob.ts) read and change it. No HTTP here. Over 400 lines: the seeding API (one method per
 * kind of GitHub object, each with its defaults) is one coherent surface that tests read as a whole.
 */
import type { FakeIssue, FakeIssueEvent } from './issues.js';
import { createHash, randomBytes } from 'node:crypto';
import { iso, type Hosts } from './objects.js';
import { readZip, makeZip } from './zip.js';
import type {
  TokenPermissions,
  FakeCommit,
  TokenIdentity,
  InjectedFailure,
  FakeWorkflow,
  FakeRun,
  FakeArtifact,
  FakeComment,
  FakeCheckRun,
  FakeRelease,
  FakePull,
  RequestRecord,
} from './types.js';

/** Every scope writable: the default token. */
export const FULL: TokenPermissions = {
  actions: 'write',
  checks: 'write',
  contents: 'write',
  issues: 'write',
  'pull-requests': 'write',
};
/** What `GITHUB_TOKEN` gets on a pull_request run from a fork. */
export const FORK_PERMISSIONS: TokenPermissions = {
  actions: 'read',
  checks: 'read',
  contents: 'read',
  issues: 'read',
  'pull-requests': 'read',
};

/** Where GitHub's error bodies point. */
export const DOCS = 'https://docs.github.com/rest';
/** Check/run conclusions (a run-list `status` filter may name one). */
export const CONCLUSIONS = new Set([
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'skipped',
  'stale',
  'success',
  'timed_out',
]);
/** GitHub's comment body limit (characters). */
export const TRUNCATE_COMMENT = 65536;
/** GitHub's check-run output summary/text limit (characters). */
export const MAX_CHECK_TEXT = 65535;

/** Hex SHA-1 of a string. */
export function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

/** base64url of a value's JSON. */
export function b64url(obj: unknown): string {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}
/** Options for a fake repository. */
export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
}

/** The fake's data and the methods tests use to seed and inspect it. */
export class FakeState {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  /** Token with write access to everything (a same-repo `GITHUB_TOKEN` with generous permissions). */
  readonly token = 'ghs_' + 'f'.repeat(8) + randomBytes(8).toString('hex');
  /** Login of the token's identity, as GitHub shows it on comments. */
  readonly botLogin = 'github-actions[bot]';
  /** Who each token acts as; tokens not listed are installation tokens of `github-actions[bot]`. */
  identities = new Map<string, TokenIdentity>();
  /** Errors answered instead of handling matching requests (see `fail`, `exhaustRateLimit`). */
  failures: InjectedFailure[] = [];

  commits = new Map<string, FakeCommit>();
  branches = new Map<string, string>();
  tags = new Map<string, string>();
  workflows: FakeWorkflow[] = [];
  runs: FakeRun[] = [];
  artifacts: FakeArtifact[] = [];
  comments: FakeComment[] = [];
  checkRuns: FakeCheckRun[] = [];
  releases: FakeRelease[] = [];
  pulls: FakePull[] = [];
  /** Issues (not pull requests); numbers are shared with pull requests. */
  issues: FakeIssue[] = [];
  /** Labels by issue or pull request number. */
  labels = new Map<number, string[]>();
  issueEvents: FakeIssueEvent[] = [];
  tokens = new Map<string, TokenPermissions>();
  requests: RequestRecord[] = [];
  /** Schema violations and protocol errors: a non-empty list fails `assertClean()`. */
  violations: string[] = [];
  /** Requests GitHub would refuse for exceeding a documented limit (answered 422, not a violation). */
  limitRejections: string[] = [];

  /** Base URL once the server listens (empty before). */
  base = '';
  /** The fake's clock (ms): starts 30 days ago, one minute per event. */
  clock = Date.now() - 30 * 24 * 3600 * 1000;
  /** Next ids per object kind. */
  nextIds = {
    run: 9000,
    artifact: 500,
    comment: 70000,
    check: 4000,
    release: 300,
    workflow: 100,
    commit: 0,
    issueEvent: 1_000_000,
  };
  /** Artifact uploads in progress (Twirp CreateArtifact → blob PUTs → FinalizeArtifact). */
  uploads = new Map<
    string,
    { runId: number; name: string; blocks: Map<string, Buffer>; committed?: Buffer; expiresAt?: string }
  >();
  /** Signs blob URLs (see blob.ts). */
  readonly blobSecret = randomBytes(8).toString('hex');

  constructor(opts: FakeGitHubOptions = {}) {
    this.owner = opts.owner ?? 'acme';
    this.repo = opts.repo ?? 'model';
    this.defaultBranch = opts.defaultBranch ?? 'main';
    this.tokens.set(this.token, FULL);
  }

  /** Base URL (`GITHUB_API_URL` and `ACTIONS_RESULTS_URL`). */
  get url(): string {
    if (!this.base) throw new Error('fake GitHub not started');
    return this.base;
  }

  /** Forgets all state (between tests sharing one server); tokens other than the default one too. */
  reset(): void {
    this.commits.clear();
    this.branches.clear();
    this.tags.clear();
    this.workflows = [];
    this.runs = [];
    this.artifacts = [];
    this.comments = [];
    this.checkRuns = [];
    this.releases = [];
    this.pulls = [];
    this.issues = [];
    this.labels.clear();
    this.issueEvents = [];
    this.requests = [];
    this.violations = [];
    this.limitRejections = [];
    this.uploads.clear();
    this.tokens = new Map([[this.token, FULL]]);
    this.identities.clear();
    this.failures = [];
  }

  /** Throws when a request or response broke GitHub's schema or the fake saw a protocol error. */
  assertClean(): void {
    if (this.violations.length) {
      const list = this.violations.map((v) => `  - ${v}`).join('\n');
      const n = this.violations.length;
      this.violations = [];
      throw new Error(`fake GitHub saw ${n} violation(s):\n${list}`);
    }
  }

  /** The URLs objects link to. */
  hosts(): Hosts {
    return { api: this.url, web: 'https://github.com', owner: this.owner, repo: this.repo };
  }

  /** Advances the clock by a minute; returns the new time. */
  tick(): string {
    this.clock += 60_000;
    return iso(this.clock);
  }

  // ---------------------------------------------------------------- seeding

  /** Adds a token with the given permissions (e.g. FORK_PERMISSIONS) and returns it. */
  addToken(perms: Partial<TokenPermissions>, token = 'ghs_' + randomBytes(12).toString('hex')): string {
    this.tokens.set(token, { ...FULL, ...perms });
    return token;
  }

  /**
   * Adds a token acting as someone else: a personal access token of user `login` (`kind: 'user'`), or
   * a GitHub App's installation token posting as `login` (e.g. `my-app[bot]`).
   */
  addIdentityToken(identity: TokenIdentity, perms: Partial<TokenPermissions> = {}): string {
    const token = (identity.kind === 'user' ? 'ghp_' : 'ghs_') + randomBytes(12).toString('hex');
    this.addToken(perms, token);
    this.identities.set(token, identity);
    return token;
  }

  /** Makes matching REST requests fail (see InjectedFailure). */
  fail(failure: InjectedFailure): void {
    this.failures.push(failure);
  }

  /**
   * Exhausts the primary rate limit: every REST request answers what GitHub answers then, 403 with
   * `x-ratelimit-remaining: 0` and the reset time.
   */
  exhaustRateLimit(): void {
    const reset = Math.floor(Date.now() / 1000) + 1800;
    this.fail({
      operation: '*',
      status: 403,
      headers: {
        'x-ratelimit-limit': '1000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '1000',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': 'core',
      },
      body: {
        message: 'API rate limit exceeded for installation ID 4242.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
        status: '403',
      },
    });
  }

  /** Adds a commit (parents must exist); returns its SHA. */
  addCommit(opts: { parents?: string[]; message?: string; sha?: string; repo?: string } = {}): string {
    const n = ++this.nextIds.commit;
    const sha = opts.sha ?? sha1(`commit ${n} ${this.blobSecret}`);
    for (const p of opts.parents ?? []) if (!this.commits.has(p)) throw new Error(`unknown parent ${p}`);
    this.commits.set(sha, {
      sha,
      parents: opts.parents ?? [],
      message: opts.message ?? `commit ${n}`,
      date: this.tick(),
      repo: opts.repo ?? `${this.owner}/${this.repo}`,
    });
    return sha;
  }

  /** Adds a commit pushed only to a fork (`owner/repo`), on top of `parent`; returns its SHA. */
  forkCommit(fork: string, parent: string, message = 'fork change'): string {
    return this.addCommit({ parents: [parent], message, repo: fork });
  }

  /** Adds a commit on top of a branch (creating the branch) and moves the branch; returns the SHA. */
  commitOn(branch: string, message?: string): string {
    const tip = this.branches.get(branch);
    const sha = this.addCommit({ parents: tip ? [tip] : [], message });
    this.branches.set(branch, sha);
    return sha;
  }

  /** Creates a branch at a commit. */
  branchAt(branch: string, sha: string): void {
    if (!this.commits.has(sha)) throw new Error(`unknown commit ${sha}`);
    this.branches.set(branch, sha);
  }

  /** Adds a workflow; returns it. */
  addWorkflow(name = 'eval', path = '.github/workflows/eval.yml'): FakeWorkflow {
    const wf = { id: ++this.nextIds.workflow, name, path };
    this.workflows.push(wf);
    return wf;
  }

  /** Adds a workflow run; defaults to a completed, successful push run. */
  addRun(opts: {
    workflowId: number;
    headSha: string;
    headBranch?: string | null;
    event?: string;
    status?: FakeRun['status'];
    conclusion?: string | null;
    headRepo?: string;
    pullRequests?: number[];
  }): FakeRun {
    const runNumber = this.runs.filter((r) => r.workflowId === opts.workflowId).length + 1;
    const status = opts.status ?? 'completed';
    const run: FakeRun = {
      id: ++this.nextIds.run,
      workflowId: opts.workflowId,
      runNumber,
      runAttempt: 1,
      headSha: opts.headSha,
      headBranch: opts.headBranch === undefined ? this.defaultBranch : opts.headBranch,
      event: opts.event ?? 'push',
      status,
      conclusion: opts.conclusion !== undefined ? opts.conclusion : status === 'completed' ? 'success' : null,
      createdAt: this.tick(),
      headRepo: opts.headRepo ?? `${this.owner}/${this.repo}`,
      pullRequests: opts.pullRequests ?? [],
      backendId: randomBytes(16)
        .toString('hex')
        .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
    };
    this.runs.push(run);
    return run;
  }

  /** Marks a run completed with a conclusion (what happens when the job ends). */
  completeRun(runId: number, conclusion = 'success'): void {
    const run = this.run(runId);
    run.status = 'completed';
    run.conclusion = conclusion;
  }

  /** Adds an artifact to a run from files (zipped here) or raw zip bytes. */
  addArtifact(
    runId: number,
    name: string,
    content: Record<string, string | Buffer> | Buffer,
    opts: { expired?: boolean; goneOnDownload?: boolean } = {},
  ): FakeArtifact {
    this.run(runId);
    const zip = Buffer.isBuffer(content) ? content : makeZip(content);
    const createdAt = this.tick();
    const expired = opts.expired ?? false;
    const art: FakeArtifact = {
      id: ++this.nextIds.artifact,
      runId,
      name,
      zip,
      createdAt,
      expiresAt: expired
        ? iso(Date.now() - 24 * 3600 * 1000)
        : iso(Date.parse(createdAt) + 90 * 24 * 3600 * 1000),
      expired,
      goneOnDownload: opts.goneOnDownload ?? false,
      digest: 'sha256:' + createHash('sha256').update(zip).digest('hex'),
    };
    this.artifacts.push(art);
    return art;
  }

  /** Adds an open pull request. */
  addPull(opts: {
    number: number;
    headSha: string;
    headRef: string;
    baseRef?: string;
    headRepo?: string;
    title?: string;
    login?: string;
  }): FakePull {
    const pr: FakePull = {
      number: opts.number,
      title: opts.title ?? `PR #${opts.number}`,
      state: 'open',
      headSha: opts.headSha,
      headRef: opts.headRef,
      headRepo: opts.headRepo ?? `${this.owner}/${this.repo}`,
      baseRef: opts.baseRef ?? this.defaultBranch,
      login: opts.login ?? 'contributor',
    };
    this.pulls.push(pr);
    return pr;
  }

  /** True for the number of an issue or a pull request. */
  hasNumber(n: number): boolean {
    return this.pulls.some((p) => p.number === n) || this.issues.some((i) => i.number === n);
  }

  /** Adds an issue (e.g. an existing tracking issue); its number follows the highest issue or PR number. */
  addIssue(opts: { title: string; body?: string; labels?: string[]; login?: string }): FakeIssue {
    const at = this.tick();
    const number = Math.max(0, ...this.pulls.map((p) => p.number), ...this.issues.map((i) => i.number)) + 1;
    const issue: FakeIssue = {
      number,
      title: opts.title,
      body: opts.body ?? null,
      state: 'open',
      stateReason: null,
      login: opts.login ?? this.botLogin,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
    };
    this.issues.push(issue);
    this.labels.set(number, [...(opts.labels ?? [])]);
    return issue;
  }

  /** Someone adds (`labeled`) or removes (`unlabeled`) a label on an issue or PR, recorded as an event. */
  addLabel(number: number, label: string, actor: string, event: 'labeled' | 'unlabeled' = 'labeled'): void {
    const list = (this.labels.get(number) ?? []).filter((l) => l !== label);
    if (event === 'labeled') list.push(label);
    this.labels.set(number, list);
    const id = ++this.nextIds.issueEvent;
    this.issueEvents.push({ id, issueNumber: number, event, label, actor, createdAt: this.tick() });
  }

  /** Adds an existing comment on an issue/PR (e.g. someone else's, or a stale duplicate). */
  addComment(issueNumber: number, body: string, login = 'someone'): FakeComment {
    const at = this.tick();
    const c = { id: ++this.nextIds.comment, issueNumber, body, login, createdAt: at, updatedAt: at };
    this.comments.push(c);
    return c;
  }

  /** Adds a release whose tag points at a commit. */
  addRelease(opts: {
    tag: string;
    sha: string;
    draft?: boolean;
    prerelease?: boolean;
    name?: string;
  }): FakeRelease {
    this.tags.set(opts.tag, opts.sha);
    const at = this.tick();
    const rel: FakeRelease = {
      id: ++this.nextIds.release,
      tag: opts.tag,
      name: opts.name ?? opts.tag,
      draft: opts.draft ?? false,
      prerelease: opts.prerelease ?? false,
      createdAt: at,
      publishedAt: opts.draft ? null : at,
      targetCommitish: this.defaultBranch,
    };
    this.releases.push(rel);
    return rel;
  }

  /**
   * The `ACTIONS_RUNTIME_TOKEN` a runner gives a job of this run: a JWT whose `scp` claim carries
   * `Actions.Results:<run backend id>:<job backend id>`, which is all @actions/artifact reads from it.
   */
  runtimeToken(runId: number, jobBackendId = 'b6b2a7b4-0000-4000-8000-000000000001'): string {
    const run = this.run(runId);
    const payload = {
      scp: `Actions.ExampleScope Actions.Results:${run.backendId}:${jobBackendId}`,
      iss: 'vstoken.actions.githubusercontent.com',
      exp: Math.floor(Date.now() / 1000) + 3600,
    };
    return `${b64url({ typ: 'JWT', alg: 'RS256' })}.${b64url(payload)}.${Buffer.from('sig').toString('base64url')}`;
  }

  // ---------------------------------------------------------------- inspection

  /** Looks up a run by id (throws when unknown). */
  run(runId: number): FakeRun {
    const r = this.runs.find((x) => x.id === runId);
    if (!r) throw new Error(`fake: unknown run ${runId}`);
    return r;
  }

  /** Comments on an issue/PR, oldest first. */
  commentsOn(issueNumber: number): FakeComment[] {
    return this.comments.filter((c) => c.issueNumber === issueNumber).sort((a, b) => a.id - b.id);
  }

  /** Artifacts of a run. */
  artifactsOf(runId: number): FakeArtifact[] {
    return this.artifacts.filter((a) => a.runId === runId);
  }

  /** Unzipped files of an artifact. */
  filesOf(artifact: FakeArtifact): Record<string, string> {
    return Object.fromEntries(Object.entries(readZip(artifact.zip)).map(([k, v]) => [k, v.toString('utf8')]));
  }

  /** REST requests by operation id (e.g. `issues/create-comment`). */
  calls(operation: string): RequestRecord[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  /** Resolves a branch, tag, full SHA or unique SHA prefix (≥ 7) to a commit SHA. */
  resolve(ref: string): string | undefined {
    const r = ref.replace(/^refs\/(heads|tags)\//, '');
    if (this.branches.has(r)) return this.branches.get(r);
    if (this.tags.has(r)) return this.tags.get(r);
    if (this.commits.has(r)) return r;
    if (r.length >= 7) {
      const hits = [...this.commits.keys()].filter((s) => s.startsWith(r));
      if (hits.length === 1) return hits[0];
    }
    return undefined;
  }

  /** The commit and all its ancestors. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(...(this.commits.get(s)?.parents ?? []));
    }
    return seen;
  }

  /** Who a token acts as (the default: `github-actions[bot]` through an installation token). */
  identityOf(token: string): TokenIdentity {
    return this.identities.get(token) ?? { login: this.botLogin, kind: 'installation' };
  }
}
