/**
 * The catalogue (cases.ts) through the bundled CLI, `node dist/cli/index.js`, as a user runs it: every
 * case gets its own folder with its files, and its exit code and messages are checked, plus what holds
 * for every case — no crash (exit 3), no stack trace, no raw control character in a message, and an
 * input error (exit 2) that says "evalgate:" and names the file it is about.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_NEVER, CASES, type Case } from './cases.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(root, 'dist', 'cli', 'index.js');
/** A case that takes longer than this hangs (the slowest real case takes a few seconds). */
const CASE_TIMEOUT_MS = 60_000;

interface Outcome {
  code: number | null;
  out: string;
  err: string;
  timedOut: boolean;
}

const work = mkdtempSync(join(tmpdir(), 'evalgate-catalogue-'));
const outcomes = new Map<string, Outcome>();

function run(c: Case): Promise<Outcome> {
  const dir = join(work, c.id);
  for (const [name, content] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  mkdirSync(dir, { recursive: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...c.args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, CASE_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err, timedOut });
    });
  });
}

beforeAll(async () => {
  // Two at a time: the machine running the suite is small and shared.
  const queue = [...CASES];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) outcomes.set(c.id, await run(c));
  };
  await Promise.all([worker(), worker()]);
}, 20 * 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const matches = (text: string, f: string | RegExp) =>
  typeof f === 'string' ? text.includes(f) : f.test(text);

/** The file an input error must name: the first case file that the arguments mention. */
function namedFile(c: Case): string | undefined {
  if (c.names !== undefined) return c.names ?? undefined;
  return Object.keys(c.files).find((f) => c.args.includes(f));
}

describe('catalogue of malformed and unusual inputs (bundled CLI)', () => {
  it('has at least 60 cases with unique ids', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  const check = (c: Case) => {
    const o = outcomes.get(c.id)!;
    const show = `${c.what}\nexit ${o.code}\n--- stdout\n${o.out.slice(0, 3000)}\n--- stderr\n${o.err.slice(0, 3000)}`;
    expect(o.timedOut, show).toBe(false);
    expect(o.code, show).toBe(c.exit);
    for (const f of c.out ?? []) expect(matches(o.out, f), `stdout lacks ${String(f)}\n${show}`).toBe(true);
    for (const f of c.err ?? []) expect(matches(o.err, f), `stderr lacks ${String(f)}\n${show}`).toBe(true);
    for (const f of [...(c.never ?? []), ...ALWAYS_NEVER]) {
      expect(matches(o.out + o.err, f), `output contains ${String(f)}\n${show}`).toBe(false);
    }
    // Messages never carry raw control characters (a terminal would act on them).
    // eslint-disable-next-line no-control-regex
    expect(/[\u0000-\u0008\u000b-\u001f\u007f]/.test(o.err), `control character in stderr\n${show}`).toBe(
      false,
    );
    if (c.exit === 2) {
      expect(o.err, show).toMatch(/^evalgate: /);
      expect(o.out, show).toBe('');
      const file = namedFile(c);
      if (file) expect(o.err, `the message does not name ${file}\n${show}`).toContain(file);
    }
  };
  for (const c of CASES) {
    if (c.pending) it.fails(`${c.id} (pending: ${c.pending})`, () => check(c));
    else it(c.id, () => check(c));
  }
});
