/**
 * Publishing a report on GitHub: one sticky PR comment per gate (found by a hidden marker, updated in
 * place, duplicates from races removed) and a check run with the verdict and annotations.
 *
 * A token without write access (pull requests from forks get a read-only `GITHUB_TOKEN`) makes GitHub
 * answer 403; that becomes a warning naming the missing permission, never a failure: the report is in
 * the job summary either way, and a `workflow_run` workflow can publish it (`mode: publish`).
 */
import * as core from '@actions/core';
import type { CommentMode, Conclusion } from '../policy.js';
import type { Comparison, Report } from '../types.js';
import { apiMessage, httpStatus, isRateLimit, type GitHubClient } from './octokit.js';

/** GitHub's limit on an issue comment body. */
export const MAX_COMMENT_CHARS = 65_536;
/** GitHub's limit on a check run's output summary and text. */
export const MAX_CHECK_CHARS = 65_535;
/** GitHub accepts at most 50 annotations per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** The login `GITHUB_TOKEN` comments as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** A check run annotation (GitHub's shape). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

/** What to publish. */
export interface PublishRequest {
  report: Report;
  /** Renders the report in at most `maxChars` characters (shortening it with a pointer when needed). */
  render: (maxChars: number) => string;
  /** Commit the check run is attached to (the PR head, not the merge commit). */
  headSha: string;
  /** PR to comment on; no comment without one. */
  prNumber?: number;
  conclusion: Conclusion;
  /** Link for the check run's "Details" (this run). */
  detailsUrl?: string;
  annotations?: CheckAnnotation[];
}

/** What happened. */
export interface PublishResult {
  comment: {
    action: 'created' | 'updated' | 'unchanged' | 'skipped' | 'denied' | 'no-pr';
    url?: string;
    /** Duplicate sticky comments removed. */
    deleted: number;
  };
  check: { action: 'created' | 'skipped' | 'denied'; id?: number; url?: string };
  /** Permissions the token lacked (`pull-requests: write`, `checks: write`). */
  denied: string[];
}

/** Publishes reports somewhere. */
export interface Publisher {
  publish(req: PublishRequest): Promise<PublishResult>;
}

/** Options of the GitHub publisher. */
export interface GitHubPublisherOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  gateId: string;
  comment: CommentMode;
  /** Name of the check run; empty = no check run. */
  checkName: string;
}

/** The hidden first line that identifies a gate's sticky comment. */
export function commentMarker(gateId: string): string {
  // `--` cannot appear inside an HTML comment; percent-encoding keeps any gate id safe and unique.
  return `<!-- evalgate:gate=${encodeURIComponent(gateId).replace(/-/g, '%2D')} -->`;
}

function normalize(body: string): string {
  return body.replace(/\r\n/g, '\n').trimEnd();
}

/** Cuts text to `max` characters at a line boundary, with a note (a last resort; renderers fit first). */
export function fitText(
  text: string,
  max: number,
  note = '\n\n_…truncated: the job summary shows more; every row is in the JSON report._\n',
): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf('\n', max - note.length - 1);
  return text.slice(0, Math.max(0, cut)) + note;
}

/** Check run title from the verdict. */
export function checkTitle(report: Report): string {
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  switch (report.verdict) {
    case 'fail':
      return `Fail: ${n(report.regressions, 'regression')}${report.warnings ? `, ${n(report.warnings, 'warning')}` : ''}`;
    case 'warn':
      return `Warning: ${n(report.warnings, 'warning')}`;
    case 'no-baseline':
      return 'No baseline to compare with';
    default:
      return 'Pass: no significant regression';
  }
}

/**
 * Annotations for the check run: one per regressed or warned comparison, attached to `path` (the
 * config file or the eval file, so they show next to something in the repository). Capped: beyond a
 * few screens they help nobody, and every 50 cost one more write request (GitHub asks for ≥ 1 s
 * between writes, which the throttling plugin enforces).
 */
export function annotationsFor(report: Report, path: string, max = 150): CheckAnnotation[] {
  const bad = report.comparisons.filter(
    (c): c is Comparison => c.status === 'regressed' || c.status === 'warn' || c.status === 'drifted',
  );
  return bad.slice(0, max).map((c) => ({
    path,
    start_line: 1,
    end_line: 1,
    annotation_level: c.status !== 'warn' && c.severity === 'fail' ? 'failure' : 'warning',
    title: `${c.metric}${c.slice ? ` [${c.slice.field}=${c.slice.value}]` : ''} ${c.status}`.slice(0, 255),
    message: c.reason.slice(0, 64_000) || c.status,
  }));
}

