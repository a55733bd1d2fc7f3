/**
 * The fork flow. A pull request from a fork runs with a read-only token, so the gate cannot comment;
 * it uploads a small report artifact instead (`<artifact-name>-report`: markdown, JSON report, PR
 * number, head SHA). A second workflow, triggered by `workflow_run` in the base repository with a
 * write token, runs evalgate with `mode: publish`: it downloads that artifact from the triggering run,
 * checks which PR it belongs to and that the PR's head has not moved, and posts comment and check.
 *
 * The artifact was produced by the fork's code and is untrusted: the JSON is validated field by field
 * and re-rendered (escaped) here; the shipped markdown is never posted as is; links are kept only when
 * they point at this repository's runs.
 */
import * as core from '@actions/core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import type { BaselineInfo, Comparison, Report, Status, Verdict } from '../types.js';
import type { ArtifactStore } from './artifacts.js';
import { runUrl, short, type RunnerContext, type TriggeringRunInfo } from './context.js';
import { apiMessage, httpStatus, type GitHubClient } from './octokit.js';
import {
  conclusionFor,
  type FailOn,
  type MissingPolicy,
  type PublishRequest,
  type PublishResult,
  type Publisher,
} from './publisher.js';

/** File names inside the report artifact. */
export const REPORT_FILES = { markdown: 'report.md', json: 'report.json', meta: 'pr.json' } as const;

/** Upper bound on what publish mode reads from the untrusted artifact. */
const MAX_REPORT_BYTES = 8 * 1024 * 1024;
/** Upper bound on `pr.json` (a few short fields). */
const MAX_META_BYTES = 64 * 1024;

/** Name of the report artifact for a results artifact name. */
export function reportArtifactName(artifactName: string): string {
  return `${artifactName}-report`;
}

/** `pr.json`: what the gate knew about the PR when it ran. */
export interface ReportArtifactMeta {
  schema: 'evalgate/pr-report';
  version: 1;
  pr_number: number;
  head_sha: string;
  gate_id: string;
  conclusion: 'success' | 'neutral' | 'failure';
  run_id: number;
  /** The gate's `fail-on`: with the verdict, it decides the conclusion. */
  fail_on?: FailOn;
  /** The gate's missing-baseline policy (`on-missing-baseline`, or the config's). */
  on_missing_baseline?: MissingPolicy;
}

/** Writes the report artifact's files into a fresh folder and uploads them. */
export async function uploadReportArtifact(
  store: ArtifactStore,
  opts: {
    artifactName: string;
    dir: string;
    markdown: string;
    reportJson: string;
    meta: ReportArtifactMeta;
    retentionDays?: number;
  },
): Promise<string> {
  const name = reportArtifactName(opts.artifactName);
  mkdirSync(opts.dir, { recursive: true });
  const files = [
    [REPORT_FILES.markdown, opts.markdown],
    [REPORT_FILES.json, opts.reportJson],
    [REPORT_FILES.meta, JSON.stringify(opts.meta, null, 2) + '\n'],
  ].map(([f, text]) => {
    const p = join(opts.dir, f);
    writeFileSync(p, text);
    return p;
  });
  await store.upload(name, files, opts.dir, opts.retentionDays);
  core.info(
    `Uploaded the report as artifact "${name}" for a workflow_run workflow to publish (mode: publish)`,
  );
  return name;
}

// ---------------------------------------------------------------------- validation of untrusted input

const VERDICTS: Verdict[] = ['pass', 'warn', 'fail', 'no-baseline'];
const STATUSES: Status[] = [
  'regressed',
  'warn',
  'improved',
  'unchanged',
  'new',
  'missing',
  'skipped',
  'waived',
];
const CONCLUSIONS = ['success', 'neutral', 'failure'] as const;
const FAIL_ON: readonly FailOn[] = ['regression', 'warn', 'never'];
const MISSING_POLICIES: readonly MissingPolicy[] = ['pass', 'warn', 'fail'];

