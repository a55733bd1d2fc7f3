/**
 * `mode: publish`: in a workflow_run workflow with a write token, posts the report that a fork PR's run
 * left behind as an artifact (docs/workflows.md). No eval files are read and no verdict is reached here:
 * the report is the one the PR's run made.
 */
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { readRunnerContext } from '../github/context.js';
import { unavailableError } from '../github/octokit.js';
import { reportArtifactName, runPublishMode } from '../github/report-artifact/index.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { connect, inActions, publisherFor } from './github-side.js';
import type { ActionInputs } from './inputs.js';
import { workDir } from './step-files.js';
import { renderSummary } from './step-report.js';

/** `mode: publish`: post the report a fork PR's run left behind (from a workflow_run workflow). */
export async function publishMode(inputs: ActionInputs): Promise<void> {
  if (!inActions()) throw new UsageError('mode "publish" works only inside a GitHub Actions run');
  const side = await connect(inputs, readRunnerContext());
  const { ctx, client, store } = side;
  const publisher = publisherFor(side, inputs);
  const res = await runPublishMode({
    client,
    context: ctx,
    artifacts: store,
    publisher,
    artifactName: inputs.artifactName,
    render: (report, maxChars, detailsUrl) =>
      renderMarkdown(report, { maxChars, detailsUrl, title: inputs.gateId }),
  }).catch(async (e: unknown) => {
    const unavailable = unavailableError(e, 'mode: publish');
    if (!unavailable) throw e;
    await core.summary
      .addRaw(`## ${inputs.gateId}\n\n**mode: publish failed**: ${unavailable.detail}; nothing was posted.\n`)
      .write();
    throw unavailable;
  });
  if (res.report) {
    core.setOutput('verdict', res.report.verdict);
    core.setOutput('regressions', String(res.report.regressions));
    if (res.report.baseline.run_id !== undefined)
      core.setOutput('baseline-run-id', String(res.report.baseline.run_id));
    const dir = workDir();
    const reportPath = join(dir, 'evalgate-report.json');
    writeFileSync(reportPath, renderJson(res.report));
    core.setOutput('report-path', reportPath);
    await core.summary.addRaw(renderSummary(res.report, inputs.gateId)).write();
  }
  if (res.publish?.comment.url) core.setOutput('comment-url', res.publish.comment.url);
  if (!res.published)
    core.info(
      `mode: publish: nothing posted (${res.reason}); looked for artifact "${reportArtifactName(inputs.artifactName)}"`,
    );
}
