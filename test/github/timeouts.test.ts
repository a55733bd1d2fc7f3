/** Per-request timeouts, retries and the overall budget of GitHub calls (src/github/timeouts.ts). */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BudgetExhaustedError,
  GitHubTimeoutError,
  TimeBudget,
  describeMs,
  timedFetch,
  timeoutCause,
} from '../../src/github/timeouts.js';
import { createGitHubClient, unavailableError } from '../../src/github/octokit.js';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;
let handler: Handler = (_q, res) => res.end('{}');
let calls = 0;
let server: Server;
let url = '';
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    handler(req, res, ++calls);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Node loads its fetch implementation on first use, which can take longer than the short timeouts here.
  await (await fetch(url)).text();
});
beforeEach(() => {
  calls = 0;
  for (const r of open) r.destroy();
});
afterAll(async () => {
  for (const r of open) r.destroy();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const hang: Handler = () => {
  /* never answers */
};

describe('timedFetch', () => {
  it('gives up on a request that never answers after its retries, naming it', async () => {
    handler = hang;
    const budget = new TimeBudget({ requestMs: 150, retryBaseMs: 5 });
    const f = timedFetch(budget, { retries: 2 });
    const err = await f(`${url}/repos/acme/model/compare/a...b?x=secret`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubTimeoutError);
    // A hang is retried once (not like a 5xx): the budget, not many long waits, bounds the step.
    expect((err as Error).message).toBe(
      'no answer within 150 ms to GET /repos/acme/model/compare/a...b (2 attempts)',
    );
    expect(calls).toBe(2);
    expect(budget.timedOut).toEqual(Array(2).fill('GET /repos/acme/model/compare/a...b'));
  });

  it('times out a body that stalls after the headers (never an empty answer)', async () => {
    handler = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    };
    const f = timedFetch(new TimeBudget({ requestMs: 150, retryBaseMs: 5 }), { retries: 0 });
    await expect(f(`${url}/x`)).rejects.toBeInstanceOf(GitHubTimeoutError);
  });

  it('retries 5xx answers and returns the first good one', async () => {
    handler = (_q, res, n) => {
      res.writeHead(n < 3 ? 503 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ n }));
    };
    const f = timedFetch(new TimeBudget({ retryBaseMs: 5 }), { retries: 3 });
    const res = await f(`${url}/x`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ n: 3 });
    expect(res.url).toBe(`${url}/x`);
  });

  it('returns the last 5xx answer after the retries (the caller reports its status)', async () => {
    handler = (_q, res) => {
      res.writeHead(502);
      res.end('bad gateway');
    };
    const f = timedFetch(new TimeBudget({ retryBaseMs: 5 }), { retries: 3 });
    const res = await f(`${url}/x`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(502);
    expect(await res.text()).toBe('bad gateway');
    expect(calls).toBe(4);
  });

  it('does not retry 4xx answers', async () => {
    handler = (_q, res) => {
      res.writeHead(404);
      res.end();
    };
    const res = await timedFetch(new TimeBudget({ retryBaseMs: 5 }))(`${url}/x`);
    expect(res.status).toBe(404);
    expect(calls).toBe(1);
  });

  it('never runs past the budget: the last try gets only what is left, then no call starts', async () => {
    handler = hang;
    const budget = new TimeBudget({ totalMs: 400, requestMs: 250, retryBaseMs: 5 });
    const f = timedFetch(budget, { retries: 10 });
    const t0 = Date.now();
    const err = await f(`${url}/slow`).catch((e: unknown) => e);
    const took = Date.now() - t0;
    expect(err).toBeInstanceOf(Error);
    expect(timeoutCause(err)).toBeDefined();
    expect(took).toBeLessThan(400 + 300);
    expect(calls).toBeLessThanOrEqual(3);
    const next = await f(`${url}/next`).catch((e: unknown) => e);
    expect(next).toBeInstanceOf(BudgetExhaustedError);
    expect((next as Error).message).toBe(
      'the 400 ms allowed for GitHub calls (input github-timeout-minutes) ran out at GET /next; last timed out: GET /slow',
    );
  });

  it("passes the caller's own abort through without retrying", async () => {
    handler = hang;
    const ctl = new AbortController();
    const f = timedFetch(new TimeBudget({ requestMs: 5000, retryBaseMs: 5 }));
    setTimeout(() => ctl.abort(), 50);
    const err = await f(`${url}/x`, { signal: ctl.signal }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(calls).toBe(1);
  });
});

