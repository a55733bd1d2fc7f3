/**
 * JSON Schema of `.github/evalgate.yml` (docs/configuration.md). Published as `schema/evalgate.schema.json`
 * (`npm run schema` regenerates it; a test keeps the two equal) so editors can validate configs.
 */

import { DIRECTIONS, MISSING_BASELINE_POLICIES, SEVERITIES, TASK_SETTINGS } from '../policy.js';
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
      description: 'One-sided significance level; null = thresholds alone decide.',
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
    slice_rules: {
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
    },
    on_missing_baseline: { enum: MISSING_BASELINE_POLICIES },
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
    on_setup_change: {
      enum: ['warn', 'fail', 'ignore'],
      description:
        'What a changed eval setup (task config, harness version, eval set) does: warn (default) reports it and does not fail a metric whose task config changed on that alone; fail makes the verdict fail; ignore only notes it.',
    },
  },
} as const;
