/**
 * One comparison row: a metric's current and baseline values, its rule, how much worse it got and
 * whether a threshold or an absolute bound is crossed. The status is settled later (verdict.ts), once
 * the significance tests are attached.
 */
import type { GateConfig, MetricRule } from '../config/load.js';
import { minResamples } from '../stats/randomization.js';
import type { Comparison, Direction, MetricValue } from '../types.js';

/** A comparison while it is being decided. */
export interface Row {
  cmp: Comparison;
  rule?: MetricRule;
  /** Worsening in the bad direction (positive = worse). */
  bad: number | null;
  /**
   * Tolerated worsening t: the smaller of `max_regression` and `max_regression_pct`·|baseline| (so that
   * exceeding either counts), 0 for a gated metric without any threshold; null when only absolute
   * bounds (min/max) or no rule apply. The tests are run against it (H0: worse by at most t).
   */
  tolerance: number | null;
  /** No threshold was configured (zero-config or a rule without one): t = 0 stands in for it. */
  implicit: boolean;
  exceeds: boolean;
  absolute?: string;
}

/**
 * Default relative tolerance for a gated metric that has neither a configured threshold nor any
 * uncertainty (no standard error, no per-example data): beyond 5% of the baseline it fails, below it
 * the row is `inconclusive` ("untested"). docs/statistics.md explains the choice.
 */
export const UNTESTED_TOLERANCE_PCT = 5;

/** A number for a reason text: 4 decimals, exponent notation when very large or very small. */
export const fmt = (v: number) =>
  Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : +v.toFixed(4) + '';

/** The tolerance of a rule against a baseline value (see `Row.tolerance`). */
export function toleranceOf(
  rule: MetricRule | undefined,
  base: number,
): { tolerance: number | null; implicit: boolean; why: string } {
  if (!rule) return { tolerance: null, implicit: false, why: '' };
  const limits: { t: number; why: string }[] = [];
  if (rule.max_regression !== undefined)
    limits.push({ t: rule.max_regression, why: `max_regression ${fmt(rule.max_regression)}` });
  if (rule.max_regression_pct !== undefined)
    limits.push({
      t: (rule.max_regression_pct / 100) * Math.abs(base),
      why: `max_regression_pct ${rule.max_regression_pct}% (${fmt((rule.max_regression_pct / 100) * Math.abs(base))})`,
    });
  if (limits.length === 0) {
    // min/max alone gate on absolute values; a gated metric with no threshold at all tolerates nothing.
    if (rule.min !== undefined || rule.max !== undefined)
      return { tolerance: null, implicit: false, why: '' };
    return { tolerance: 0, implicit: true, why: 'tolerance 0' };
  }
  const tight = limits.reduce((a, b) => (b.t < a.t ? b : a));
  return { tolerance: tight.t, implicit: false, why: tight.why };
}

function absoluteCheck(rule: MetricRule | undefined, value: number | null): string | undefined {
  if (!rule || value === null) return undefined;
  if (rule.min !== undefined && value < rule.min) return `${fmt(value)} is below min ${fmt(rule.min)}`;
  if (rule.max !== undefined && value > rule.max) return `${fmt(value)} is above max ${fmt(rule.max)}`;
  return undefined;
}

/**
 * The row of one metric (overall, or of one slice value): delta, preliminary status for the cases
 * that need no test (waived, missing, new, skipped, undefined) and the threshold check.
 */
