/** Runs the bundled action as a runner would: INPUT_* env (hyphens kept), action.yml defaults, files. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

export const root = new URL('../../', import.meta.url).pathname;

/** Parses a GITHUB_OUTPUT file (`name<<delimiter` heredocs and `name=value` lines). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
      out[m[1]] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const k = lines[i].slice(0, lines[i].indexOf('='));
      out[k] = lines[i].slice(k.length + 1);
    }
  }
  return out;
}

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  temp: string;
}

/** Spawns `node dist/index.js` with the given inputs (defaults from action.yml filled in). */
export function runAction(inputs: Record<string, string>, env: Record<string, string> = {}, cwd = root): ActionRun {
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
  const r = spawnSync(process.execPath, [join(root, 'dist/index.js')], { cwd, env: e, encoding: 'utf8', timeout: 60_000 });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    temp,
  };
}
