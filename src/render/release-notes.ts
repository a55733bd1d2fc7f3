/**
 * The `release-notes` output: a compact markdown table of the gated metrics against the previous
 * release, to paste into (or append to) a release body. Metric names come from eval files and are
 * escaped like everywhere else.
 */
import type { Comparison, Report } from '../types.js';
import { escapeCode, escapeMarkdown } from './escape.js';
import { fmtDelta, fmtPct, fmtValue } from './format.js';

const MARK: Partial<Record<Comparison['status'], string>> = {
  regressed: '🔴',
  warn: '🟠',
  drifted: '📉',
  improved: '🟢',
  waived: '💤',
};

/** The table; the previous release's name in the header (or "baseline" when there is none). */
export function renderReleaseNotes(report: Report, previous: string | undefined): string {
  const rows = report.comparisons.filter((c) => !c.slice && c.gated);
  const prevName = previous ? `\`${escapeCode(previous, 60)}\`` : 'baseline';
  const lines = [
    `**Evaluation** (evalgate, ${report.verdict}) vs ${prevName}`,
    '',
    `| Metric | ${prevName} | This release | Δ | Δ% |`,
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const c of rows) {
    const mark = MARK[c.status] ? ` ${MARK[c.status]}` : '';
    lines.push(
      `| ${escapeMarkdown(c.metric, 80)}${mark} | ${fmtValue(c.baseline)} | ${fmtValue(c.current)} | ${fmtDelta(c.delta)} | ${fmtPct(c.delta_pct)} |`,
    );
  }
  if (rows.length === 0) lines.push('| _no gated metrics_ | | | | |');
  return lines.join('\n') + '\n';
}
