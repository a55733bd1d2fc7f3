/**
 * Action wiring: inputs → pipeline → publish. Owns the one catch: expected errors (bad input, bad usage)
 * fail the step with their message and no stack; anything else fails it with the stack, whatever was
 * thrown (a thrown non-Error is reported, never swallowed).
 */
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { loadConfig } from './config/load.js';
import { InputError, UsageError, isExpectedError } from './errors.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { computeCurrent, loadBaseline, runGate, type ComputedResult } from './pipeline.js';
import { renderJson, serializeResult } from './render/json.js';
import { renderMarkdown } from './render/markdown.js';
import type { BaselineInfo, Report } from './types.js';

/** Expands the `current` input: paths, folders and globs; a pattern that matches nothing is an error. */
export function expandCurrent(patterns: string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    if (/[*?[\]{}]/.test(p)) {
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

/** Applies the verdict to the step: outputs and, per `fail-on` / `on-missing-baseline`, failure. */
function conclude(report: Report, inputs: ActionInputs, missingPolicy: 'pass' | 'warn' | 'fail'): void {
  core.setOutput('verdict', report.verdict);
  core.setOutput('regressions', String(report.regressions));
  if (report.baseline.run_id !== undefined) core.setOutput('baseline-run-id', String(report.baseline.run_id));
  const failed = report.comparisons.filter((c) => c.status === 'regressed').map((c) => (c.slice ? `${c.metric} [${c.slice.field}=${c.slice.value}]` : c.metric));
  if (report.verdict === 'no-baseline') {
    const msg = `No baseline: ${report.baseline.reason}`;
    if (missingPolicy === 'fail') core.setFailed(msg);
    else if (missingPolicy === 'warn') core.warning(msg);
    else core.info(msg);
    return;
  }
  if (report.verdict === 'fail' && inputs.failOn !== 'never') {
    core.setFailed(`evalgate: ${report.regressions} regression${report.regressions === 1 ? '' : 's'}: ${failed.slice(0, 10).join(', ')}`);
  } else if (report.verdict === 'warn') {
    const msg = `evalgate: ${report.warnings} warning${report.warnings === 1 ? '' : 's'}`;
    if (inputs.failOn === 'warn') core.setFailed(msg);
    else core.warning(msg);
  } else {
    core.info(`evalgate: verdict ${report.verdict}`);
  }
}

/** The action. */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    if (inputs.mode === 'publish') {
      throw new UsageError('mode "publish" is not supported yet by this build');
    }
    if (inputs.current.length === 0 && !inputs.currentArtifact) {
      throw new UsageError('input "current" is required: paths or globs of this run\'s eval files');
    }
    if (inputs.currentArtifact) {
      throw new UsageError('input "current-artifact" is not supported yet by this build');
    }
    const config = loadConfig(inputs.config, inputs.configIsDefault);
    const missingPolicy = config.onMissingBaseline ?? inputs.onMissingBaseline;
    const meta = {
      commit: process.env.GITHUB_SHA,
      branch: process.env.GITHUB_REF_NAME,
      run_id: process.env.GITHUB_RUN_ID ? Number(process.env.GITHUB_RUN_ID) : undefined,
      event: process.env.GITHUB_EVENT_NAME,
      created_at: new Date().toISOString(),
    };
    const current = computeCurrent(expandCurrent(inputs.current), config, meta);
    core.info(`Current: task ${current.result.task}, n = ${current.result.n ?? 'n/a'}, ${Object.keys(current.result.metrics).length} metrics`);

    let baseline: ComputedResult | null = null;
    let baselineInfo: BaselineInfo;
    if (inputs.baselinePath) {
      baseline = loadBaseline([inputs.baselinePath], config);
      baselineInfo = { source: 'path', path: inputs.baselinePath, reason: 'input baseline-path' };
    } else {
      baselineInfo = {
        source: 'none',
        reason: 'no baseline-path given, and the look-up of earlier runs is not supported yet by this build',
      };
    }

    const report = runGate({
      current,
      baseline,
      baselineInfo,
      config,
      gateId: inputs.gateId,
      currentMeta: { commit: meta.commit, run_id: meta.run_id, branch: meta.branch },
    });
    const dir = workDir();
    const reportPath = join(dir, 'evalgate-report.json');
    writeFileSync(reportPath, renderJson(report));
    writeFileSync(join(dir, 'evalgate-result.json'), serializeResult(current.result));
    core.setOutput('report-path', reportPath);

    const markdown = renderMarkdown(report, { maxChars: 1_000_000, title: inputs.gateId });
    await core.summary.addRaw(markdown).write();
    conclude(report, inputs, missingPolicy);
  } catch (e) {
    if (isExpectedError(e)) {
      core.setFailed(e.message);
    } else if (e instanceof Error) {
      core.setFailed(`evalgate: unexpected error: ${e.stack ?? e.message}`);
    } else {
      core.setFailed(`evalgate: unexpected non-Error thrown: ${safeString(e)}`);
    }
  }
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
