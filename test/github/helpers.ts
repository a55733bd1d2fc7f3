/**
 * Shared set-up for tests of src/github against the fake GitHub: one fake server per test file (the
 * artifact library reads GITHUB_API_URL once, when first loaded), state reset between tests, schema
 * violations turned into failures, and the runner's stdout captured so workflow commands can be checked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { RunnerContext } from '../../src/github/context.js';
import { createGitHubClient, type GitHubClient } from '../../src/github/octokit.js';
import type { EvalResult } from '../../src/types.js';
import { FakeGitHub } from '../fake-github/index.js';

/** Registers hooks that run one fake GitHub for the test file and returns it (started in beforeAll). */
export function useFakeGitHub(): { fake: FakeGitHub; out: () => string } {
  const fake = new FakeGitHub();
  const saved: Record<string, string | undefined> = {};
  const keys = [
    'GITHUB_API_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'GITHUB_SERVER_URL',
    'GITHUB_WORKSPACE',
    'RUNNER_TEMP',
  ];
  let captured = '';
  let realWrite: typeof process.stdout.write | undefined;
  beforeAll(async () => {
    await fake.start();
    for (const k of keys) saved[k] = process.env[k];
    process.env.GITHUB_API_URL = fake.url;
    process.env.ACTIONS_RESULTS_URL = fake.url + '/';
    process.env.GITHUB_SERVER_URL = 'https://github.com';
    process.env.GITHUB_WORKSPACE = mkdtempSync(join(tmpdir(), 'evalgate-ws-'));
    process.env.RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'evalgate-tmp-'));
  });
  beforeEach(() => {
    fake.reset();
    captured = '';
    realWrite = process.stdout.write.bind(process.stdout);
    // @actions/core writes workflow commands (::warning:: …) to stdout; keep them for assertions.
    process.stdout.write = ((chunk: string | Uint8Array) => {
      captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    }) as typeof process.stdout.write;
  });
  afterEach(() => {
    if (realWrite) process.stdout.write = realWrite;
    fake.assertClean();
  });
  afterAll(async () => {
    await fake.stop();
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  return { fake, out: () => captured };
}

/** A client for the fake: no retries or throttling, so failures show at once. */
export function clientFor(fake: FakeGitHub, token = fake.token): Promise<GitHubClient> {
  return createGitHubClient(token, { baseUrl: fake.url, retries: 0, throttle: false });
}

/** A RunnerContext for a run of the fake. */
export function contextFor(
  fake: FakeGitHub,
  runId: number,
  extra: Partial<RunnerContext> = {},
): RunnerContext {
  return {
    owner: fake.owner,
    repo: fake.repo,
    runId,
    eventName: 'push',
    sha: fake.run(runId).headSha,
    ref: `refs/heads/${fake.defaultBranch}`,
    refName: fake.defaultBranch,
    refType: 'branch',
    serverUrl: 'https://github.com',
    apiUrl: fake.url,
    tempDir: process.env.RUNNER_TEMP ?? tmpdir(),
    defaultBranch: fake.defaultBranch,
    payload: {},
    ...extra,
  };
}

/** A small EvalResult with an accuracy value (its identity in assertions). */
export function evalResult(accuracy: number, commit = ''): EvalResult {
  return {
    schema: 'evalgate/eval-result',
    version: 1,
    task: 'binary',
    n: 100,
    metrics: {
      accuracy: {
        value: accuracy,
        n: 100,
        stderr: 0.04,
        ci: [accuracy - 0.08, accuracy + 0.08],
        method: 'wilson',
      },
    },
    slices: {},
    sources: [{ file: 'preds.jsonl', format: 'jsonl' }],
    meta: { commit },
  };
}

/** Files of a results artifact holding `evalResult(accuracy)`. */
export function resultArtifact(accuracy: number): Record<string, string> {
  return { 'evalgate-result.json': JSON.stringify(evalResult(accuracy)) };
}

/** Loader used as the baseline source's `load`: reads evalgate-result.json, InputError when absent or bad. */
export function loadDir(dir: string): { result: EvalResult } {
  const p = join(dir, 'evalgate-result.json');
  if (!existsSync(p)) throw new InputError('no evalgate-result.json in artifact', { file: dir });
  try {
    const result = JSON.parse(readFileSync(p, 'utf8')) as EvalResult;
    if (result.schema !== 'evalgate/eval-result') throw new Error('not an EvalResult');
    return { result };
  } catch (e) {
    throw new InputError((e as Error).message, { file: p });
  }
}

/** `::warning::` lines written by @actions/core. */
export function warnings(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::warning'))
    .map((l) =>
      l
        .replace(/^::warning[^:]*::/, '')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%'),
    );
}
