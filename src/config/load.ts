/**
 * Loads and validates `.github/evalgate.yml`. Errors name the file, the line and the key path, and say
 * what was expected and what was found, because a config typo must not silently turn a gate off.

 * Schema validation and its messages are in validation.ts.
 */
import { readFileSync, existsSync } from 'node:fs';
import type { Node } from 'yaml';
import { InputError } from '../errors.js';
import { describe, errorPath, explain, findNonFinite, nodeAt, pickError, validate } from './validation.js';
import { parseYamlDocument, yamlToJs } from '../readers/yaml-text.js';
import type { FieldNames, TaskSetting, Verdict } from '../types.js';
import type { SetupChangePolicy } from '../policy.js';
import {
  defaultConfig,
  profileFor,
  type GateConfig,
  type MetricRule,
  type ProfileSelector,
  type SliceRules,
  type WaiverConfig,
} from './defaults.js';

// Types, defaults and profile selection live in defaults.ts (no YAML parser, no schema validator).
export * from './defaults.js';

/**
 * Reads a config file. A missing file is not an error when `optional` (the action's default path):
 * the zero-config defaults apply.
 */
export function loadConfig(
  file: string | undefined,
  optional = false,
  selector: ProfileSelector = {},
): GateConfig {
  if (!file) return defaultConfig();
  if (!existsSync(file)) {
    if (optional) return defaultConfig();
    throw new InputError('config file not found', { file });
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      `cannot read config (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      { file },
    );
  }
  return parseConfig(text, file, selector);
}

/**
 * Parses and validates config text; `file` is used in error messages. The profile the selector's
 * event selects is merged over the top level (per-metric rules metric by metric).
 */
export function parseConfig(text: string, file: string, selector: ProfileSelector = {}): GateConfig {
  const { doc, lineCounter } = parseYamlDocument(text, file);
  const data: unknown = yamlToJs(doc, file) ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`expected a mapping of settings at the top level, found ${describe(data)}`, {
      file,
      line: 1,
    });
  }
  const nonFinite = findNonFinite(data, []);
  if (nonFinite) {
    const node = nodeAt(doc.contents as Node | null, nonFinite);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    throw new InputError('expected a finite number, found NaN or infinity', {
      file,
      line,
      field: nonFinite.join('.'),
    });
  }
  const checked = validate(data);
  if (checked.errors?.length) {
    const error = pickError(checked.errors);
    const path = errorPath(error);
    const node = nodeAt(doc.contents as Node | null, path);
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    throw new InputError(explain(error, data), { file, line, field: path.join('.') || '(top level)' });
  }
  const top = data as Record<string, unknown>;
  const profiles = (top.profiles ?? {}) as Record<string, Record<string, unknown>>;
  const profile = profileFor(selector.event, selector.refType, Object.keys(profiles));
  const raw: Record<string, unknown> = profile ? mergeProfile(top, profiles[profile]) : top;
  const lineOf = (path: string[]) => {
    const node = nodeAt(doc.contents as Node | null, path);
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  const cfg = defaultConfig();
  cfg.file = file;
  if (profile) cfg.profile = profile;
  if (raw.task !== undefined) cfg.task = raw.task as TaskSetting;
  if (raw.fields) cfg.fields = { ...cfg.fields, ...(raw.fields as Partial<FieldNames>) };
  if (raw.slices) cfg.slices = raw.slices as string[];
  if (raw.cluster) cfg.cluster = raw.cluster as string;
  if (raw.ignore_fields) cfg.ignoreFields = raw.ignore_fields as string[];
  if (raw.positive_label !== undefined) cfg.positiveLabel = raw.positive_label as string | number | boolean;
  if (raw.classes) cfg.classes = raw.classes as (string | number | boolean)[];
  if (raw.top_k !== undefined) cfg.topK = raw.top_k as number;
  if (raw.normalize) {
    const n = raw.normalize as Record<string, boolean | undefined>;
    cfg.normalize = {
      trim: n.trim,
      caseFold: n.case_fold,
      stripPunctuation: n.strip_punctuation,
      collapseWhitespace: n.collapse_whitespace,
    };
  }
  // A threshold is a tolerance that the margin tests check (docs/statistics.md): `significance` defaults
  // to 0.05 with or without rules, so that a change inside the tolerance does not fail on noise. Only
  // an explicit `significance: null` makes thresholds alone decide (point estimates).
  const hasRules =
    (raw.metrics !== undefined && raw.metrics !== null && Object.keys(raw.metrics as object).length > 0) ||
    raw.defaults !== undefined;
  cfg.hasRules = hasRules;
  cfg.significance = raw.significance === undefined ? 0.05 : (raw.significance as number | null);
  if (raw.bootstrap !== undefined) cfg.bootstrap = raw.bootstrap as number;
  if (raw.seed !== undefined) cfg.seed = raw.seed as number;
  if (raw.top_flipped !== undefined) cfg.topFlipped = raw.top_flipped as number;
  if (raw.defaults) cfg.defaults = raw.defaults as MetricRule;
  if (raw.on_inconclusive !== undefined) cfg.onInconclusive = raw.on_inconclusive as 'pass' | 'warn' | 'fail';
  if (raw.on_setup_change !== undefined) cfg.onSetupChange = raw.on_setup_change as SetupChangePolicy;
  if (raw.metrics) cfg.metrics = raw.metrics as Record<string, MetricRule>;
  if (raw.slice_rules) cfg.sliceRules = raw.slice_rules as SliceRules;
  if (raw.on_missing_baseline) cfg.onMissingBaseline = raw.on_missing_baseline as 'pass' | 'warn' | 'fail';
  if (raw.format !== undefined) cfg.format = raw.format as GateConfig['format'];
  if (raw.encoding !== undefined) cfg.encoding = raw.encoding as GateConfig['encoding'];
  if (raw.select !== undefined) cfg.select = raw.select as GateConfig['select'];
  if (raw.history !== undefined) cfg.history = raw.history as number;
  if (raw.charts !== undefined) cfg.charts = raw.charts as number;
  if (raw.drift) {
    const d = raw.drift as Record<string, unknown>;
    cfg.drift = {
      window: (d.window as number | undefined) ?? 14,
      reference: (d.reference as 'median' | 'best' | undefined) ?? 'median',
      maxRegression: d.max_regression as number | undefined,
      maxRegressionPct: d.max_regression_pct as number | undefined,
      severity: (d.severity as 'fail' | 'warn' | undefined) ?? 'warn',
      metrics: d.metrics as string[] | undefined,
    };
    if (cfg.history === 0) {
      throw new InputError('drift needs history: set `history` to at least the drift window', {
        file,
        line: lineOf(['history']),
        field: 'history',
      });
    }
  }
  if (raw.baseline_verdicts) {
    cfg.baselineVerdicts = raw.baseline_verdicts as Verdict[];
    cfg.baselineVerdictsSet = true;
  }
  if (raw.waiver_label) cfg.waiverLabel = raw.waiver_label as string;
  if (raw.tracking_issue) {
    const t = raw.tracking_issue as { enabled?: boolean; label?: string };
    cfg.trackingIssue = { enabled: t.enabled ?? true, label: t.label ?? cfg.trackingIssue.label };
  }
  if (raw.waivers) {
    cfg.waivers = (raw.waivers as Record<string, string>[]).map((w, i) => {
      // The pattern admits 2026-02-30; a date that does not exist must not silently never expire.
      const d = new Date(`${w.expires}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== w.expires) {
        throw new InputError(`expected a real date YYYY-MM-DD, found "${w.expires}"`, {
          file,
          line: lineOf(['waivers', String(i), 'expires']),
          field: `waivers.${i}.expires`,
        });
      }
      const out: WaiverConfig = { metric: w.metric, reason: w.reason, expires: w.expires };
      if (w.slice) {
        const at = w.slice.indexOf('=');
        out.slice = { field: w.slice.slice(0, at), value: w.slice.slice(at + 1) };
      }
      if (w.until_baseline) out.untilBaseline = w.until_baseline.toLowerCase();
      return out;
    });
  }
  for (const [name, rule] of Object.entries(cfg.metrics)) {
    if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
      const node = nodeAt(doc.contents as Node | null, ['metrics', name]);
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
      throw new InputError(`min (${rule.min}) is greater than max (${rule.max})`, {
        file,
        line,
        field: `metrics.${name}`,
      });
    }
  }
  return cfg;
}

/** The top level with a profile merged over it: its keys replace the top-level ones, `metrics` merge by metric. */
function mergeProfile(top: Record<string, unknown>, prof: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...top, ...prof };
  if (prof.metrics) {
    const merged: Record<string, unknown> = { ...((top.metrics as Record<string, unknown>) ?? {}) };
    for (const [name, rule] of Object.entries(prof.metrics as Record<string, object>)) {
      merged[name] = { ...((merged[name] as object | undefined) ?? {}), ...rule };
    }
    out.metrics = merged;
  }
  delete out.profiles;
  return out;
}
