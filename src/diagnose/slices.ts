/** The per-slice comparison rows (`slice_rules`) and their significance tests. */
import type { MetricRule } from '../config/load.js';
import { subsetDataset, type MetricOptions } from '../metrics/index.js';
import { compareDatasets, pairDatasets, unpairedTest } from '../stats/index.js';
import type { EvalResult, TestResult } from '../types.js';
import { directionOf } from './metric-direction.js';
import type { GateInput } from './input.js';
import { absentRow, compareRow, directionsOf, testSettings, type Row } from './row.js';

/**
 * One row per (slice field, value, metric) in either run. Gated by `slice_rules` when the metric is
 * gated overall (or listed in `slice_rules.metrics`) and both runs' slices reach `min_n`.
 */
export function sliceRows(input: GateInput & { baseline: EvalResult }, overall: Row[]): Row[] {
  const { current, baseline, config } = input;
  const rows: Row[] = [];
  const sliceRules = config.sliceRules;
  const gatedNames =
    sliceRules?.metrics ??
    overall.filter((r) => r.cmp.gated && r.cmp.current !== null).map((r) => r.cmp.metric);
  const fields = new Set([...Object.keys(current.slices ?? {}), ...Object.keys(baseline.slices ?? {})]);
  const sliceMetricNames = new Set<string>();
  for (const field of [...fields].sort()) {
    const curValues = current.slices?.[field] ?? {};
    const baseValues = baseline.slices?.[field] ?? {};
    const values = new Set([...Object.keys(curValues), ...Object.keys(baseValues)]);
    for (const value of [...values].sort()) {
      const sr = curValues[value];
      const bs = baseValues[value];
      const metricNames = new Set([...Object.keys(sr?.metrics ?? {}), ...Object.keys(bs?.metrics ?? {})]);
      for (const n of metricNames) sliceMetricNames.add(n);
      for (const name of [...metricNames].sort()) {
        const dir = directionOf(name, config, [current, baseline]);
        // A slice gone from this run is judged by the baseline's size alone.
        const enough =
          sliceRules?.min_n === undefined ||
          ((sr ? sr.n >= sliceRules.min_n : true) && (bs?.n ?? 0) >= sliceRules.min_n);
        const overallRule = overall.find((r) => r.cmp.metric === name)?.rule;
        const rule: MetricRule | undefined =
          sliceRules && gatedNames.includes(name) && enough
            ? {
                max_regression: sliceRules.max_regression,
                max_regression_pct: sliceRules.max_regression_pct,
                // A slice inherits the metric's severity unless slice_rules set one.
                severity: sliceRules.severity ?? overallRule?.severity,
              }
            : undefined;
        const row = compareRow(name, sr?.metrics[name], bs?.metrics[name], dir, rule, { field, value });
        if (!sr) row.cmp.reason = `slice ${field}=${value} is in the baseline but not in this run`;
        if (sliceRules && gatedNames.includes(name) && !enough) {
          row.cmp.reason = `n < min_n ${sliceRules.min_n}: reported, not gated`;
        }
        rows.push(row);
      }
    }
  }
  for (const name of sliceRules?.metrics ?? []) {
    if (!sliceMetricNames.has(name)) {
      rows.push(
        absentRow(
          name,
          'named under `slice_rules.metrics` in the config but in no slice of either run — a typo?',
        ),
      );
    }
  }
  return rows;
}

/** Slice tests: paired within the slice when both runs have records, else unpaired. Only gated rows. */
export function attachSliceTests(rows: Row[], input: GateInput, mopts: MetricOptions): void {
  const groups = new Map<string, Row[]>();
  const ts = testSettings(rows, input.config);
  for (const r of rows) {
    if (!r.cmp.gated || r.bad === null || !r.cmp.slice) continue;
    const key = `${r.cmp.slice.field}\u0000${r.cmp.slice.value}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  for (const [key, group] of groups) {
    const [field, value] = key.split('\u0000');
    let paired: Record<string, TestResult> = {};
    const bd = input.baselineData;
    const cd = input.currentData;
    if (bd && cd && bd.task === cd.task && bd.slices[field] && cd.slices[field]) {
      const bIdx = indicesOf(bd.slices[field], value);
      const cIdx = indicesOf(cd.slices[field], value);
      const bs = subsetDataset(bd, bIdx);
      const cs = subsetDataset(cd, cIdx);
      const pairing = pairDatasets(bs, cs);
      if (pairing.info.paired) {
        paired = compareDatasets(
          bs,
          cs,
          group.map((r) => r.cmp.metric),
          {
            metric: mopts,
            directions: directionsOf(group),
            bootstrap: input.config.bootstrap,
            seed: input.config.seed,
            pairing,
            alpha: ts.alpha,
            // Per slice value: a percentage tolerance depends on this slice's baseline.
            tolerances: Object.fromEntries(group.map((r) => [r.cmp.metric, r.tolerance ?? 0])),
            minResamples: ts.minResamples,
            clusterField: input.config.cluster !== undefined,
          },
        );
      }
    }
    for (const r of group) {
      const base = input.baseline!.slices[field]?.[value]?.metrics[r.cmp.metric];
      const cur = input.current.slices[field]?.[value]?.metrics[r.cmp.metric];
      r.cmp.test =
        paired[r.cmp.metric] ?? unpairedTest(base, cur, r.cmp.direction, r.tolerance ?? 0, ts.alpha);
    }
  }
  // Reported-only slice rows get the cheap unpaired test, so that "improved" is judged against noise.
  for (const r of rows) {
    if (r.cmp.test || r.bad === null || !r.cmp.slice) continue;
    const { field, value } = r.cmp.slice;
    r.cmp.test = unpairedTest(
      input.baseline!.slices[field]?.[value]?.metrics[r.cmp.metric],
      input.current.slices[field]?.[value]?.metrics[r.cmp.metric],
      r.cmp.direction,
      0,
      ts.alpha,
    );
  }
}

function indicesOf(values: string[], v: string): Int32Array {
  let n = 0;
  for (const x of values) if (x === v) n++;
  const out = new Int32Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === v) out[j++] = i;
  return out;
}
