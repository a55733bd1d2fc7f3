/** The overall (whole-run) comparison rows and their significance tests. */
import type { MetricOptions } from '../metrics/index.js';
import { metricSpec } from '../metrics/index.js';
import { compareDatasets, compareScores, unpairedTest, type Pairing } from '../stats/index.js';
import { compareCorpus } from '../stats/corpus-test.js';
import type { TestResult } from '../types.js';
import { directionChoice } from './metric-direction.js';
import type { GateInput } from './input.js';
import { absentRow, compareRow, directionsOf, testSettings, type Row } from './row.js';
import { ruleFor } from './rules.js';

/**
 * One row per metric in either run, plus a warning row for each configured metric that is in neither
 * (most likely a typo: say so instead of gating nothing).
 */
export function overallRows(input: GateInput): Row[] {
  const { current, baseline, config } = input;
  const task = current.task;
  const preaggregated = new Set<string>([
    ...((current.options?.preaggregated as string[] | undefined) ?? []),
    ...((baseline?.options?.preaggregated as string[] | undefined) ?? []),
  ]);
  // Metrics the input format reports but does not gate by default (MTEB's non-main scores, HF
  // Trainer runtime): only a config rule that names them, or `defaults`, gates them.
  const reportOnly = new Set<string>([
    ...((current.options?.report_only as string[] | undefined) ?? []),
    ...((baseline?.options?.report_only as string[] | undefined) ?? []),
  ]);
  const names = new Set<string>(Object.keys(current.metrics));
  if (baseline) for (const n of Object.keys(baseline.metrics)) names.add(n);
  const rows: Row[] = [];
  for (const name of [...names].sort()) {
    const dir = directionChoice(name, config, [current, baseline]);
    const rule =
      reportOnly.has(name) && !config.metrics[name] && !config.defaults
        ? undefined
        : ruleFor(
            name,
            task === 'aggregate' && baseline ? baseline.task : task,
            config,
            preaggregated.has(name),
          );
    const row = compareRow(name, current.metrics[name], baseline?.metrics[name], dir.direction, rule);
    // The report says which directions are a reading of the name, so a wrong reading is visible.
    if (dir.source === 'name') row.cmp.direction_from_name = dir.word;
    rows.push(row);
  }
  for (const name of Object.keys(config.metrics).sort()) {
    if (names.has(name) || config.metrics[name].waive || config.metrics[name].gate === false) continue;
    rows.push(
      absentRow(
        name,
        `named under \`metrics:\` in the config but in neither run — a typo? (metrics here: ${[...names].slice(0, 8).join(', ')}${names.size > 8 ? ', …' : ''})`,
      ),
    );
  }
  return rows;
}

/** Significance tests for overall rows: paired when possible, else unpaired from standard errors. */
export function attachOverallTests(
  rows: Row[],
  input: GateInput,
  pairing: Pairing | undefined,
  mopts: MetricOptions,
): void {
  // Paired tests for gated metrics, and for reported ones whose test is cheap (O(cells) or O(n)); the
  // O(n × resamples) example bootstrap is spent only where it decides something.
  const want = rows.filter((r) => {
    if (r.bad === null) return false;
    const spec = metricSpec(r.cmp.metric, input.currentData?.task);
    return spec !== undefined && (r.cmp.gated || spec.kind !== 'other');
  });
  const ts = testSettings(rows, input.config);
  let paired: Record<string, TestResult> = {};
  if (pairing && input.baselineData && input.currentData) {
    const names = want.map((r) => r.cmp.metric);
    paired = compareDatasets(input.baselineData, input.currentData, names, {
      metric: mopts,
      directions: directionsOf(rows),
      bootstrap: input.config.bootstrap,
      seed: input.config.seed,
      pairing,
      alpha: ts.alpha,
      tolerances: ts.tolerances,
      minResamples: ts.minResamples,
      clusterField: input.config.cluster !== undefined,
    });
  }
  const baseScores = input.baseline?.scores ?? {};
  const curScores = input.current.scores ?? {};
  const baseCorpus = input.baseline?.corpus ?? {};
  const curCorpus = input.current.corpus ?? {};
  for (const r of rows) {
    if (r.bad === null) continue;
    const name = r.cmp.metric;
    const t = ts.tolerances[name] ?? 0;
    const scored =
      baseScores[name] && curScores[name]
        ? compareScores(baseScores[name], curScores[name], r.cmp.direction, t, ts.alpha)
        : null;
    const corpus =
      !scored && baseCorpus[name] && curCorpus[name]
        ? compareCorpus(baseCorpus[name], curCorpus[name], r.cmp.direction, {
            tolerance: t,
            alpha: ts.alpha,
            resamples: Math.max(input.config.bootstrap, ts.minResamples),
            seed: input.config.seed,
          })
        : null;
    r.cmp.test =
      paired[name] ??
      scored ??
      corpus ??
      unpairedTest(input.baseline!.metrics[name], input.current.metrics[name], r.cmp.direction, t, ts.alpha);
  }
}