/** Publishes to a pull request comment and a check run. */
export class GitHubPublisher implements Publisher {
  constructor(private readonly o: GitHubPublisherOptions) {}

  private get repo() {
    return { owner: this.o.owner, repo: this.o.repo };
  }

  async publish(req: PublishRequest): Promise<PublishResult> {
    const result: PublishResult = {
      comment: { action: 'skipped', deleted: 0 },
      check: { action: 'skipped' },
      denied: [],
    };
    if (req.prNumber === undefined) result.comment.action = 'no-pr';
    else if (this.o.comment !== 'never') {
      try {
        result.comment = await this.stickyComment(req, req.prNumber);
      } catch (e) {
        if (!this.denied(e, 'pull-requests: write', 'post the PR comment')) throw e;
        result.comment = { action: 'denied', deleted: 0 };
        result.denied.push('pull-requests: write');
      }
    }
    if (this.o.checkName) {
      try {
        result.check = await this.checkRun(req);
      } catch (e) {
        if (!this.denied(e, 'checks: write', 'create the check run')) throw e;
        result.check = { action: 'denied' };
        result.denied.push('checks: write');
      }
    }
    return result;
  }

  /** A 403 means a read-only token: warn with the missing permission instead of failing. */
  private denied(e: unknown, permission: string, what: string): boolean {
    // A rate limit is a 403 too, but no missing permission: it propagates (a warning in the caller).
    if (httpStatus(e) !== 403 || isRateLimit(e)) return false;
    core.warning(
      `evalgate could not ${what}: the token lacks \`${permission}\` (${apiMessage(e)}). ` +
        'Pull requests from forks get a read-only token; the report is in the job summary, and a workflow_run ' +
        'workflow with `mode: publish` can post it. Otherwise add the permission to the workflow.',
    );
    return true;
  }

  /** The login this token comments as, once known (from a comment it created, or `GET /user`). */
  private selfLogin?: string;
  private userLookup?: Promise<string | undefined>;

  /**
   * The login of the token's user for a personal access token; undefined for an installation token
   * (`GITHUB_TOKEN`, a GitHub App's), which `GET /user` refuses (403).
   */
  private authenticatedLogin(): Promise<string | undefined> {
    this.userLookup ??= (async () => {
      try {
        const { data } = await this.o.client.request('GET /user');
        return data.login;
      } catch (e) {
        const status = httpStatus(e);
        if (status === 401 || status === 403 || status === 404) return undefined;
        throw e;
      }
    })();
    return this.userLookup;
  }

  /**
   * This gate's sticky comments on the PR, oldest first (all pages): comments whose body starts with
   * the marker **and** that this token's identity wrote. Anyone can paste the marker into a comment;
   * such a comment is never taken for ours, so it is never edited or deleted.
   *
   * The identity is `github-actions[bot]` for `GITHUB_TOKEN`; once this publisher has created a comment,
   * the login GitHub showed on it; and when marker comments by other authors exist, `GET /user` tells
   * whether the token is a personal access token of one of them (403 for installation tokens).
   */
  async findSticky(prNumber: number): Promise<{ id: number; body: string; html_url: string }[]> {
    const marker = commentMarker(this.o.gateId);
    const comments = await this.o.client.paginate(
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
      {
        ...this.repo,
        issue_number: prNumber,
        per_page: 100,
      },
    );
    const marked = comments
      .filter((c) => typeof c.body === 'string' && c.body.startsWith(marker))
      .map((c) => ({
        id: c.id,
        body: c.body as string,
        html_url: c.html_url,
        login: c.user?.login,
        type: c.user?.type,
      }))
      .sort((a, b) => a.id - b.id);
    const isActionsBot = (c: (typeof marked)[number]) => c.type === 'Bot' && c.login === ACTIONS_BOT_LOGIN;
    let login = this.selfLogin;
    if (!login && marked.some((c) => !isActionsBot(c))) {
      login = await this.authenticatedLogin();
      if (login) this.selfLogin = login;
    }
    const mine = marked.filter((c) => (login ? c.login === login : isActionsBot(c)));
    const foreign = marked.length - mine.length;
    if (foreign)
      core.info(
        `Ignored ${foreign} comment(s) on #${prNumber} that carry the evalgate marker but were not written by ${login ?? ACTIONS_BOT_LOGIN}`,
      );
    return mine.map(({ id, body, html_url }) => ({ id, body, html_url }));
  }