class Checker {
  constructor(private readonly file: string) {}
  fail(field: string, what: string): never {
    throw new InputError(what, { file: this.file, field });
  }
  obj(v: unknown, field: string): Record<string, unknown> {
    if (!v || typeof v !== 'object' || Array.isArray(v)) this.fail(field, 'must be an object');
    return v as Record<string, unknown>;
  }
  str(v: unknown, field: string, max = 10_000): string {
    if (typeof v !== 'string') this.fail(field, 'must be a string');
    return (v as string).slice(0, max);
  }
  optStr(v: unknown, field: string, max = 10_000): string | undefined {
    return v === undefined || v === null ? undefined : this.str(v, field, max);
  }
  num(v: unknown, field: string): number | null {
    if (v === null || v === undefined) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(field, 'must be a finite number or null');
    return v as number;
  }
  int(v: unknown, field: string): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      this.fail(field, 'must be a non-negative integer');
    return v as number;
  }
  ci(v: unknown, field: string): [number, number] | null {
    if (v === null || v === undefined) return null;
    if (!Array.isArray(v) || v.length !== 2) this.fail(field, 'must be [low, high] or null');
    return [this.num(v[0], `${field}[0]`) ?? NaN, this.num(v[1], `${field}[1]`) ?? NaN];
  }
  oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string): T {
    if (!allowed.includes(v as T)) this.fail(field, `must be one of ${allowed.join(', ')}`);
    return v as T;
  }
}

/** Parses an untrusted JSON document whose root object must carry `schema`. */
function untrustedRoot(
  text: string,
  file: string,
  schema: string,
): { k: Checker; root: Record<string, unknown> } {
  const k = new Checker(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError(`not JSON: ${(e as Error).message}`, { file });
  }
  const root = k.obj(data, '(root)');
  if (root.schema !== schema) k.fail('schema', `must be "${schema}"`);
  return { k, root };
}

/**
 * Parses a report produced by another (untrusted) run into a Report that holds only well-typed values;
 * throws InputError naming the field at fault. Links are dropped unless they point at `allowedUrlPrefix`.
 */
