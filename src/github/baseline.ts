/**
 * Baseline discovery (docs/workflows.md, "Baseline discovery"): which earlier run of this workflow holds the result to compare with.
 *
 * - pull request: the run at the PR's merge-base, else the newest successful push/schedule/dispatch run
 *   on the base branch that still has the artifact (at most `lookback` runs back);
 * - schedule / workflow_dispatch / branch push: the newest earlier successful run on the same branch;
 * - release / tag push: the run at the previous release's tag, else the default branch;
 * - `baseline-run-id` / `baseline-branch` pin the run or the branch.
 *
 * Runs triggered by pull requests, and runs whose head commit comes from another repository (forks),
 * are never used as a baseline: their artifacts are produced by code nobody has reviewed yet.
 * An expired artifact, a 410 on download or an unreadable artifact falls through to the next candidate.
 *
 * The REST look-ups live in workflow-runs.ts and the artifact download in run-artifact.ts; this file
 * holds the rules.
 */
import * as core from '@actions/core';
import type { BaselineLookup, BaselineSource } from '../baseline/source.js';
import { refusedAsBaseline } from '../history/hygiene.js';
import type { BaselineInfo, EvalResult, Verdict } from '../types.js';
import type { ArtifactStore } from './artifacts.js';
import { short, type RunnerContext } from './context.js';
import { apiMessage, httpStatus, unavailableError, type GitHubClient } from './octokit.js';
import { fetchRunArtifact, type Attempt } from './run-artifact.js';
import { WorkflowRuns, type RunSummary } from './workflow-runs.js';

export type { BaselineLookup, BaselineSource } from '../baseline/source.js';

/** Options of the GitHub baseline source. */
export interface GitHubBaselineOptions<L extends { result: EvalResult }> {
  client: GitHubClient;
  context: RunnerContext;
  artifacts: ArtifactStore;
  /** Name of the results artifact (`artifact-name`). */
  artifactName: string;
  /** How many candidate runs to examine at most (`baseline-lookback`). */
  lookback: number;
  /** `baseline-run-id`. */
  pinnedRunId?: number;
  /** `baseline-branch`. */
  pinnedBranch?: string;
  /** Reads a downloaded artifact folder into a result (throws InputError when it is not one). */
  load: (dir: string) => L | Promise<L>;
  /**
   * Verdicts a run must have recorded to be a baseline (baseline hygiene, `baseline-verdicts`); results
   * without a recorded verdict are accepted. Absent: every verdict is accepted.
   */
  acceptedVerdicts?: readonly Verdict[];
}

const PUSH_LIKE = new Set(['push', 'schedule', 'workflow_dispatch']);

/** Baseline from an earlier run's artifact, found through the GitHub API. */
export class GitHubBaselineSource<L extends { result: EvalResult }> implements BaselineSource<L> {
  private readonly o: GitHubBaselineOptions<L>;
  private readonly skipped: string[] = [];
  /** Runs already tried: the merge-base run is also on the base branch, and fails the same way twice. */
  private readonly tried = new Map<number, Attempt<L>>();
  /** Runs refused for their recorded verdict (baseline hygiene), as `run #12 (verdict fail)`. */
  private readonly verdictRefused: string[] = [];
  /** The previous release's tag, once a release lookup found one (release notes name it). */
  previousReleaseTag?: string;

  /** The REST look-ups (runs, commits, releases) this source shares with the history. */
  readonly api: WorkflowRuns;

  constructor(opts: GitHubBaselineOptions<L>) {
    this.o = opts;
    this.api = new WorkflowRuns(opts.client, opts.context);
  }

  private get repo() {
    return this.api.repo;
  }

  /** GitHub down: the whole lookup fails (find() reports it) rather than trying other candidates. */
  private throwIfUnavailable(e: unknown): void {
    const down = unavailableError(e, 'the baseline lookup');
    if (down) throw down;
  }

