// ncc writes dist/package.json with "type": "module" for the action bundle only; the CLI bundle in
// dist/cli needs the same marker, and its entry must be executable for `npx evalgate`.
import { writeFileSync, readFileSync, chmodSync, readdirSync, copyFileSync, rmSync } from 'node:fs';
import { writeStamp } from './dist-stamp.mjs';

writeFileSync('dist/cli/package.json', JSON.stringify({ type: 'module' }) + '\n');
const entry = 'dist/cli/index.js';
let src = readFileSync(entry, 'utf8');
if (!src.startsWith('#!')) src = '#!/usr/bin/env node\n' + src;
writeFileSync(entry, src);
chmodSync(entry, 0o755);

// The helper thread's script (src/parallel/worker.ts) beside each bundle's chunks, where
// src/parallel/helper.ts looks for it. It must be one file: a chunk it loaded would not be beside it.
const built = readdirSync('dist/worker-build').filter((f) => f.endsWith('.js'));
if (built.join() !== 'index.js') throw new Error(`worker bundle is not one file: ${built.join(', ')}`);
for (const dir of ['dist', 'dist/cli']) copyFileSync('dist/worker-build/index.js', `${dir}/worker.js`);
rmSync('dist/worker-build', { recursive: true, force: true });

// Last: record what this build was made from, so that the test suite knows dist/ is fresh.
writeStamp(process.cwd());
