/**
 * Runs the bundled action with a local baseline, as a runner would but without GitHub: INPUT_* env
 * (hyphens kept), action.yml defaults, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. The e2e runner
 * (test/e2e/runner.ts) adds the GitHub context and the fake API.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseOutputs, root } from '../e2e/runner.js';

export { root };

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  temp: string;
}

/** Spawns `node dist/index.js` with the given inputs (defaults from action.yml filled in). */
export function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  cwd = root,
): ActionRun {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const temp = mkdtempSync(join(tmpdir(), 'evalgate-runner-'));
  const outputFile = join(temp, 'output.txt');
  const summaryFile = join(temp, 'summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const e: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    GITHUB_WORKSPACE: cwd,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
  };
  for (const [name, spec] of Object.entries(action.inputs)) {
    let d = spec.default ?? '';
    if (d.includes('${{')) d = '';
    e[`INPUT_${name.toUpperCase()}`] = d;
  }
  for (const [k, v] of Object.entries(inputs)) e[`INPUT_${k.toUpperCase()}`] = v;
  Object.assign(e, env);
  const r = spawnSync(process.execPath, [join(root, 'dist/index.js')], {
    cwd,
    env: e,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    temp,
  };
}