  private async stickyComment(req: PublishRequest, prNumber: number): Promise<PublishResult['comment']> {
    const marker = commentMarker(this.o.gateId);
    const body = fitText(
      `${marker}\n${req.render(MAX_COMMENT_CHARS - marker.length - 1)}`,
      MAX_COMMENT_CHARS,
    );
    const [keep, ...dupes] = await this.findSticky(prNumber);
    // Two jobs racing can both create the comment; the oldest one stays, so links to it keep working.
    let deleted = await this.deleteComments(dupes);
    if (deleted) core.info(`Removed ${deleted} duplicate evalgate comment(s) on #${prNumber}`);
    const flagged = req.report.verdict === 'fail' || req.report.verdict === 'warn';
    if (!keep) {
      if (this.o.comment === 'on-regression' && !flagged) {
        core.info(`No PR comment: verdict ${req.report.verdict} and comment: on-regression`);
        return { action: 'skipped', deleted };
      }
      const { data } = await this.o.client.request(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        {
          ...this.repo,
          issue_number: prNumber,
          body,
        },
      );
      const login = data.user?.login;
      if (login) this.selfLogin = login;
      // Look again after creating: another run of this PR may have created its comment between our
      // listing and our post (both saw none), and a GitHub App's installation token (which `GET /user`
      // refuses) shows its identity only now, so an earlier comment of it may exist. The oldest stays,
      // so links to it keep working; every newer one of ours goes, and the oldest gets this report. Each
      // racing run does the same, so the race ends with one comment.
      const [oldest, ...newer] = await this.findSticky(prNumber);
      if (oldest && oldest.id !== data.id) {
        const removed = await this.deleteComments(newer);
        deleted += removed;
        if (removed) core.info(`Removed ${removed} duplicate evalgate comment(s) on #${prNumber}`);
        const { data: updated } = await this.o.client.request(
          'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
          { ...this.repo, comment_id: oldest.id, body },
        );
        core.info(`Updated the evalgate comment on #${prNumber}: ${updated.html_url}`);
        return { action: 'updated', url: updated.html_url, deleted };
      }
      if (newer.length) {
        const removed = await this.deleteComments(newer);
        deleted += removed;
        if (removed) core.info(`Removed ${removed} duplicate evalgate comment(s) on #${prNumber}`);
      }
      core.info(`Posted the evalgate comment on #${prNumber}: ${data.html_url}`);
      return { action: 'created', url: data.html_url, deleted };
    }
    // `always` rewrites the comment on every run (GitHub then shows it as edited now); `on-change` only
    // when the rendered report differs; `on-regression` keeps an existing comment current whatever the
    // verdict, so that a fixed PR no longer shows the old failure.
    if (this.o.comment !== 'always' && normalize(keep.body) === normalize(body)) {
      core.info(`The evalgate comment on #${prNumber} is already up to date`);
      return { action: 'unchanged', url: keep.html_url, deleted };
    }
    const { data } = await this.o.client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...this.repo,
      comment_id: keep.id,
      body,
    });
    core.info(`Updated the evalgate comment on #${prNumber}: ${data.html_url}`);
    return { action: 'updated', url: data.html_url, deleted };
  }

  /** Deletes comments (ours: found by findSticky); one already gone counts as nothing. */
  private async deleteComments(comments: { id: number }[]): Promise<number> {
    let deleted = 0;
    for (const d of comments) {
      try {
        await this.o.client.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          ...this.repo,
          comment_id: d.id,
        });
        deleted++;
      } catch (e) {
        if (httpStatus(e) !== 404) throw e;
      }
    }
    return deleted;
  }

  private async checkRun(req: PublishRequest): Promise<PublishResult['check']> {
    const title = checkTitle(req.report);
    const summary = fitText(req.render(MAX_CHECK_CHARS), MAX_CHECK_CHARS);
    const annotations = req.annotations ?? [];
    const batches: CheckAnnotation[][] = [];
    for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST)
      batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    const { data } = await this.o.client.request('POST /repos/{owner}/{repo}/check-runs', {
      ...this.repo,
      name: this.o.checkName,
      head_sha: req.headSha,
      status: 'completed',
      conclusion: req.conclusion,
      completed_at: new Date().toISOString(),
      ...(req.detailsUrl ? { details_url: req.detailsUrl } : {}),
      output: { title, summary, ...(batches[0] ? { annotations: batches[0] } : {}) },
    });
    // Each update appends its annotations; the title and summary must be repeated.
    for (const batch of batches.slice(1)) {
      await this.o.client.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
        ...this.repo,
        check_run_id: data.id,
        output: { title, summary, annotations: batch },
      });
    }
    core.info(
      `Created check run "${this.o.checkName}" (${req.conclusion}) on ${req.headSha.slice(0, 7)}: ${data.html_url ?? data.url}`,
    );
    return { action: 'created', id: Number(data.id), url: data.html_url ?? undefined };
  }
}
