/**
 * Action wiring: inputs → pipeline → publish. Owns the one catch: expected errors (bad input, bad usage)
 * fail the step with their message and no stack; anything else fails it with the stack, whatever was
 * thrown (a thrown non-Error is reported, never swallowed). `gate` is the one place that orders the
 * step's effects (outputs, summary, upload, publishing, verdict); the effects themselves live in the
 * sibling modules.
 */
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import { UsageError, isExpectedError } from '../errors.js';
import { downloadCurrentArtifacts } from '../github/artifacts.js';
import { headShaOf, readRunnerContext, runUrl } from '../github/context.js';
import { apiMessage, GitHubUnavailableError, unavailableError } from '../github/octokit.js';
import { addExtras, loadStoredResult } from '../github/nightly.js';
import { TRACKED_EVENTS, updateTrackingIssue } from '../github/tracking-issue.js';
import { describeMs } from '../github/timeouts.js';
import { resultGateOf } from '../history/hygiene.js';
import { computeCurrent, runGate } from '../pipeline.js';
import { renderJson, serializeResult } from '../render/json.js';
import { findBaseline } from './baseline-lookup.js';
import { connect, githubBudget, inActions, type GitHubSide } from './github-side.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { publishMode } from './publish-mode.js';
import { annotationPath, publishReport, uploadResult } from './publishing.js';
import { expandCurrent, workDir } from './step-files.js';
import { conclude, renderSummary, setReportOutputs, stepConclusion } from './step-report.js';

