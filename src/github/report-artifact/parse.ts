/**
 * Validation of the untrusted report artifact: the JSON comes from a fork's code, so every field is
 * checked for type and bounded in length, and only well-typed values reach the renderer (which escapes
 * them). Errors are InputErrors naming the file and the field.
 */
import * as core from '@actions/core';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { InputError } from '../../errors.js';
import {
  BASELINE_SOURCES,
  CONCLUSIONS,
  DIRECTIONS,
  FAIL_ON,
  MISSING_BASELINE_POLICIES,
  RESULT_TASKS,
  SEVERITIES,
  STATUSES,
  VERDICTS,
} from '../../policy.js';
import type { BaselineInfo, Comparison, Report } from '../../types.js';
import { MAX_REPORT_BYTES, type ReportArtifactMeta } from './format.js';

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
    const low = this.num(v[0], `${field}[0]`);
    const high = this.num(v[1], `${field}[1]`);
    // An interval with a missing bound is no interval: null, as the gate writes it (never NaN).
    return low === null || high === null ? null : [low, high];
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
    source: k.oneOf(b.source, BASELINE_SOURCES, 'baseline.source'),
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
      direction: k.oneOf(c.direction, DIRECTIONS, `${f}.direction`),
      baseline: k.num(c.baseline, `${f}.baseline`),
      current: k.num(c.current, `${f}.current`),
      delta: k.num(c.delta, `${f}.delta`),
      delta_pct: k.num(c.delta_pct, `${f}.delta_pct`),
      status: k.oneOf(c.status, STATUSES, `${f}.status`),
      gated: c.gated === true,
      severity: k.oneOf(c.severity, SEVERITIES, `${f}.severity`),
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
    task: k.oneOf(r.task, RESULT_TASKS, 'task'),
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

/** Parses the untrusted `pr.json`. */
export function parseMeta(text: string, file: string): ReportArtifactMeta {
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
        : k.oneOf(m.on_missing_baseline, MISSING_BASELINE_POLICIES, 'on_missing_baseline'),
  };
}

/** Reads a file of the downloaded artifact, refusing one over `max` bytes. */
export function readBounded(path: string, label: string, max = MAX_REPORT_BYTES): string {
  if (!existsSync(path)) throw new InputError('missing from the report artifact', { file: label });
  const size = statSync(path).size;
  if (size > max)
    throw new InputError(`file is ${size} bytes; more than ${max} is not read`, { file: label });
  return readFileSync(path, 'utf8');
}
