/**
 * What the step shows of a report: its outputs, the job summary, and the step's status with its
 * message. Kept together so that the step and the check run (same `stepConclusion`) cannot disagree.
 */
import * as core from '@actions/core';
import { conclusionFor, type Conclusion, type MissingPolicy } from '../policy.js';
import { renderMarkdown } from '../render/markdown.js';
import type { Report } from '../types.js';
import type { ActionInputs } from './inputs.js';

/** GitHub's limit on one step's job summary: 1 MiB, counted in bytes. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

/**
 * The job summary: the report within the summary's byte limit. Tables list at most 1,000 rows; the
 * text says so and points at the JSON report (step output `report-path`), the only copy of every row.
 */
export function renderSummary(report: Report, title: string): string {
  return renderMarkdown(report, {
    maxBytes: SUMMARY_MAX_BYTES,
    title,
    jsonReport: 'the file named by the step output `report-path`',
  });
}

/** What the step's status will be for this verdict (the check run shows the same). */
export function stepConclusion(
  report: Report,
  inputs: Pick<ActionInputs, 'failOn'>,
  missingPolicy: MissingPolicy,
): Conclusion {
  return conclusionFor(report.verdict, inputs.failOn, missingPolicy);
}

/** The verdict's outputs; set as soon as the report exists, so that nothing later can lose them. */
export function setReportOutputs(report: Report, reportPath: string): void {
  core.setOutput('verdict', report.verdict);
  core.setOutput('regressions', String(report.regressions));
  if (report.baseline.run_id !== undefined) core.setOutput('baseline-run-id', String(report.baseline.run_id));
  core.setOutput('report-path', reportPath);
}

/** Applies the verdict to the step: per `fail-on` / `on-missing-baseline`, failure. */
export function conclude(report: Report, inputs: ActionInputs, missingPolicy: MissingPolicy): void {
  const failed = report.comparisons
    .filter((c) => c.status === 'regressed' || (c.status === 'drifted' && c.severity === 'fail'))
    .map((c) => (c.slice ? `${c.metric} [${c.slice.field}=${c.slice.value}]` : c.metric));
  if (report.verdict === 'no-baseline') {
    const msg = `No baseline: ${report.baseline.reason}`;
    if (missingPolicy === 'fail') core.setFailed(msg);
    else if (missingPolicy === 'warn') core.warning(msg);
    else core.info(msg);
    return;
  }
  if (report.verdict === 'fail' && inputs.failOn !== 'never') {
    core.setFailed(
      `evalgate: ${report.regressions} regression${report.regressions === 1 ? '' : 's'}: ${failed.slice(0, 10).join(', ')}`,
    );
  } else if (report.verdict === 'warn') {
    const msg = `evalgate: ${report.warnings} warning${report.warnings === 1 ? '' : 's'}`;
    if (inputs.failOn === 'warn') core.setFailed(msg);
    else core.warning(msg);
  } else {
    core.info(`evalgate: verdict ${report.verdict}`);
  }
}
