/**
 * The step's files: the eval files it reads (input `current`) and the work folder it writes its report
 * and result to.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { InputError } from '../errors.js';

/**
 * Expands the `current` input: paths, folders and globs; a pattern that matches nothing is an error.
 * An existing path is taken literally even when its name has glob characters (`run[1].jsonl`).
 */
export function expandCurrent(patterns: string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    if (/[*?[\]{}]/.test(p) && !existsSync(resolve(cwd, p))) {
      const matches = globSync(p, { cwd, onlyFiles: true, absolute: false }).sort();
      if (matches.length === 0) throw new InputError('glob matches no files', { file: p });
      out.push(...matches);
    } else {
      out.push(p);
    }
  }
  return out;
}

/** The step's work folder (created): under RUNNER_TEMP, which the runner empties for each job, else here. */
export function workDir(): string {
  const dir = join(process.env.RUNNER_TEMP || process.cwd(), 'evalgate');
  mkdirSync(dir, { recursive: true });
  return dir;
}