export function parseUntrustedReport(text: string, file: string, allowedUrlPrefix: string): Report {
  const { k, root: r } = untrustedRoot(text, file, 'evalgate/report');
  const b = k.obj(r.baseline, 'baseline');
  const url = k.optStr(b.url, 'baseline.url', 500);
  const baseline: BaselineInfo = {
    source: k.oneOf(b.source, ['path', 'artifact', 'none'] as const, 'baseline.source'),
    reason: k.str(b.reason, 'baseline.reason', 1000),
    ...(b.path !== undefined ? { path: k.str(b.path, 'baseline.path', 300) } : {}),
    ...(b.run_id !== undefined ? { run_id: k.int(b.run_id, 'baseline.run_id') } : {}),
    ...(b.run_number !== undefined ? { run_number: k.int(b.run_number, 'baseline.run_number') } : {}),
    ...(b.commit !== undefined ? { commit: k.str(b.commit, 'baseline.commit', 64) } : {}),
    ...(b.branch !== undefined ? { branch: k.str(b.branch, 'baseline.branch', 300) } : {}),
    ...(url && url.startsWith(allowedUrlPrefix) && /^[\w:/.%-]+$/.test(url) ? { url } : {}),
  };
  if (!Array.isArray(r.comparisons)) k.fail('comparisons', 'must be an array');
  const comparisons: Comparison[] = (r.comparisons as unknown[]).slice(0, 20_000).map((c0, i) => {
    const f = `comparisons[${i}]`;
    const c = k.obj(c0, f);
    const slice = c.slice === undefined || c.slice === null ? undefined : k.obj(c.slice, `${f}.slice`);
    const test = c.test === undefined || c.test === null ? undefined : k.obj(c.test, `${f}.test`);
    const out: Comparison = {
      metric: k.str(c.metric, `${f}.metric`, 300),
      direction: k.oneOf(c.direction, ['higher', 'lower'] as const, `${f}.direction`),
      baseline: k.num(c.baseline, `${f}.baseline`),
      current: k.num(c.current, `${f}.current`),
      delta: k.num(c.delta, `${f}.delta`),
      delta_pct: k.num(c.delta_pct, `${f}.delta_pct`),
      status: k.oneOf(c.status, STATUSES, `${f}.status`),
      gated: c.gated === true,
      severity: k.oneOf(c.severity, ['fail', 'warn'] as const, `${f}.severity`),
      reason: k.str(c.reason ?? '', `${f}.reason`, 1000),
    };
    if (slice)
      out.slice = {
        field: k.str(slice.field, `${f}.slice.field`, 200),
        value: k.str(slice.value, `${f}.slice.value`, 200),
      };
    if (test) {
      out.test = {
        method: k.str(test.method, `${f}.test.method`, 100),
        paired: test.paired === true,
        p_value: k.num(test.p_value, `${f}.test.p_value`),
        ci_delta: k.ci(test.ci_delta, `${f}.test.ci_delta`),
      };
    }
    if (c.p_adjusted !== undefined) out.p_adjusted = k.num(c.p_adjusted, `${f}.p_adjusted`);
    if (c.baseline_ci !== undefined) out.baseline_ci = k.ci(c.baseline_ci, `${f}.baseline_ci`);
    if (c.current_ci !== undefined) out.current_ci = k.ci(c.current_ci, `${f}.current_ci`);
    if (c.undefined !== undefined) out.undefined = k.str(c.undefined, `${f}.undefined`, 300);
    return out;
  });
  const cur = k.obj(r.current, 'current');
  const settings = k.obj(r.settings, 'settings');
  const report: Report = {
    schema: 'evalgate/report',
    version: k.int(r.version, 'version'),
    verdict: k.oneOf(r.verdict, VERDICTS, 'verdict'),
    task: k.oneOf(
      r.task,
      ['binary', 'multiclass', 'multilabel', 'regression', 'generation', 'aggregate'] as const,
      'task',
    ),
    baseline,
    current: { n: k.num(cur.n, 'current.n') },
    comparisons,
    // Counts are recomputed: they drive the title and must agree with the rows shown.
    regressions: comparisons.filter((c) => c.status === 'regressed').length,
    warnings: comparisons.filter((c) => c.status === 'warn').length,
    settings: {
      significance: k.num(settings.significance, 'settings.significance'),
      correction: k.str(settings.correction ?? '', 'settings.correction', 100),
    },
    notes: Array.isArray(r.notes) ? r.notes.slice(0, 50).map((n, i) => k.str(n, `notes[${i}]`, 1000)) : [],
  };
  if (typeof r.regressions === 'number' && r.regressions !== report.regressions) {
    core.warning(
      `The report's regression count (${r.regressions}) disagrees with its rows (${report.regressions}); using the rows`,
    );
  }
  if (cur.commit !== undefined) report.current.commit = k.str(cur.commit, 'current.commit', 64);
  if (cur.run_id !== undefined) report.current.run_id = k.int(cur.run_id, 'current.run_id');
  if (cur.branch !== undefined) report.current.branch = k.str(cur.branch, 'current.branch', 300);
  if (r.gate_id !== undefined) report.gate_id = k.str(r.gate_id, 'gate_id', 200);
  const pairing = r.pairing === undefined ? undefined : k.obj(r.pairing, 'pairing');
  if (pairing) {
    report.pairing = {
      paired: pairing.paired === true,
      n_baseline: k.int(pairing.n_baseline, 'pairing.n_baseline'),
      n_current: k.int(pairing.n_current, 'pairing.n_current'),
      overlap: k.int(pairing.overlap, 'pairing.overlap'),
      overlap_ratio: k.num(pairing.overlap_ratio, 'pairing.overlap_ratio') ?? 0,
    };
  }
  const fl = r.flipped === undefined ? undefined : k.obj(r.flipped, 'flipped');
  if (fl) {
    const rows = (v: unknown, f: string) =>
      (Array.isArray(v) ? v : []).slice(0, 50).map((x, i) => {
        const e = k.obj(x, `${f}[${i}]`);
        return {
          id: k.str(String(e.id), `${f}[${i}].id`, 200),
          label: e.label,
          baseline_prediction: e.baseline_prediction,
          current_prediction: e.current_prediction,
          ...(e.change !== undefined ? { change: k.num(e.change, `${f}[${i}].change`) ?? undefined } : {}),
        };
      });
    report.flipped = {
      outcome: k.str(fl.outcome, 'flipped.outcome', 100),
      worse: k.int(fl.worse, 'flipped.worse'),
      better: k.int(fl.better, 'flipped.better'),
      top_worse: rows(fl.top_worse, 'flipped.top_worse'),
      top_better: rows(fl.top_better, 'flipped.top_better'),
    };
  }
  return report;
}

function parseMeta(text: string, file: string): ReportArtifactMeta {
  const { k, root: m } = untrustedRoot(text, file, 'evalgate/pr-report');
  const headSha = k.str(m.head_sha, 'head_sha', 64);
  if (!/^[0-9a-f]{40}$/.test(headSha)) k.fail('head_sha', 'must be a 40-character commit SHA');
  return {
    schema: 'evalgate/pr-report',
    version: 1,
    pr_number: k.int(m.pr_number, 'pr_number'),
    head_sha: headSha,
    gate_id: k.str(m.gate_id, 'gate_id', 200),
    conclusion: k.oneOf(m.conclusion, CONCLUSIONS, 'conclusion'),
    run_id: k.int(m.run_id, 'run_id'),
    // Absent in artifacts of older versions: the action's defaults.
    fail_on: m.fail_on === undefined ? 'regression' : k.oneOf(m.fail_on, FAIL_ON, 'fail_on'),
    on_missing_baseline:
      m.on_missing_baseline === undefined
        ? 'warn'
        : k.oneOf(m.on_missing_baseline, MISSING_POLICIES, 'on_missing_baseline'),
  };
}

