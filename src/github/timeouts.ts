/**
 * Bounded time against GitHub (docs/workflows.md, "Time limits"): every GitHub and artifact call has a
 * per-request timeout, and all of them together — baseline look-up and publishing — share one budget
 * (input `github-timeout-minutes`). Without this a call that never answers waits for the HTTP client's
 * own timeouts (300 s for headers, retried), which turned one hanging endpoint into a 20-minute step.
 *
 * `timedFetch` is the `fetch` Octokit is given: it applies the timeout to the whole exchange (headers
 * and body, which it reads before handing the response over, so a body that stalls times out too),
 * and retries timeouts, dropped connections and 5xx answers with growing waits, never past the budget.
 * Calls made through libraries that cannot take a fetch (the artifact service's client) are raced
 * against the same clock with `TimeBudget.race`.
 */

/** Per-request timeout when none is configured. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Budget for all GitHub calls of one step when none is configured. */
export const DEFAULT_BUDGET_MS = 10 * 60_000;
/** Retries of one request after a dropped connection or a 5xx answer. */
export const DEFAULT_RETRIES = 3;
/**
 * Retries after a timeout: one. A server that let a request hang for the whole timeout usually lets
 * the next one hang too; the budget, not a long series of 30-s waits, bounds the step.
 */
export const TIMEOUT_RETRIES = 1;

/** HTTP statuses worth another try: the server's, not the request's, fault. */
const RETRY_STATUSES = new Set([500, 502, 503, 504]);

/** Options of a budget. */
export interface BudgetOptions {
  /** Budget for all calls together (ms) [DEFAULT_BUDGET_MS]. */
  totalMs?: number;
  /** Timeout of one request (ms) [DEFAULT_REQUEST_TIMEOUT_MS]. */
  requestMs?: number;
  /** Base of the waits between retries (ms): the n-th retry waits n² times it [1000]. */
  retryBaseMs?: number;
  /** Clock (tests). */
  now?: () => number;
}

