/** Small reports and histories for the nightly/release unit tests. */
import type { Comparison, HistoryEntry, Report } from '../../src/types.js';

/** An overall comparison row. */
export function row(metric: string, o: Partial<Comparison> = {}): Comparison {
  const baseline = o.baseline ?? 0.9;
  const current = o.current ?? 0.9;
  return {
    metric,
    direction: 'higher',
    baseline,
    current,
    delta: current - baseline,
    delta_pct: ((current - baseline) / baseline) * 100,
    status: 'unchanged',
    gated: true,
    severity: 'fail',
    reason: 'no change',
    ...o,
  };
}

/** A report over `rows`, verdict from them. */
export function report(rows: Comparison[], o: Partial<Report> = {}): Report {
  const regressions = rows.filter((c) => c.status === 'regressed').length;
  const warnings = rows.filter((c) => c.status === 'warn').length;
  return {
    schema: 'evalgate/report',
    version: 1,
    verdict: regressions ? 'fail' : warnings ? 'warn' : 'pass',
    task: 'binary',
    baseline: { source: 'artifact', run_id: 1, commit: 'abcdef1234567890', reason: 'test' },
    current: { n: 100 },
    comparisons: rows,
    regressions,
    warnings,
    settings: { significance: 0.05, correction: 'holm' },
    notes: [],
    ...o,
  };
}

/** History entries (newest first) from values (newest first) of one metric. */
export function entries(metric: string, values: (number | null)[], verdicts: string[] = []): HistoryEntry[] {
  return values.map((v, i) => ({
    run_id: 100 - i,
    run_number: 50 - i,
    commit: `${String(i).padStart(2, '0')}aa00000000000000000000000000000000000000`.slice(0, 40),
    created_at: new Date(Date.UTC(2026, 10, 30 - i, 3, 17)).toISOString(),
    url: `https://github.com/acme/model/actions/runs/${100 - i}`,
    verdict: (verdicts[i] ?? 'pass') as HistoryEntry['verdict'],
    values: { [metric]: v },
  }));
}