export function compareRow(
  metric: string,
  cur: MetricValue | undefined,
  base: MetricValue | undefined,
  direction: Direction | undefined,
  rule: MetricRule | undefined,
  slice?: { field: string; value: string },
): Row {
  const severity = rule?.severity ?? 'fail';
  const cmp: Comparison = {
    metric,
    direction: direction ?? 'higher',
    baseline: base?.value ?? null,
    current: cur?.value ?? null,
    delta: null,
    delta_pct: null,
    status: 'unchanged',
    gated: rule !== undefined && !rule.waive,
    severity,
    reason: '',
    baseline_ci: base?.ci ?? null,
    current_ci: cur?.ci ?? null,
    n_baseline: base?.n ?? null,
    n_current: cur?.n ?? null,
  };
  if (slice) cmp.slice = slice;
  const row: Row = { cmp, rule, bad: null, tolerance: null, implicit: false, exceeds: false };
  if (cmp.baseline !== null && cmp.current !== null) {
    cmp.delta = cmp.current - cmp.baseline;
    cmp.delta_pct = cmp.baseline !== 0 ? (cmp.delta / Math.abs(cmp.baseline)) * 100 : null;
  }
  const undef = cur?.undefined ?? base?.undefined;
  if (undef) cmp.undefined = undef;
  if (rule?.waive) {
    cmp.status = 'waived';
    cmp.reason = `waived: ${rule.waive}`;
    return row;
  }
  row.absolute = absoluteCheck(rule, cmp.current);
  if (!cur) {
    cmp.status = 'missing';
    cmp.reason = 'in the baseline but not in this run';
    return row;
  }
  if (!direction) {
    // A gated metric that cannot be judged is a warning, never a silent pass: nothing in its name or
    // the config says which way is better. min/max need no direction and still apply (verdict.ts).
    const hint = `direction unknown — set \`direction:\` (metrics."${metric}".direction: higher or lower)`;
    if (cmp.gated && cur.value !== null) {
      cmp.status = 'warn';
      cmp.reason = base ? hint : `${hint}; not in the baseline`;
      return row;
    }
    cmp.status = base ? 'skipped' : 'new';
    cmp.reason = hint;
    cmp.gated = rule !== undefined && !rule.waive && (rule.min !== undefined || rule.max !== undefined);
    return row;
  }
  if (cur.value === null) {
    cmp.status = row.absolute ? 'regressed' : 'skipped';
    cmp.reason = `undefined: ${cur.undefined ?? 'no value'}`;
    return row;
  }
  if (!base) {
    cmp.status = 'new';
    cmp.reason = 'not in the baseline';
    return row;
  }
  if (base.value === null) {
    cmp.status = 'skipped';
    cmp.reason = `undefined in the baseline: ${base.undefined ?? 'no value'}`;
    return row;
  }
  const bad = direction === 'higher' ? -(cmp.delta as number) : (cmp.delta as number);
  row.bad = bad;
  if (rule) {
    const t = toleranceOf(rule, base.value);
    row.tolerance = t.tolerance;
    row.implicit = t.implicit;
    if (t.tolerance !== null) {
      cmp.tolerance = t.tolerance;
      row.exceeds = bad > t.tolerance;
      if (row.exceeds) cmp.reason = `worse by ${fmt(bad)} > ${t.why}`;
    }
  }
  return row;
}

/** A gated row for a configured metric that no run has (warned about, never silently ignored). */
export function absentRow(metric: string, reason: string): Row {
  return {
    cmp: {
      metric,
      direction: 'higher',
      baseline: null,
      current: null,
      delta: null,
      delta_pct: null,
      status: 'missing',
      gated: true,
      severity: 'warn',
      reason,
    },
    bad: null,
    tolerance: null,
    implicit: false,
    exceeds: false,
  };
}

/** Metric → direction of the given rows, for the paired tests. */
export function directionsOf(rows: Row[]): Record<string, Direction> {
  return Object.fromEntries(rows.map((r) => [r.cmp.metric, r.cmp.direction]));
}

/**
 * What the tests of a family of rows need: the level α of their bounds (the configured significance,
 * 0.05 when thresholds alone decide), each metric's tolerance, and the floor on resamples so that the
 * smallest attainable p-value stays well below α/m for the m gated rows (`minResamples`).
 */
export function testSettings(
  rows: Row[],
  config: GateConfig,
): { alpha: number; tolerances: Record<string, number>; minResamples: number } {
  const alpha = config.significance ?? 0.05;
  const tolerances: Record<string, number> = {};
  for (const r of rows) if (r.tolerance !== null) tolerances[r.cmp.metric] = r.tolerance;
  const m = rows.filter((r) => r.cmp.gated && r.bad !== null).length;
  // Capped at the largest configurable resample count: beyond it a huge slice family costs too much.
  return { alpha, tolerances, minResamples: Math.min(100_000, minResamples(m, alpha)) };
}
