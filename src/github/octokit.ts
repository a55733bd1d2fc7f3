/**
 * The Octokit evalgate talks to GitHub with: `@actions/github`'s client (REST methods + pagination)
 * with the retry and throttling plugins, pointed at `GITHUB_API_URL`. Imported lazily so that the CLI,
 * which never talks to GitHub, never loads it.
 */
import * as core from '@actions/core';
import type { getOctokit } from '@actions/github';

/** The client type (REST endpoint methods, `paginate`, `request`). */
export type GitHubClient = ReturnType<typeof getOctokit>;

/** Longest wait for a primary rate limit to reset before giving up (seconds). */
const MAX_RATE_LIMIT_WAIT_S = 60;

/** Options of the client factory. */
export interface ClientOptions {
  /** REST API root, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  baseUrl: string;
  /** Retries of failed requests (5xx, network) by the retry plugin; default 3. */
  retries?: number;
  /** Rate-limit handling by the throttling plugin; tests switch it off to skip its write spacing. */
  throttle?: boolean;
}

/**
 * Builds the client. The token goes only into the `Authorization` header; it is registered as a secret
 * so the runner masks it should any library ever log it.
 */
export async function createGitHubClient(token: string, opts: ClientOptions): Promise<GitHubClient> {
  if (!token) throw new Error('no GitHub token: set the github-token input');
  core.setSecret(token);
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const retries = opts.retries ?? 3;
  return getOctokit(
    token,
    {
      baseUrl: opts.baseUrl,
      userAgent: 'evalgate',
      retry: { retries },
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
                // The primary limit resets hourly: waiting up to an hour in a CI job helps nobody.
                if (retryAfter > MAX_RATE_LIMIT_WAIT_S || retryCount >= 2) return false;
                core.warning(
                  `GitHub rate limit hit for ${options.method} ${options.url}; retrying in ${retryAfter}s`,
                );
                return true;
              },
              onSecondaryRateLimit: (
                retryAfter: number,
                options: { method?: string; url?: string },
                _o: unknown,
                retryCount: number,
              ) => {
                core.warning(
                  `GitHub secondary rate limit hit for ${options.method} ${options.url}; retrying in ${retryAfter}s`,
                );
                return retryCount < 1;
              },
            },
    },
    retry,
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
    const when =
      Number.isFinite(reset) && reset > 0 ? ` (it resets at ${new Date(reset * 1000).toISOString()})` : '';
    return new GitHubUnavailableError(
      what,
      `GitHub API rate limit exhausted; retry later${when}. ${apiMessage(e)}`,
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
