// The bundle's freshness stamp: a hash of what `npm run package` reads (src/, package.json, the lockfile,
// tsconfig.json, this script and post-build.mjs) together with a hash of what it wrote (the two entry
// bundles). `npm run package` records it (post-build.mjs); the test suite's global setup
// (test/global-setup.ts) rebuilds when either side no longer matches, so tests never run a stale dist/.
// The stamp lives outside the repository (dist/ must stay exactly what ncc writes, and .ci/run checks it).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const INPUTS = [
  'src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/post-build.mjs',
  'scripts/dist-stamp.mjs',
];
const OUTPUTS = ['dist/index.js', 'dist/cli/index.js'];

function filesUnder(root, p) {
  const abs = join(root, p);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [p];
  return readdirSync(abs)
    .sort()
    .flatMap((f) => filesUnder(root, join(p, f)));
}

function hashFiles(root, paths) {
  const h = createHash('sha256');
  for (const p of paths.flatMap((x) => filesUnder(root, x))) {
    h.update(relative(root, join(root, p)).split('\\').join('/') + '\0');
    h.update(readFileSync(join(root, p)));
    h.update('\0');
  }
  return h.digest('hex');
}

/** Where the stamp of the checkout at `root` is kept (one per checkout: worktrees share node_modules). */
export function stampPath(root) {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(tmpdir(), 'evalgate-dist-stamps', `${key}.json`);
}

/** The stamp of the checkout as it is now. */
export function currentStamp(root) {
  return { inputs: hashFiles(root, INPUTS), outputs: hashFiles(root, OUTPUTS) };
}

/** Records the current stamp (after a build). */
export function writeStamp(root) {
  const p = stampPath(root);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, JSON.stringify(currentStamp(root)) + '\n');
}

/** True when dist/ was built by `npm run package` from the sources as they are now. */
export function distIsFresh(root) {
  if (!OUTPUTS.every((p) => existsSync(join(root, p)))) return false;
  let saved;
  try {
    saved = JSON.parse(readFileSync(stampPath(root), 'utf8'));
  } catch {
    return false;
  }
  const now = currentStamp(root);
  return saved.inputs === now.inputs && saved.outputs === now.outputs;
}
