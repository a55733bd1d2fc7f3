/**
 * `mode: publish`, the base repository's half of the fork flow: finds the triggering run's report
 * artifact, validates it (./parse.ts), checks which PR it belongs to and that the PR's head has not
 * moved, and posts comment and check.
 */
import * as core from '@actions/core';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, UsageError } from '../../errors.js';
import type { Report } from '../../types.js';
import type { ArtifactStore } from '../artifacts.js';
import { runUrl, short, type RunnerContext, type TriggeringRunInfo } from '../context.js';
import { apiMessage, httpStatus, type GitHubClient } from '../octokit.js';
import { conclusionFor } from '../../policy.js';
import { type PublishRequest, type PublishResult, type Publisher } from '../publisher.js';
import { MAX_META_BYTES, MAX_REPORT_BYTES, REPORT_FILES, reportArtifactName } from './format.js';
import { parseMeta, parseUntrustedReport, readBounded } from './parse.js';

/** Everything publish mode needs. */
export interface PublishModeOptions {
  client: GitHubClient;
  context: RunnerContext;
  artifacts: ArtifactStore;
  publisher: Publisher;
  artifactName: string;
  /** Renders a (validated) report within a size limit; the same renderer the gate uses. */
  render: (report: Report, maxChars: number, detailsUrl: string) => string;
}

/** Result of publish mode. */
export interface PublishModeResult {
  published: boolean;
  /** Why nothing was published, when it was not. */
  reason?: string;
  prNumber?: number;
  report?: Report;
  publish?: PublishResult;
}

/**
 * Publishes the report of the run that triggered this `workflow_run` workflow. Nothing to publish (no
 * report artifact: the gate could publish itself) and a PR that moved on are not errors.
 */