function readBounded(path: string, label: string, max = MAX_REPORT_BYTES): string {
  if (!existsSync(path)) throw new InputError('missing from the report artifact', { file: label });
  const size = statSync(path).size;
  if (size > max)
    throw new InputError(`file is ${size} bytes; more than ${max} is not read`, { file: label });
  return readFileSync(path, 'utf8');
}

// ---------------------------------------------------------------------- publish mode

/** Everything publish mode needs. */
export interface PublishModeOptions {
  client: GitHubClient;
  context: RunnerContext;
  artifacts: ArtifactStore;
  publisher: Publisher;
  artifactName: string;
  /** Renders a (validated) report within a size limit; the same renderer the gate uses. */
  render: (report: Report, maxChars: number, detailsUrl: string) => string;
}

/** Result of publish mode. */
export interface PublishModeResult {
  published: boolean;
  /** Why nothing was published, when it was not. */
  reason?: string;
  prNumber?: number;
  report?: Report;
  publish?: PublishResult;
}

/**
 * Publishes the report of the run that triggered this `workflow_run` workflow. Nothing to publish (no
 * report artifact: the gate could publish itself) and a PR that moved on are not errors.
 */
export async function runPublishMode(o: PublishModeOptions): Promise<PublishModeResult> {
  const ctx = o.context;
  const trigger = ctx.workflowRun;
  if (!trigger || !Number.isInteger(trigger.id) || trigger.id <= 0) {
    throw new UsageError(
      'mode "publish" must run in a workflow triggered by workflow_run (github.event.workflow_run is missing)',
    );
  }
  const repo = { owner: ctx.owner, repo: ctx.repo };
  const name = reportArtifactName(o.artifactName);
  const { data } = await o.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
    ...repo,
    run_id: trigger.id,
    name,
    per_page: 100,
  });
  const art = data.artifacts.filter((a) => a.name === name && !a.expired).sort((a, b) => b.id - a.id)[0];
  if (!art) {
    const reason = `run ${trigger.id} has no "${name}" artifact (the gate published itself, or it did not run)`;
    core.info(`Nothing to publish: ${reason}`);
    return { published: false, reason };
  }
  if (art.size_in_bytes > MAX_REPORT_BYTES) {
    throw new InputError(
      `artifact is ${art.size_in_bytes} bytes; a report artifact is small, more than ${MAX_REPORT_BYTES} is not read`,
      { file: name },
    );
  }
  const dir = mkdtempSync(join(ctx.tempDir, `evalgate-publish-${trigger.id}-`));
  // Only the two files read below are extracted, each within its limit, counted while inflating: the
  // archive comes from the fork's code (report.md is never used, so never extracted).
  await o.artifacts.downloadFromRun({
    artifactId: art.id,
    runId: trigger.id,
    dir,
    limits: {
      files: { [REPORT_FILES.json]: MAX_REPORT_BYTES, [REPORT_FILES.meta]: MAX_META_BYTES },
      maxBytes: MAX_REPORT_BYTES + MAX_META_BYTES,
    },
  });
  const metaLabel = `${name}/${REPORT_FILES.meta}`;
  const meta = parseMeta(readBounded(join(dir, REPORT_FILES.meta), metaLabel, MAX_META_BYTES), metaLabel);
  const runPrefix = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/`;
  const reportLabel = `${name}/${REPORT_FILES.json}`;
  const report = parseUntrustedReport(
    readBounded(join(dir, REPORT_FILES.json), reportLabel),
    reportLabel,
    runPrefix,
  );

  if (meta.head_sha !== trigger.headSha) {
    const reason = `the report is for ${short(meta.head_sha)} but run ${trigger.id} built ${short(trigger.headSha)}`;
    core.warning(`Not publishing: ${reason}`);
    return { published: false, reason };
  }
  // The check's conclusion follows from the validated verdict and the gate's policy; a pr.json whose
  // conclusion says otherwise was not written by evalgate (or not for this report): nothing is posted.
  const conclusion = conclusionFor(
    report.verdict,
    meta.fail_on ?? 'regression',
    meta.on_missing_baseline ?? 'warn',
  );
  if (meta.conclusion !== conclusion) {
    const reason = `${REPORT_FILES.meta} says conclusion "${meta.conclusion}", but verdict "${report.verdict}" with fail-on "${meta.fail_on}" and on-missing-baseline "${meta.on_missing_baseline}" gives "${conclusion}"`;
    core.warning(`Not publishing: ${reason}`);
    return { published: false, reason };
  }
  const { numbers: candidates, moved } = await pullRequestsOf(o.client, repo, trigger);
  const movedOn = moved.find((p) => p.number === meta.pr_number);
  if (!candidates.includes(meta.pr_number) && movedOn) {
    const reason = `PR #${movedOn.number} has moved on to ${short(movedOn.sha)}; the report for ${short(trigger.headSha)} is stale`;
    core.info(`Not publishing: ${reason}`);
    return { published: false, reason, prNumber: movedOn.number };
  }
  if (!candidates.includes(meta.pr_number)) {
    const reason = candidates.length
      ? `the report names PR #${meta.pr_number}, but commit ${short(trigger.headSha)} belongs to ${candidates.map((n) => `#${n}`).join(', ')}`
      : `no open pull request has ${trigger.headOwner}:${trigger.headBranch ?? '?'} at commit ${short(trigger.headSha)} as its head`;
    core.warning(`Not publishing: ${reason}`);
    return { published: false, reason };
  }
  const prNumber = meta.pr_number;
  let headNow: string;
  try {
    const { data: pr } = await o.client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
      ...repo,
      pull_number: prNumber,
    });
    headNow = pr.head.sha;
    if (pr.state !== 'open') {
      const reason = `PR #${prNumber} is ${pr.state}`;
      core.info(`Not publishing: ${reason}`);
      return { published: false, reason, prNumber };
    }
  } catch (e) {
    if (httpStatus(e) === 404) return { published: false, reason: `PR #${prNumber} not found`, prNumber };
    throw e;
  }
  if (headNow !== trigger.headSha) {
    const reason = `PR #${prNumber} has moved on to ${short(headNow)}; the report for ${short(trigger.headSha)} is stale`;
    core.info(`Not publishing: ${reason}`);
    return { published: false, reason, prNumber };
  }
  const triggerUrl = `${runPrefix}${trigger.id}`;
  const req: PublishRequest = {
    report,
    render: (max) => o.render(report, max, triggerUrl),
    headSha: trigger.headSha,
    prNumber,
    conclusion,
    detailsUrl: triggerUrl,
  };
  let result: PublishResult;
  try {
    result = await o.publisher.publish(req);
  } catch (e) {
    throw new Error(`publishing to PR #${prNumber} failed: ${apiMessage(e)}`, { cause: e });
  }
  if (result.denied.length) {
    core.warning(
      `mode: publish needs ${result.denied.map((d) => `\`${d}\``).join(' and ')} in the workflow_run workflow's permissions`,
    );
  }
  core.info(
    `Published the report of run ${trigger.id} (${runUrl({ ...ctx, runId: trigger.id, runAttempt: undefined })}) to PR #${prNumber}`,
  );
  return { published: true, prNumber, report, publish: result };
}

