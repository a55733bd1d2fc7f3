/**
 * Action inputs (the table in README.md, from action.yml), read and validated in one place. Names are part of the contract;
 * defaults live in action.yml (the runner supplies them), not here.
 */
import * as core from '@actions/core';
import { VERDICT_NAMES } from '../config/schema.js';
import { UsageError } from '../errors.js';
import {
  ACTION_MODES,
  COMMENT_MODES,
  FAIL_ON,
  MISSING_BASELINE_POLICIES,
  type ActionMode,
  type CommentMode,
  type FailOn,
  type MissingPolicy,
} from '../policy.js';
import type { Verdict } from '../types.js';

/** Typed action inputs. */
export interface ActionInputs {
  current: string[];
  currentArtifact: string;
  config: string;
  /** True when `config` is the default path (a missing file then means zero-config defaults). */
  configIsDefault: boolean;
  artifactName: string;
  baselinePath: string;
  baselineRunId: number | undefined;
  baselineBranch: string;
  baselineLookback: number;
  githubToken: string;
  comment: CommentMode;
  checkName: string;
  failOn: FailOn;
  onMissingBaseline: MissingPolicy;
  upload: boolean;
  retentionDays: number | undefined;
  gateId: string;
  mode: ActionMode;
  /** Budget for all GitHub calls of the step, in minutes (fractions allowed). */
  githubTimeoutMinutes: number;
  /** `baseline-verdicts`: verdicts a run must have recorded to be a baseline; undefined = the config's. */
  baselineVerdicts: Verdict[] | undefined;
}

/** The default config path (absent file = zero-config defaults). */
export const DEFAULT_CONFIG = '.github/evalgate.yml';

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = core.getInput(name).trim() || fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new UsageError(`input "${name}" must be one of ${allowed.join(', ')}; got "${v}"`);
  }
  return v as T;
}

function positiveInt(name: string, fallback?: number): number | undefined {
  const v = core.getInput(name).trim();
  if (!v) return fallback;
  if (!/^\d+$/.test(v) || Number(v) <= 0)
    throw new UsageError(`input "${name}" must be a positive integer; got "${v}"`);
  return Number(v);
}

function positiveNumber(name: string, fallback: number): number {
  const v = core.getInput(name).trim();
  if (!v) return fallback;
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0)
    throw new UsageError(`input "${name}" must be a positive number; got "${v}"`);
  return Number(v);
}

function bool(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (!v) return fallback;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new UsageError(`input "${name}" must be true or false; got "${v}"`);
}

/** Splits a multi-line / comma-separated list input. */
export function listInput(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Reads every input of action.yml. */
export function readInputs(): ActionInputs {
  const config = core.getInput('config').trim();
  const artifactName = core.getInput('artifact-name').trim() || 'evalgate-results';
  return {
    current: listInput(core.getInput('current')),
    currentArtifact: core.getInput('current-artifact').trim(),
    config: config || DEFAULT_CONFIG,
    configIsDefault: !config || config === DEFAULT_CONFIG,
    artifactName,
    baselinePath: core.getInput('baseline-path').trim(),
    baselineRunId: positiveInt('baseline-run-id'),
    baselineBranch: core.getInput('baseline-branch').trim(),
    baselineLookback: positiveInt('baseline-lookback', 30) as number,
    githubToken: core.getInput('github-token'),
    comment: choice('comment', COMMENT_MODES, 'always'),
    checkName: core.getInput('check-name').trim(),
    failOn: choice('fail-on', FAIL_ON, 'regression'),
    onMissingBaseline: choice('on-missing-baseline', MISSING_BASELINE_POLICIES, 'warn'),
    upload: bool('upload', true),
    retentionDays: positiveInt('retention-days'),
    gateId: core.getInput('gate-id').trim() || artifactName,
    mode: choice('mode', ACTION_MODES, 'gate'),
    githubTimeoutMinutes: positiveNumber('github-timeout-minutes', 10),
    baselineVerdicts: verdictList('baseline-verdicts'),
  };
}

function verdictList(name: string): Verdict[] | undefined {
  const list = listInput(core.getInput(name));
  if (list.length === 0) return undefined;
  for (const v of list) {
    if (!(VERDICT_NAMES as readonly string[]).includes(v))
      throw new UsageError(`input "${name}" takes verdicts among ${VERDICT_NAMES.join(', ')}; got "${v}"`);
  }
  return list as Verdict[];
}
