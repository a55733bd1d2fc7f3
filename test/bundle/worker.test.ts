/**
 * The bundled helper thread (dist/worker.js and dist/cli/worker.js, scripts/post-build.mjs): it loads
 * beside each bundle and does its jobs, and the bundled CLI's output on a file large enough for both
 * parallel paths is the one-thread output, byte for byte.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { root } from './run-action.js';
import { parallelRead } from '../../src/readers/columnar/jsonl-stream.js';
import { ovrParallel } from '../../src/stats/ovr-parallel.js';

const dir = mkdtempSync(join(tmpdir(), 'evalgate-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs one OvR job on a bundled worker; resolves with its done flag. */
async function ovrJob(script: string): Promise<number> {
  const w = new Worker(join(root, script));
  try {
    const n = 8;
    const k = 2;
    const block = new Float64Array(new SharedArrayBuffer(8 * n * k));
    const label = new Int32Array(new SharedArrayBuffer(4 * n));
    for (let i = 0; i < n; i++) {
      label[i] = i % 2;
      block[i * k + 1] = (i % 2) * 0.5 + i / 100;
      block[i * k] = 1 - block[i * k + 1];
    }
    const done = new Int32Array(new SharedArrayBuffer(4));
    const results = new Float64Array(new SharedArrayBuffer(24));
    const psi = new Float64Array(new SharedArrayBuffer(8 * n));
    w.postMessage({ type: 'ovr', id: 0, block, label, n, k, classes: [1], weights: [1], psi, results, done });
    const until = Date.now() + 20_000;
    while (Atomics.load(done, 0) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    expect(results[0]).toBe(1); // class 1 scores separate the classes perfectly
    expect(results[1]).toBe(4);
    return Atomics.load(done, 0);
  } finally {
    await w.terminate();
  }
}

describe('bundled helper thread', () => {
  it('loads beside the action bundle and the CLI bundle and runs a DeLong job', async () => {
    expect(await ovrJob('dist/worker.js')).toBe(1);
    expect(await ovrJob('dist/cli/worker.js')).toBe(1);
  });

  it('the CLI on a 75 MB file (both parallel paths) prints what it prints on one thread', async () => {
    const file = join(dir, 'big.jsonl');
    const out = createWriteStream(file);
    const rows = 450_000;
    let buf = '';
    for (let i = 0; i < rows; i++) {
      const y = i % 10;
      const p = Array.from({ length: 10 }, (_, c) => (c === y ? 0.55 : 0.05));
      const probs = p.map((v, c) => `"c${c}":${v.toFixed(2)}`).join(',');
      const pred = i % 3 === 0 ? (y + 1) % 10 : y;
      buf += `{"id":"ex-${i}","label":"c${y}","prediction":"c${pred}","probabilities":{${probs}}}\n`;
      if (buf.length > 1 << 20) {
        out.write(buf);
        buf = '';
      }
    }
    out.end(buf);
    await new Promise<void>((r) => out.on('finish', () => r()));
    // Large enough for both paths at their production thresholds.
    expect(statSync(file).size).toBeGreaterThan(parallelRead.minBytes);
    expect(rows).toBeGreaterThan(ovrParallel.minRows);
    const run = (threads: string) =>
      spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), 'metrics', file, '--format', 'json'], {
        encoding: 'utf8',
        env: { ...process.env, EVALGATE_THREADS: threads },
        maxBuffer: 1 << 26,
        timeout: 120_000,
      });
    const two = run('2');
    const one = run('1');
    expect(two.status).toBe(0);
    expect(one.status).toBe(0);
    expect(JSON.parse(two.stdout).n).toBe(rows);
    expect(two.stdout).toBe(one.stdout);
  }, 180_000);
});
