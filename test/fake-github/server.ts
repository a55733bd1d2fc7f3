/**
 * A fake GitHub for one repository, on a loopback port: the REST endpoints evalgate and
 * @actions/artifact call, the artifact service (Twirp) and a blob store speaking the subset of the Azure
 * Blob protocol that @azure/storage-blob uses for block uploads. State is seeded by the test and
 * inspected afterwards. Every REST request and response is checked against GitHub's OpenAPI description;
 * violations are recorded (and answered with 422/500) and `assertClean()` turns them into a test failure.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commit as commitObject, iso, repository, user, type Hosts } from './objects.js';
import { OpenApiValidator, type MatchedOperation } from './openapi.js';
import { readZip, makeZip } from './zip.js';

/** Permission level of a token for one scope, as in a workflow's `permissions:` block. */
export type Access = 'none' | 'read' | 'write';

/** The scopes the fake enforces. */
export interface TokenPermissions {
  actions: Access;
  checks: Access;
  contents: Access;
  issues: Access;
  'pull-requests': Access;
}

/** A commit in the fake's history graph. */
export interface FakeCommit {
  sha: string;
  parents: string[];
  message: string;
  date: string;
  /**
   * `owner/repo` the commit was pushed to. A commit pushed only to a fork is reachable from the base
   * repository only as a pull request's head; GitHub associates no pull request with it
   * (`GET /repos/{o}/{r}/commits/{sha}/pulls` answers `[]`).
   */
  repo: string;
}

/** Who a token acts as. */
export interface TokenIdentity {
  /** The login GitHub shows on what the token writes (comments). */
  login: string;
  /**
   * `installation`: `GITHUB_TOKEN` or a GitHub App's token (`GET /user` answers 403);
   * `user`: a personal access token (`GET /user` answers the user).
   */
  kind: 'installation' | 'user';
}

/** An error the fake answers instead of handling a request (GitHub having a bad day). */
export interface InjectedFailure {
  /** Operation id (e.g. `actions/get-workflow-run`), or `*` for every REST request. */
  operation: string;
  /** HTTP status, or `network` to drop the connection without an answer. */
  status: number | 'network';
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** How many requests it answers before it is used up (default: all of them). */
  times?: number;
}

/** A workflow of the repository. */
export interface FakeWorkflow {
  id: number;
  name: string;
  path: string;
}

/** A workflow run. */
export interface FakeRun {
  id: number;
  workflowId: number;
  runNumber: number;
  runAttempt: number;
  headSha: string;
  headBranch: string | null;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: string | null;
  createdAt: string;
  /** `owner/repo` the run's head commit came from (a fork for fork PRs). */
  headRepo: string;
  /** PR numbers GitHub lists on the run (GitHub leaves this empty for fork PRs). */
  pullRequests: number[];
  /** The run's id in the results service (the JWT's `Actions.Results` scope). */
  backendId: string;
}

/** An artifact of a run, with its zip bytes. */
export interface FakeArtifact {
  id: number;
  runId: number;
  name: string;
  zip: Buffer;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
  /** Simulates the race where the listing still shows the artifact but the download is already gone. */
  goneOnDownload: boolean;
  digest: string;
}

/** An issue/PR comment. */
export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  login: string;
  createdAt: string;
  updatedAt: string;
}

/** A check run and every annotation it received. */
export interface FakeCheckRun {
  id: number;
  name: string;
  headSha: string;
  status: string;
  conclusion: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  startedAt: string;
  completedAt: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Record<string, unknown>[];
  /** Number of create/update requests that touched this check run. */
  requests: number;
}

/** A release. */
export interface FakeRelease {
  id: number;
  tag: string;
  name: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  targetCommitish: string;
}

/** A pull request. */
export interface FakePull {
  number: number;
  title: string;
  state: 'open' | 'closed';
  headSha: string;
  headRef: string;
  headRepo: string;
  baseRef: string;
  login: string;
}

/** One request the fake served. */
export interface RequestRecord {
  method: string;
  path: string;
  query: string;
  status: number;
  operation?: string;
}

