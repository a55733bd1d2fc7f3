/** Assembly of the Report from the decided rows: order, verdict, settings, pairing and flipped examples. */
import type { MetricOptions } from '../metrics/index.js';
import { flippedExamples, type Pairing } from '../stats/index.js';
import type { SetupChangePolicy } from '../policy.js';
import type { Comparison, Report, Status } from '../types.js';
import type { GateInput } from './input.js';
import type { Row } from './row.js';
import { setupChanges, taskNames, taskOfMetric } from './setup-change.js';
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
  const onSetupChange = config.onSetupChange ?? 'warn';
  const setup =
    baseline && onSetupChange !== 'ignore' ? setupChanges(baseline.setup, current.setup) : undefined;
  if (setup?.messages.length) {
    notes = [setupNote(setup.messages, onSetupChange), ...notes];
    if (onSetupChange === 'warn') softenChangedTasks(input, all, setup.tasks);
  }
  const { verdict, regressions, warnings, inconclusive } = verdictOf(
    all,
    baseline !== null,
    onInconclusive,
    setup?.messages.length ? onSetupChange : undefined,
  );
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
      on_setup_change: onSetupChange,
    },
    notes,
  };
  if (setup?.messages.length) report.setup_changes = setup.messages;
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

/** At most this many setup-change messages in the note (the JSON report has them all). */
const NOTE_MESSAGES = 5;

/** "Eval setup changed: …." and what the policy does about it. */
function setupNote(messages: string[], policy: SetupChangePolicy): string {
  const shown =
    messages.length > NOTE_MESSAGES
      ? [...messages.slice(0, NOTE_MESSAGES), `${messages.length - NOTE_MESSAGES} more in the JSON report`]
      : messages;
  const effect =
    policy === 'fail'
      ? 'The gate fails (on_setup_change: fail).'
      : 'The gate warns, and a regression of a metric of a changed task is a warning, not a failure (on_setup_change: warn).';
  return `Eval setup changed: ${shown.join('; ')}. ${effect}`;
}

/**
 * Under `warn`: a regressed metric of a task whose config changed is a warning — the two runs did not
 * measure the same thing, so the drop is not the model's alone.
 */
function softenChangedTasks(input: GateInput, all: Comparison[], changed: Record<string, string[]>): void {
  if (!Object.keys(changed).length) return;
  const tasks = taskNames(input.baseline?.setup, input.current.setup);
  const sole =
    tasks.length === 1 && input.current.sources.length === 1 && input.baseline?.sources.length === 1
      ? tasks[0]
      : undefined;
  for (const c of all) {
    if (c.status !== 'regressed') continue;
    const task = taskOfMetric(c.metric, tasks, sole);
    const keys = task === undefined ? undefined : changed[task];
    if (!keys) continue;
    c.status = 'warn';
    c.reason = `task config changed: ${keys.join(', ')}; ${c.reason}`;
  }
}
