/**
 * JSON Schema of `.github/evalgate.yml` (docs/configuration.md). Published as `schema/evalgate.schema.json`
 * (`npm run schema` regenerates it; a test keeps the two equal) so editors can validate configs.
 */

import {
  DIRECTIONS,
  MISSING_BASELINE_POLICIES,
  INCONCLUSIVE_POLICIES,
  SETUP_CHANGE_POLICIES,
  SEVERITIES,
  TASK_SETTINGS,
  VERDICTS,
} from '../policy.js';
import { TEXT_ENCODINGS } from '../readers/text.js';

const thresholds = {
  max_regression: {
    type: 'number',
    minimum: 0,
    description: 'Absolute worsening allowed, in the metric’s bad direction.',
  },
  max_regression_pct: {
    type: 'number',
    minimum: 0,
    description: 'Relative worsening allowed, in percent of the baseline value.',
  },
  severity: { enum: SEVERITIES, description: 'What a regression of this metric does to the verdict.' },
} as const;

const metricRule = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...thresholds,
    min: { type: 'number', description: 'Absolute floor; fails below it, no baseline needed.' },
    max: { type: 'number', description: 'Absolute ceiling; fails above it, no baseline needed.' },
    direction: { enum: DIRECTIONS, description: 'Which way is better (needed for custom metrics).' },
    waive: {
      type: 'string',
      minLength: 1,
      description: 'Reason for waiving this metric: it is reported with status `waived` and never fails.',
    },
    gate: { type: 'boolean', description: 'false: report only, never gate.' },
  },
} as const;

const seriesSelect = {
  provider: { type: 'string', minLength: 1, description: 'Provider id or label (promptfoo).' },
  prompt: { type: 'string', minLength: 1, description: 'Prompt label, id or text (promptfoo).' },
} as const;

const sliceRules = {
  type: 'object',
  additionalProperties: false,
  description: 'Gating of per-slice comparisons (none when absent).',
  properties: {
    ...thresholds,
    min_n: {
      type: 'integer',
      minimum: 1,
      description: 'Slices with fewer examples are reported, not gated.',
    },
    metrics: {
      type: 'array',
      items: { type: 'string' },
      description: 'Metrics gated per slice (default: the gated overall metrics).',
    },
  },
} as const;

/** Verdicts a gate can reach; `baseline_verdicts` picks among them. */
export const VERDICT_NAMES = VERDICTS;

/** Events a profile can be selected by (`release` also covers tag pushes). */
export const PROFILE_EVENTS = ['pull_request', 'push', 'schedule', 'workflow_dispatch', 'release'] as const;

const drift = {
  type: 'object',
  additionalProperties: false,
  description:
    'Compares the current value with the median or best of a window of earlier passing runs (needs history).',
  properties: {
    window: {
      type: 'integer',
      minimum: 2,
      maximum: 100,
      description: 'Earlier passing runs in the window (default 14).',
    },
    reference: {
      enum: ['median', 'best'],
      description: 'What the current value is compared with: the window’s median (default) or best value.',
    },
    max_regression: {
      type: 'number',
      minimum: 0,
      description: 'Absolute worsening from the reference allowed.',
    },
    max_regression_pct: {
      type: 'number',
      minimum: 0,
      description: 'Relative worsening from the reference allowed, in percent.',
    },
    severity: { enum: ['fail', 'warn'], description: 'What a drift does to the verdict (default warn).' },
    metrics: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Metrics checked for drift (default: the gated overall metrics).',
    },
  },
  anyOf: [{ required: ['max_regression'] }, { required: ['max_regression_pct'] }],
} as const;

const waiver = {
  type: 'object',
  additionalProperties: false,
  required: ['metric', 'reason', 'expires'],
  properties: {
    metric: { type: 'string', minLength: 1, description: 'Metric whose regression is accepted.' },
    slice: {
      type: 'string',
      pattern: '^[^=]+=.*$',
      description: 'Only this slice (`field=value`); absent: the overall metric.',
    },
    reason: {
      type: 'string',
      minLength: 1,
      description: 'Why the regression is accepted (shown in the report).',
    },
    expires: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'Last day (UTC, YYYY-MM-DD) the waiver applies; afterwards the report says it expired.',
    },
    until_baseline: {
      type: 'string',
      pattern: '^[0-9a-fA-F]{7,40}$',
      description:
        'Commit (SHA or prefix) of the baseline the regression was accepted against; once the baseline is another commit, the waiver stops applying.',
    },
  },
} as const;

/** Keys a profile may override; each has the same meaning as at the top level. */
const profile = {
  type: 'object',
  additionalProperties: false,
  properties: {
    defaults: { ...metricRule, description: 'Rule applied to every metric under this profile.' },
    metrics: {
      type: 'object',
      description: 'Per-metric rules, merged over the top-level ones metric by metric.',
      additionalProperties: metricRule,
    },
    slice_rules: sliceRules,
    significance: { type: ['number', 'null'], exclusiveMinimum: 0, maximum: 0.5 },
    on_missing_baseline: { enum: MISSING_BASELINE_POLICIES },
    drift,
    history: { type: 'integer', minimum: 0, maximum: 100 },
    charts: { type: 'integer', minimum: 0, maximum: 20 },
    baseline_verdicts: {
      type: 'array',
      items: { enum: VERDICT_NAMES },
      minItems: 1,
      uniqueItems: true,
    },
  },
} as const;

