/**
 * The Octokit evalgate talks to GitHub with: `@actions/github`'s client (REST methods + pagination)
 * with the throttling plugin, pointed at `GITHUB_API_URL`. Requests go through `timedFetch`
 * (timeouts.ts): a per-request timeout, and retries of timeouts, dropped connections and 5xx answers
 * within the step's time budget. Imported lazily so that the CLI, which never talks to GitHub, never
 * loads it.
 */
import * as core from '@actions/core';
import type { getOctokit } from '@actions/github';
import { describeMs, GitHubTimeoutError, TimeBudget, timedFetch, timeoutCause } from './timeouts.js';

/** The client type (REST endpoint methods, `paginate`, `request`). */
export type GitHubClient = ReturnType<typeof getOctokit>;

/** Longest wait for a primary rate limit to reset before giving up (seconds). */
export const MAX_RATE_LIMIT_WAIT_S = 60;

/** Options of the client factory. */
export interface ClientOptions {
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  baseUrl: string;
  /** Retries of a request after a dropped connection or a 5xx answer; default 3. */
  retries?: number;
  /** Rate-limit handling by the throttling plugin; tests switch it off to skip its write spacing. */
  throttle?: boolean;
  /** Time limits shared by every call of the step (default: a fresh budget with the default limits). */
  budget?: TimeBudget;
}

/**
 * Builds the client. The token goes only into the `Authorization` header; it is registered as a secret
 * so the runner masks it should any library ever log it.
 */
export async function createGitHubClient(token: string, opts: ClientOptions): Promise<GitHubClient> {
  if (!token) throw new Error('no GitHub token: set the github-token input');
  core.setSecret(token);
  const [{ getOctokit }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-throttling'),
  ]);
  const budget = opts.budget ?? new TimeBudget();
  return getOctokit(
    token,
    {
      baseUrl: opts.baseUrl,
      userAgent: 'evalgate',
      request: { fetch: timedFetch(budget, { retries: opts.retries }) },
      throttle:
        opts.throttle === false
          ? { enabled: false }
          : {
              onRateLimit: (
                retryAfter: number,
                options: { method?: string; url?: string },
                _o: unknown,
                retryCount: number,
              ) => {
                // The primary limit resets hourly: waiting up to an hour in a CI job helps nobody, and
                // no wait may outlast the step's budget for GitHub.
                if (retryAfter > MAX_RATE_LIMIT_WAIT_S || retryCount >= 2) return false;
                if (retryAfter * 1000 >= budget.remaining()) return false;
                core.warning(
                  `GitHub rate limit hit for ${options.method} ${options.url}; it resets in ${retryAfter} s, retrying then`,
                );
                return true;
              },
              onSecondaryRateLimit: (
                retryAfter: number,
                options: { method?: string; url?: string },
                _o: unknown,
                retryCount: number,
              ) => {
                if (retryAfter * 1000 >= budget.remaining()) return false;
                core.warning(
                  `GitHub secondary rate limit hit for ${options.method} ${options.url}; retrying in ${retryAfter}s`,
                );
                return retryCount < 1;
              },
            },
    },
    throttling,
  );
}

/** HTTP status of an Octokit RequestError (or undefined for other errors). */
export function httpStatus(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** Message of a GitHub API error without request details (which could carry headers). */
export function apiMessage(e: unknown): string {
  const status = httpStatus(e);
  const data = (e as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  const msg = typeof data?.message === 'string' ? data.message : e instanceof Error ? e.message : String(e);
  return status ? `HTTP ${status}: ${msg}` : msg;
}

/** GitHub answered a rate limit: 403/429 with `x-ratelimit-remaining: 0`, or a rate-limit message. */
export function isRateLimit(e: unknown): boolean {
  const status = httpStatus(e);
  if (status !== 403 && status !== 429) return false;
  const headers = (e as { response?: { headers?: Record<string, unknown> } }).response?.headers;
  if (String(headers?.['x-ratelimit-remaining'] ?? '') === '0') return true;
  return /rate limit/i.test(apiMessage(e));
}

/**
 * GitHub could not be used: down (5xx, or the network, which Octokit reports as 500, after the
 * retries) or out of rate limit. An expected condition: the step fails with this message, no stack.
 */
export class GitHubUnavailableError extends Error {
  /** What went wrong, without what failed (`message` is "evalgate: <what> failed: <detail>"). */
  readonly detail: string;
  constructor(what: string, detail: string, options?: { cause?: unknown }) {
    super(`evalgate: ${what} failed: ${detail}`, options);
    this.name = 'GitHubUnavailableError';
    this.detail = detail;
  }
}

/**
 * The GitHubUnavailableError for `e` (or the error it wraps as its `cause`) when it is a rate limit or
 * a server/network error, naming what failed (`what`, e.g. "the baseline lookup"); undefined for any
 * other error.
 */
export function unavailableError(e: unknown, what: string): GitHubUnavailableError | undefined {
  if (e instanceof GitHubUnavailableError) return e;
  if (isRateLimit(e)) {
    const headers = (e as { response?: { headers?: Record<string, unknown> } }).response?.headers;
    const reset = Number(headers?.['x-ratelimit-reset']);
    const inMs = reset * 1000 - Date.now();
    const when =
      Number.isFinite(reset) && reset > 0
        ? ` (it resets at ${new Date(reset * 1000).toISOString()}${inMs > MAX_RATE_LIMIT_WAIT_S * 1000 ? `, in ${describeMs(inMs)}: longer than evalgate waits, ${MAX_RATE_LIMIT_WAIT_S} s` : ''})`
        : '';
    return new GitHubUnavailableError(
      what,
      `GitHub API rate limit exhausted; retry later${when}. ${apiMessage(e)}`,
      { cause: e },
    );
  }
  const timeout = timeoutCause(e);
  if (timeout) {
    return new GitHubUnavailableError(
      what,
      timeout instanceof GitHubTimeoutError
        ? `GitHub did not answer: ${timeout.message}; retry later`
        : `${timeout.message}; retry later`,
      { cause: e },
    );
  }
  const status = httpStatus(e);
  if (status !== undefined && status >= 500) {
    return new GitHubUnavailableError(
      what,
      `GitHub did not answer (${apiMessage(e)}, after retries); retry later`,
      { cause: e },
    );
  }
  const cause = (e as { cause?: unknown } | null)?.cause;
  return status === undefined && cause !== undefined && cause !== e
    ? unavailableError(cause, what)
    : undefined;
}