/** What a route handler answers. */
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const FULL: TokenPermissions = {
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

const DOCS = 'https://docs.github.com/rest';
const CONCLUSIONS = new Set([
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'skipped',
  'stale',
  'success',
  'timed_out',
]);
const TRUNCATE_COMMENT = 65536;
const MAX_CHECK_TEXT = 65535;

function sha1(s: string): string {
  return createHash('sha1').update(s).digest('hex');
}

function b64url(obj: unknown): string {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

/** Options for a fake repository. */
export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  defaultBranch?: string;
}

/** The fake GitHub server and its state. */
export class FakeGitHub {
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
  tokens = new Map<string, TokenPermissions>();
  requests: RequestRecord[] = [];
  /** Schema violations and protocol errors: a non-empty list fails `assertClean()`. */
  violations: string[] = [];
  /** Requests GitHub would refuse for exceeding a documented limit (answered 422, not a violation). */
  limitRejections: string[] = [];

  private server?: Server;
  private base = '';
  private readonly validator = new OpenApiValidator();
  private clock = Date.now() - 30 * 24 * 3600 * 1000;
  private nextIds = {
    run: 9000,
    artifact: 500,
    comment: 70000,
    check: 4000,
    release: 300,
    workflow: 100,
    commit: 0,
  };
  private uploads = new Map<
    string,
    { runId: number; name: string; blocks: Map<string, Buffer>; committed?: Buffer; expiresAt?: string }
  >();
  private readonly blobSecret = randomBytes(8).toString('hex');

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

  /** Starts listening on 127.0.0.1 and an ephemeral port. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        this.violations.push(`fake crashed on ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'fake crashed' }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
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

  private hosts(): Hosts {
    return { api: this.url, web: 'https://github.com', owner: this.owner, repo: this.repo };
  }

  private tick(): string {
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

  // ---------------------------------------------------------------- HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    let reply: Reply;
    let operation: string | undefined;
    if (url.pathname.startsWith('/twirp/')) {
      operation = 'twirp:' + url.pathname.split('/').pop();
      reply = this.twirp(req, url, raw);
    } else if (url.pathname.startsWith('/_blob/')) {
      operation = 'blob';
      reply = this.blob(req, url, raw);
    } else {
      const r = this.rest(req, url, raw);
      reply = r.reply;
      operation = r.operation;
    }
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.search,
      status: reply.status,
      operation,
    });
    if (reply.status === 0) {
      // An injected network failure: the connection drops without an answer.
      req.socket.destroy();
      return;
    }
    const headers: Record<string, string> = { ...reply.headers };
    let payload: Buffer | undefined;
    if (Buffer.isBuffer(reply.body)) payload = reply.body;
    else if (reply.body !== undefined) {
      payload = Buffer.from(JSON.stringify(reply.body));
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    if (payload) headers['content-length'] = String(payload.length);
    res.writeHead(reply.status, headers);
    res.end(payload);
  }

  private rest(req: IncomingMessage, url: URL, raw: Buffer): { reply: Reply; operation?: string } {
    const method = req.method ?? 'GET';
    const m = this.validator.match(method, url.pathname);
    if (!m) {
      this.violations.push(`no GitHub operation for ${method} ${url.pathname}`);
      return { reply: { status: 404, body: { message: 'Not Found', documentation_url: DOCS } } };
    }
    const injected = this.injectedFailure(m.id);
    if (injected) return { reply: injected, operation: m.id };
    const reply = this.restOperation(req, url, raw, m);
    if (reply.status >= 400 && !(String(reply.status) in m.op.responses)) {
      // GitHub documents few error statuses per operation; all errors share the basic-error shape.
      const body = reply.body as Record<string, unknown>;
      if (!body || typeof body.message !== 'string')
        this.violations.push(`${m.id} ${reply.status}: error body without message`);
    } else {
      const errs = this.validator.validateResponse(m, reply.status, reply.body);
      if (errs.length) {
        this.violations.push(`response of ${m.id} breaks GitHub's schema: ${errs.join(' | ')}`);
        return {
          reply: { status: 500, body: { message: 'fake response broke the schema' } },
          operation: m.id,
        };
      }
    }
    return { reply, operation: m.id };
  }

  /** The reply of the first injected failure that matches, counting it down; undefined if none. */
  private injectedFailure(operation: string): Reply | undefined {
    const f = this.failures.find(
      (x) => (x.operation === '*' || x.operation === operation) && (x.times === undefined || x.times > 0),
    );
    if (!f) return undefined;
    if (f.times !== undefined) f.times--;
    if (f.status === 'network') return { status: 0 };
    return {
      status: f.status,
      headers: f.headers,
      body: f.body ?? { message: f.status >= 500 ? 'Server Error' : 'Error', documentation_url: DOCS },
    };
  }

  private restOperation(req: IncomingMessage, url: URL, raw: Buffer, m: MatchedOperation): Reply {
    const auth = req.headers.authorization ?? '';
    const token = auth.replace(/^(token|bearer)\s+/i, '');
    const perms = this.tokens.get(token);
    if (!perms) return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS } };
    const repoScoped = m.op.parameters.some((p) => p.in === 'path' && p.name === 'owner');
    if (repoScoped && (m.params.owner !== this.owner || m.params.repo !== this.repo)) {
      return { status: 404, body: { message: 'Not Found', documentation_url: DOCS } };
    }
    let body: unknown;
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        this.violations.push(`${m.id}: request body is not JSON`);
        return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } };
      }
    }
    const limit = this.checkLimits(m.id, body);
    if (limit) {
      this.limitRejections.push(`${m.id}: ${limit}`);
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: [{ resource: m.id, code: 'custom', message: limit }],
          documentation_url: DOCS,
        },
      };
    }
    const errs = this.validator.validateRequest(m, url.searchParams, body);
    if (errs.length) {
      this.violations.push(`request to ${m.id} breaks GitHub's schema: ${errs.join(' | ')}`);
      return {
        status: 422,
        body: {
          message: 'Validation Failed',
          errors: errs.map((e) => ({ code: 'invalid', message: e })),
          documentation_url: DOCS,
        },
      };
    }
    const denied = this.checkPermission(m, perms);
    if (denied) return denied;
    return this.route(m, url, body as Record<string, unknown> | undefined, this.identityOf(token));
  }

  private checkLimits(op: string, body: unknown): string | undefined {
    const b = body as Record<string, unknown> | undefined;
    if ((op === 'issues/create-comment' || op === 'issues/update-comment') && typeof b?.body === 'string') {
      if (b.body.length > TRUNCATE_COMMENT)
        return `body is too long (maximum is ${TRUNCATE_COMMENT} characters)`;
    }
    if (op === 'checks/create' || op === 'checks/update') {
      const out = b?.output as Record<string, unknown> | undefined;
      for (const k of ['summary', 'text'] as const) {
        if (typeof out?.[k] === 'string' && (out[k] as string).length > MAX_CHECK_TEXT)
          return `output.${k} is too long (maximum is ${MAX_CHECK_TEXT} characters)`;
      }
      if (Array.isArray(out?.annotations) && out.annotations.length > 50)
        return 'Only 50 annotations may be sent per request';
    }
    return undefined;
  }

  /** Who a token acts as (the default: `github-actions[bot]` through an installation token). */
  identityOf(token: string): TokenIdentity {
    return this.identities.get(token) ?? { login: this.botLogin, kind: 'installation' };
  }

  private checkPermission(m: MatchedOperation, perms: TokenPermissions): Reply | undefined {
    const need = (scope: keyof TokenPermissions, level: Access): boolean =>
      level === 'read' ? perms[scope] !== 'none' : perms[scope] === 'write';
    let ok = true;
    if (m.id.startsWith('actions/')) ok = need('actions', 'read');
    else if (
      m.id === 'issues/create-comment' ||
      m.id === 'issues/update-comment' ||
      m.id === 'issues/delete-comment'
    ) {
      ok = need('pull-requests', 'write') || need('issues', 'write');
    } else if (m.id.startsWith('checks/')) ok = need('checks', 'write');
    else if (m.id === 'issues/list-comments') ok = need('pull-requests', 'read') || need('issues', 'read');
    else if (m.id.startsWith('pulls/')) ok = need('pull-requests', 'read');
    else if (m.id === 'users/get-authenticated')
      ok = true; // answered by identity, in route()
    else ok = need('contents', 'read');
    if (ok) return undefined;
    return {
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' },
    };
  }

  private notFound(): Reply {
    return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
  }

  private route(
    m: MatchedOperation,
    url: URL,
    body: Record<string, unknown> | undefined,
    identity: TokenIdentity,
  ): Reply {
    const h = this.hosts();
    const q = url.searchParams;
    switch (m.id) {
      case 'repos/get':
        return { status: 200, body: repository(h, `${this.owner}/${this.repo}`, 'full', this.defaultBranch) };
      case 'actions/get-workflow-run': {
        const run = this.runs.find((r) => r.id === Number(m.params.run_id));
        return run ? { status: 200, body: this.runObject(run) } : this.notFound();
      }
      case 'actions/list-workflow-runs': {
        const idOrFile = m.params.workflow_id;
        const wf = this.workflows.find((w) => String(w.id) === idOrFile || w.path.endsWith('/' + idOrFile));
        if (!wf) return this.notFound();
        let runs = this.runs.filter((r) => r.workflowId === wf.id);
        const status = q.get('status');
        if (status)
          runs = runs.filter((r) =>
            CONCLUSIONS.has(status) ? r.conclusion === status : r.status === status,
          );
        if (q.get('branch')) runs = runs.filter((r) => r.headBranch === q.get('branch'));
        if (q.get('event')) runs = runs.filter((r) => r.event === q.get('event'));
        if (q.get('head_sha')) runs = runs.filter((r) => r.headSha === q.get('head_sha'));
        runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
        const page = this.page(runs, url);
        return {
          status: 200,
          headers: page.headers,
          body: { total_count: runs.length, workflow_runs: page.items.map((r) => this.runObject(r)) },
        };
      }
      case 'actions/list-workflow-run-artifacts': {
        const runId = Number(m.params.run_id);
        if (!this.runs.some((r) => r.id === runId)) return this.notFound();
        let arts = this.artifactsOf(runId);
        if (q.get('name')) arts = arts.filter((a) => a.name === q.get('name'));
        arts.sort((a, b) => (q.get('direction') === 'asc' ? a.id - b.id : b.id - a.id));
        const page = this.page(arts, url);
        return {
          status: 200,
          headers: page.headers,
          body: { total_count: arts.length, artifacts: page.items.map((a) => this.artifactObject(a)) },
        };
      }
      case 'actions/download-artifact': {
        const art = this.artifacts.find((a) => a.id === Number(m.params.artifact_id));
        if (!art) return this.notFound();
        if (m.params.archive_format !== 'zip') return this.notFound();
        if (art.expired || art.goneOnDownload)
          return { status: 410, body: { message: 'Artifact has expired', documentation_url: DOCS } };
        return {
          status: 302,
          headers: { location: this.signedBlobUrl(`artifacts/${art.id}`, `${art.name}.zip`) },
        };
      }
      case 'repos/compare-commits':
        return this.compare(m.params.base, m.params.head, url);
      case 'repos/list-releases': {
        const rels = [...this.releases].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
        const page = this.page(rels, url);
        return { status: 200, headers: page.headers, body: page.items.map((r) => this.releaseObject(r)) };
      }
      case 'repos/get-commit': {
        const sha = this.resolve(m.params.ref);
        if (!sha)
          return {
            status: 422,
            body: { message: `No commit found for SHA: ${m.params.ref}`, documentation_url: DOCS },
          };
        return {
          status: 200,
          body: {
            ...commitObject(h, this.commits.get(sha)!),
            stats: { additions: 1, deletions: 0, total: 1 },
            files: [],
          },
        };
      }
      case 'repos/list-pull-requests-associated-with-commit': {
        const sha = m.params.commit_sha;
        // A commit that exists only in a fork is associated with no pull request of this repository.
        const c = this.commits.get(sha);
        if (c && c.repo !== `${this.owner}/${this.repo}`) return { status: 200, body: [] };
        // Open PRs whose commits include the SHA (not only as their head: a PR that moved on still lists it).
        const prs = this.pulls.filter(
          (p) =>
            p.state === 'open' &&
            this.ancestors(p.headSha).has(sha) &&
            !this.ancestors(this.branches.get(p.baseRef) ?? '').has(sha),
        );
        const page = this.page(prs, url);
        return { status: 200, headers: page.headers, body: page.items.map((p) => this.pullObject(p, false)) };
      }
      case 'pulls/list': {
        const state = q.get('state') ?? 'open';
        let prs = this.pulls.filter((p) => state === 'all' || p.state === state);
        const head = q.get('head');
        if (head) {
          // `user:ref-name` / `organization:ref-name`: the head repository's owner and the head branch.
          const i = head.indexOf(':');
          const owner = i >= 0 ? head.slice(0, i) : this.owner;
          const ref = i >= 0 ? head.slice(i + 1) : head;
          prs = prs.filter(
            (p) => p.headRepo.split('/')[0].toLowerCase() === owner.toLowerCase() && p.headRef === ref,
          );
        }
        if (q.get('base')) prs = prs.filter((p) => p.baseRef === q.get('base'));
        prs.sort((a, b) => (q.get('direction') === 'asc' ? a.number - b.number : b.number - a.number));
        const page = this.page(prs, url);
        return { status: 200, headers: page.headers, body: page.items.map((p) => this.pullObject(p, false)) };
      }
      case 'users/get-authenticated': {
        if (identity.kind !== 'user')
          return {
            status: 403,
            body: {
              message: 'Resource not accessible by integration',
              documentation_url: DOCS,
              status: '403',
            },
          };
        return { status: 200, body: this.authenticatedUser(identity.login) };
      }
      case 'pulls/get': {
        const pr = this.pulls.find((p) => p.number === Number(m.params.pull_number));
        return pr ? { status: 200, body: this.pullObject(pr, true) } : this.notFound();
      }
      case 'issues/list-comments': {
        const n = Number(m.params.issue_number);
        if (!this.pulls.some((p) => p.number === n)) return this.notFound();
        const page = this.page(this.commentsOn(n), url);
        return { status: 200, headers: page.headers, body: page.items.map((c) => this.commentObject(c)) };
      }
      case 'issues/create-comment': {
        const n = Number(m.params.issue_number);
        if (!this.pulls.some((p) => p.number === n)) return this.notFound();
        const c = this.addComment(n, String(body!.body), identity.login);
        return {
          status: 201,
          headers: { location: `${h.api}/repos/${this.owner}/${this.repo}/issues/comments/${c.id}` },
          body: this.commentObject(c),
        };
      }
      case 'issues/update-comment': {
        const c = this.comments.find((x) => x.id === Number(m.params.comment_id));
        if (!c) return this.notFound();
        c.body = String(body!.body);
        c.updatedAt = this.tick();
        return { status: 200, body: this.commentObject(c) };
      }
      case 'issues/delete-comment': {
        const i = this.comments.findIndex((x) => x.id === Number(m.params.comment_id));
        if (i < 0) return this.notFound();
        this.comments.splice(i, 1);
        return { status: 204 };
      }
      case 'checks/create': {
        const b = body!;
        const out = (b.output ?? {}) as Record<string, unknown>;
        const conclusion = (b.conclusion as string | undefined) ?? null;
        const status = conclusion ? 'completed' : ((b.status as string | undefined) ?? 'queued');
        const at = this.tick();
        const cr: FakeCheckRun = {
          id: ++this.nextIds.check,
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
        this.checkRuns.push(cr);
        return { status: 201, body: this.checkRunObject(cr) };
      }
      case 'checks/update': {
        const cr = this.checkRuns.find((c) => c.id === Number(m.params.check_run_id));
        if (!cr) return this.notFound();
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
          cr.completedAt ??= this.tick();
        } else if (b.status) cr.status = String(b.status);
        cr.requests++;
        return { status: 200, body: this.checkRunObject(cr) };
      }
      default:
        this.violations.push(`fake has no handler for ${m.id}`);
        return { status: 501, body: { message: `not implemented in fake: ${m.id}` } };
    }
  }

  /** Pages a list the way GitHub does (`per_page` ≤ 100, `page` from 1) with a `Link` header. */
  private page<T>(items: T[], url: URL): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string): string => {
      const u = new URL(url.pathname + url.search, this.base);
      u.searchParams.set('per_page', String(perPage));
      u.searchParams.set('page', String(p));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'));
    if (page < last) links.push(link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    return {
      items: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
    };
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

  private ancestors(sha: string): Set<string> {
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

  private compare(baseRef: string, headRef: string, url: URL): Reply {
    const base = this.resolve(baseRef);
    const head = this.resolve(headRef);
    if (!base || !head) return this.notFound();
    const ab = this.ancestors(base);
    const ah = this.ancestors(head);
    // Merge base: the common ancestor that is not an ancestor of another common ancestor.
    const common = [...ah].filter((s) => ab.has(s));
    const mergeBase = common.find((c) => !common.some((o) => o !== c && this.ancestors(o).has(c)));
    if (!mergeBase) return this.notFound();
    const ahead = [...ah]
      .filter((s) => !ab.has(s))
      .sort((a, b) => this.commits.get(a)!.date.localeCompare(this.commits.get(b)!.date));
    const behind = [...ab].filter((s) => !ah.has(s));
    const h = this.hosts();
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
        url: `${h.api}/repos/${this.owner}/${this.repo}/compare/${basehead}`,
        html_url: `${h.web}/${this.owner}/${this.repo}/compare/${basehead}`,
        permalink_url: `${h.web}/${this.owner}/${this.repo}/compare/${this.owner}:${base.slice(0, 7)}...${this.owner}:${head.slice(0, 7)}`,
        diff_url: `${h.web}/${this.owner}/${this.repo}/compare/${basehead}.diff`,
        patch_url: `${h.web}/${this.owner}/${this.repo}/compare/${basehead}.patch`,
        base_commit: commitObject(h, this.commits.get(base)!),
        merge_base_commit: commitObject(h, this.commits.get(mergeBase)!),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: ahead
          .slice((pageNo - 1) * perPage, pageNo * perPage)
          .map((s) => commitObject(h, this.commits.get(s)!)),
        files: [],
      },
    };
  }

  private runObject(r: FakeRun): Record<string, unknown> {
    const h = this.hosts();
    const wf = this.workflows.find((w) => w.id === r.workflowId)!;
    const api = `${h.api}/repos/${this.owner}/${this.repo}`;
    const c = this.commits.get(r.headSha);
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
      html_url: `${h.web}/${this.owner}/${this.repo}/actions/runs/${r.id}`,
      pull_requests: r.pullRequests.map((n) => {
        const pr = this.pulls.find((p) => p.number === n);
        const repoRef = { id: 1, url: `${h.api}/repos/${this.owner}/${this.repo}`, name: this.repo };
        return {
          id: n * 1000,
          number: n,
          url: `${api}/pulls/${n}`,
          head: { ref: pr?.headRef ?? 'feature', sha: pr?.headSha ?? r.headSha, repo: repoRef },
          base: {
            ref: pr?.baseRef ?? this.defaultBranch,
            sha: this.branches.get(pr?.baseRef ?? this.defaultBranch) ?? r.headSha,
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
      repository: repository(h, `${this.owner}/${this.repo}`, 'minimal'),
      head_repository: repository(h, r.headRepo, 'minimal'),
      actor: user(h, 'dev'),
      triggering_actor: user(h, 'dev'),
    };
  }

  private artifactObject(a: FakeArtifact): Record<string, unknown> {
    const h = this.hosts();
    const api = `${h.api}/repos/${this.owner}/${this.repo}/actions/artifacts/${a.id}`;
    const run = this.run(a.runId);
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

  private releaseObject(r: FakeRelease): Record<string, unknown> {
    const h = this.hosts();
    const api = `${h.api}/repos/${this.owner}/${this.repo}/releases/${r.id}`;
    return {
      url: api,
      html_url: `${h.web}/${this.owner}/${this.repo}/releases/tag/${r.tag}`,
      assets_url: `${api}/assets`,
      upload_url: `https://uploads.github.com/repos/${this.owner}/${this.repo}/releases/${r.id}/assets{?name,label}`,
      tarball_url: `${h.api}/repos/${this.owner}/${this.repo}/tarball/${r.tag}`,
      zipball_url: `${h.api}/repos/${this.owner}/${this.repo}/zipball/${r.tag}`,
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
  private authenticatedUser(login: string): Record<string, unknown> {
    return {
      ...user(this.hosts(), login),
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

  private commentObject(c: FakeComment): Record<string, unknown> {
    const h = this.hosts();
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${h.api}/repos/${this.owner}/${this.repo}/issues/comments/${c.id}`,
      html_url: `${h.web}/${this.owner}/${this.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
      issue_url: `${h.api}/repos/${this.owner}/${this.repo}/issues/${c.issueNumber}`,
      body: c.body,
      user: user(h, c.login),
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      author_association: c.login.endsWith('[bot]') ? 'NONE' : 'CONTRIBUTOR',
    };
  }

  private checkRunObject(c: FakeCheckRun): Record<string, unknown> {
    const h = this.hosts();
    const api = `${h.api}/repos/${this.owner}/${this.repo}/check-runs/${c.id}`;
    const now = iso(this.clock);
    return {
      id: c.id,
      head_sha: c.headSha,
      node_id: `CR_${c.id}`,
      external_id: c.externalId,
      url: api,
      html_url: `${h.web}/${this.owner}/${this.repo}/runs/${c.id}`,
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

  private pullObject(p: FakePull, full: boolean): Record<string, unknown> {
    const h = this.hosts();
    const api = `${h.api}/repos/${this.owner}/${this.repo}`;
    const baseSha = this.branches.get(p.baseRef) ?? p.headSha;
    const [headOwner] = p.headRepo.split('/');
    const link = (href: string): { href: string } => ({ href });
    const o: Record<string, unknown> = {
      url: `${api}/pulls/${p.number}`,
      id: p.number * 1000,
      node_id: `PR_${p.number}`,
      html_url: `${h.web}/${this.owner}/${this.repo}/pull/${p.number}`,
      diff_url: `${h.web}/${this.owner}/${this.repo}/pull/${p.number}.diff`,
      patch_url: `${h.web}/${this.owner}/${this.repo}/pull/${p.number}.patch`,
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
      labels: [],
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
        label: `${this.owner}:${p.baseRef}`,
        ref: p.baseRef,
        sha: baseSha,
        user: user(h, this.owner),
        repo: repository(h, `${this.owner}/${this.repo}`, 'repository', this.defaultBranch),
      },
      _links: {
        self: link(`${api}/pulls/${p.number}`),
        html: link(`${h.web}/${this.owner}/${this.repo}/pull/${p.number}`),
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
        comments: this.commentsOn(p.number).length,
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

  // ---------------------------------------------------------------- artifact service (Twirp)

  private signedBlobUrl(path: string, fileName: string): string {
    const sig = createHash('sha256').update(`${this.blobSecret}:${path}`).digest('base64url');
    return `${this.base}/_blob/${path}/${encodeURIComponent(fileName)}?sv=2023-11-03&se=2099-01-01T00%3A00%3A00Z&sr=b&sp=rcw&sig=${sig}`;
  }

  private checkSig(url: URL): string | undefined {
    // path = /_blob/<kind>/<id>/<file>
    const parts = url.pathname.split('/');
    const key = `${parts[2]}/${parts[3]}`;
    const sig = createHash('sha256').update(`${this.blobSecret}:${key}`).digest('base64url');
    return url.searchParams.get('sig') === sig ? key : undefined;
  }

  private twirp(req: IncomingMessage, url: URL, raw: Buffer): Reply {
    const method = url.pathname.replace('/twirp/github.actions.results.api.v1.ArtifactService/', '');
    const fail = (status: number, code: string, msg: string): Reply => ({ status, body: { code, msg } });
    if (req.method !== 'POST') return fail(404, 'bad_route', 'not found');
    const auth = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    let scope: { run: string; job: string } | undefined;
    try {
      const payload = JSON.parse(Buffer.from(auth.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
        scp?: string;
      };
      const s = payload.scp
        ?.split(' ')
        .find((x) => x.startsWith('Actions.Results:'))
        ?.split(':');
      if (s && s.length === 3) scope = { run: s[1], job: s[2] };
    } catch {
      scope = undefined;
    }
    if (!scope) return fail(401, 'unauthenticated', 'invalid runtime token');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      this.violations.push(`twirp ${method}: body is not JSON`);
      return fail(400, 'malformed', 'bad json');
    }
    const spec: Record<string, Record<string, string>> = {
      CreateArtifact: {
        workflow_run_backend_id: 'string',
        workflow_job_run_backend_id: 'string',
        name: 'string',
        expires_at: 'timestamp',
        version: 'number',
        mime_type: 'string',
      },
      FinalizeArtifact: {
        workflow_run_backend_id: 'string',
        workflow_job_run_backend_id: 'string',
        name: 'string',
        size: 'int64',
        hash: 'string',
      },
      ListArtifacts: {
        workflow_run_backend_id: 'string',
        workflow_job_run_backend_id: 'string',
        name_filter: 'string',
        id_filter: 'int64',
      },
      GetSignedArtifactURL: {
        workflow_run_backend_id: 'string',
        workflow_job_run_backend_id: 'string',
        name: 'string',
      },
    };
    const fields = spec[method];
    if (!fields) {
      this.violations.push(`twirp: unknown method ${method}`);
      return fail(404, 'bad_route', `unknown method ${method}`);
    }
    for (const [k, v] of Object.entries(body)) {
      const t = fields[k];
      const ok =
        t === 'string'
          ? typeof v === 'string'
          : t === 'number'
            ? typeof v === 'number'
            : t === 'int64'
              ? typeof v === 'string' && /^\d+$/.test(v)
              : t === 'timestamp'
                ? typeof v === 'string' && !isNaN(Date.parse(v))
                : false;
      if (!ok) this.violations.push(`twirp ${method}: bad field ${k}=${JSON.stringify(v)}`);
    }
    if (body.workflow_run_backend_id !== scope.run || body.workflow_job_run_backend_id !== scope.job) {
      return fail(403, 'permission_denied', 'backend ids do not match the runtime token');
    }
    const run = this.runs.find((r) => r.backendId === scope.run);
    if (!run) return fail(404, 'not_found', 'workflow run not found');
    const name = body.name as string | undefined;
    switch (method) {
      case 'CreateArtifact': {
        if (!name) return fail(400, 'invalid_argument', 'name required');
        if (body.version !== 7)
          this.violations.push(`twirp CreateArtifact: unexpected version ${String(body.version)}`);
        if (this.artifactsOf(run.id).some((a) => a.name === name)) {
          return fail(409, 'already_exists', 'an artifact with this name already exists on the workflow run');
        }
        const id = randomBytes(8).toString('hex');
        this.uploads.set(id, {
          runId: run.id,
          name,
          blocks: new Map(),
          expiresAt: body.expires_at as string | undefined,
        });
        return {
          status: 200,
          body: { ok: true, signed_upload_url: this.signedBlobUrl(`upload/${id}`, `${name}.zip`) },
        };
      }
      case 'FinalizeArtifact': {
        const entry = [...this.uploads.entries()].find(([, u]) => u.runId === run.id && u.name === name);
        if (!entry || !entry[1].committed)
          return fail(404, 'not_found', 'no committed upload for this artifact');
        const [id, up] = entry;
        this.uploads.delete(id);
        if (String(up.committed!.length) !== body.size)
          this.violations.push(
            `FinalizeArtifact: size ${String(body.size)} != uploaded ${up.committed!.length}`,
          );
        const hash = 'sha256:' + createHash('sha256').update(up.committed!).digest('hex');
        if (body.hash !== undefined && body.hash !== hash)
          this.violations.push(`FinalizeArtifact: hash ${String(body.hash)} != ${hash}`);
        const art = this.addArtifact(run.id, up.name, up.committed!);
        if (up.expiresAt) art.expiresAt = iso(Date.parse(up.expiresAt));
        return { status: 200, body: { ok: true, artifact_id: String(art.id) } };
      }
      case 'ListArtifacts': {
        let arts = this.artifactsOf(run.id).filter((a) => !a.expired);
        if (body.name_filter !== undefined) arts = arts.filter((a) => a.name === body.name_filter);
        if (body.id_filter !== undefined) arts = arts.filter((a) => String(a.id) === body.id_filter);
        return {
          status: 200,
          body: {
            artifacts: arts.map((a) => ({
              workflow_run_backend_id: run.backendId,
              workflow_job_run_backend_id: scope!.job,
              database_id: String(a.id),
              name: a.name,
              size: String(a.zip.length),
              created_at: a.createdAt,
              digest: a.digest,
            })),
          },
        };
      }
      case 'GetSignedArtifactURL': {
        const art = this.artifactsOf(run.id).find((a) => a.name === name && !a.expired);
        if (!art) return fail(404, 'not_found', 'artifact not found');
        return {
          status: 200,
          body: { signed_url: this.signedBlobUrl(`artifacts/${art.id}`, `${art.name}.zip`) },
        };
      }
    }
    return fail(404, 'bad_route', method);
  }

  // ---------------------------------------------------------------- blob storage

  private blob(req: IncomingMessage, url: URL, raw: Buffer): Reply {
    const key = this.checkSig(url);
    if (!key) {
      this.violations.push(`blob request without a valid signature: ${req.method} ${url.pathname}`);
      return { status: 403, body: Buffer.from('<Error><Code>AuthenticationFailed</Code></Error>') };
    }
    const [kind, id] = key.split('/');
    const azureHeaders = (): Record<string, string> => ({
      'x-ms-request-id': randomBytes(8).toString('hex'),
      'x-ms-version': '2023-11-03',
      date: new Date().toUTCString(),
    });
    if (kind === 'artifacts' && req.method === 'GET') {
      const art = this.artifacts.find((a) => String(a.id) === id);
      if (!art) return { status: 404 };
      return {
        status: 200,
        headers: {
          ...azureHeaders(),
          'content-type': 'application/zip',
          'content-disposition': `attachment; filename="${encodeURIComponent(art.name)}.zip"`,
        },
        body: art.zip,
      };
    }
    if (kind === 'upload' && req.method === 'PUT') {
      const up = this.uploads.get(id);
      if (!up) return { status: 404 };
      const comp = url.searchParams.get('comp');
      if (comp === 'block') {
        const blockId = url.searchParams.get('blockid');
        if (!blockId) return { status: 400 };
        up.blocks.set(blockId, raw);
        return { status: 201, headers: { ...azureHeaders(), 'x-ms-request-server-encrypted': 'true' } };
      }
      if (comp === 'blocklist') {
        const ids = [...raw.toString('utf8').matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map(
          (m) => m[2],
        );
        const parts: Buffer[] = [];
        for (const b of ids) {
          const block = up.blocks.get(b);
          if (!block) {
            this.violations.push(`blob commit references unknown block ${b}`);
            return { status: 400 };
          }
          parts.push(block);
        }
        up.committed = Buffer.concat(parts);
        return {
          status: 201,
          headers: { ...azureHeaders(), etag: '"0x1"', 'last-modified': new Date().toUTCString() },
        };
      }
      if (!comp && req.headers['x-ms-blob-type'] === 'BlockBlob') {
        up.committed = raw;
        return {
          status: 201,
          headers: { ...azureHeaders(), etag: '"0x1"', 'last-modified': new Date().toUTCString() },
        };
      }
    }
    this.violations.push(`unsupported blob request ${req.method} ${url.pathname}${url.search}`);
    return { status: 400 };
  }
}
