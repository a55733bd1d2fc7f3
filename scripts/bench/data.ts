/**
 * Synthetic eval files for `npm run bench`, written once into a cache folder (default
 * `$XDG_CACHE_HOME/evalgate-bench` or `~/.cache/evalgate-bench`; `--cache DIR` overrides): k-class
 * JSONL with a probability map per row (the shape of an image or intent classifier's eval), and a
 * "current" copy of each whose model is perturbed (nearby checkpoint: shared example difficulty, own
 * noise). Probabilities have 6 decimals and sum to exactly 1 (integer millionths), so the files pass the
 * probability-sum check. Deterministic: the same sizes give the same bytes.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../../src/stats/rng.js';

/** Default cache folder (outside the repository). */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'evalgate-bench');
}

/** One generated file. */
export interface BenchFile {
  path: string;
  rows: number;
  classes: number;
}

/** Writes (once) the baseline or current file of `rows` rows and `k` classes; returns its path. */
export async function ensureFile(
  dir: string,
  rows: number,
  k: number,
  run: 'baseline' | 'current',
): Promise<BenchFile> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${k === 2 ? 'binary' : `mc${k}`}-${rows}-${run}.jsonl`);
  if (existsSync(path)) return { path, rows, classes: k };
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  const shared = new Rng(1000 + k);
  const own = new Rng(run === 'baseline' ? 2 : 3);
  const names = Array.from({ length: k }, (_, c) => (k === 2 ? String(c) : `class_${c}`));
  const z = new Float64Array(k);
  const units = new Int32Array(k);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const y = Math.min(k - 1, Math.floor(shared.random() * k));
    // Example difficulty is shared by both runs; each run adds its own noise (and the current run a
    // slightly weaker signal, so that compare has something to find).
    const signal = (run === 'baseline' ? 2.0 : 1.95) + 0.8 * shared.normal();
    let max = -Infinity;
    for (let c = 0; c < k; c++) {
      z[c] = (c === y ? signal : 0) + shared.normal() + 0.4 * own.normal();
      if (z[c] > max) max = z[c];
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
    let used = 0;
    let pred = 0;
    for (let c = 0; c < k; c++) {
      units[c] = c === k - 1 ? 1_000_000 - used : Math.round((z[c] / sum) * 1e6);
      if (units[c] < 0) {
        units[c - 1] += units[c];
        units[c] = 0;
      }
      used += units[c];
    }
    for (let c = 1; c < k; c++) if (units[c] > units[pred]) pred = c;
    const id = `ex-${String(i).padStart(8, '0')}`;
    if (k === 2) {
      buf += `{"id":"${id}","label":${y},"prediction":${pred},"probabilities":${(units[1] / 1e6).toFixed(6)}}\n`;
    } else {
      let p = '';
      for (let c = 0; c < k; c++) p += `${c ? ',' : ''}"${names[c]}":${(units[c] / 1e6).toFixed(6)}`;
      buf += `{"id":"${id}","label":"${names[y]}","prediction":"${names[pred]}","probabilities":{${p}}}\n`;
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(tmp, path);
  return { path, rows, classes: k };
}