  async find(): Promise<BaselineLookup<L>> {
    try {
      return await this.discover();
    } catch (e) {
      // GitHub down or out of rate limit: an error the user can act on (retry), never a silent
      // no-baseline (which passes by default) and never a stack trace.
      const unavailable = unavailableError(e, 'the baseline lookup');
      if (unavailable) throw unavailable;
      // A token without `actions: read` cannot list runs: that is a missing baseline, not a crash.
      if (httpStatus(e) !== 403) throw e;
      const reason = `cannot read this repository's workflow runs (${apiMessage(e)}); the token needs \`actions: read\``;
      core.warning(`evalgate: ${reason}`);
      return this.none(reason);
    }
  }

  private async discover(): Promise<BaselineLookup<L>> {
    const ctx = this.o.context;
    const self = await this.api.getRun(ctx.runId);
    if (this.o.pinnedRunId !== undefined) return this.pinnedRun(this.o.pinnedRunId);
    if (this.o.pinnedBranch) {
      return this.newestOn(self, this.o.pinnedBranch, {
        found: (r) =>
          `newest successful run on ${this.o.pinnedBranch} (input baseline-branch), run #${r.run_number}`,
        none: () =>
          `no successful run on ${this.o.pinnedBranch} (input baseline-branch) with ${this.artifactPhrase()} among the last ${this.o.lookback} runs`,
        pushLikeOnly: false,
      });
    }
    if (ctx.pullRequest) return this.forPullRequest(self);
    if (ctx.releaseTag) return this.forRelease(self, ctx.releaseTag);
    if (
      ctx.refType === 'branch' &&
      ctx.refName &&
      ['schedule', 'workflow_dispatch', 'push'].includes(ctx.eventName)
    ) {
      return this.previousOnBranch(self, ctx.refName);
    }
    const def = await this.api.defaultBranch();
    return this.newestOn(self, def, {
      found: (r) => `newest successful run on the default branch ${def}, run #${r.run_number}`,
      none: () =>
        `no successful run on ${def} with ${this.artifactPhrase()} among the last ${this.o.lookback} runs`,
      pushLikeOnly: true,
    });
  }

  // ------------------------------------------------------------------ strategies

  private async pinnedRun(runId: number): Promise<BaselineLookup<L>> {
    let run: RunSummary;
    try {
      run = await this.api.getRun(runId);
    } catch (e) {
      if (httpStatus(e) === 404)
        return this.none(
          `baseline-run-id ${runId}: no such workflow run in ${this.repo.owner}/${this.repo.repo}`,
        );
      throw e;
    }
    const a = await this.tryRun(run);
    if (a.ok)
      return this.found(
        a.loaded,
        run,
        `pinned by baseline-run-id: run #${run.run_number} (${short(run.head_sha)} on ${run.head_branch ?? '?'})`,
      );
    return this.none(`baseline-run-id ${runId} (run #${run.run_number}): ${a.why}`);
  }

  private async forPullRequest(self: RunSummary): Promise<BaselineLookup<L>> {
    const pr = this.o.context.pullRequest!;
    const baseBranch = pr.baseRef || (await this.api.defaultBranch());
    let mergeBase: string | undefined;
    try {
      const cmp = await this.api.compare(pr.baseSha || baseBranch, pr.headSha);
      mergeBase = cmp.merge_base_commit.sha;
    } catch (e) {
      this.throwIfUnavailable(e);
      core.warning(
        `Could not compute the merge-base of the PR (${apiMessage(e)}); using the newest run on ${baseBranch}`,
      );
    }
    if (mergeBase) {
      for await (const run of this.runs({ head_sha: mergeBase }, (r) => this.candidate(r, self))) {
        const a = await this.tryRun(run);
        if (a.ok) return this.found(a.loaded, run, `merge-base ${short(mergeBase)}, run #${run.run_number}`);
      }
    }
    const lead = mergeBase
      ? `no successful run with ${this.artifactPhrase()} at merge-base ${short(mergeBase)}`
      : 'merge-base unknown';
    for await (const run of this.runs({ branch: baseBranch }, (r) => this.candidate(r, self, true))) {
      const a = await this.tryRun(run);
      if (!a.ok) continue;
      const distance = mergeBase ? await this.api.distance(run.head_sha, mergeBase, 'the merge-base') : '';
      return this.found(
        a.loaded,
        run,
        `${lead}; newest on ${baseBranch} (run #${run.run_number})${distance ? `, ${distance}` : ''}`,
      );
    }
    return this.none(
      `${lead}, and none among the last ${this.o.lookback} successful runs on ${baseBranch}${this.skipNote()}`,
    );
  }

