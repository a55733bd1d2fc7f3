/** JSON rendering of reports and results (stable key order, trailing newline). */
import type { EvalResult, Report } from '../types.js';

/** The machine-readable report (the `Report` type; docs/design.md, "Data flow"). */
export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Serialises an EvalResult (the artifact later runs use as baseline). */
export function serializeResult(result: EvalResult): string {
  return JSON.stringify(result) + '\n';
}
