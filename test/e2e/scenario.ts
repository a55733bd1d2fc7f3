/**
 * Building blocks of e2e scenarios: a repository history in the fake, and the steps a runner would run
 * for a push to main and for a pull request (real event payloads, the bundled action).
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  FakeGitHub,
  pullRequestPayload,
  pushPayload,
  type FakeRun,
  type FakeWorkflow,
} from '../fake-github/index.js';
import { runStep, workspace, type StepResult } from './runner.js';

export const REPO = { fullName: 'acme/model', defaultBranch: 'main' };

/** One fake per e2e file, reset between tests; schema violations fail the test. */
export function useFake(): FakeGitHub {
  const fake = new FakeGitHub();
  beforeAll(async () => {
    await fake.start();
  });
  beforeEach(() => fake.reset());
  afterEach(() => fake.assertClean());
  afterAll(async () => {
    await fake.stop();
  });
  return fake;
}

/** main: m1 ─ m2 ─ m3; feature branches off m2 with f1. */
export function history(fake: FakeGitHub) {
  const wf = fake.addWorkflow('eval', '.github/workflows/pr-gate.yml');
  const m1 = fake.commitOn('main', 'm1');
  const m2 = fake.commitOn('main', 'm2');
  fake.branchAt('feature', m2);
  const f1 = fake.commitOn('feature', 'f1: new model');
  const m3 = fake.commitOn('main', 'm3');
  return { wf, m1, m2, m3, f1 };
}

/** A push to main at `sha` whose job evaluates `file` (as preds.jsonl) and uploads the result. */
export async function pushStep(
  fake: FakeGitHub,
  wf: FakeWorkflow,
  sha: string,
  file = 'main.jsonl',
  inputs: Record<string, string> = {},
): Promise<{ run: FakeRun; step: StepResult }> {
  const run = fake.addRun({ workflowId: wf.id, headSha: sha, event: 'push', status: 'in_progress' });
  const name = file.endsWith('.json') ? 'metrics.json' : 'preds.jsonl';
  const step = await runStep({
    fake,
    run,
    event: 'push',
    payload: pushPayload(REPO, { ref: 'refs/heads/main', after: sha }),
    ref: 'refs/heads/main',
    sha,
    inputs: { current: name, ...inputs },
    workspace: workspace({ [name]: file }),
  });
  fake.completeRun(run.id, step.status === 0 ? 'success' : 'failure');
  return { run, step };
}

/** Options of a pull request step. */
export interface PrStepOptions {
  number?: number;
  file?: string;
  inputs?: Record<string, string>;
  headRepo?: string;
  token?: string;
  run?: FakeRun;
  attempt?: number;
  /** Extra environment of the step (e.g. shorter timeouts). */
  env?: Record<string, string>;
  /** Kill the step after this long (default: the runner's). */
  timeoutMs?: number;
}

/** A pull_request run of the PR (head `head`, base main) evaluating `file`. */
export async function prStep(
  fake: FakeGitHub,
  wf: FakeWorkflow,
  head: string,
  o: PrStepOptions = {},
): Promise<{ run: FakeRun; step: StepResult }> {
  const number = o.number ?? 7;
  const headRepo = o.headRepo ?? REPO.fullName;
  if (!fake.pulls.some((p) => p.number === number))
    fake.addPull({ number, headSha: head, headRef: 'feature', headRepo });
  const run =
    o.run ??
    fake.addRun({
      workflowId: wf.id,
      headSha: head,
      headBranch: 'feature',
      event: 'pull_request',
      status: 'in_progress',
      headRepo,
    });
  const file = o.file ?? 'pr-regressed.jsonl';
  const name = file.endsWith('.json') ? 'metrics.json' : 'preds.jsonl';
  const merge = fake.addCommit({ parents: [fake.branches.get('main')!, head], message: 'merge' });
  const step = await runStep({
    fake,
    run,
    event: 'pull_request',
    payload: pullRequestPayload(REPO, {
      number,
      headSha: head,
      headRef: 'feature',
      baseRef: 'main',
      baseSha: fake.branches.get('main')!,
      headRepo,
    }),
    ref: `refs/pull/${number}/merge`,
    sha: merge,
    inputs: { current: name, ...o.inputs },
    workspace: workspace({ [name]: file }),
    token: o.token,
    attempt: o.attempt,
    env: o.env,
    timeoutMs: o.timeoutMs,
  });
  fake.completeRun(run.id, step.status === 0 ? 'success' : 'failure');
  return { run, step };
}

/** Markdown as a reader sees it: escapes and the zero-width spaces that stop mentions removed. */
export function plain(md: string): string {
  return md
    .replace(/\u200b/g, '')
    .replace(/\\([\\`*_{}[\]()!~|#<>-])/g, '$1')
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}
