/**
 * Which baseline the gate compares against: `baseline-path` when given, else earlier workflow runs,
 * else none (outside GitHub Actions). Inside Actions the earlier runs' source is set up beside a local
 * baseline too when there is a token, because history (charts, drift, release comparison) reads them.
 */
import * as core from '@actions/core';
import { LocalPathBaselineSource, type BaselineLookup, type BaselineSource } from '../baseline/source.js';
import type { GateConfig } from '../config/load.js';
import { GitHubBaselineSource } from '../github/baseline.js';
import type { RunnerContext } from '../github/context.js';
import { GitHubUnavailableError } from '../github/octokit.js';
import { loadBaseline, type ComputedResult } from '../pipeline.js';
import type { Verdict } from '../policy.js';
import { renderMetricsMarkdown } from '../render/metrics-table.js';
import type { GitHubSide } from './github-side.js';
import type { ActionInputs } from './inputs.js';

/** The lookup's answer, and the earlier runs' source when there is one (for history). */
export interface BaselineFound {
  found: BaselineLookup<ComputedResult>;
  baseline: ComputedResult | null;
  runs: GitHubBaselineSource<ComputedResult> | undefined;
}

/**
 * Finds the baseline. When GitHub stays unavailable, the job summary still gets this run's metrics and
 * the lookup fails with a {@link GitHubUnavailableError} saying no verdict was reached.
 */
export async function findBaseline(o: {
  inputs: ActionInputs;
  ctx: RunnerContext | undefined;
  /** Connects on first use only: a local baseline with no token needs no GitHub. */
  gh: () => Promise<GitHubSide>;
  config: GateConfig;
  acceptedVerdicts: readonly Verdict[];
  current: ComputedResult;
}): Promise<BaselineFound> {
  const { inputs, ctx, config, current } = o;
  const load = (paths: string[]) => loadBaseline(paths, config);
  let source: BaselineSource<ComputedResult>;
  let runs: GitHubBaselineSource<ComputedResult> | undefined;
  // Earlier runs serve the baseline and the history; with a local baseline and no token, neither.
  if (ctx && (!inputs.baselinePath || inputs.githubToken)) {
    const { client, store } = await o.gh();
    runs = new GitHubBaselineSource({
      client,
      context: ctx,
      artifacts: store,
      artifactName: inputs.artifactName,
      lookback: inputs.baselineLookback,
      pinnedRunId: inputs.baselineRunId,
      pinnedBranch: inputs.baselineBranch || undefined,
      load: (d) => load([d]),
      acceptedVerdicts: o.acceptedVerdicts,
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
  let found: BaselineLookup<ComputedResult>;
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
  return { found, baseline, runs };
}