  /**
   * The newest successful push/schedule/dispatch run on the default branch with a usable artifact (a
   * release gate's second comparison); call after `find()`.
   */
  async findOnDefaultBranch(): Promise<BaselineLookup<L>> {
    const self = await this.api.selfRun();
    const def = await this.api.defaultBranch();
    return this.newestOn(self, def, {
      found: (r) => `newest successful run on the default branch ${def}, run #${r.run_number}`,
      none: () =>
        `no successful run on ${def} with ${this.artifactPhrase()} among the last ${this.o.lookback} runs`,
      pushLikeOnly: true,
    });
  }

  /** This run's summary (its workflow, creation time). */
  selfRun(): Promise<RunSummary> {
    return this.api.selfRun();
  }

  private async forRelease(self: RunSummary, tag: string): Promise<BaselineLookup<L>> {
    const previous = await this.api.previousRelease(tag);
    this.previousReleaseTag = previous;
    if (previous) {
      let sha: string | undefined;
      try {
        sha = await this.api.commitOf(previous);
      } catch (e) {
        this.throwIfUnavailable(e);
        core.warning(`Could not resolve the previous release tag ${previous}: ${apiMessage(e)}`);
      }
      if (sha) {
        for await (const run of this.runs({ head_sha: sha }, (r) => this.candidate(r, self))) {
          const a = await this.tryRun(run);
          if (a.ok)
            return this.found(
              a.loaded,
              run,
              `previous release ${previous} (${short(sha)}), run #${run.run_number}`,
            );
        }
      }
    }
    const def = await this.api.defaultBranch();
    const lead = previous
      ? `no successful run with ${this.artifactPhrase()} for the previous release ${previous}`
      : 'no previous release';
    return this.newestOn(self, def, {
      found: (r) => `${lead}; newest on ${def} (run #${r.run_number})`,
      none: () =>
        `${lead}, and no successful run on ${def} with the artifact among the last ${this.o.lookback} runs`,
      pushLikeOnly: true,
    });
  }

  private async previousOnBranch(self: RunSummary, branch: string): Promise<BaselineLookup<L>> {
    // "Earlier": a run that started after this one is not its predecessor.
    const earlier = (r: RunSummary) => this.candidate(r, self) && r.created_at <= self.created_at;
    for await (const run of this.runs({ branch }, earlier)) {
      const a = await this.tryRun(run);
      if (a.ok)
        return this.found(
          a.loaded,
          run,
          `previous successful run on ${branch} (run #${run.run_number}, ${short(run.head_sha)}, ${run.event})`,
        );
    }
    return this.none(
      `no earlier successful run on ${branch} with ${this.artifactPhrase()} among the last ${this.o.lookback} runs${this.skipNote()}`,
    );
  }

  private async newestOn(
    self: RunSummary,
    branch: string,
    text: { found: (r: RunSummary) => string; none: () => string; pushLikeOnly: boolean },
  ): Promise<BaselineLookup<L>> {
    for await (const run of this.runs({ branch }, (r) => this.candidate(r, self, text.pushLikeOnly))) {
      const a = await this.tryRun(run);
      if (a.ok) return this.found(a.loaded, run, text.found(run));
    }
    return this.none(text.none() + this.skipNote());
  }

  // ------------------------------------------------------------------ helpers

