/**
 * What a gate adds on GitHub beyond the pairwise comparison: the history of earlier runs (charts,
 * drift), waivers (config, and the PR label with its labeller), a release gate's second comparison
 * against the default branch and its release notes, and the tracking issue of failing scheduled runs.
 * Called by the action between the diagnosis and publishing; every step is bounded, and GitHub failing
 * in these extras costs a warning and the extra, never the verdict already reached.
 */
import * as core from '@actions/core';
import type { GateConfig } from '../config/load.js';
import { applyDrift } from '../history/drift.js';
import { applyWaivers, type LabelWaiver } from '../history/waivers.js';
import { computeResult, readInputs, runGate, type ComputedResult } from '../pipeline.js';
import { renderReleaseNotes } from '../render/release-notes.js';
import { isExpectedError } from '../errors.js';
import type { EvalResult, HistoryEntry, Report, Verdict } from '../types.js';
import type { GitHubBaselineSource } from './baseline.js';
import type { RunnerContext } from './context.js';
import { readHistory } from './history.js';
import { apiMessage, unavailableError, type GitHubClient } from './octokit.js';
import { findWaiverLabel } from './waiver-label.js';

/** Reads a downloaded results artifact into its EvalResult alone (history needs no per-example dataset). */
export async function loadStoredResult(dir: string, config: GateConfig): Promise<EvalResult> {
  const outputs = await readInputs([dir], config);
  if (outputs.length === 1 && outputs[0].kind === 'result') return outputs[0].result;
  return computeResult(outputs, config).result;
}

/** The branch whose runs make the history: the PR's base, the default branch for releases, else this one. */
export async function historyBranch(
  ctx: RunnerContext,
  defaultBranch: () => Promise<string>,
): Promise<string | undefined> {
  if (ctx.pullRequest) return ctx.pullRequest.baseRef || defaultBranch();
  if (ctx.releaseTag) return defaultBranch();
  return ctx.refType === 'branch' && ctx.refName ? ctx.refName : undefined;
}

/** Metrics whose values the history entries keep: the gated overall ones and any drift.metrics. */
function historyMetrics(report: Report, config: GateConfig): string[] {
  const names = new Set(report.comparisons.filter((c) => !c.slice && c.gated).map((c) => c.metric));
  for (const m of config.drift?.metrics ?? []) names.add(m);
  return [...names];
}

/** Everything the extras need. */
export interface ExtrasOptions {
  client: GitHubClient;
  ctx: RunnerContext;
  source: GitHubBaselineSource<ComputedResult>;
  config: GateConfig;
  current: ComputedResult;
  baseline: ComputedResult | null;
  report: Report;
  gateId: string;
  acceptedVerdicts: readonly Verdict[];
  /** Reads a downloaded results artifact (history entries). */
  loadResult: (dir: string) => Promise<EvalResult>;
  now?: Date;
}

/** What the extras produced besides changing the report. */
export interface ExtrasResult {
  /** The `release-notes` output of a release gate. */
  releaseNotes?: string;
}

/**
 * History (charts, drift), release section and notes, waivers — in that order, so that a waiver can
 * cover a drift and the verdict is settled last. Mutates `report`.
 */
export async function addExtras(o: ExtrasOptions): Promise<ExtrasResult> {
  const { report, config, ctx } = o;
  const out: ExtrasResult = {};
  if (config.profile) report.profile = config.profile;
  const wanted = Math.max(config.history, config.drift?.window ?? 0);
  if (wanted > 0) await addHistory(o, wanted);
  if (config.drift && report.history) applyDrift(report, report.history.entries, config.drift);
  else if (config.drift) report.notes.push('Drift not checked: no history of earlier runs.');

  if (ctx.releaseTag) {
    await guard('the default-branch comparison of the release', async () => {
      const second = await o.source.findOnDefaultBranch().catch((e: unknown) => {
        if (isExpectedError(e)) return { result: null, info: { source: 'none' as const, reason: e.message } };
        throw e;
      });
      if (!second.result) {
        report.notes.push(`No default-branch comparison: ${second.info.reason}.`);
      } else if (second.info.run_id === report.baseline.run_id) {
        report.notes.push('The default branch’s newest run is the baseline above: no second comparison.');
      } else {
        const other = runGate({
          current: o.current,
          baseline: second as ComputedResult,
          baselineInfo: second.info,
          config,
          gateId: o.gateId,
        });
        report.sections = [
          {
            title: `Against the default branch (run #${second.info.run_number ?? '?'})`,
            baseline: other.baseline,
            verdict: other.verdict,
            comparisons: other.comparisons.filter((c) => !c.slice),
          },
        ];
      }
    });
  }

  let label: LabelWaiver | undefined;
  if (ctx.pullRequest) {
    await guard('reading the waiver label', async () => {
      label = await findWaiverLabel({
        client: o.client,
        owner: ctx.owner,
        repo: ctx.repo,
        prNumber: ctx.pullRequest!.number,
        label: config.waiverLabel,
        payload: ctx.payload,
      });
    });
  }
  if (config.waivers.length || label)
    applyWaivers(report, { config: config.waivers, label, now: o.now ?? new Date() });
  if (ctx.releaseTag) out.releaseNotes = renderReleaseNotes(report, o.source.previousReleaseTag);
  return out;

  async function guard(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      // GitHub failing here must not lose a verdict already reached; anything else is a bug.
      if (!unavailableError(e, what)) throw e;
      core.warning(`evalgate: ${what} failed (${apiMessage(e)}); the report goes without it`);
      report.notes.push(`${what[0].toUpperCase()}${what.slice(1)} failed: GitHub did not answer.`);
    }
  }
}

async function addHistory(o: ExtrasOptions, count: number): Promise<void> {
  const { report, ctx } = o;
  try {
    const self = await o.source.selfRun();
    const branch = await historyBranch(ctx, () => o.source.api.defaultBranch());
    if (!branch) return;
    const known = new Map<number, EvalResult>();
    if (o.baseline && report.baseline.run_id !== undefined)
      known.set(report.baseline.run_id, o.baseline.result);
    const read = await readHistory({
      client: o.client,
      owner: ctx.owner,
      repo: ctx.repo,
      self,
      branch,
      count,
      acceptedVerdicts: o.acceptedVerdicts,
      trusted: (r) => o.source.api.trusted(r),
      fetch: (r) => o.source.fetchRun(r, o.loadResult, 'History'),
      known,
    });
    const metrics = historyMetrics(report, o.config);
    const entries: HistoryEntry[] = read.runs.map(({ run, result }) => {
      const e: HistoryEntry = {
        run_id: run.id,
        run_number: run.run_number,
        commit: run.head_sha,
        created_at: run.created_at,
        url: run.html_url,
        values: Object.fromEntries(metrics.map((m) => [m, result.metrics[m]?.value ?? null])),
      };
      if (result.gate) e.verdict = result.gate.verdict;
      return e;
    });
    report.history = {
      entries,
      requested: count,
      skipped: read.skipped,
      branch,
      charts: o.config.charts,
    };
  } catch (e) {
    if (!unavailableError(e, 'history') && !isPermission(e)) throw e;
    core.warning(
      `evalgate: reading the history failed (${apiMessage(e)}); no trend charts or drift this time`,
    );
    report.notes.push('The history of earlier runs could not be read: no trend charts or drift.');
  }
}

function isPermission(e: unknown): boolean {
  return (e as { status?: number } | null)?.status === 403;
}
