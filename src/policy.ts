/**
 * Policy and vocabularies, in one pure module: the closed lists of words evalgate reads and writes
 * (tasks, statuses, verdicts, policies, conclusions) as `as const` arrays with the types derived from
 * them, and the one mapping from a verdict to a check conclusion and an exit code (docs/design.md,
 * "Exit codes"). The action, the CLI, the config schema, the readers and the untrusted-report parser
 * all use these lists, so a new word is added here once.
 */

/** Concrete tasks, as detected from the data or configured. */
export const TASKS = ['binary', 'multiclass', 'multilabel', 'regression', 'generation'] as const;
/** A concrete task. */
export type Task = (typeof TASKS)[number];

/** Task settings accepted by the config and the CLI's `--task`: a task, or `auto` (detect it). */
export const TASK_SETTINGS = ['auto', ...TASKS] as const;
/** Task as configured. */
export type TaskSetting = (typeof TASK_SETTINGS)[number];

/** Tasks a stored result or report may carry: `aggregate` is a result built from metric files only. */
export const RESULT_TASKS = [...TASKS, 'aggregate'] as const;
/** Task of a stored result or report. */
export type ResultTask = (typeof RESULT_TASKS)[number];

/** Status of one metric comparison (docs/design.md, "Diagnosis rules"). */
export const STATUSES = [
  'regressed',
  'warn',
  'drifted',
  'inconclusive',
  'improved',
  'unchanged',
  'new',
  'missing',
  'skipped',
  'waived',
] as const;
/** Status of one metric comparison. */
export type Status = (typeof STATUSES)[number];

/** Statuses that flag a metric for attention: what a waiver can turn into `waived`. */
export const FLAGGED_STATUSES = ['regressed', 'warn', 'drifted'] as const satisfies readonly Status[];

/** The gate's overall verdict. */
export const VERDICTS = ['pass', 'warn', 'fail', 'no-baseline'] as const;
/** The gate's overall verdict. */
export type Verdict = (typeof VERDICTS)[number];

/** What a regression of a metric does to the verdict. */
export const SEVERITIES = ['fail', 'warn'] as const;
/** What a regression of a metric does to the verdict. */
export type Severity = (typeof SEVERITIES)[number];

/** Which way a metric is better. */
export const DIRECTIONS = ['higher', 'lower'] as const;
/** Which way a metric is better. */
export type Direction = (typeof DIRECTIONS)[number];

/** Where a baseline came from: a local path, an earlier run's artifact, or none was found. */
export const BASELINE_SOURCES = ['path', 'artifact', 'none'] as const;
/** Where a baseline came from. */
export type BaselineSource = (typeof BASELINE_SOURCES)[number];

/** Input `fail-on` / CLI `--fail-on`: which verdicts fail the step (exit 1). */
export const FAIL_ON = ['regression', 'warn', 'never'] as const;
/** Which verdicts fail the step. */
export type FailOn = (typeof FAIL_ON)[number];

/** What a missing baseline does (`on-missing-baseline`, or the config's `on_missing_baseline`). */
export const MISSING_BASELINE_POLICIES = ['pass', 'warn', 'fail'] as const;
/** What a gated metric that is worse than its tolerance, but not significantly, does to the verdict. */
export const INCONCLUSIVE_POLICIES = ['pass', 'warn', 'fail'] as const;
/** What an inconclusive comparison does to the verdict (config `on_inconclusive`). */
export type InconclusivePolicy = (typeof INCONCLUSIVE_POLICIES)[number];
/**
 * What a difference between the baseline's and this run's eval setup (harness version, task config) does
 * (config `on_setup_change`; docs/configuration.md).
 */
export const SETUP_CHANGE_POLICIES = ['warn', 'fail', 'ignore'] as const;
/** What an eval-setup change does (config `on_setup_change`). */
export type SetupChangePolicy = (typeof SETUP_CHANGE_POLICIES)[number];
/** What a missing baseline does. */
export type MissingPolicy = (typeof MISSING_BASELINE_POLICIES)[number];

/** The check run's (and the step's) conclusion, as evalgate sets it. */
export const CONCLUSIONS = ['success', 'neutral', 'failure'] as const;
/** The check run's conclusion. */
export type Conclusion = (typeof CONCLUSIONS)[number];

/** Input `comment`: when to post the PR comment. */
export const COMMENT_MODES = ['always', 'on-change', 'on-regression', 'never'] as const;
/** When to post the PR comment. */
export type CommentMode = (typeof COMMENT_MODES)[number];

/** Input `mode`: gate this run, or publish the report a fork's run left behind. */
export const ACTION_MODES = ['gate', 'publish'] as const;
/** Input `mode`. */
export type ActionMode = (typeof ACTION_MODES)[number];

/** True when `value` is one of `list` (narrows its type). */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/**
 * The step's and the check run's conclusion for a verdict under `fail-on` and the missing-baseline
 * policy: `failure` fails the step; `neutral` flags it without failing.
 */
export function conclusionFor(verdict: Verdict, failOn: FailOn, missingPolicy: MissingPolicy): Conclusion {
  switch (verdict) {
    case 'no-baseline':
      return missingPolicy === 'fail' ? 'failure' : missingPolicy === 'warn' ? 'neutral' : 'success';
    case 'fail':
      return failOn === 'never' ? 'neutral' : 'failure';
    case 'warn':
      return failOn === 'warn' ? 'failure' : 'neutral';
    case 'pass':
      return 'success';
  }
}

/** Process exit codes (docs/design.md, "Exit codes"). */
export const EXIT = {
  /** Verdict pass, or one that `fail-on` lets through. */
  ok: 0,
  /** The verdict fails the gate. */
  regression: 1,
  /** Bad input or usage: the message names file, line and field. */
  badInput: 2,
  /** An internal error (a bug). */
  internal: 3,
} as const;
/** A process exit code evalgate uses. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code for a verdict: 1 exactly when the conclusion is `failure`, as for the action's step. */
export function exitCodeFor(verdict: Verdict, failOn: FailOn, missingPolicy: MissingPolicy): ExitCode {
  return conclusionFor(verdict, failOn, missingPolicy) === 'failure' ? EXIT.regression : EXIT.ok;
}
