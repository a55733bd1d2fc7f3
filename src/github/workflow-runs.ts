/**
 * The REST look-ups baseline discovery and the history share: this run, earlier runs of its workflow,
 * commit distances, the default branch and the previous release. Kept apart from the discovery rules
 * (baseline.ts) so that those read as rules, and from artifact downloads (run-artifact.ts).
 */
import * as core from '@actions/core';
import type { RunnerContext } from './context.js';
import { apiMessage, type GitHubClient } from './octokit.js';

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

/** Runs listed beyond the lookback that were not candidates, before a search gives up. */
const MAX_SCANNED_RUNS = 500;

type Release = {
  tag_name: string;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at: string | null;
};

/** Workflow runs, commits and releases of the runner's repository. */
export class WorkflowRuns {
  private selfRunSummary?: Promise<RunSummary>;
  /** The default branch, asked from the API once when the context did not carry it. */
  private defaultBranchFromApi?: string;

  constructor(
    private readonly client: GitHubClient,
    private readonly context: RunnerContext,
  ) {}

  /** `{ owner, repo }` of the runner's repository, as request parameters. */
  get repo() {
    return { owner: this.context.owner, repo: this.context.repo };
  }

  /** One run by id; this run's summary is asked once. */
  getRun(runId: number): Promise<RunSummary> {
    const fetchRun = async (): Promise<RunSummary> => {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
        ...this.repo,
        run_id: runId,
      });
      return data as unknown as RunSummary;
    };
    if (runId !== this.context.runId) return fetchRun();
    this.selfRunSummary ??= fetchRun();
    return this.selfRunSummary;
  }

  /** This run's summary (its workflow, creation time). */
  selfRun(): Promise<RunSummary> {
    return this.getRun(this.context.runId);
  }

  /**
   * Successful runs of this workflow, newest first, that `accept` takes: at most `limit` of them. Only
   * accepted runs count towards the limit (runs of fork pull requests whose head branch is called like
   * the base branch must not crowd out real candidates); the listing stops after MAX_SCANNED_RUNS runs
   * beyond that in any case.
   */
  async *successfulRuns(
    filter: { branch?: string; head_sha?: string },
    accept: (r: RunSummary) => boolean,
    limit: number,
  ): AsyncGenerator<RunSummary> {
    const workflowId = (await this.selfRun()).workflow_id;
    const perPage = 100;
    let accepted = 0;
    let scanned = 0;
    for (let page = 1; accepted < limit && scanned < limit + MAX_SCANNED_RUNS; page++) {
      const { data } = await this.client.request(
        'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
        { ...this.repo, workflow_id: workflowId, status: 'success', per_page: perPage, page, ...filter },
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

  /** True for a run whose artifacts come from reviewed code: not a pull request run, not a fork's commit. */
  trusted(run: RunSummary): boolean {
    if (run.event.startsWith('pull_request')) return false;
    const full = run.head_repository?.full_name;
    return !full || full.toLowerCase() === `${this.repo.owner}/${this.repo.repo}`.toLowerCase();
  }

  /** The compare API's answer for `base...head`. */
  async compare(base: string, head: string) {
    const { data } = await this.client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
      ...this.repo,
      basehead: `${base}...${head}`,
      per_page: 1,
    });
    return data;
  }

  /** "3 commits behind the merge-base" (or ahead/diverged), from the compare API; '' when unknown. */
  async distance(from: string, to: string, toName: string): Promise<string> {
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

  /** The commit a ref (a tag) points at. */
  async commitOf(ref: string): Promise<string> {
    const { data } = await this.client.request('GET /repos/{owner}/{repo}/commits/{ref}', {
      ...this.repo,
      ref,
      per_page: 1,
    });
    return data.sha;
  }

  /** The repository's default branch (from the event payload, else one request). */
  async defaultBranch(): Promise<string> {
    if (this.context.defaultBranch) return this.context.defaultBranch;
    // Cached here, not written into the context: the caller shares that object with the publisher.
    this.defaultBranchFromApi ??= (
      await this.client.request('GET /repos/{owner}/{repo}', this.repo)
    ).data.default_branch;
    return this.defaultBranchFromApi;
  }

  /** The release before `tag`: newest non-draft release published before it (stable releases for a stable tag). */
  async previousRelease(tag: string): Promise<string | undefined> {
    const releases: Release[] = [];
    for (let page = 1; page <= 3; page++) {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}/releases', {
        ...this.repo,
        per_page: 100,
        page,
      });
      releases.push(...(data as unknown as Release[]));
      if (data.length < 100) break;
    }
    const when = (r: Release) => r.published_at ?? r.created_at;
    const current = releases.find((r) => r.tag_name === tag);
    const stableOnly = current ? !current.prerelease : !this.context.releasePrerelease;
    return releases
      .filter((r) => !r.draft && r.tag_name !== tag && (!stableOnly || !r.prerelease))
      .filter((r) => !current || when(r) <= when(current))
      .sort((a, b) => when(b).localeCompare(when(a)))[0]?.tag_name;
  }
}
