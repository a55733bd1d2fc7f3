/**
 * The verdict again after the report was changed after diagnosis (drift rows added, rows waived): the
 * counts and the verdict must agree with the rows shown, whatever changed them.
 */
import type { Report } from '../types.js';

/** Recounts regressions and warnings from the rows and settles the verdict accordingly. */
export function settleVerdict(report: Report): void {
  const rows = report.comparisons;
  const regressions = rows.filter(
    (c) => c.status === 'regressed' || (c.status === 'drifted' && c.severity === 'fail'),
  ).length;
  const warnings = rows.filter(
    (c) => c.status === 'warn' || (c.status === 'drifted' && c.severity === 'warn'),
  ).length;
  report.regressions = regressions;
  report.warnings = warnings;
  if (regressions > 0) report.verdict = 'fail';
  else if (report.verdict === 'fail' || report.verdict === 'warn' || report.verdict === 'pass')
    // A fail whose regressions were all waived passes (or warns); other verdicts (no-baseline) stay.
    report.verdict = warnings > 0 ? 'warn' : 'pass';
}
