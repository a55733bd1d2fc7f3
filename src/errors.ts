/**
 * Typed errors for expected conditions. A regression is a verdict, not an exception: only bad input,
 * bad usage and a missing baseline are errors. Both entry points map these to exit code 2.
 */

/** Where bad input was found. */
export interface InputLocation {
  file?: string;
  /** 1-based line or row. */
  line?: number;
  /** Field or key path, e.g. `probabilities` or `metrics.accuracy.max_regression`. */
  field?: string;
}

/** Formats a location as `file:line field`, omitting what is unknown. */
export function formatLocation(loc: InputLocation): string {
  let s = loc.file ?? '';
  if (loc.line !== undefined) s += `${s ? ':' : 'line '}${loc.line}`;
  if (loc.field !== undefined) s += `${s ? ' ' : ''}field "${loc.field}"`;
  return s;
}

/**
 * Escapes control characters (C0, DEL, C1) as `\uXXXX`: input errors quote untrusted file content and
 * names, which must not reach a terminal or log as raw control bytes (NULs, escape sequences).
 */
export function escapeControl(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Bad input data or configuration: names file, line and field; exit code 2. */
export class InputError extends Error {
  readonly location: InputLocation;
  /** The message without its location (a reader on another thread rebuilds the error with its line). */
  readonly detail: string;
  constructor(message: string, location: InputLocation = {}) {
    const where = formatLocation(location);
    super(escapeControl(where ? `${where}: ${message}` : message));
    this.name = 'InputError';
    this.location = location;
    this.detail = message;
  }
}

/** Bad command-line or action-input usage; exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** No baseline could be found; callers turn it into the `no-baseline` verdict and its policy. */
export class NoBaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoBaselineError';
  }
}

/** True for errors that mean "the user gave us something wrong" (exit code 2, no stack trace). */
export function isExpectedError(e: unknown): e is InputError | UsageError {
  return e instanceof InputError || e instanceof UsageError;
}
