/**
 * The Octokit evalgate talks to GitHub with: `@actions/github`'s client (REST methods + pagination)
 * with the retry and throttling plugins, pointed at `GITHUB_API_URL`. Imported lazily so that the CLI,
 * which never talks to GitHub, never loads it.
 */
import * as core from '@actions/core';
import type { getOctokit } from '@actions/github';

/** The client type (REST endpoint methods, `paginate`, `request`). */
export type GitHubClient = ReturnType<typeof getOctokit>;

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
                core.warning(
                  `GitHub rate limit hit for ${options.method} ${options.url}; retrying in ${retryAfter}s`,
                );
                return retryCount < 2;
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
