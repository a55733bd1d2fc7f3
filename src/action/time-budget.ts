/**
 * The step's time budget for GitHub (src/github/timeouts.ts) from the action's input and, for tests,
 * the environment: `EVALGATE_REQUEST_TIMEOUT_MS` and `EVALGATE_RETRY_BASE_MS` shorten the per-request
 * timeout (30 s) and the waits between retries (1 s, 4 s, 9 s) so that fault scenarios run in seconds
 * (docs/workflows.md, "Time limits").
 */
import { UsageError } from '../errors.js';
import { TimeBudget } from '../github/timeouts.js';

function envMs(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v) || Number(v) <= 0)
    throw new UsageError(`${name} must be a positive integer (milliseconds); got "${v}"`);
  return Number(v);
}

/** A budget of `minutes` (input `github-timeout-minutes`) starting now. */
export function stepBudget(minutes: number): TimeBudget {
  return new TimeBudget({
    totalMs: minutes * 60_000,
    requestMs: envMs('EVALGATE_REQUEST_TIMEOUT_MS'),
    retryBaseMs: envMs('EVALGATE_RETRY_BASE_MS'),
  });
}