/** The config schema (JSON Schema draft-07). */
export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/evalgate/evalgate/schema/evalgate.schema.json',
  title: 'evalgate configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    task: {
      enum: TASK_SETTINGS,
      description: 'Task, or auto-detect from the data.',
    },
    fields: {
      type: 'object',
      additionalProperties: false,
      description: 'Record field names, when they differ from the defaults.',
      properties: {
        id: { type: 'string', minLength: 1 },
        label: { type: 'string', minLength: 1 },
        prediction: { type: 'string', minLength: 1 },
        probabilities: { type: 'string', minLength: 1 },
      },
    },
    slices: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: 'Fields whose values define slices; every metric is computed per slice value.',
    },
    cluster: {
      type: 'string',
      minLength: 1,
      description: 'Field of cluster ids for clustered standard errors.',
    },
    ignore_fields: {
      type: 'array',
      items: { type: 'string' },
      description: 'Numeric fields not to summarise as <field>_mean/_p50/_p95.',
    },
    positive_label: {
      type: ['string', 'number', 'boolean'],
      description: 'Binary positive class (default: 1/true/"positive"/"yes").',
    },
    classes: {
      type: 'array',
      items: { type: ['string', 'number', 'boolean'] },
      minItems: 2,
      description: 'Class order of multiclass probability arrays.',
    },
    top_k: { type: 'integer', minimum: 1, description: 'k of top_k_accuracy (default 5).' },
    normalize: {
      type: 'object',
      additionalProperties: false,
      description: 'Text normalisation before exact_match.',
      properties: {
        trim: { type: 'boolean' },
        case_fold: { type: 'boolean' },
        strip_punctuation: { type: 'boolean' },
        collapse_whitespace: { type: 'boolean' },
      },
    },
    significance: {
      type: ['number', 'null'],
      exclusiveMinimum: 0,
      maximum: 0.5,
      description:
        'One-sided level of the margin tests (default 0.05, also with rules); null = thresholds alone decide on point estimates.',
    },
    bootstrap: {
      type: 'integer',
      minimum: 100,
      maximum: 100000,
      description: 'Bootstrap resamples (default 2000).',
    },
    seed: { type: 'integer', minimum: 0, description: 'Seed of the bootstrap (default 0).' },
    top_flipped: {
      type: 'integer',
      minimum: 0,
      description: 'Flipped examples listed in the report (default 10).',
    },
    defaults: {
      ...metricRule,
      description: 'Rule applied to every metric (gates all metrics when given).',
    },
    metrics: {
      type: 'object',
      description: 'Per-metric rules; names as in the report (e.g. accuracy, latency_ms_p95, arc_easy/acc).',
      additionalProperties: metricRule,
    },
    slice_rules: sliceRules,
    history: {
      type: 'integer',
      minimum: 0,
      maximum: 100,
      description:
        'Earlier runs of the same workflow and branch read for trend charts and drift (default 20; 0 = none).',
    },
    charts: {
      type: 'integer',
      minimum: 0,
      maximum: 20,
      description: 'Trend charts of gated metrics in the report, at most (default 6; 0 = none).',
    },
    drift,
    baseline_verdicts: {
      type: 'array',
      items: { enum: VERDICT_NAMES },
      minItems: 1,
      uniqueItems: true,
      description:
        'Verdicts a run must have recorded to serve as baseline or history entry (default pass, warn, no-baseline).',
    },
    waivers: {
      type: 'array',
      items: waiver,
      description: 'Accepted regressions of named metrics, each with a reason and an expiry date.',
    },
    waiver_label: {
      type: 'string',
      minLength: 1,
      description: 'PR label that waives the PR’s regressions (default evalgate:accept-regression).',
    },
    tracking_issue: {
      type: 'object',
      additionalProperties: false,
      description: 'The issue a failing scheduled run opens (and a passing one closes).',
      properties: {
        enabled: { type: 'boolean', description: 'false: never open or close one (default true).' },
        label: {
          type: 'string',
          minLength: 1,
          description: 'Label of the issue (default evalgate-regression).',
        },
      },
    },
    on_missing_baseline: { enum: MISSING_BASELINE_POLICIES },
    on_inconclusive: {
      enum: INCONCLUSIVE_POLICIES,
      description:
        'Verdict effect of a gated metric that is worse than its tolerance but not significantly so (default pass: green, named in the report).',
    },
    on_setup_change: {
      enum: SETUP_CHANGE_POLICIES,
      description:
        'What a difference between the baseline and this run in eval setup (harness version, task config) does: warn (default; a regressed metric of a changed task is a warning), fail (the gate fails), ignore.',
    },
    format: {
      description:
        'Input format overriding detection by content: one format name for every input, or a mapping of path glob to format name (see docs/formats.md).',
      oneOf: [
        { type: 'string', minLength: 1 },
        { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 1 } },
      ],
    },
    encoding: {
      description:
        'Text encoding of the inputs when it is not UTF-8/UTF-16 (detected): one encoding, or a mapping of path glob to encoding.',
      oneOf: [
        { enum: [...TEXT_ENCODINGS] },
        { type: 'object', minProperties: 1, additionalProperties: { enum: [...TEXT_ENCODINGS] } },
      ],
    },
    select: {
      type: 'object',
      additionalProperties: false,
      description:
        'Which series of a multi-series file to read (promptfoo: provider and/or prompt); `baseline` selects differently for the baseline side.',
      properties: {
        ...seriesSelect,
        baseline: { type: 'object', additionalProperties: false, properties: seriesSelect },
      },
    },
    profiles: {
      type: 'object',
      additionalProperties: false,
      description:
        'Stricter (or looser) rules per event: the profile of the triggering event is merged over the top level.',
      properties: Object.fromEntries(PROFILE_EVENTS.map((e) => [e, { $ref: '#/definitions/profile' }])),
    },
  },
  definitions: { profile },
} as const;
