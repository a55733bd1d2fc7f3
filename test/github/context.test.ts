import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { headShaOf, readRunnerContext, runUrl } from '../../src/github/context.js';
import {
  pullRequestPayload,
  pushPayload,
  releasePayload,
  schedulePayload,
  workflowRunPayload,
} from '../fake-github/index.js';

const repo = { fullName: 'acme/model', defaultBranch: 'main' };
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function env(event: string, payload: unknown, extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'evalgate-ctx-'));
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_REPOSITORY: 'acme/model',
    GITHUB_RUN_ID: '1234',
    GITHUB_RUN_NUMBER: '56',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_SHA: A,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    RUNNER_TEMP: dir,
    ...extra,
  };
}

describe('readRunnerContext', () => {
  test('pull_request from the same repository', () => {
    const ctx = readRunnerContext(
      env(
        'pull_request',
        pullRequestPayload(repo, { number: 7, headSha: B, headRef: 'feat', baseRef: 'main', baseSha: A }),
        {
          GITHUB_REF: 'refs/pull/7/merge',
          GITHUB_REF_NAME: '7/merge',
        },
      ),
    );
    expect(ctx).toMatchObject({
      owner: 'acme',
      repo: 'model',
      runId: 1234,
      runNumber: 56,
      eventName: 'pull_request',
      defaultBranch: 'main',
    });
    expect(ctx.pullRequest).toEqual({
      number: 7,
      headSha: B,
      headRef: 'feat',
      headRepo: 'acme/model',
      baseRef: 'main',
      baseSha: A,
      isFork: false,
    });
    expect(headShaOf(ctx)).toBe(B);
    expect(ctx.refType).toBe('');
  });

  test('pull_request from a fork', () => {
    const ctx = readRunnerContext(
      env(
        'pull_request',
        pullRequestPayload(repo, {
          number: 8,
          headSha: B,
          headRef: 'main',
          baseRef: 'main',
          baseSha: A,
          headRepo: 'mallory/model',
        }),
      ),
    );
    expect(ctx.pullRequest).toMatchObject({ isFork: true, headRepo: 'mallory/model', headRef: 'main' });
  });

  test('push to a tag is a release', () => {
    const ctx = readRunnerContext(
      env('push', pushPayload(repo, { ref: 'refs/tags/v1.2.0', after: A }), {
        GITHUB_REF: 'refs/tags/v1.2.0',
        GITHUB_REF_NAME: 'v1.2.0',
        GITHUB_REF_TYPE: 'tag',
      }),
    );
    expect(ctx).toMatchObject({ refType: 'tag', refName: 'v1.2.0', releaseTag: 'v1.2.0' });
    expect(ctx.pullRequest).toBeUndefined();
  });

  test('push to a branch', () => {
    const ctx = readRunnerContext(
      env('push', pushPayload(repo, { ref: 'refs/heads/main', after: A }), {
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main',
      }),
    );
    expect(ctx).toMatchObject({ refType: 'branch', refName: 'main', defaultBranch: 'main' });
    expect(ctx.releaseTag).toBeUndefined();
  });

  test('release event', () => {
    const ctx = readRunnerContext(
      env('release', releasePayload(repo, { tag: 'v2.0.0-rc1', prerelease: true }), {
        GITHUB_REF: 'refs/tags/v2.0.0-rc1',
      }),
    );
    expect(ctx).toMatchObject({
      releaseTag: 'v2.0.0-rc1',
      releasePrerelease: true,
      refType: 'tag',
      refName: 'v2.0.0-rc1',
    });
  });

  test('workflow_run of a fork PR (pull_requests empty)', () => {
    const ctx = readRunnerContext(
      env(
        'workflow_run',
        workflowRunPayload(repo, {
          id: 99,
          headSha: B,
          headBranch: 'main',
          event: 'pull_request',
          conclusion: 'failure',
          headRepo: 'mallory/model',
        }),
      ),
    );
    expect(ctx.workflowRun).toEqual({
      id: 99,
      headSha: B,
      headBranch: 'main',
      event: 'pull_request',
      conclusion: 'failure',
      headRepo: 'mallory/model',
      headOwner: 'mallory',
      pullRequests: [],
    });
  });

  test('workflow_run listing its PRs', () => {
    const ctx = readRunnerContext(
      env(
        'workflow_run',
        workflowRunPayload(repo, {
          id: 99,
          headSha: B,
          headBranch: 'feat',
          event: 'pull_request',
          conclusion: 'success',
          pullRequests: [{ number: 3, headSha: B, headRef: 'feat', baseRef: 'main' }],
        }),
      ),
    );
    expect(ctx.workflowRun?.pullRequests).toEqual([3]);
  });

  test('schedule: minimal payload, no repository object', () => {
    const ctx = readRunnerContext(
      env('schedule', schedulePayload(), { GITHUB_REF: 'refs/heads/main', GITHUB_REF_NAME: 'main' }),
    );
    expect(ctx).toMatchObject({
      eventName: 'schedule',
      refType: 'branch',
      refName: 'main',
      defaultBranch: undefined,
    });
  });

  test('run URL includes the attempt after a re-run', () => {
    const ctx = readRunnerContext(env('push', {}, { GITHUB_RUN_ATTEMPT: '2' }));
    expect(runUrl(ctx)).toBe('https://github.com/acme/model/actions/runs/1234/attempts/2');
  });

  test('outside GitHub Actions, or with a broken payload: usage errors', () => {
    expect(() => readRunnerContext({})).toThrow(UsageError);
    expect(() => readRunnerContext({ GITHUB_REPOSITORY: 'a/b' })).toThrow(/GITHUB_RUN_ID/);
    const e = env('push', {});
    writeFileSync(e.GITHUB_EVENT_PATH, '{not json');
    expect(() => readRunnerContext(e)).toThrow(/not JSON/);
  });
});
