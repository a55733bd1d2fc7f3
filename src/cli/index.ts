#!/usr/bin/env node
/** CLI entry: only runs `main` and maps an unexpected crash to exit code 3 with its stack. */
import { EXIT } from '../policy.js';
import { main } from './main.js';

main(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
  { stderrIsTTY: process.stderr.isTTY === true },
).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(
      `evalgate: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = EXIT.internal;
  },
);
