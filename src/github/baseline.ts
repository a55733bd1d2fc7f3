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
 * Over 400 lines on purpose: the discovery rules of every event share one candidate walk (listing,
 * trust checks, expiry and refusal reasons), and splitting them would scatter that walk.
 */
import * as core from '@actions/core';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { BaselineLookup, BaselineSource } from '../baseline/source.js';
import { isExpectedError } from '../errors.js';
import { refusedAsBaseline } from '../history/hygiene.js';
import type { BaselineInfo, EvalResult, Verdict } from '../types.js';

export type { BaselineLookup, BaselineSource } from '../baseline/source.js';
import { MAX_ARTIFACT_BYTES, type ArtifactStore } from './artifacts.js';
import { ArchiveRefusedError } from './zip.js';
import { short, type RunnerContext } from './context.js';
import { apiMessage, httpStatus, unavailableError, type GitHubClient } from './octokit.js';

/** The parts of a workflow run evalgate reads. */
export interface RunSummary {
  id: number;
  run_number: number;
  head_sha: string;
  head_branch: string | null;
  event: string;
  created_at: string;
  html_url: string;
  workflow_id: number;
  conclusion?: string | null;
  head_repository?: { full_name?: string } | null;
}

interface ArtifactSummary {
  id: number;
  name: string;
  expired: boolean;
  size_in_bytes: number;
}

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
/** Runs listed beyond `baseline-lookback` that were not candidates, before the search gives up. */
const MAX_SCANNED_RUNS = 500;

/** Outcome of trying one candidate run. */
export type Attempt<L> = { ok: true; loaded: L } | { ok: false; why: string };

/** Baseline from an earlier run's artifact, found through the GitHub API. */
export class GitHubBaselineSource<L extends { result: EvalResult }> implements BaselineSource<L> {
  private readonly o: GitHubBaselineOptions<L>;
  private readonly skipped: string[] = [];
  /** Runs already tried: the merge-base run is also on the base branch, and fails the same way twice. */
  private readonly tried = new Map<number, Attempt<L>>();
  /** The default branch, asked from the API once when the context did not carry it. */
  private defaultBranchFromApi?: string;
  /** Runs refused for their recorded verdict (baseline hygiene), as `run #12 (verdict fail)`. */
  private readonly verdictRefused: string[] = [];
  /** The previous release's tag, once a release lookup found one (release notes name it). */
  previousReleaseTag?: string;

  constructor(opts: GitHubBaselineOptions<L>) {
    this.o = opts;
  }

