/**
 * The tracking issue of a failing scheduled (or manually dispatched) gate: a red nightly run is easy
 * to miss, an open issue is not. On `fail`, one issue per gate (found by a hidden marker in its body,
 * among open issues with the label) is opened, or the open one gets a comment naming the new run; on a
 * later `pass` or `warn`, the issue gets a comment and is closed. A token without `issues: write` gets a
 * warning naming it, and nothing else changes.
 */
import * as core from '@actions/core';
import type { Report } from '../types.js';
import { escapeCode, escapeMarkdown } from '../render/escape.js';
import { apiMessage, httpStatus, isRateLimit, type GitHubClient } from './octokit.js';

/** The hidden first line that identifies a gate's tracking issue. */
export function trackingMarker(gateId: string): string {
  return `<!-- evalgate:tracking=${encodeURIComponent(gateId).replace(/-/g, '%2D')} -->`;
}

/** Events whose failures open a tracking issue. */
export const TRACKED_EVENTS = ['schedule', 'workflow_dispatch'];

/** What the tracking issue step did. */
export interface TrackingResult {
  action: 'opened' | 'commented' | 'closed' | 'none' | 'denied';
  number?: number;
  url?: string;
}

/** Options of the tracking issue step. */
export interface TrackingOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  gateId: string;
  label: string;
  report: Report;
  /** Link to this run. */
  runUrl: string;
  runNumber?: number;
  /** Branch the scheduled run evaluated. */
  branch?: string;
}

function regressedList(report: Report): string {
  const bad = report.comparisons.filter(
    (c) => c.status === 'regressed' || (c.status === 'drifted' && c.severity === 'fail'),
  );
  const lines = bad
    .slice(0, 20)
    .map(
      (c) =>
        `- **${escapeMarkdown(c.metric, 120)}**${c.slice ? ` [${escapeMarkdown(c.slice.field, 60)}=${escapeMarkdown(c.slice.value, 60)}]` : ''}: ${escapeMarkdown(c.reason, 300)}`,
    );
  if (bad.length > 20) lines.push(`- …and ${bad.length - 20} more`);
  return lines.join('\n');
}

/** Opens, updates or closes the gate's tracking issue for this run's verdict. */
export async function updateTrackingIssue(o: TrackingOptions): Promise<TrackingResult> {
  const verdict = o.report.verdict;
  if (verdict !== 'fail' && verdict !== 'pass' && verdict !== 'warn') return { action: 'none' };
  const repo = { owner: o.owner, repo: o.repo };
  const run = o.runNumber !== undefined ? `run #${o.runNumber}` : 'this run';
  const runLink = /^https:\/\//.test(o.runUrl) ? `[${run}](${encodeURI(o.runUrl)})` : run;
  try {
    const marker = trackingMarker(o.gateId);
    const open = await o.client.paginate('GET /repos/{owner}/{repo}/issues', {
      ...repo,
      state: 'open',
      labels: o.label,
      per_page: 100,
    });
    // The oldest marked issue is the one; pull requests are listed as issues too and never count.
    const issue = open
      .filter((i) => !i.pull_request && typeof i.body === 'string' && i.body.startsWith(marker))
      .sort((a, b) => a.number - b.number)[0];
    if (verdict === 'fail') {
      const body = `evalgate \`${escapeCode(o.gateId, 100)}\` failed again in ${runLink}${o.branch ? ` on \`${escapeCode(o.branch, 100)}\`` : ''}:\n\n${regressedList(o.report)}\n`;
      if (issue) {
        await o.client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...repo,
          issue_number: issue.number,
          body,
        });
        core.info(`Commented on the open tracking issue #${issue.number}: ${issue.html_url}`);
        return { action: 'commented', number: issue.number, url: issue.html_url };
      }
      const { data } = await o.client.request('POST /repos/{owner}/{repo}/issues', {
        ...repo,
        title: `evalgate: ${o.gateId} is failing${o.branch ? ` on ${o.branch}` : ''}`.slice(0, 256),
        body:
          `${marker}\n` +
          `The scheduled evalgate gate \`${escapeCode(o.gateId, 100)}\` failed in ${runLink}${o.branch ? ` on \`${escapeCode(o.branch, 100)}\`` : ''}:\n\n` +
          `${regressedList(o.report)}\n\n` +
          'evalgate comments here when a later run fails too, and closes this issue when one passes. ' +
          'The full report is in the run’s job summary.\n',
        labels: [o.label],
      });
      core.info(`Opened tracking issue #${data.number}: ${data.html_url}`);
      return { action: 'opened', number: data.number, url: data.html_url };
    }
    if (!issue) return { action: 'none' };
    await o.client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...repo,
      issue_number: issue.number,
      body: `evalgate \`${escapeCode(o.gateId, 100)}\` passes again in ${runLink} (verdict ${verdict}); closing.\n`,
    });
    await o.client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'completed',
    });
    core.info(`Closed tracking issue #${issue.number}: ${issue.html_url}`);
    return { action: 'closed', number: issue.number, url: issue.html_url };
  } catch (e) {
    const status = httpStatus(e);
    // 403: the token lacks `issues: write`; 410: issues are switched off for the repository.
    if ((status === 403 && !isRateLimit(e)) || status === 410) {
      core.warning(
        `evalgate could not update the tracking issue: ${status === 410 ? 'issues are disabled in this repository' : 'the token lacks `issues: write`'} (${apiMessage(e)}). Add \`issues: write\` to the job's permissions, or set tracking_issue.enabled: false.`,
      );
      return { action: 'denied' };
    }
    throw e;
  }
}