/** The gate (every mode but `publish`): eval files → report → outputs, summary, GitHub, verdict. */
async function gate(inputs: ActionInputs): Promise<void> {
  if (inputs.current.length === 0 && !inputs.currentArtifact) {
    throw new UsageError('input "current" is required: paths or globs of this run\'s eval files');
  }
  const ctx = inActions() ? readRunnerContext() : undefined;
  // The triggering event selects the config profile (`profiles:`), e.g. stricter rules for releases.
  const config = loadConfig(inputs.config, inputs.configIsDefault, {
    event: ctx?.eventName ?? process.env.GITHUB_EVENT_NAME,
    refType: ctx?.refType ?? process.env.GITHUB_REF_TYPE,
  });
  if (config.profile) core.info(`Config profile "${config.profile}" applies (event ${ctx?.eventName})`);
  // Like on_missing_baseline, the config's baseline_verdicts wins over the input.
  const acceptedVerdicts = config.baselineVerdictsSet
    ? config.baselineVerdicts
    : (inputs.baselineVerdicts ?? config.baselineVerdicts);
  const missingPolicy = config.onMissingBaseline ?? inputs.onMissingBaseline;
  const dir = workDir();
  let github: Promise<GitHubSide> | undefined;
  // Connected on first use only: a gate with a local baseline and nothing to publish needs no token.
  const gh = (): Promise<GitHubSide> => (github ??= connect(inputs, ctx!));

  const currentPaths = expandCurrent(inputs.current);
  if (inputs.currentArtifact) {
    if (!ctx) throw new UsageError('input "current-artifact" works only inside a GitHub Actions run');
    const { store } = await gh();
    currentPaths.push(
      ...(await downloadCurrentArtifacts(store, inputs.currentArtifact, join(dir, 'current-artifacts'))),
    );
  }
  const meta = {
    commit: ctx ? headShaOf(ctx) : process.env.GITHUB_SHA,
    branch: ctx?.pullRequest?.headRef || process.env.GITHUB_REF_NAME,
    run_id: process.env.GITHUB_RUN_ID ? Number(process.env.GITHUB_RUN_ID) : undefined,
    run_number: process.env.GITHUB_RUN_NUMBER ? Number(process.env.GITHUB_RUN_NUMBER) : undefined,
    event: process.env.GITHUB_EVENT_NAME,
    created_at: new Date().toISOString(),
  };
  const current = await computeCurrent(currentPaths, config, meta);
  core.info(
    `Current: task ${current.result.task}, n = ${current.result.n ?? 'n/a'}, ${Object.keys(current.result.metrics).length} metrics`,
  );

  const { found, baseline, runs } = await findBaseline({
    inputs,
    ctx,
    gh,
    config,
    acceptedVerdicts,
    current,
  });

  const report = runGate({
    current,
    baseline,
    baselineInfo: found.info,
    config,
    gateId: inputs.gateId,
    currentMeta: { commit: meta.commit, run_id: meta.run_id, branch: meta.branch },
  });
  if (config.profile) report.profile = config.profile;
  if (ctx && runs) {
    const extras = await addExtras({
      client: (await gh()).client,
      ctx,
      source: runs,
      config,
      current,
      baseline,
      report,
      gateId: inputs.gateId,
      acceptedVerdicts,
      loadResult: (d) => loadStoredResult(d, config),
    });
    if (extras.releaseNotes !== undefined) core.setOutput('release-notes', extras.releaseNotes);
  }
  // The result records its own verdict: later runs refuse it as a baseline when it failed.
  current.result.gate = resultGateOf(report);
  const reportPath = join(dir, 'evalgate-report.json');
  const reportJson = renderJson(report);
  writeFileSync(reportPath, reportJson);
  const resultPath = join(dir, 'evalgate-result.json');
  writeFileSync(resultPath, serializeResult(current.result));
  setReportOutputs(report, reportPath);

  // The job summary shows the most (within 1 MiB); the comment and check point to it when shortened.
  await core.summary.addRaw(renderSummary(report, inputs.gateId)).write();
  const conclusion = stepConclusion(report, inputs, missingPolicy);

  if (inputs.upload) {
    if (!ctx) core.info('Not in a GitHub Actions run: the result is not uploaded');
    else await uploadResult(await gh(), inputs, resultPath, dir);
  }

  // Whatever publishing does, the verdict is applied to the step afterwards.
  let publishError: unknown;
  if (ctx && (inputs.comment !== 'never' || inputs.checkName)) {
    try {
      await publishReport(await gh(), inputs, report, reportJson, {
        conclusion,
        missingPolicy,
        detailsUrl: runUrl(ctx),
        dir,
        annotationFile: annotationPath(inputs, currentPaths),
      });
    } catch (e) {
      // GitHub being down after the retries must not turn a verdict into a crash; anything else is a bug.
      const unavailable = unavailableError(e, 'publishing');
      if (unavailable) {
        core.warning(
          `evalgate could not publish the report (${unavailable.detail}); the verdict stands, and the full report is in the job summary`,
        );
      } else publishError = e;
    }
  }
  if (ctx && TRACKED_EVENTS.includes(ctx.eventName) && config.trackingIssue.enabled) {
    try {
      const t = await updateTrackingIssue({
        client: (await gh()).client,
        owner: ctx.owner,
        repo: ctx.repo,
        gateId: inputs.gateId,
        label: config.trackingIssue.label,
        report,
        runUrl: runUrl(ctx),
        runNumber: ctx.runNumber,
        branch: ctx.refType === 'branch' ? ctx.refName : undefined,
      });
      if (t.url) core.setOutput('tracking-issue-url', t.url);
    } catch (e) {
      if (!unavailableError(e, 'the tracking issue')) publishError ??= e;
      else core.warning(`evalgate could not update the tracking issue (${apiMessage(e)})`);
    }
  }
  conclude(report, inputs, missingPolicy);
  if (publishError !== undefined) throw publishError;
}

/** The action. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    if (inputs.mode === 'publish') await publishMode(inputs);
    else await gate(inputs);
  } catch (e) {
    if (isExpectedError(e) || e instanceof GitHubUnavailableError) {
      core.setFailed(e.message);
    } else if (e instanceof Error) {
      core.setFailed(`evalgate: unexpected error: ${e.stack ?? e.message}`);
    } else {
      core.setFailed(`evalgate: unexpected non-Error thrown: ${safeString(e)}`);
    }
  }
  const budget = githubBudget();
  if (budget?.abandoned) {
    // A call of the artifact library that was given up on (it takes no timeout and cannot be
    // cancelled) may hold its connection open for minutes: everything is reported, so end the step.
    core.info(
      `evalgate: ending the step (gave up on: ${budget.timedOut.join(', ')}, after ${describeMs(budget.elapsed())})`,
    );
    process.stdout.write('', () => process.exit());
  }
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
}
