// ncc writes dist/package.json with "type": "module" for the action bundle only; the CLI bundle in
// dist/cli needs the same marker, and its entry must be executable for `npx evalgate`.
import { writeFileSync, readFileSync, chmodSync } from 'node:fs';
import { writeStamp } from './dist-stamp.mjs';

writeFileSync('dist/cli/package.json', JSON.stringify({ type: 'module' }) + '\n');
const entry = 'dist/cli/index.js';
let src = readFileSync(entry, 'utf8');
if (!src.startsWith('#!')) src = '#!/usr/bin/env node\n' + src;
writeFileSync(entry, src);
chmodSync(entry, 0o755);

// Last: record what this build was made from, so that the test suite knows dist/ is fresh.
writeStamp(process.cwd());
