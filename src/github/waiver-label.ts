/**
 * The waiver label on a pull request, and who added it: the PR's labels now (not the event payload's,
 * which a re-run repeats), and the newest `labeled` event for that label from the issue events API —
 * the paper trail the report shows.
 */
import * as core from '@actions/core';
import type { LabelWaiver } from '../history/waivers.js';
import { apiMessage, httpStatus, isRateLimit, type GitHubClient } from './octokit.js';

/** Label names in the event payload's pull request (the fallback when the API cannot be read). */
export function payloadLabels(payload: Record<string, unknown>): string[] {
  const pr = payload.pull_request as { labels?: unknown } | undefined;
  return Array.isArray(pr?.labels)
    ? pr.labels.map((l) => (l as { name?: unknown })?.name).filter((n): n is string => typeof n === 'string')
    : [];
}

/** The waiver label if the PR carries it, with who added it and when; undefined when it does not. */
export async function findWaiverLabel(o: {
  client: GitHubClient;
  owner: string;
  repo: string;
  prNumber: number;
  label: string;
  payload: Record<string, unknown>;
}): Promise<LabelWaiver | undefined> {
  const repo = { owner: o.owner, repo: o.repo, issue_number: o.prNumber };
  const denied = (e: unknown) => {
    const s = httpStatus(e);
    return (s === 403 && !isRateLimit(e)) || s === 404 || s === 410;
  };
  let labels: string[];
  try {
    const data = await o.client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', {
      ...repo,
      per_page: 100,
    });
    labels = data.map((l) => l.name);
  } catch (e) {
    if (!denied(e)) throw e;
    core.warning(
      `evalgate could not read the labels of #${o.prNumber} (${apiMessage(e)}); using the event's labels. The token needs \`issues: read\` (or \`pull-requests: read\`).`,
    );
    labels = payloadLabels(o.payload);
  }
  if (!labels.includes(o.label)) return undefined;
  try {
    const events = await o.client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {
      ...repo,
      per_page: 100,
    });
    let last: { actor?: string; at?: string } | undefined;
    for (const ev of events as unknown as {
      event: string;
      label?: { name?: string };
      actor?: { login?: string } | null;
      created_at: string;
    }[]) {
      if (ev.event === 'labeled' && ev.label?.name === o.label)
        last = { actor: ev.actor?.login, at: ev.created_at };
    }
    return {
      label: o.label,
      ...(last?.actor ? { actor: last.actor } : {}),
      ...(last?.at ? { at: last.at } : {}),
    };
  } catch (e) {
    if (!denied(e)) throw e;
    core.warning(
      `evalgate could not read the events of #${o.prNumber} to see who added "${o.label}" (${apiMessage(e)}); the waiver applies without that line of its paper trail.`,
    );
    return { label: o.label };
  }
}