  private get repo() {
    return { owner: this.o.context.owner, repo: this.o.context.repo };
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
    const self = await this.getRun(ctx.runId);
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
    const def = await this.defaultBranch();
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
      run = await this.getRun(runId);
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
    const baseBranch = pr.baseRef || (await this.defaultBranch());
    let mergeBase: string | undefined;
    try {
      const cmp = await this.compare(pr.baseSha || baseBranch, pr.headSha);
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
      const distance = mergeBase ? await this.distance(run.head_sha, mergeBase, 'the merge-base') : '';
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
    const self = await this.getRun(this.o.context.runId);
    const def = await this.defaultBranch();
    return this.newestOn(self, def, {
      found: (r) => `newest successful run on the default branch ${def}, run #${r.run_number}`,
      none: () =>
        `no successful run on ${def} with ${this.artifactPhrase()} among the last ${this.o.lookback} runs`,
      pushLikeOnly: true,
    });
  }

  /** This run's summary (its workflow, creation time). */
  selfRun(): Promise<RunSummary> {
    return this.getRun(this.o.context.runId);
  }

  private async forRelease(self: RunSummary, tag: string): Promise<BaselineLookup<L>> {
    const previous = await this.previousRelease(tag);
    this.previousReleaseTag = previous;
    if (previous) {
      let sha: string | undefined;
      try {
        const { data } = await this.o.client.request('GET /repos/{owner}/{repo}/commits/{ref}', {
          ...this.repo,
          ref: previous,
          per_page: 1,
        });
        sha = data.sha;
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
    const def = await this.defaultBranch();
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

  /**
   * Successful runs of this workflow, newest first, that `accept` takes as candidates: at most
   * `baseline-lookback` of them. Only accepted runs count towards the lookback (runs of fork pull
   * requests whose head branch is called like the base branch must not crowd out real candidates); the
   * listing stops after MAX_SCANNED_RUNS runs beyond that in any case.
   */
  private async *runs(
    filter: { branch?: string; head_sha?: string },
    accept: (r: RunSummary) => boolean,
  ): AsyncGenerator<RunSummary> {
    const limit = this.o.lookback;
    const workflowId = (await this.getRun(this.o.context.runId)).workflow_id;
    const perPage = 100;
    let accepted = 0;
    let scanned = 0;
    for (let page = 1; accepted < limit && scanned < limit + MAX_SCANNED_RUNS; page++) {
      const { data } = await this.o.client.request(
        'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
        {
          ...this.repo,
          workflow_id: workflowId,
          status: 'success',
          per_page: perPage,
          page,
          ...filter,
        },
      );
      const runs = data.workflow_runs as unknown as RunSummary[];
      for (const r of runs) {
        if (accepted >= limit || scanned >= limit + MAX_SCANNED_RUNS) return;
        scanned++;
        if (!accept(r)) continue;
        accepted++;
        yield r;
      }
      if (runs.length < perPage || page * perPage >= data.total_count) return;
    }
  }

  /** A run that may serve as baseline: not this one, trusted, and (for `pushLikeOnly`) push-like. */
  private candidate(run: RunSummary, self: RunSummary, pushLikeOnly = false): boolean {
    return run.id !== self.id && this.trusted(run) && (!pushLikeOnly || PUSH_LIKE.has(run.event));
  }

  private selfRunSummary?: Promise<RunSummary>;

  private getRun(runId: number): Promise<RunSummary> {
    const fetchRun = async (): Promise<RunSummary> => {
      const { data } = await this.o.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
        ...this.repo,
        run_id: runId,
      });
      return data as unknown as RunSummary;
    };
    if (runId !== this.o.context.runId) return fetchRun();
    this.selfRunSummary ??= fetchRun();
    return this.selfRunSummary;
  }

  /** True for a run whose artifacts come from reviewed code: not a pull request run, not a fork's commit. */
  trusted(run: RunSummary): boolean {
    if (run.event.startsWith('pull_request')) return false;
    const full = run.head_repository?.full_name;
    return !full || full.toLowerCase() === `${this.repo.owner}/${this.repo.repo}`.toLowerCase();
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

  /**
   * Downloads one run's newest unexpired artifact of the configured name and reads it with `load`. A
   * missing, expired, oversized, vanished or unreadable artifact is `{ ok: false, why }` (logged as
   * `what run #N skipped`); GitHub being unavailable throws. Shared by the baseline and the history.
   */
  async fetchRun<T>(
    run: RunSummary,
    load: (dir: string) => T | Promise<T>,
    what: string,
  ): Promise<Attempt<T>> {
    const label = `run #${run.run_number}`;
    const skip = (why: string, refused = false): Attempt<T> => {
      if (refused) this.refused = true;
      core.info(`${what} ${label} skipped: ${why}`);
      return { ok: false, why };
    };
    const { data } = await this.o.client.request(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
      {
        ...this.repo,
        run_id: run.id,
        name: this.o.artifactName,
        per_page: 100,
      },
    );
    const arts = (data.artifacts as unknown as ArtifactSummary[])
      .filter((a) => a.name === this.o.artifactName)
      .sort((a, b) => b.id - a.id);
    if (arts.length === 0) return skip('no artifact');
    const art = arts.find((a) => !a.expired);
    if (!art) return skip('artifact expired');
    if (art.size_in_bytes > MAX_ARTIFACT_BYTES)
      return skip(`artifact too large (${art.size_in_bytes} bytes)`);
    const dir = mkdtempSync(join(this.o.context.tempDir, `evalgate-run-${run.id}-`));
    try {
      await this.o.artifacts.downloadFromRun({ artifactId: art.id, runId: run.id, dir });
    } catch (e) {
      if (e instanceof ArchiveRefusedError) {
        // Untrusted content: say why it was refused (never "expired"), and go on to the next candidate.
        core.warning(`The "${art.name}" artifact of ${label} was refused: ${e.message}; skipping it`);
        return skip(`artifact refused: ${e.reason}`, true);
      }
      if (httpStatus(e) === 410) return skip('artifact expired (410 on download)');
      if (httpStatus(e) === 404) return skip('artifact gone (404 on download)');
      this.throwIfUnavailable(e);
      core.warning(
        `Could not download the "${art.name}" artifact of ${label}: ${apiMessage(e)}; skipping it`,
      );
      return skip('download failed', true);
    }
    try {
      const loaded = await load(dir);
      core.info(`${what} ${label} (${short(run.head_sha)}): artifact "${art.name}" loaded`);
      return { ok: true, loaded };
    } catch (e) {
      if (!isExpectedError(e)) throw e;
      core.warning(
        `The "${art.name}" artifact of ${label} is not a readable evalgate result (${e.message}); skipping it`,
      );
      return skip('unreadable artifact', true);
    }
  }

  /** True once a candidate's artifact was there but refused or unreadable (not merely expired). */
  private refused = false;

  /** How messages name the artifact that was looked for: "unexpired" only while expiry is all that failed. */
  private artifactPhrase(): string {
    return `${this.refused ? 'a usable' : 'an unexpired'} "${this.o.artifactName}" artifact`;
  }

  private skipNote(): string {
    if (this.skipped.length === 0) return '';
    const shown = this.skipped.slice(0, 3).join('; ');
    return ` (skipped ${shown}${this.skipped.length > 3 ? `; and ${this.skipped.length - 3} more` : ''})`;
  }

  private async compare(base: string, head: string) {
    const { data } = await this.o.client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...this.repo,
      basehead: `${base}...${head}`,
      per_page: 1,
    });
    return data;
  }

  /** "3 commits behind the merge-base" (or ahead/diverged), from the compare API; '' when unknown. */
  private async distance(from: string, to: string, toName: string): Promise<string> {
    if (from === to) return `at ${toName}`;
    try {
      const c = await this.compare(from, to);
      const plural = (n: number) => `${n} commit${n === 1 ? '' : 's'}`;
      // compare(from...to): ahead_by = commits of `to` missing in `from`, i.e. how far `from` is behind.
      if (c.ahead_by && c.behind_by)
        return `${plural(c.ahead_by)} behind and ${plural(c.behind_by)} ahead of ${toName}`;
      if (c.ahead_by) return `${plural(c.ahead_by)} behind ${toName}`;
      if (c.behind_by) return `${plural(c.behind_by)} ahead of ${toName}`;
      return `at ${toName}`;
    } catch (e) {
      core.debug(`compare ${from}...${to} failed: ${apiMessage(e)}`);
      return '';
    }
  }

  /** The repository's default branch (from the event payload, else one request). */
  defaultBranchName(): Promise<string> {
    return this.defaultBranch();
  }

  private async defaultBranch(): Promise<string> {
    if (this.o.context.defaultBranch) return this.o.context.defaultBranch;
    // Cached here, not written into the context: the caller shares that object with the publisher.
    this.defaultBranchFromApi ??= (
      await this.o.client.request('GET /repos/{owner}/{repo}', this.repo)
    ).data.default_branch;
    return this.defaultBranchFromApi;
  }

  /** The release before `tag`: newest non-draft release published before it (stable releases for a stable tag). */
  private async previousRelease(tag: string): Promise<string | undefined> {
    type Rel = {
      tag_name: string;
      draft: boolean;
      prerelease: boolean;
      created_at: string;
      published_at: string | null;
    };
    const releases: Rel[] = [];
    for (let page = 1; page <= 3; page++) {
      const { data } = await this.o.client.request('GET /repos/{owner}/{repo}/releases', {
        ...this.repo,
        per_page: 100,
        page,
      });
      releases.push(...(data as unknown as Rel[]));
      if (data.length < 100) break;
    }
    const when = (r: Rel) => r.published_at ?? r.created_at;
    const current = releases.find((r) => r.tag_name === tag);
    const stableOnly = current ? !current.prerelease : !this.o.context.releasePrerelease;
    return releases
      .filter((r) => !r.draft && r.tag_name !== tag && (!stableOnly || !r.prerelease))
      .filter((r) => !current || when(r) <= when(current))
      .sort((a, b) => when(b).localeCompare(when(a)))[0]?.tag_name;
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
