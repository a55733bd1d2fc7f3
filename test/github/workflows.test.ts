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
