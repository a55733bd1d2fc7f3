/**
 * The verdict again after the report was changed after diagnosis (drift rows added, rows waived): the
 * counts and the verdict must agree with the rows shown, whatever changed them.
 */
import { verdictOf } from '../diagnose/verdict.js';
import type { Report } from '../types.js';

/**
 * Recounts regressions and warnings from the rows and settles the verdict by the same rules as the
 * diagnosis (`verdictOf`): inconclusive rows under `on_inconclusive`, and a changed eval setup under
 * `on_setup_change` (which no waiver of rows lifts). A no-baseline verdict stays unless a row regressed.
 */
export function settleVerdict(report: Report): void {
  const setupChanged = (report.setup_changes?.length ?? 0) > 0;
  const settled = verdictOf(
    report.comparisons,
    report.verdict !== 'no-baseline',
    report.settings.on_inconclusive ?? 'pass',
    setupChanged ? (report.settings.on_setup_change ?? 'warn') : undefined,
  );
  report.regressions = settled.regressions;
  report.warnings = settled.warnings;
  // A fail whose regressions were all waived passes (or warns); other verdicts stay unless a row fails.
  if (settled.regressions > 0 || ['fail', 'warn', 'pass'].includes(report.verdict))
    report.verdict = settled.verdict;
}
