/** The fake GitHub's object types (its state's rows) and the handler reply shape. */

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
  /**
   * HTTP status; `network` to drop the connection without an answer; `hang` to never answer (the
   * connection stays open until the client gives up or the fake stops).
   */
  status: number | 'network' | 'hang';
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
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