/** Describes a duration for people: "45 s", "2 min", "10 minutes"-style without false precision. */
export function describeMs(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`.replace('.0 s', ' s');
  return `${Math.round(ms / 6000) / 10} min`.replace('.0 min', ' min');
}

/**
 * The time one step may spend on GitHub, shared by every client the step creates. It also remembers
 * what timed out, so the final failure can say which call did.
 */
export class TimeBudget {
  readonly totalMs: number;
  readonly requestMs: number;
  readonly retryBaseMs: number;
  private readonly now: () => number;
  private readonly start: number;
  /** Calls that timed out, oldest first (e.g. "GET /repos/acme/model/compare/a...b"). */
  readonly timedOut: string[] = [];
  /**
   * True once a call raced by `race` was given up while still running: its connection may stay open,
   * so the step must end its process itself when it is done.
   */
  abandoned = false;

  constructor(opts: BudgetOptions = {}) {
    // At most a day: timers cannot hold much more (2^31 ms), and no CI step should wait longer.
    this.totalMs = Math.min(opts.totalMs ?? DEFAULT_BUDGET_MS, 24 * 3600_000);
    this.requestMs = opts.requestMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.retryBaseMs = opts.retryBaseMs ?? 1000;
    this.now = opts.now ?? Date.now;
    this.start = this.now();
  }

  /** Milliseconds spent since the budget started. */
  elapsed(): number {
    return this.now() - this.start;
  }

  /** Milliseconds left (never negative). */
  remaining(): number {
    return Math.max(0, this.totalMs - this.elapsed());
  }

  /** Timeout for the next request: the per-request timeout, or what is left of the budget. */
  requestTimeout(): number {
    return Math.min(this.requestMs, this.remaining());
  }

  /** The error for a call that cannot start because the budget is used up. */
  exhaustedError(what: string): BudgetExhaustedError {
    return new BudgetExhaustedError(what, this);
  }

  /**
   * Races a call that cannot take an AbortSignal against the per-request timeout (or `ms`) and the
   * budget. On timeout the call is abandoned (see `abandoned`) and a GitHubTimeoutError is thrown.
   */
  async race<T>(what: string, call: () => Promise<T>, ms = this.requestMs): Promise<T> {
    const limit = Math.min(ms, this.remaining());
    if (limit <= 0) throw this.exhaustedError(what);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.abandoned = true;
        this.timedOut.push(what);
        reject(new GitHubTimeoutError(what, limit, 1));
      }, limit);
    });
    try {
      return await Promise.race([call(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** One request got no (complete) answer within its timeout, on every attempt. */
export class GitHubTimeoutError extends Error {
  constructor(
    readonly what: string,
    readonly timeoutMs: number,
    readonly attempts: number,
  ) {
    super(
      `no answer within ${describeMs(timeoutMs)} to ${what}` +
        (attempts > 1 ? ` (${attempts} attempts)` : ''),
    );
    this.name = 'GitHubTimeoutError';
  }
}

/** The step's time for GitHub is used up: no further call is started. */
export class BudgetExhaustedError extends Error {
  constructor(
    readonly what: string,
    budget: TimeBudget,
  ) {
    const last = budget.timedOut.length
      ? `; last timed out: ${budget.timedOut[budget.timedOut.length - 1]}`
      : '';
    super(
      `the ${describeMs(budget.totalMs)} allowed for GitHub calls (input github-timeout-minutes) ` +
        `ran out at ${what}${last}`,
    );
    // Octokit passes an AbortError through as it is instead of retrying it: nothing is left to retry in.
    this.name = 'AbortError';
  }
}

/** True for a timeout or budget error (possibly wrapped by Octokit as a RequestError's cause). */
export function timeoutCause(e: unknown): GitHubTimeoutError | BudgetExhaustedError | undefined {
  for (let x: unknown = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    if (x instanceof GitHubTimeoutError || x instanceof BudgetExhaustedError) return x;
  }
  return undefined;
}

/** "GET /repos/acme/model/compare/a...b" for messages: no host, no query (which can carry tokens). */
function describeRequest(method: string, url: string): string {
  try {
    return `${method} ${new URL(url).pathname}`;
  } catch {
    return `${method} ${url.split('?')[0]}`;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A body that can be sent again on a retry (Octokit sends JSON strings; streams cannot be replayed). */
function replayable(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer
  );
}

/** Options of `timedFetch`. */
export interface TimedFetchOptions {
  /** Retries after a dropped connection or a 5xx answer [DEFAULT_RETRIES]; after a timeout at most 1. */
  retries?: number;
  /** The fetch to wrap [globalThis.fetch]. */
  fetch?: typeof fetch;
}

/**
 * A `fetch` with the budget's per-request timeout over the whole exchange, and retries within the
 * budget. The returned response's body is already read (GitHub API answers are small). After the last
 * attempt a 5xx answer is returned as it is (Octokit reports its status); a timeout throws
 * GitHubTimeoutError; an exhausted budget throws BudgetExhaustedError.
 */
export function timedFetch(budget: TimeBudget, opts: TimedFetchOptions = {}): typeof fetch {
  const retries = opts.retries ?? DEFAULT_RETRIES;
  const base = opts.fetch ?? globalThis.fetch;
  return async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const what = describeRequest(method, url);
    const maxAttempts = replayable(init?.body) ? retries + 1 : 1;
    let timeoutMs = 0;
    for (let attempt = 1; ; attempt++) {
      const limit = budget.requestTimeout();
      if (limit <= 0) throw budget.exhaustedError(what);
      timeoutMs = Math.max(timeoutMs, limit);
      const timer = AbortSignal.timeout(limit);
      const signal = init?.signal ? AbortSignal.any([init.signal, timer]) : timer;
      let failure: unknown;
      let answer: Response | undefined;
      try {
        const res = await base(input, { ...init, signal });
        // Read the body under the same signal: a stalled body is a timeout, not an empty answer.
        const body = await res.arrayBuffer();
        const empty = res.status === 204 || res.status === 205 || res.status === 304;
        const copy = new Response(empty ? null : body, {
          status: res.status,
          statusText: res.statusText,
          headers: res.headers,
        });
        Object.defineProperty(copy, 'url', { value: res.url });
        if (!RETRY_STATUSES.has(res.status) || attempt >= maxAttempts) return copy;
        answer = copy;
      } catch (e) {
        if (init?.signal?.aborted) throw e; // the caller's own abort
        if (timer.aborted) {
          budget.timedOut.push(what);
          // Cut short by the budget rather than by the per-request timeout: say that.
          if (limit < budget.requestMs && budget.remaining() <= 0) throw budget.exhaustedError(what);
          failure = new GitHubTimeoutError(what, timeoutMs, attempt);
          if (attempt >= Math.min(maxAttempts, TIMEOUT_RETRIES + 1)) throw failure;
        } else failure = e; // dropped connection, refused, DNS
        if (attempt >= maxAttempts) throw failure;
      }
      const wait = attempt * attempt * budget.retryBaseMs;
      // No time left for another try: the last answer (or failure) is the result.
      if (wait >= budget.remaining()) {
        if (answer) return answer;
        throw failure;
      }
      await sleep(wait);
    }
  };
}
