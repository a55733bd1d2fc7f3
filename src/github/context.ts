/**
 * The runner's context: repository, run, event and the parts of the event payload evalgate needs,
 * read from the environment a GitHub runner sets. Parsed here once (not via `@actions/github`'s
 * `context`, which reads the environment when the module is first loaded) so that it is a plain value
 * that tests can build.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { UsageError } from '../errors.js';

/** The pull request a run is about. */
export interface PullRequestInfo {
  number: number;
  headSha: string;
  headRef: string;
  /** `owner/repo` of the head branch; differs from the base repository for fork PRs. */
  headRepo: string;
  baseRef: string;
  baseSha: string;
  isFork: boolean;
}

/** The run that triggered a `workflow_run` workflow (publish mode). */
export interface TriggeringRunInfo {
  id: number;
  headSha: string;
  headBranch: string | null;
  event: string;
  conclusion: string | null;
  /** `owner/repo` the run's head commit came from (the fork, for a fork PR). */
  headRepo: string;
  /** Owner login of `headRepo` (the `owner` of `owner:branch` in a pull request's head label). */
  headOwner: string;
  /** PR numbers GitHub lists on the run (empty for fork PRs). */
  pullRequests: number[];
}

/** Everything evalgate reads from the runner. */
export interface RunnerContext {
  owner: string;
  repo: string;
  runId: number;
  runNumber?: number;
  runAttempt?: number;
  eventName: string;
  /** `GITHUB_SHA`: for pull_request events the merge commit, not the PR head. */
  sha: string;
  ref: string;
  refName: string;
  refType: 'branch' | 'tag' | '';
  serverUrl: string;
  apiUrl: string;
  /** Where temporary files go (`RUNNER_TEMP`). */
  tempDir: string;
  defaultBranch?: string;
  pullRequest?: PullRequestInfo;
  /** Tag of the release (release event) or of the pushed tag. */
  releaseTag?: string;
  releasePrerelease?: boolean;
  workflowRun?: TriggeringRunInfo;
  payload: Record<string, unknown>;
}

type Env = Record<string, string | undefined>;

function obj(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function int(v: string | undefined): number | undefined {
  return v && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Reads the event payload at `GITHUB_EVENT_PATH` (an empty object when there is none). */
export function readEventPayload(
  path: string | undefined,
  read: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): Record<string, unknown> {
  if (!path) return {};
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    throw new UsageError(`cannot read the event payload GITHUB_EVENT_PATH=${path}: ${(e as Error).message}`);
  }
  try {
    return obj(JSON.parse(text)) ?? {};
  } catch (e) {
    throw new UsageError(`the event payload ${path} is not JSON: ${(e as Error).message}`);
  }
}

/** Parses the runner's environment (and event payload) into a RunnerContext. */
export function readRunnerContext(env: Env = process.env, payload?: Record<string, unknown>): RunnerContext {
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) {
    throw new UsageError(
      'GITHUB_REPOSITORY is not set (owner/repo): evalgate must run inside a GitHub Actions job for this',
    );
  }
  const runId = int(env.GITHUB_RUN_ID);
  if (runId === undefined)
    throw new UsageError('GITHUB_RUN_ID is not set: evalgate must run inside a GitHub Actions job for this');
  const ev = payload ?? readEventPayload(env.GITHUB_EVENT_PATH);
  const ref = env.GITHUB_REF ?? '';
  const refType =
    env.GITHUB_REF_TYPE === 'tag' || ref.startsWith('refs/tags/')
      ? 'tag'
      : env.GITHUB_REF_TYPE === 'branch' || ref.startsWith('refs/heads/')
        ? 'branch'
        : '';
  const ctx: RunnerContext = {
    owner,
    repo,
    runId,
    runNumber: int(env.GITHUB_RUN_NUMBER),
    runAttempt: int(env.GITHUB_RUN_ATTEMPT),
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref,
    refName: env.GITHUB_REF_NAME ?? ref.replace(/^refs\/(heads|tags)\//, ''),
    refType,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    tempDir: env.RUNNER_TEMP || tmpdir(),
    payload: ev,
  };
  const repoObj = obj(ev.repository);
  ctx.defaultBranch = str(repoObj?.default_branch);

  const pr = obj(ev.pull_request);
  if (pr) {
    const head = obj(pr.head) ?? {};
    const base = obj(pr.base) ?? {};
    const headRepo = str(obj(head.repo)?.full_name) ?? repository;
    ctx.pullRequest = {
      number: Number(pr.number),
      headSha: str(head.sha) ?? '',
      headRef: str(head.ref) ?? '',
      headRepo,
      baseRef: str(base.ref) ?? env.GITHUB_BASE_REF ?? '',
      baseSha: str(base.sha) ?? '',
      isFork: headRepo.toLowerCase() !== repository.toLowerCase(),
    };
  }

  const release = obj(ev.release);
  if (ctx.eventName === 'release' && release) {
    ctx.releaseTag = str(release.tag_name);
    ctx.releasePrerelease = release.prerelease === true;
  } else if (ctx.eventName === 'push' && refType === 'tag') {
    ctx.releaseTag = ctx.refName;
  }

  const wr = obj(ev.workflow_run);
  if (wr) {
    const prs = Array.isArray(wr.pull_requests) ? wr.pull_requests : [];
    const headRepoObj = obj(wr.head_repository);
    const headRepo = str(headRepoObj?.full_name) ?? repository;
    ctx.workflowRun = {
      id: Number(wr.id),
      headSha: str(wr.head_sha) ?? '',
      headBranch: str(wr.head_branch) ?? null,
      event: str(wr.event) ?? '',
      conclusion: str(wr.conclusion) ?? null,
      headRepo,
      headOwner: str(obj(headRepoObj?.owner)?.login) ?? headRepo.split('/')[0],
      pullRequests: prs.map((p) => Number(obj(p)?.number)).filter((n) => Number.isInteger(n) && n > 0),
    };
  }
  return ctx;
}

/** The commit a check run belongs to: the PR head for pull requests (GITHUB_SHA is the merge commit). */
export function headShaOf(ctx: RunnerContext): string {
  return ctx.pullRequest?.headSha || ctx.sha;
}

/** Link to this run (the job summary is shown there). */
export function runUrl(ctx: RunnerContext): string {
  const attempt = ctx.runAttempt && ctx.runAttempt > 1 ? `/attempts/${ctx.runAttempt}` : '';
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}${attempt}`;
}

/** Short SHA for messages. */
export function short(sha: string | undefined): string {
  return (sha ?? '').slice(0, 7);
}