/**
 * Open pull requests whose head is the triggering run's head: GitHub's own list on the run when it has
 * one (same-repository branches); else the open PRs from `headOwner:headBranch` (fork PRs: GitHub leaves
 * `workflow_run.pull_requests` empty, and a commit only in the fork is associated with no PR), kept only
 * when their head is that very commit in that very repository; else the PRs associated with the commit.
 */
async function pullRequestsOf(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  trigger: TriggeringRunInfo,
): Promise<{ numbers: number[]; moved: { number: number; sha: string }[] }> {
  if (trigger.pullRequests.length) return { numbers: trigger.pullRequests, moved: [] };
  const found = new Set<number>();
  // Open PRs from that branch whose head has moved past the commit (their report would be stale).
  const moved: { number: number; sha: string }[] = [];
  if (trigger.headBranch && trigger.headOwner) {
    const prs = await client.paginate('GET /repos/{owner}/{repo}/pulls', {
      ...repo,
      state: 'open',
      head: `${trigger.headOwner}:${trigger.headBranch}`,
      per_page: 100,
    });
    for (const p of prs) {
      if (p.head.repo?.full_name.toLowerCase() !== trigger.headRepo.toLowerCase()) continue;
      if (p.head.sha === trigger.headSha) found.add(p.number);
      else moved.push({ number: p.number, sha: p.head.sha });
    }
  }
  if (found.size === 0) {
    const { data: prs } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
      ...repo,
      commit_sha: trigger.headSha,
      per_page: 100,
    });
    for (const p of prs) if (p.state === 'open') found.add(p.number);
  }
  return { numbers: [...found].sort((a, b) => a - b), moved };
}
