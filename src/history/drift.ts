/**
 * Drift: the current value against the reference (median or best) of a window of earlier passing runs.
 * A metric that slides a little every night passes every pairwise check against the night before, and
 * still ends far below where it was; the window sees the slide. Drift is its own status (`drifted`) and
 * only ever marks a row that the pairwise comparison left unflagged, so it never hides a regression.
 */
import type { DriftConfig } from '../config/load.js';
import type { Comparison, Direction, DriftResult, HistoryEntry, Report } from '../types.js';
import { settleVerdict } from './verdict.js';

/** Fewest earlier values a drift check needs (fewer say nothing about a trend). */
export const MIN_DRIFT_POINTS = 3;

const num = (v: number) =>
  Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : String(+v.toFixed(4));

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The reference of a window: its median, or its best value in the metric's direction. */
export function referenceOf(values: number[], kind: 'median' | 'best', direction: Direction): number {
  if (kind === 'median') return median(values);
  return direction === 'higher' ? Math.max(...values) : Math.min(...values);
}

/** True for an entry that counts as passing (a failed run is no reference for "how good it was"). */
function passing(e: HistoryEntry): boolean {
  return e.verdict !== 'fail';
}

/** Checks one metric; undefined when the window has fewer than MIN_DRIFT_POINTS values. */
export function driftOf(
  metric: string,
  direction: Direction,
  current: number,
  history: HistoryEntry[],
  cfg: DriftConfig,
): DriftResult | undefined {
  const values: number[] = [];
  for (const e of history) {
    if (values.length >= cfg.window) break;
    const v = e.values[metric];
    if (passing(e) && typeof v === 'number' && Number.isFinite(v)) values.push(v);
  }
  if (values.length < Math.min(MIN_DRIFT_POINTS, cfg.window)) return undefined;
  const reference = referenceOf(values, cfg.reference, direction);
  const delta = current - reference;
  const bad = direction === 'higher' ? -delta : delta;
  const deltaPct = reference !== 0 ? (delta / Math.abs(reference)) * 100 : null;
  const over: string[] = [];
  if (cfg.maxRegression !== undefined && bad > cfg.maxRegression)
    over.push(`> drift max_regression ${num(cfg.maxRegression)}`);
  if (cfg.maxRegressionPct !== undefined && bad > (cfg.maxRegressionPct / 100) * Math.abs(reference))
    over.push(`> drift max_regression_pct ${cfg.maxRegressionPct}%`);
  const way =
    bad > 0
      ? direction === 'higher'
        ? 'down'
        : 'up'
      : bad < 0
        ? direction === 'higher'
          ? 'up'
          : 'down'
        : '';
  const pct = deltaPct !== null ? ` (${deltaPct >= 0 ? '+' : '−'}${Math.abs(deltaPct).toFixed(1)}%)` : '';
  const change = way ? `${way} ${num(Math.abs(delta))}${pct}` : 'unchanged';
  const reason =
    `${metric} ${change} over ${values.length} earlier passing run${values.length === 1 ? '' : 's'} ` +
    `(reference: ${cfg.reference} ${num(reference)})${over.length ? ' ' + over.join(', ') : ''}`;
  return {
    metric,
    direction,
    current,
    reference,
    reference_kind: cfg.reference,
    window: values.length,
    delta,
    delta_pct: deltaPct,
    drifted: over.length > 0,
    severity: cfg.severity,
    reason,
  };
}

/**
 * Checks the configured (default: gated) overall metrics for drift against `history` (newest first),
 * records the results in the report, marks unflagged rows `drifted` and settles the verdict.
 */
export function applyDrift(report: Report, history: HistoryEntry[], cfg: DriftConfig): void {
  const overall = report.comparisons.filter((c) => !c.slice);
  const wanted = cfg.metrics
    ? overall.filter((c) => cfg.metrics!.includes(c.metric))
    : overall.filter((c) => c.gated);
  const results: DriftResult[] = [];
  const short: string[] = [];
  for (const row of wanted) {
    if (row.current === null) continue;
    const d = driftOf(row.metric, row.direction, row.current, history, cfg);
    if (!d) {
      short.push(row.metric);
      continue;
    }
    results.push(d);
    if (d.drifted) mark(row, d);
  }
  for (const name of cfg.metrics ?? []) {
    if (!overall.some((c) => c.metric === name))
      report.notes.push(`Drift: metric "${name}" (drift.metrics) is not in this run.`);
  }
  if (short.length)
    report.notes.push(
      `Drift not checked for ${short.join(', ')}: fewer than ${Math.min(MIN_DRIFT_POINTS, cfg.window)} earlier passing runs with a value.`,
    );
  report.drift = results;
  settleVerdict(report);
}

/** Flags a row as drifted unless the pairwise check already flagged (or a waiver covered) it. */
function mark(row: Comparison, d: DriftResult): void {
  if (['regressed', 'warn', 'waived'].includes(row.status)) return;
  row.status = 'drifted';
  row.severity = d.severity;
  row.reason = d.reason;
}
