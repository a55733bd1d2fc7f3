/**
 * Progress of long reads and computations, reported at most once a second (and not at all for short
 * runs): the CLI writes it to stderr when stderr is a terminal, the action to its log. Never stdout, so
 * `--format json` output stays clean.
 */

/** One progress observation. */
export interface ProgressUpdate {
  stage: string;
  bytes?: number;
  totalBytes?: number;
  rows?: number;
}

/** Receives progress; implementations throttle. */
export interface ProgressSink {
  update(p: ProgressUpdate): void;
}

/** Does nothing (tests, library use). */
export const NO_PROGRESS: ProgressSink = { update() {} };

function mib(bytes: number): string {
  return `${(bytes / (1 << 20)).toFixed(0)} MiB`;
}

/** Human line for an update, e.g. `reading eval.jsonl: 120 of 230 MiB (52%), 512,000 rows`. */
export function formatProgress(p: ProgressUpdate): string {
  let s = p.stage;
  const parts: string[] = [];
  if (p.bytes !== undefined) {
    parts.push(
      p.totalBytes
        ? `${mib(p.bytes)} of ${mib(p.totalBytes)} (${Math.floor((100 * p.bytes) / p.totalBytes)}%)`
        : mib(p.bytes),
    );
  }
  if (p.rows !== undefined) parts.push(`${p.rows.toLocaleString('en-US')} rows`);
  if (parts.length) s += `: ${parts.join(', ')}`;
  return s;
}

/**
 * A sink that writes `formatProgress` lines through `write`, the first one second after creation and
 * then at most once a second. `now` is injectable for tests.
 */
export function throttledProgress(
  write: (line: string) => void,
  intervalMs = 1000,
  now: () => number = () => Date.now(),
): ProgressSink {
  let next = now() + intervalMs;
  return {
    update(p) {
      const t = now();
      if (t < next) return;
      next = t + intervalMs;
      write(formatProgress(p));
    },
  };
}