  /** Candidate runs, at most `baseline-lookback` of them (see WorkflowRuns.successfulRuns). */
  private runs(filter: { branch?: string; head_sha?: string }, accept: (r: RunSummary) => boolean) {
    return this.api.successfulRuns(filter, accept, this.o.lookback);
  }

  /**
   * Downloads one run's result artifact and reads it with `load` (fetchRunArtifact); remembers a refused
   * or unreadable artifact for the wording of a fruitless search. Shared by the baseline and the history.
   */
  async fetchRun<T>(
    run: RunSummary,
    load: (dir: string) => T | Promise<T>,
    what: string,
  ): Promise<Attempt<T>> {
    const a = await fetchRunArtifact(
      {
        client: this.o.client,
        ...this.repo,
        artifacts: this.o.artifacts,
        artifactName: this.o.artifactName,
        tempDir: this.o.context.tempDir,
      },
      run,
      load,
      what,
    );
    if (!a.ok && a.refused) this.refused = true;
    return a;
  }

  /** True once a candidate's artifact was there but refused or unreadable (not merely expired). */
  private refused = false;

  /** A run that may serve as baseline: not this one, trusted, and (for `pushLikeOnly`) push-like. */
  private candidate(run: RunSummary, self: RunSummary, pushLikeOnly = false): boolean {
    return run.id !== self.id && this.api.trusted(run) && (!pushLikeOnly || PUSH_LIKE.has(run.event));
  }

  /** Tries one run: its newest unexpired artifact of the configured name, downloaded and loaded. */
  private async tryRun(run: RunSummary): Promise<Attempt<L>> {
    const before = this.tried.get(run.id);
    if (before) return before;
    const attempt = await this.tryRunOnce(run);
    this.tried.set(run.id, attempt);
    return attempt;
  }

  private async tryRunOnce(run: RunSummary): Promise<Attempt<L>> {
    const a = await this.fetchRun(run, this.o.load, 'Baseline candidate');
    if (!a.ok) {
      this.skipped.push(`run #${run.run_number}: ${a.why}`);
      return a;
    }
    const refused = this.o.acceptedVerdicts && refusedAsBaseline(a.loaded.result, this.o.acceptedVerdicts);
    if (refused) {
      core.info(`Baseline candidate run #${run.run_number} skipped: ${refused} (baseline-verdicts)`);
      this.verdictRefused.push(`run #${run.run_number} (${refused})`);
      this.skipped.push(`run #${run.run_number}: ${refused}`);
      return { ok: false, why: refused };
    }
    return a;
  }

  /** How messages name the artifact that was looked for: "unexpired" only while expiry is all that failed. */
  private artifactPhrase(): string {
    return `${this.refused ? 'a usable' : 'an unexpired'} "${this.o.artifactName}" artifact`;
  }

  private skipNote(): string {
    if (this.skipped.length === 0) return '';
    const shown = this.skipped.slice(0, 3).join('; ');
    return ` (skipped ${shown}${this.skipped.length > 3 ? `; and ${this.skipped.length - 3} more` : ''})`;
  }

  private found(loaded: L, run: RunSummary, why: string): BaselineLookup<L> {
    // Baseline hygiene is visible: the report says which runs were passed over for their verdict.
    const reason = this.verdictRefused.length
      ? `${why}; skipped ${this.verdictRefused.slice(0, 3).join(', ')}${this.verdictRefused.length > 3 ? ` and ${this.verdictRefused.length - 3} more` : ''} as baseline (baseline-verdicts)`
      : why;
    const info: BaselineInfo = {
      source: 'artifact',
      run_id: run.id,
      run_number: run.run_number,
      commit: run.head_sha,
      branch: run.head_branch ?? undefined,
      url: run.html_url,
      reason,
    };
    core.info(`Baseline: ${reason}`);
    return { ...loaded, info };
  }

  private none(reason: string): BaselineLookup<L> {
    core.info(`No baseline: ${reason}`);
    return { result: null, info: { source: 'none', reason } };
  }
}