export async function runPublishMode(o: PublishModeOptions): Promise<PublishModeResult> {
  const ctx = o.context;
  const trigger = ctx.workflowRun;
  if (!trigger || !Number.isInteger(trigger.id) || trigger.id <= 0) {
    throw new UsageError(
      'mode "publish" must run in a workflow triggered by workflow_run (github.event.workflow_run is missing)',
    );
  }
  const repo = { owner: ctx.owner, repo: ctx.repo };
  const name = reportArtifactName(o.artifactName);
  const { data } = await o.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
    ...repo,
    run_id: trigger.id,
    name,
    per_page: 100,
  });
  const art = data.artifacts.filter((a) => a.name === name && !a.expired).sort((a, b) => b.id - a.id)[0];
  if (!art) {
    const reason = `run ${trigger.id} has no "${name}" artifact (the gate published itself, or it did not run)`;
    core.info(`Nothing to publish: ${reason}`);
    return { published: false, reason };
  }
  if (art.size_in_bytes > MAX_REPORT_BYTES) {
    throw new InputError(
      `artifact is ${art.size_in_bytes} bytes; a report artifact is small, more than ${MAX_REPORT_BYTES} is not read`,
      { file: name },
    );
  }
  const dir = mkdtempSync(join(ctx.tempDir, `evalgate-publish-${trigger.id}-`));
  // Only the two files read below are extracted, each within its limit, counted while inflating: the
  // archive comes from the fork's code (report.md is never used, so never extracted).
  await o.artifacts.downloadFromRun({
    artifactId: art.id,
    runId: trigger.id,
    dir,
    limits: {
      files: { [REPORT_FILES.json]: MAX_REPORT_BYTES, [REPORT_FILES.meta]: MAX_META_BYTES },
      maxBytes: MAX_REPORT_BYTES + MAX_META_BYTES,
    },
  });
  const metaLabel = `${name}/${REPORT_FILES.meta}`;
  const meta = parseMeta(readBounded(join(dir, REPORT_FILES.meta), metaLabel, MAX_META_BYTES), metaLabel);
  const runPrefix = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/`;
  const reportLabel = `${name}/${REPORT_FILES.json}`;
  const report = parseUntrustedReport(
    readBounded(join(dir, REPORT_FILES.json), reportLabel),
    reportLabel,
    runPrefix,
  );

  if (meta.head_sha !== trigger.headSha) {
    const reason = `the report is for ${short(meta.head_sha)} but run ${trigger.id} built ${short(trigger.headSha)}`;
    core.warning(`Not publishing: ${reason}`);
    return { published: false, reason };
  }
  // The check's conclusion follows from the validated verdict and the gate's policy; a pr.json whose
  // conclusion says otherwise was not written by evalgate (or not for this report): nothing is posted.
  const conclusion = conclusionFor(
    report.verdict,
    meta.fail_on ?? 'regression',
    meta.on_missing_baseline ?? 'warn',
  );
  if (meta.conclusion !== conclusion) {
    const reason = `${REPORT_FILES.meta} says conclusion "${meta.conclusion}", but verdict "${report.verdict}" with fail-on "${meta.fail_on}" and on-missing-baseline "${meta.on_missing_baseline}" gives "${conclusion}"`;
    core.warning(`Not publishing: ${reason}`);
    return { published: false, reason };
  }
  const { numbers: candidates, moved } = await pullRequestsOf(o.client, repo, trigger);
  const movedOn = moved.find((p) => p.number === meta.pr_number);
  if (!candidates.includes(meta.pr_number) && movedOn) {
    const reason = `PR #${movedOn.number} has moved on to ${short(movedOn.sha)}; the report for ${short(trigger.headSha)} is stale`;
    core.info(`Not publishing: ${reason}`);
    return { published: false, reason, prNumber: movedOn.number };
  }
  if (!candidates.includes(meta.pr_number)) {
    const reason = candidates.length
      ? `the report names PR #${meta.pr_number}, but commit ${short(trigger.headSha)} belongs to ${candidates.map((n) => `#${n}`).join(', ')}`
      : `no open pull request has ${trigger.headOwner}:${trigger.headBranch ?? '?'} at commit ${short(trigger.headSha)} as its head`;
    core.warning(`Not publishing: ${reason}`);
    return { published: false, reason };
  }
  const prNumber = meta.pr_number;
  let headNow: string;
  try {
    const { data: pr } = await o.client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...repo,
      pull_number: prNumber,
    });
    headNow = pr.head.sha;
    if (pr.state !== 'open') {
      const reason = `PR #${prNumber} is ${pr.state}`;
      core.info(`Not publishing: ${reason}`);
      return { published: false, reason, prNumber };
    }
  } catch (e) {
    if (httpStatus(e) === 404) return { published: false, reason: `PR #${prNumber} not found`, prNumber };
    throw e;
  }
  if (headNow !== trigger.headSha) {
    const reason = `PR #${prNumber} has moved on to ${short(headNow)}; the report for ${short(trigger.headSha)} is stale`;
    core.info(`Not publishing: ${reason}`);
    return { published: false, reason, prNumber };
  }
  const triggerUrl = `${runPrefix}${trigger.id}`;
  const req: PublishRequest = {
    report,
    render: (max) => o.render(report, max, triggerUrl),
    headSha: trigger.headSha,
    prNumber,
    conclusion,
    detailsUrl: triggerUrl,
  };
  let result: PublishResult;
  try {
    result = await o.publisher.publish(req);
  } catch (e) {
    throw new Error(`publishing to PR #${prNumber} failed: ${apiMessage(e)}`, { cause: e });
  }
  if (result.denied.length) {
    core.warning(
      `mode: publish needs ${result.denied.map((d) => `\`${d}\``).join(' and ')} in the workflow_run workflow's permissions`,
    );
  }
  core.info(
    `Published the report of run ${trigger.id} (${runUrl({ ...ctx, runId: trigger.id, runAttempt: undefined })}) to PR #${prNumber}`,
  );
  return { published: true, prNumber, report, publish: result };
}

/**
 * Open pull requests whose head is the triggering run's head: GitHub's own list on the run when it has
 * one (same-repository branches); else the open PRs from `headOwner:headBranch` (fork PRs: GitHub leaves
 * `workflow_run.pull_requests` empty, and a commit only in the fork is associated with no PR), kept only
 * when their head is that very commit in that very repository; else the PRs associated with the commit.
 */
async function pullRequestsOf(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  trigger: TriggeringRunInfo,
): Promise<{ numbers: number[]; moved: { number: number; sha: string }[] }> {
  if (trigger.pullRequests.length) return { numbers: trigger.pullRequests, moved: [] };
  const found = new Set<number>();
  // Open PRs from that branch whose head has moved past the commit (their report would be stale).
  const moved: { number: number; sha: string }[] = [];
  if (trigger.headBranch && trigger.headOwner) {
    const prs = await client.paginate('GET /repos/{owner}/{repo}/pulls', {
      ...repo,
      state: 'open',
      head: `${trigger.headOwner}:${trigger.headBranch}`,
      per_page: 100,
    });
    for (const p of prs) {
      if (p.head.repo?.full_name.toLowerCase() !== trigger.headRepo.toLowerCase()) continue;
      if (p.head.sha === trigger.headSha) found.add(p.number);
      else moved.push({ number: p.number, sha: p.head.sha });
    }
  }
  if (found.size === 0) {
    const { data: prs } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
      ...repo,
      commit_sha: trigger.headSha,
      per_page: 100,
    });
    for (const p of prs) if (p.state === 'open') found.add(p.number);
  }
  return { numbers: [...found].sort((a, b) => a - b), moved };
}
