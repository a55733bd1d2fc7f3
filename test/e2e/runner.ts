/**
 * Runs the bundled action (`node dist/index.js`) the way a GitHub runner does, against the fake GitHub:
 * `INPUT_*` variables with hyphens kept and action.yml defaults filled in (with `${{ github.token }}`
 * evaluated to the job's token), the GITHUB_* context, an event payload file, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, RUNNER_TEMP, and ACTIONS_RESULTS_URL / ACTIONS_RUNTIME_TOKEN for the
 * artifact service. The child is spawned asynchronously: the fake answers from this process.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { FakeGitHub, FakeRun } from '../fake-github/index.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = join(root, 'test', 'fixtures', 'github', 'data');

/** What a step run left behind. */
export interface StepResult {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::warning::` messages. */
  warnings: string[];
  /** `::error::` messages. */
  errors: string[];
  /** The step's RUNNER_TEMP (what it left on disk). */
  tempDir: string;
}

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

function commands(stdout: string, kind: 'warning' | 'error'): string[] {
  const re = new RegExp(`^::${kind}(?: [^:]*)?::(.*)$`);
  return stdout
    .split('\n')
    .map((l) => re.exec(l)?.[1])
    .filter((x): x is string => x !== undefined)
    .map((s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
}

/** A checked-out workspace holding the given data files (name in the workspace → fixture name). */
export function workspace(files: Record<string, string>): string {
  const ws = mkdtempSync(join(tmpdir(), 'evalgate-ws-'));
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(dirname(join(ws, to)), { recursive: true });
    cpSync(join(DATA, from), join(ws, to));
  }
  return ws;
}

/** One step of a job. */
export interface Step {
  fake: FakeGitHub;
  run: FakeRun;
  event: string;
  payload: Record<string, unknown>;
  ref: string;
  /** GITHUB_SHA (for pull_request the merge commit; any commit of the fake will do). */
  sha: string;
  inputs: Record<string, string>;
  workspace: string;
  /** The job's GITHUB_TOKEN (a fork PR's is read-only); default the fake's full token. */
  token?: string;
  attempt?: number;
  env?: Record<string, string>;
  /** The step is killed (and the test fails) after this long [45 s]. */
  timeoutMs?: number;
}

/** Runs `node dist/index.js` as one step and collects what it left. */
export async function runStep(s: Step): Promise<StepResult> {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const temp = mkdtempSync(join(tmpdir(), 'evalgate-runner-'));
  const outputFile = join(temp, 'output.txt');
  const summaryFile = join(temp, 'summary.md');
  const eventFile = join(temp, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(s.payload));
  const token = s.token ?? s.fake.token;
  const refName = s.ref.replace(/^refs\/(heads|tags)\//, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: `${s.fake.owner}/${s.fake.repo}`,
    GITHUB_REPOSITORY_OWNER: s.fake.owner,
    GITHUB_RUN_ID: String(s.run.id),
    GITHUB_RUN_NUMBER: String(s.run.runNumber),
    GITHUB_RUN_ATTEMPT: String(s.attempt ?? 1),
    GITHUB_EVENT_NAME: s.event,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_SHA: s.sha,
    GITHUB_REF: s.ref,
    GITHUB_REF_NAME: s.event.startsWith('pull_request') ? refName.replace(/^refs\/pull\//, '') : refName,
    GITHUB_REF_TYPE: s.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: s.fake.url,
    GITHUB_GRAPHQL_URL: `${s.fake.url}/graphql`,
    GITHUB_WORKSPACE: s.workspace,
    GITHUB_WORKFLOW: 'eval',
    GITHUB_JOB: 'gate',
    GITHUB_ACTOR: 'dev',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ACTIONS_RESULTS_URL: `${s.fake.url}/`,
    ACTIONS_RUNTIME_TOKEN: s.fake.runtimeToken(s.run.id),
    ...s.env,
  };
  if (s.event.startsWith('pull_request')) {
    const pr = s.payload.pull_request as { head: { ref: string }; base: { ref: string } };
    env.GITHUB_HEAD_REF = pr.head.ref;
    env.GITHUB_BASE_REF = pr.base.ref;
    env.GITHUB_REF_TYPE = 'branch';
  }
  for (const [name, spec] of Object.entries(action.inputs)) {
    let d = spec.default ?? '';
    if (d === '${{ github.token }}') d = token;
    else if (d.includes('${{')) throw new Error(`runner stub cannot evaluate default of ${name}: ${d}`);
    env[`INPUT_${name.toUpperCase()}`] = d;
  }
  for (const [k, v] of Object.entries(s.inputs)) env[`INPUT_${k.toUpperCase()}`] = v;

  const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], {
    cwd: s.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const status = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`action timed out\n${stdout}\n${stderr}`));
    }, s.timeoutMs ?? 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  return {
    status,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    warnings: commands(stdout, 'warning'),
    errors: commands(stdout, 'error'),
    tempDir: temp,
  };
}
