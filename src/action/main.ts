/**
 * Action wiring: inputs → pipeline → publish. Owns the one catch: expected errors (bad input, bad usage)
 * fail the step with their message and no stack; anything else fails it with the stack, whatever was
 * thrown (a thrown non-Error is reported, never swallowed). A little over 400 lines: it is the one place
 * that orders the step's effects (outputs, summary, upload, publishing, verdict), best read whole.
 */
import * as core from '@actions/core';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { loadConfig } from '../config/load.js';
import { InputError, UsageError, isExpectedError } from '../errors.js';
import { ActionsArtifactStore, downloadCurrentArtifacts, type ArtifactStore } from '../github/artifacts.js';
import { LocalPathBaselineSource, type BaselineSource } from '../baseline/source.js';
import { GitHubBaselineSource } from '../github/baseline.js';
import { headShaOf, readRunnerContext, runUrl, type RunnerContext } from '../github/context.js';
import {
  apiMessage,
  createGitHubClient,
  GitHubUnavailableError,
  unavailableError,
  type GitHubClient,
} from '../github/octokit.js';
import { annotationsFor, GitHubPublisher } from '../github/publisher.js';
import { reportArtifactName, runPublishMode, uploadReportArtifact } from '../github/report-artifact/index.js';
import { addExtras, loadStoredResult } from '../github/nightly.js';
import { TRACKED_EVENTS, updateTrackingIssue } from '../github/tracking-issue.js';
import { resultGateOf } from '../history/hygiene.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { conclusionFor, type Conclusion, type MissingPolicy } from '../policy.js';
import { computeCurrent, loadBaseline, runGate, type ComputedResult } from '../pipeline.js';
import { renderJson, serializeResult } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderMetricsMarkdown } from '../render/metrics-table.js';
import { describeMs, type TimeBudget } from '../github/timeouts.js';
import { stepBudget } from './time-budget.js';
import type { Report } from '../types.js';

/**
 * Expands the `current` input: paths, folders and globs; a pattern that matches nothing is an error.
 * An existing path is taken literally even when its name has glob characters (`run[1].jsonl`).
 */
export function expandCurrent(patterns: string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    if (/[*?[\]{}]/.test(p) && !existsSync(resolve(cwd, p))) {
      const matches = globSync(p, { cwd, onlyFiles: true, absolute: false }).sort();
      if (matches.length === 0) throw new InputError('glob matches no files', { file: p });
      out.push(...matches);
    } else {
      out.push(p);
    }
  }
  return out;
}

function workDir(): string {
  const dir = join(process.env.RUNNER_TEMP || process.cwd(), 'evalgate');
  mkdirSync(dir, { recursive: true });
  return dir;
}

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
function setReportOutputs(report: Report, reportPath: string): void {
  core.setOutput('verdict', report.verdict);
  core.setOutput('regressions', String(report.regressions));
  if (report.baseline.run_id !== undefined) core.setOutput('baseline-run-id', String(report.baseline.run_id));
  core.setOutput('report-path', reportPath);
}

/** Applies the verdict to the step: per `fail-on` / `on-missing-baseline`, failure. */
function conclude(report: Report, inputs: ActionInputs, missingPolicy: MissingPolicy): void {
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

/** The GitHub side, set up only when a feature needs it (the CLI-like local use never does). */
interface GitHubSide {
  ctx: RunnerContext;
  client: GitHubClient;
  store: ArtifactStore;
}

/** True inside a GitHub Actions job (the runner sets these for every step). */
function inActions(): boolean {
  return Boolean(process.env.GITHUB_REPOSITORY && process.env.GITHUB_RUN_ID);
}

/** The time budget of this step's GitHub calls, once it talks to GitHub. */
let budget: TimeBudget | undefined;

async function connect(inputs: ActionInputs, ctx: RunnerContext): Promise<GitHubSide> {
  if (!inputs.githubToken)
    throw new UsageError('input "github-token" is empty; it is needed for baselines, comments and checks');
  // The clock starts at the first GitHub call and covers look-up, artifacts and publishing together.
  budget = stepBudget(inputs.githubTimeoutMinutes);
  const client = await createGitHubClient(inputs.githubToken, { baseUrl: ctx.apiUrl, budget });
  const store = new ActionsArtifactStore(inputs.githubToken, ctx.owner, ctx.repo, { client, budget });
  return { ctx, client, store };
}

/** The comment/check publisher for this gate. */
function publisherFor(side: GitHubSide, inputs: ActionInputs): GitHubPublisher {
  return new GitHubPublisher({
    client: side.client,
    owner: side.ctx.owner,
    repo: side.ctx.repo,
    gateId: inputs.gateId,
    comment: inputs.comment,
    checkName: inputs.checkName,
  });
}

/** Path for check-run annotations: a repository file the findings relate to (the config, else the first eval file). */
function annotationPath(inputs: ActionInputs, currentPaths: string[]): string | undefined {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  for (const p of [existsSync(inputs.config) ? inputs.config : undefined, currentPaths[0]]) {
    if (!p) continue;
    const rel = isAbsolute(p) ? relative(workspace, p) : p;
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split('\\').join('/');
  }
  return undefined;
}

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

  const load = (paths: string[]) => loadBaseline(paths, config);
  let source: BaselineSource<ComputedResult>;
  let runs: GitHubBaselineSource<ComputedResult> | undefined;
  // Earlier runs serve the baseline and the history; with a local baseline and no token, neither.
  if (ctx && (!inputs.baselinePath || inputs.githubToken)) {
    const { client, store } = await gh();
    runs = new GitHubBaselineSource({
      client,
      context: ctx,
      artifacts: store,
      artifactName: inputs.artifactName,
      lookback: inputs.baselineLookback,
      pinnedRunId: inputs.baselineRunId,
      pinnedBranch: inputs.baselineBranch || undefined,
      load: (d) => load([d]),
      acceptedVerdicts,
    });
  }
  if (inputs.baselinePath)
    source = new LocalPathBaselineSource([inputs.baselinePath], load, 'input baseline-path');
  else if (runs) {
    source = runs;
  } else {
    source = {
      find: async () => ({
        result: null,
        info: {
          source: 'none',
          reason: 'no baseline-path given, and not running in GitHub Actions (no earlier runs to look up)',
        },
      }),
    };
  }
  let found: Awaited<ReturnType<typeof source.find>>;
  try {
    found = await source.find();
  } catch (e) {
    if (e instanceof GitHubUnavailableError) {
      // No verdict without a baseline decision; the summary says why the step failed, and still
      // reports what was measured.
      await core.summary
        .addRaw(
          `## ${inputs.gateId}\n\n**The baseline lookup failed**: ${e.detail}\n\n` +
            'No verdict was reached, nothing was posted; re-run the job when GitHub answers again. ' +
            "This run's metrics:\n\n" +
            renderMetricsMarkdown(current.result) +
            '\n',
        )
        .write();
      throw new GitHubUnavailableError(
        'the baseline lookup',
        `${e.detail.replace(/\.$/, '')}. No verdict; nothing was posted; this run's metrics are in the job summary`,
        { cause: e },
      );
    }
    throw e;
  }
  const baseline: ComputedResult | null = found.result ? (found as ComputedResult) : null;

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

/** Comment and check run; for a token that may not write them (fork PRs), the report artifact instead. */
async function publishReport(
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

async function uploadResult(
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

/** `mode: publish`: post the report a fork PR's run left behind (from a workflow_run workflow). */
async function publish(inputs: ActionInputs): Promise<void> {
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

/** The action. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    if (inputs.mode === 'publish') await publish(inputs);
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
