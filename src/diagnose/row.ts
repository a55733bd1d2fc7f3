/**
 * One comparison row: a metric's current and baseline values, its rule, how much worse it got and
 * whether a threshold or an absolute bound is crossed. The status is settled later (verdict.ts), once
 * the significance tests are attached.
 */
import type { MetricRule } from '../config/load.js';
import type { Comparison, Direction, MetricValue } from '../types.js';

/** A comparison while it is being decided. */
export interface Row {
  cmp: Comparison;
  rule?: MetricRule;
  /** Worsening in the bad direction (positive = worse). */
  bad: number | null;
  exceeds: boolean;
  absolute?: string;
}

/** A number for a reason text: 4 decimals, exponent notation when very large or very small. */
export const fmt = (v: number) =>
  Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : +v.toFixed(4) + '';

/** Threshold check in the bad direction; any given threshold that is exceeded counts. */
function thresholdCheck(rule: MetricRule, bad: number, base: number): { exceeds: boolean; why: string } {
  const parts: string[] = [];
  let exceeds = false;
  let any = false;
  if (rule.max_regression !== undefined) {
    any = true;
    if (bad > rule.max_regression) {
      exceeds = true;
      parts.push(`> max_regression ${fmt(rule.max_regression)}`);
    }
  }
  if (rule.max_regression_pct !== undefined) {
    any = true;
    const limit = (rule.max_regression_pct / 100) * Math.abs(base);
    if (bad > limit) {
      exceeds = true;
      parts.push(`> max_regression_pct ${rule.max_regression_pct}%`);
    }
  }
  if (!any && rule.min === undefined && rule.max === undefined) {
    // A gated metric with no threshold at all: any worsening counts (max_regression 0).
    if (bad > 0) {
      exceeds = true;
      parts.push('> 0');
    }
  }
  return { exceeds, why: parts.join(', ') };
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
  const row: Row = { cmp, rule, bad: null, exceeds: false };
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
    const t = thresholdCheck(rule, bad, base.value);
    row.exceeds = t.exceeds;
    if (t.exceeds) cmp.reason = `worse by ${fmt(bad)} ${t.why}`;
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
    exceeds: false,
  };
}

/** Metric → direction of the given rows, for the paired tests. */
export function directionsOf(rows: Row[]): Record<string, Direction> {
  return Object.fromEntries(rows.map((r) => [r.cmp.metric, r.cmp.direction]));
}
