/**
 * The gate's writes to GitHub besides the step itself: this run's result as an artifact (later runs'
 * baseline), and the report as a comment and check run, or, for a token that may not write those (fork
 * PRs), as the report artifact a publish workflow posts. A failed upload is a warning here (the verdict
 * stands without it); whether a failed comment or check fails the step is decided in `main.ts`.
 */
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { headShaOf } from '../github/context.js';
import { annotationsFor } from '../github/publisher.js';
import { reportArtifactName, uploadReportArtifact } from '../github/report-artifact/index.js';
import type { Conclusion, MissingPolicy } from '../policy.js';
import { renderMarkdown } from '../render/markdown.js';
import type { Report } from '../types.js';
import { publisherFor, type GitHubSide } from './github-side.js';
import type { ActionInputs } from './inputs.js';

/** Comment and check run; for a token that may not write them (fork PRs), the report artifact instead. */
export async function publishReport(
  side: GitHubSide,
  inputs: ActionInputs,
  report: Report,
  reportJson: string,
  o: {
    conclusion: Conclusion;
    missingPolicy: MissingPolicy;
    detailsUrl: string;
    dir: string;
    annotationFile?: string;
  },
): Promise<void> {
  const { ctx, store } = side;
  const res = await publisherFor(side, inputs).publish({
    report,
    render: (maxChars) =>
      renderMarkdown(report, { maxChars, detailsUrl: o.detailsUrl, title: inputs.gateId }),
    headSha: headShaOf(ctx),
    prNumber: ctx.pullRequest?.number,
    conclusion: o.conclusion,
    detailsUrl: o.detailsUrl,
    annotations: o.annotationFile ? annotationsFor(report, o.annotationFile) : [],
  });
  if (res.comment.url) core.setOutput('comment-url', res.comment.url);
  if (!res.denied.length || !ctx.pullRequest) return;
  try {
    await uploadReportArtifact(store, {
      artifactName: inputs.artifactName,
      dir: join(o.dir, 'report-artifact'),
      markdown: renderMarkdown(report, { maxChars: 65_000, detailsUrl: o.detailsUrl, title: inputs.gateId }),
      reportJson,
      meta: {
        schema: 'evalgate/pr-report',
        version: 1,
        pr_number: ctx.pullRequest.number,
        head_sha: ctx.pullRequest.headSha,
        gate_id: inputs.gateId,
        conclusion: o.conclusion,
        run_id: ctx.runId,
        fail_on: inputs.failOn,
        on_missing_baseline: o.missingPolicy,
      },
      retentionDays: inputs.retentionDays,
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const hint = /already exists|409/.test(msg)
      ? ' This run already has it (from an earlier attempt): the publish workflow posts that one.'
      : '';
    core.warning(
      `evalgate could not upload the report as "${reportArtifactName(inputs.artifactName)}" for the publish workflow: ${msg}.${hint}`,
    );
  }
}

/** Uploads this run's result as artifact `artifact-name`; a failure is a warning (the verdict stands). */
export async function uploadResult(
  side: GitHubSide,
  inputs: ActionInputs,
  resultPath: string,
  dir: string,
): Promise<void> {
  try {
    const res = await side.store.upload(inputs.artifactName, [resultPath], dir, inputs.retentionDays);
    core.info(
      `Uploaded this run's result as artifact "${inputs.artifactName}"${res.id ? ` (id ${res.id})` : ''}`,
    );
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const hint = /already exists|409/.test(msg)
      ? ' This run already has an artifact of this name (from an earlier attempt, or another job): give each gate its own artifact-name, or set upload: false where it is not needed.'
      : '';
    core.warning(
      `evalgate could not upload the result as "${inputs.artifactName}": ${msg}.${hint} Later runs will not find this run as a baseline.`,
    );
  }
}

/** Path for check-run annotations: a repository file the findings relate to (the config, else the first eval file). */
export function annotationPath(inputs: ActionInputs, currentPaths: string[]): string | undefined {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  for (const p of [existsSync(inputs.config) ? inputs.config : undefined, currentPaths[0]]) {
    if (!p) continue;
    const rel = isAbsolute(p) ? relative(workspace, p) : p;
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split('\\').join('/');
  }
  return undefined;
}
