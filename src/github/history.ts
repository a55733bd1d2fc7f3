/**
 * History: the results of the last N earlier runs of the same workflow on one branch, newest first, for
 * trend charts and drift. Bounded: one listing request (a page of up to 100 runs), then each candidate's
 * artifact listed, downloaded and read at most a few at a time; results already loaded in this run (the
 * baseline's) are reused. Expired, missing and unreadable artifacts, and runs whose recorded verdict is
 * not among `baseline_verdicts`, are left out and counted.
 */
import * as core from '@actions/core';
import { refusedAsBaseline } from '../history/hygiene.js';
import type { EvalResult, Verdict } from '../types.js';
import type { Attempt } from './run-artifact.js';
import type { RunSummary } from './workflow-runs.js';
import type { GitHubClient } from './octokit.js';

/** Runs read at the same time (each is a listing request, a download and a parse). */
export const HISTORY_CONCURRENCY = 4;

/** One earlier run and its result. */
export interface HistoryRun {
  run: RunSummary;
  result: EvalResult;
}

/** What the history reader needs. */
export interface HistoryOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  /** This run (never part of its own history; later runs neither). */
  self: RunSummary;
  branch: string;
  /** Entries wanted. */
  count: number;
  acceptedVerdicts: readonly Verdict[];
  /** True for a run whose artifacts may be trusted (not a PR run, not a fork's commit). */
  trusted: (run: RunSummary) => boolean;
  /** Downloads and reads one run's result artifact. */
  fetch: (run: RunSummary) => Promise<Attempt<EvalResult>>;
  /** Results this run already loaded, by run id (the baseline's). */
  known?: Map<number, EvalResult>;
  concurrency?: number;
}

/** The history, newest first, and what was left out (reason → count). */
export interface HistoryRead {
  runs: HistoryRun[];
  skipped: Record<string, number>;
}

/** Maps `items` through `fn` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Groups skip reasons: "artifact expired (410 on download)" counts as "artifact expired". */
function category(why: string): string {
  if (why.startsWith('artifact expired')) return 'artifact expired';
  if (why.startsWith('artifact gone')) return 'artifact gone';
  if (why.startsWith('artifact too large')) return 'artifact too large';
  return why;
}

/** Reads the history (see the module comment). */
export async function readHistory(o: HistoryOptions): Promise<HistoryRead> {
  const skipped: Record<string, number> = {};
  const runs: HistoryRun[] = [];
  if (o.count <= 0) return { runs, skipped };
  const { data } = await o.client.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
    owner: o.owner,
    repo: o.repo,
    workflow_id: o.self.workflow_id,
    branch: o.branch,
    status: 'success',
    // Room for runs that turn out unusable, within one request.
    per_page: Math.min(100, o.count * 2 + 10),
  });
  const candidates = (data.workflow_runs as unknown as RunSummary[]).filter(
    (r) => r.id !== o.self.id && r.created_at <= o.self.created_at && o.trusted(r),
  );
  const limit = o.concurrency ?? HISTORY_CONCURRENCY;
  let at = 0;
  // Batches of just the entries still missing: the newest usable runs win, and no run is read needlessly.
  while (runs.length < o.count && at < candidates.length) {
    const batch = candidates.slice(at, at + (o.count - runs.length));
    at += batch.length;
    const attempts = await mapLimit(batch, limit, async (run): Promise<Attempt<EvalResult>> => {
      const known = o.known?.get(run.id);
      return known ? { ok: true, loaded: known } : o.fetch(run);
    });
    batch.forEach((run, i) => {
      const a = attempts[i];
      const why = a.ok ? refusedAsBaseline(a.loaded, o.acceptedVerdicts) : a.why;
      if (why || !a.ok) {
        const c = category(why ?? 'unreadable artifact');
        skipped[c] = (skipped[c] ?? 0) + 1;
      } else runs.push({ run, result: a.loaded });
    });
  }
  const left = Object.entries(skipped).map(([k, n]) => `${n} ${k}`);
  core.info(
    `History: ${runs.length} earlier run(s) on ${o.branch}${left.length ? `; left out: ${left.join(', ')}` : ''}`,
  );
  return { runs, skipped };
}
