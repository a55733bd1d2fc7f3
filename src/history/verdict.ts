/**
 * The verdict again after the report was changed after diagnosis (drift rows added, rows waived): the
 * counts and the verdict must agree with the rows shown, whatever changed them.
 */
import type { Report } from '../types.js';

/**
 * Recounts regressions and warnings from the rows and settles the verdict accordingly, with what the
 * report's settings add to them: inconclusive rows under `on_inconclusive`, and a changed eval setup under
 * `on_setup_change` (which no waiver of rows lifts).
 */
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
  const inconclusive = rows.filter((c) => c.status === 'inconclusive').length > 0;
  const onInconclusive = report.settings.on_inconclusive ?? 'pass';
  const setupChanged = (report.setup_changes?.length ?? 0) > 0;
  const onSetupChange = report.settings.on_setup_change ?? 'warn';
  if (regressions > 0) report.verdict = 'fail';
  else if (report.verdict === 'fail' || report.verdict === 'warn' || report.verdict === 'pass')
    // A fail whose regressions were all waived passes (or warns); other verdicts (no-baseline) stay.
    report.verdict =
      (inconclusive && onInconclusive === 'fail') || (setupChanged && onSetupChange === 'fail')
        ? 'fail'
        : warnings > 0 ||
            (inconclusive && onInconclusive === 'warn') ||
            (setupChanged && onSetupChange === 'warn')
          ? 'warn'
          : 'pass';
}
