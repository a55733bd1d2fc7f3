/** The example workflows: valid YAML, least-privilege permissions, pinned actions, real inputs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'examples', 'workflows');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));

describe.each(files)('examples/workflows/%s', (file) => {
  const text = readFileSync(join(dir, file), 'utf8');
  const wf = parse(text) as Workflow;

  test('grants nothing at the top and only read/write scopes evalgate needs per job', () => {
    expect(wf.permissions).toEqual({});
    const allowed: Record<string, string[]> = {
      contents: ['read'],
      actions: ['read'],
      'pull-requests': ['write'],
      checks: ['write'],
      issues: ['read', 'write'],
    };
    for (const job of Object.values(wf.jobs)) {
      expect(job.permissions).toBeDefined();
      for (const [scope, level] of Object.entries(job.permissions!)) expect(allowed[scope]).toContain(level);
    }
  });

  test('third-party actions are pinned to a full commit SHA with the version in a comment', () => {
    for (const line of text.split('\n').filter((l) => /^\s*-?\s*uses:/.test(l))) {
      if (line.includes('your-org/evalgate@v1')) continue;
      expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  test('evalgate steps use only inputs that action.yml declares', () => {
    const steps = Object.values(wf.jobs)
      .flatMap((j) => j.steps)
      .filter((s) => s.uses?.startsWith('your-org/evalgate'));
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps)
      for (const k of Object.keys(s.with ?? {})) expect(Object.keys(action.inputs)).toContain(k);
  });
});

test('the publish workflow never checks out code and only runs for fork pull requests', () => {
  const text = readFileSync(join(dir, 'fork-publish.yml'), 'utf8');
  expect(text).not.toMatch(/actions\/checkout/);
  const wf = parse(text) as Workflow & {
    on: { workflow_run: { workflows: string[] } };
    jobs: Record<string, Job & { if: string }>;
  };
  const gateName = (parse(readFileSync(join(dir, 'pr-gate.yml'), 'utf8')) as { name: string }).name;
  expect(wf.on.workflow_run.workflows).toEqual([gateName]);
  expect(wf.jobs.publish.if).toContain('head_repository.full_name != github.repository');
  expect(wf.jobs.publish.permissions).not.toHaveProperty('contents');
});

test('the release gate also runs on pushes to main: its default-branch fallback needs runs there', () => {
  const wf = parse(readFileSync(join(dir, 'release-gate.yml'), 'utf8')) as {
    on: { release?: unknown; push?: { branches?: string[] } };
    jobs: Record<string, Job>;
  };
  expect(wf.on.release).toBeDefined();
  // The fallback takes push-like runs of this same workflow on the default branch; without push runs
  // there are none, ever.
  expect(wf.on.push?.branches).toContain('main');
  const gate = Object.values(wf.jobs)
    .flatMap((j) => j.steps)
    .find((s) => s.uses?.startsWith('your-org/evalgate'))!;
  // Pushes have no PR to comment on; their result must be uploaded for the runs after them.
  expect(gate.with?.comment).toBe('never');
  expect(gate.with?.upload ?? true).not.toBe(false);
});

test('the PR gate never puts two push runs in one concurrency group', () => {
  const wf = parse(readFileSync(join(dir, 'pr-gate.yml'), 'utf8')) as {
    on: Record<string, unknown>;
    concurrency: { group: string; 'cancel-in-progress': string | boolean };
  };
  expect(wf.on.push).toBeDefined();
  // GitHub keeps one pending run per group and cancels the rest even with cancel-in-progress false: a
  // group keyed by the branch (github.ref) drops queued pushes to main, whose artifacts are baselines.
  const m = /^eval-\$\{\{ github\.event\.pull_request\.number \|\| (github\.\w+) \}\}$/.exec(
    wf.concurrency.group,
  );
  expect(m?.[1]).toMatch(/^github\.(sha|run_id)$/);
  expect(String(wf.concurrency['cancel-in-progress'])).toContain("github.event_name == 'pull_request'");
});

test('the nightly asks for issues: write (tracking issue) and the PR gate re-runs when labelled (waivers)', () => {
  const nightly = parse(readFileSync(join(dir, 'nightly.yml'), 'utf8')) as Workflow;
  expect(nightly.jobs.gate.permissions).toMatchObject({ issues: 'write', actions: 'read' });
  const pr = parse(readFileSync(join(dir, 'pr-gate.yml'), 'utf8')) as {
    on: { pull_request: { types: string[] } };
    jobs: Record<string, Job>;
  };
  expect(pr.on.pull_request.types).toEqual(expect.arrayContaining(['labeled', 'unlabeled', 'synchronize']));
  expect(pr.jobs.eval.permissions).toMatchObject({ issues: 'read' });
});
