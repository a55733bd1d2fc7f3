/**
 * Vitest global setup: the e2e and bundle tests spawn dist/index.js and dist/cli/index.js, so dist/ must
 * be built from the sources being tested. When the freshness stamp (scripts/dist-stamp.mjs) no longer
 * matches src/ or dist/, this runs `npm run package` once before any test; when it matches, it only
 * hashes the files (well under a second). EVALGATE_SKIP_BUILD=1 skips it (unit tests only).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- plain ESM script without type declarations
import { distIsFresh } from '../scripts/dist-stamp.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

export default function setup(): void {
  // For quick unit-test loops that spawn no bundle; `npm test` and CI never set it.
  if (process.env.EVALGATE_SKIP_BUILD === '1') return;
  if ((distIsFresh as (root: string) => boolean)(root)) return;
  process.stderr.write('evalgate: dist/ is older than src/; rebuilding it (npm run package)\n');
  const r = spawnSync('npm', ['run', 'package'], { cwd: root, encoding: 'utf8', shell: false });
  if (r.status !== 0) {
    throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}