describe('TimeBudget.race', () => {
  it('abandons a call that does not settle in time and remembers it', async () => {
    const budget = new TimeBudget({ requestMs: 50 });
    const err = await budget
      .race('the artifact upload', () => new Promise(() => undefined))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubTimeoutError);
    expect((err as Error).message).toBe('no answer within 50 ms to the artifact upload');
    expect(budget.abandoned).toBe(true);
    expect(await budget.race('x', async () => 7)).toBe(7);
  });

  it('refuses to start once the budget is used up', async () => {
    let t = 0;
    const budget = new TimeBudget({ totalMs: 1000, now: () => t });
    t = 1000;
    await expect(budget.race('the listing', async () => 1)).rejects.toBeInstanceOf(BudgetExhaustedError);
  });
});

describe('describeMs', () => {
  it.each([
    [150, '150 ms'],
    [30_000, '30 s'],
    [1500, '1.5 s'],
    [600_000, '10 min'],
    [150_000, '2.5 min'],
  ])('%d → %s', (ms, text) => expect(describeMs(ms)).toBe(text));
});

describe('the GitHub client under the budget', () => {
  const client = (budget: TimeBudget) => createGitHubClient('ghs_test', { baseUrl: url, budget, retries: 3 });

  it('a hanging endpoint fails the lookup clearly, naming the call, within the timeout and one retry', async () => {
    handler = hang;
    const budget = new TimeBudget({ requestMs: 200, retryBaseMs: 5 });
    const gh = await client(budget);
    const t0 = Date.now();
    const err = await gh
      .request('GET /repos/{owner}/{repo}/compare/{basehead}', {
        owner: 'acme',
        repo: 'model',
        basehead: 'a...b',
      })
      .catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(unavailableError(err, 'the baseline lookup')?.message).toBe(
      'evalgate: the baseline lookup failed: GitHub did not answer: no answer within 200 ms to GET /repos/acme/model/compare/a...b (2 attempts); retry later',
    );
  });

  it('a primary rate limit that resets soon is waited for', async () => {
    handler = (_q, res, n) => {
      if (n === 1) {
        res.writeHead(403, {
          'content-type': 'application/json',
          'x-ratelimit-limit': '1000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
        });
        res.end(JSON.stringify({ message: 'API rate limit exceeded for installation ID 1.' }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ default_branch: 'main' }));
      }
    };
    const gh = await client(new TimeBudget());
    const { data } = await gh.request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'model' });
    expect(data.default_branch).toBe('main');
    expect(calls).toBe(2);
  });

  it('a primary rate limit that resets in half an hour fails at once, saying when it resets', async () => {
    const reset = Math.floor(Date.now() / 1000) + 1800;
    handler = (_q, res) => {
      res.writeHead(403, {
        'content-type': 'application/json',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      });
      res.end(JSON.stringify({ message: 'API rate limit exceeded for installation ID 1.' }));
    };
    const gh = await client(new TimeBudget());
    const t0 = Date.now();
    const err = await gh
      .request('GET /repos/{owner}/{repo}', { owner: 'acme', repo: 'model' })
      .catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(calls).toBe(1);
    expect(unavailableError(err, 'the baseline lookup')?.message).toMatch(
      /^evalgate: the baseline lookup failed: GitHub API rate limit exhausted; retry later \(it resets at \S+, in (29\.\d|30) min: longer than evalgate waits, 60 s\)\. HTTP 403: API rate limit exceeded/,
    );
  });

  it('a rate limit that resets within the wait limit but after the budget ends is not waited for', async () => {
    handler = (_q, res) => {
      res.writeHead(403, {
        'content-type': 'application/json',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 20),
      });
      res.end(JSON.stringify({ message: 'API rate limit exceeded' }));
    };
    const gh = await client(new TimeBudget({ totalMs: 5000 }));
    const t0 = Date.now();
    const err = await gh.request('GET /repos/{owner}/{repo}', { owner: 'a', repo: 'b' }).catch((e) => e);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(unavailableError(err, 'publishing')?.message).toMatch(/rate limit exhausted/);
  });
});
