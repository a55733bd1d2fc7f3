/**
 * Diagnosis: compares current and baseline metric by metric and decides statuses and the verdict
 * (docs/design.md, 'Diagnosis rules'). Pure: takes results (and, when both runs carry per-example data,
 * their datasets for paired statistics) and returns a Report. One step per file: pairing.ts (which
 * examples pair, notes), overall.ts and slices.ts (rows and their tests), verdict.ts (statuses, verdict),
 * report.ts (assembly).
 */
import { InputError } from '../errors.js';
import type { PairingInfo, Report } from '../types.js';
import { metricOptionsOf, type GateInput } from './input.js';
import { attachOverallTests, overallRows } from './overall.js';
import { pairRuns } from './pairing.js';
import { assembleReport } from './report.js';
import type { Row } from './row.js';
import { attachSliceTests, sliceRows } from './slices.js';
import { decide } from './verdict.js';

export { metricOptionsOf, type GateInput } from './input.js';

/** Runs the diagnosis. */
export function diagnose(input: GateInput): Report {
  const { current, baseline, config } = input;
  const alpha = config.significance;
  const mopts = metricOptionsOf(config);
  const { pairing, notes } = pairRuns(input);

  // Two runs whose tasks differ compare nothing alike (e.g. auto-detection saw integer predictions in
  // one run and floats in the other): refuse rather than pass with every metric "missing".
  if (
    baseline &&
    current.task !== 'aggregate' &&
    baseline.task !== 'aggregate' &&
    current.task !== baseline.task
  ) {
    throw new InputError(
      `this run (${filesOf(current)}) is a ${current.task} task but the baseline (${filesOf(baseline)}) is ${baseline.task}; set \`task:\` in the config so both runs are read the same way`,
      { file: config.file, field: 'task' },
    );
  }

  const rows = overallRows(input);
  attachOverallTests(rows, input, pairing?.info.paired ? pairing : undefined, mopts);
  const overall = decide(rows, alpha, 'holm');

  let slices: Row[] = [];
  let sliceTests = 0;
  if (baseline) {
    slices = sliceRows({ ...input, baseline }, rows);
    attachSliceTests(slices, input, mopts);
    sliceTests = decide(slices, alpha, 'bh');
  }
  return assembleReport(input, rows, slices, pairing, notes, mopts, { overall, slices: sliceTests });
}

export type { PairingInfo };

/** The input files of a run, for messages that must say which files disagree. */
function filesOf(run: { sources: { file: string }[] }): string {
  const files = run.sources.map((s) => s.file);
  if (files.length === 0) return 'no file';
  return files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
}
