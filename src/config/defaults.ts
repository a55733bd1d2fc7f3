/**
 * The configuration's types, its zero-config defaults and profile selection: everything about a config
 * but reading one. Kept apart from load.ts, which parses YAML and validates against the schema, so that a
 * run without a config file never loads the YAML parser and the schema validator (docs/performance.md,
 * start-up).
 */
import type { Direction, FieldNames, TaskSetting, Verdict } from '../types.js';
import { PROFILE_EVENTS } from './schema.js';
import type { TextEncodingName } from '../readers/text.js';
import type { SeriesSelect } from '../readers/types.js';
import type { SetupChangePolicy } from '../policy.js';

/** Thresholds and options of one metric (docs/configuration.md). */
export interface MetricRule {
  max_regression?: number;
  max_regression_pct?: number;
  min?: number;
  max?: number;
  severity?: 'fail' | 'warn';
  direction?: Direction;
  waive?: string;
  gate?: boolean;
}

/** Per-slice gating rules. */
export interface SliceRules {
  max_regression?: number;
  max_regression_pct?: number;
  severity?: 'fail' | 'warn';
  min_n?: number;
  metrics?: string[];
}

export type { FieldNames } from '../types.js';

/** Config `drift`. */
export interface DriftConfig {
  window: number;
  reference: 'median' | 'best';
  maxRegression?: number;
  maxRegressionPct?: number;
  severity: 'fail' | 'warn';
  /** Metrics checked; absent = the gated overall metrics. */
  metrics?: string[];
}

/** One entry of config `waivers`. */
export interface WaiverConfig {
  metric: string;
  slice?: { field: string; value: string };
  reason: string;
  /** Last day it applies (YYYY-MM-DD, UTC). */
  expires: string;
  /** Commit (prefix) of the baseline it was accepted against. */
  untilBaseline?: string;
}

/** Config `tracking_issue`. */
export interface TrackingIssueConfig {
  enabled: boolean;
  label: string;
}

/** A profile name: the event it is selected by (`release` covers tag pushes too). */
export type ProfileName = (typeof PROFILE_EVENTS)[number];

/** Validated configuration with defaults applied. */
export interface GateConfig {
  /** The file it came from; undefined when no file (zero-config defaults). */
  file?: string;
  task: TaskSetting;
  fields: FieldNames;
  slices: string[];
  cluster?: string;
  ignoreFields: string[];
  positiveLabel?: string | number | boolean;
  classes?: (string | number | boolean)[];
  topK: number;
  normalize?: {
    trim?: boolean;
    caseFold?: boolean;
    stripPunctuation?: boolean;
    collapseWhitespace?: boolean;
  };
  /** One-sided level; null = thresholds alone decide. */
  significance: number | null;
  bootstrap: number;
  seed: number;
  topFlipped: number;
  defaults?: MetricRule;
  metrics: Record<string, MetricRule>;
  sliceRules?: SliceRules;
  onMissingBaseline?: 'pass' | 'warn' | 'fail';
  /** What an `inconclusive` comparison does to the verdict (default pass). */
  onInconclusive?: 'pass' | 'warn' | 'fail';
  /** What an eval-setup change between baseline and this run does (default warn). */
  onSetupChange?: SetupChangePolicy;
  /** True when the file has `metrics` or `defaults` rules; else the zero-config gate applies. */
  hasRules: boolean;
  /** Format override (config `format:`): one name, or path glob → name. */
  format?: string | Record<string, string>;
  /** Text encoding (config `encoding:`): one encoding, or path glob → encoding. */
  encoding?: TextEncodingName | Record<string, TextEncodingName>;
  /** Series selection (config `select:`); `baseline` applies to the baseline side instead. */
  select?: SeriesSelect & { baseline?: SeriesSelect };
  /** Earlier runs read for charts and drift (0 = none). */
  history: number;
  /** Trend charts at most (0 = none). */
  charts: number;
  drift?: DriftConfig;
  /** Verdicts a run must have recorded to be a baseline or history entry. */
  baselineVerdicts: Verdict[];
  /** True when the file set `baseline_verdicts` (it then wins over the action input). */
  baselineVerdictsSet?: boolean;
  waivers: WaiverConfig[];
  waiverLabel: string;
  trackingIssue: TrackingIssueConfig;
  /** The profile merged in (selected by the event), if any. */
  profile?: ProfileName;
}

/** Default `baseline_verdicts`: a run with a fail verdict never becomes the new normal. */
export const DEFAULT_BASELINE_VERDICTS: Verdict[] = ['pass', 'warn', 'no-baseline'];

/** Defaults used when there is no config file at all (docs/configuration.md: the zero-config gate). */
export function defaultConfig(): GateConfig {
  return {
    task: 'auto',
    fields: { id: 'id', label: 'label', prediction: 'prediction', probabilities: 'probabilities' },
    slices: [],
    ignoreFields: [],
    topK: 5,
    significance: 0.05,
    bootstrap: 2000,
    seed: 0,
    topFlipped: 10,
    metrics: {},
    hasRules: false,
    history: 20,
    charts: 6,
    baselineVerdicts: [...DEFAULT_BASELINE_VERDICTS],
    waivers: [],
    waiverLabel: 'evalgate:accept-regression',
    trackingIssue: { enabled: true, label: 'evalgate-regression' },
  };
}

/**
 * The profile an event selects: `release` for release events and tag pushes, else the event's own
 * name; a `workflow_dispatch` run without a profile of its own uses the `schedule` one (a manual
 * nightly). Undefined when the config defines none for it.
 */
export function profileFor(
  event: string | undefined,
  refType: string | undefined,
  defined: readonly string[],
): ProfileName | undefined {
  if (!event) return undefined;
  let name: string = event;
  if (event === 'release' || (event === 'push' && refType === 'tag')) name = 'release';
  else if (event === 'pull_request_target') name = 'pull_request';
  if (defined.includes(name)) return name as ProfileName;
  if (name === 'workflow_dispatch' && defined.includes('schedule')) return 'schedule';
  return undefined;
}

/** Which event the config is loaded for (selects the profile). */
export interface ProfileSelector {
  event?: string;
  /** `tag` or `branch` (a tag push selects the `release` profile). */
  refType?: string;
}
