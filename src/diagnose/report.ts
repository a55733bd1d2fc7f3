/** Assembly of the Report from the decided rows: order, verdict, settings, pairing and flipped examples. */
import type { MetricOptions } from '../metrics/index.js';
import { flippedExamples, type Pairing } from '../stats/index.js';
import type { Comparison, Report, Status } from '../types.js';
import type { GateInput } from './input.js';
import type { Row } from './row.js';
import { verdictOf } from './verdict.js';

const ORDER: Record<Status, number> = {
  regressed: 0,
  warn: 1,
  drifted: 1,
  inconclusive: 1,
  missing: 2,
  improved: 3,
  new: 4,
  unchanged: 5,
  waived: 6,
  skipped: 7,
};

/** Worst status first, gated before reported, then by name (sorts in place). */
const sorted = (cs: Comparison[]) =>
  cs.sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      Number(b.gated) - Number(a.gated) ||
      a.metric.localeCompare(b.metric),
  );

/** The report of decided overall and slice rows. */
export function assembleReport(
  input: GateInput,
  rows: Row[],
  sliceRows: Row[],
  pairing: Pairing | undefined,
  notes: string[],
  mopts: MetricOptions,
  tested: { overall: number; slices: number } = { overall: 0, slices: 0 },
): Report {
  const { current, baseline, config } = input;
  const all = [...rows, ...sliceRows].map((r) => r.cmp);
  // The record format (docs/design.md, 'Record format') names p_value and ci_delta on each comparison;
  // `test` keeps the method and pairing.
  for (const c of all) {
    if (c.test) {
      c.p_value = c.test.p_value;
      c.ci_delta = c.test.ci_delta;
    }
  }
  const onInconclusive = config.onInconclusive ?? 'pass';
  // Cluster-robust tests are approximate with few clusters (t with C − 1 df assumes normal cluster means).
  const clusters = all.map((c) => c.test?.clusters).filter((x): x is number => x !== undefined);
  if (clusters.length && Math.min(...clusters) < 30) {
    notes = [
      ...notes,
      `Cluster-robust tests use only ${Math.min(...clusters)} clusters: with fewer than 30, their p-values are approximate (CR1, t with C − 1 df).`,
    ];
  }
  const { verdict, regressions, warnings, inconclusive } = verdictOf(all, baseline !== null, onInconclusive);
  // Name the correction that was actually applied, not the one that would have been.
  const corrections: string[] = [];
  if (config.significance !== null && tested.overall > 0) corrections.push('holm (overall)');
  if (config.significance !== null && tested.slices > 0) corrections.push('benjamini-hochberg (slices)');
  const report: Report = {
    schema: 'evalgate/report',
    version: 1,
    verdict,
    task: current.task,
    baseline: input.baselineInfo,
    current: { ...(input.currentMeta ?? {}), n: current.n },
    comparisons: [...sorted(rows.map((r) => r.cmp)), ...sorted(sliceRows.map((r) => r.cmp))],
    regressions,
    warnings,
    inconclusive,
    settings: {
      significance: config.significance,
      correction: corrections.length ? corrections.join(', ') : 'none',
      on_inconclusive: onInconclusive,
    },
    notes,
  };
  if (input.gateId) report.gate_id = input.gateId;
  if (pairing) report.pairing = pairing.info;
  if (pairing?.info.paired && input.baselineData && input.currentData) {
    const f = flippedExamples(input.baselineData, input.currentData, pairing, {
      topN: config.topFlipped,
      metric: mopts,
    });
    if (f) report.flipped = f;
  }
  return report;
}
