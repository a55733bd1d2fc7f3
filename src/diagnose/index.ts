/**
 * Diagnosis: compares current and baseline metric by metric and decides statuses and the verdict
 * (SPEC §5). Pure: takes results (and, when both runs carry per-example data, their datasets for paired
 * statistics) and returns a Report.
 */
import type { GateConfig, MetricRule } from '../config/load.js';
import { metricSpec, subsetDataset, type Dataset, type MetricOptions } from '../metrics/index.js';
import {
  benjaminiHochberg,
  compareDatasets,
  compareScores,
  pairScores,
  flippedExamples,
  holm,
  pairDatasets,
  unpairedTest,
} from '../stats/index.js';
import type {
  BaselineInfo,
  Comparison,
  Direction,
  EvalResult,
  MetricValue,
  PairingInfo,
  Report,
  Status,
  TestResult,
} from '../types.js';
import { InputError } from '../errors.js';
import { guessDirection } from './direction.js';
import { ruleFor } from './rules.js';

/** Everything diagnosis needs. */
export interface GateInput {
  current: EvalResult;
  baseline: EvalResult | null;
  baselineInfo: BaselineInfo;
  config: GateConfig;
  gateId?: string;
  currentData?: Dataset;
  baselineData?: Dataset;
  /** Commit/run of the current result, echoed in the report. */
  currentMeta?: { commit?: string; run_id?: number; branch?: string };
}

/** MetricOptions equivalent of a config. */
export function metricOptionsOf(config: GateConfig): MetricOptions {
  return {
    task: config.task,
    positiveLabel: config.positiveLabel,
    classes: config.classes,
    topK: config.topK,
    normalize: config.normalize,
  };
}

/**
 * Which way is better: the metric's own config `direction`, else what the file declared (lm-eval's
 * `higher_is_better`), else the built-in metric's, else the name's words; `defaults.direction` last.
 */
function directionOf(
  name: string,
  config: GateConfig,
  results: (EvalResult | null)[],
): Direction | undefined {
  const own = config.metrics[name]?.direction;
  if (own) return own;
  for (const r of results) {
    const declared = (r?.options?.directions as Record<string, Direction> | undefined)?.[name];
    if (declared) return declared;
  }
  const task = results[0]?.task;
  const builtIn = metricSpec(name, task === 'aggregate' ? undefined : task)?.direction;
  return builtIn ?? guessDirection(name) ?? config.defaults?.direction;
}

const fmt = (v: number) =>
  Math.abs(v) >= 1000 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(3) : +v.toFixed(4) + '';

interface Row {
  cmp: Comparison;
  rule?: MetricRule;
  /** Worsening in the bad direction (positive = worse). */
  bad: number | null;
  exceeds: boolean;
  absolute?: string;
}

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

function build(
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
    cmp.status = base ? 'skipped' : 'new';
    cmp.reason = `direction unknown; set metrics."${metric}".direction in the config`;
    // min/max need no direction: they stay gated; relative thresholds cannot apply.
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
function absentRow(metric: string, reason: string): Row {
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

/** Runs the diagnosis. */
export function diagnose(input: GateInput): Report {
  const { current, baseline, config } = input;
  const alpha = config.significance;
  const task = current.task;
  const notes: string[] = [];
  const mopts = metricOptionsOf(config);

  // Pairing of per-example data, when both runs have it.
  let pairing: ReturnType<typeof pairDatasets> | undefined;
  const canPair =
    input.currentData !== undefined &&
    input.baselineData !== undefined &&
    input.currentData.task === input.baselineData.task;
  if (canPair) {
    pairing = pairDatasets(input.baselineData!, input.currentData!);
    const info = pairing.info;
    if (!info.paired) {
      notes.push(
        'Baseline and current share no example ids: unpaired comparison (independent standard errors).',
      );
    } else if (info.overlap_ratio < 0.95) {
      notes.push(
        `Only ${info.overlap} of ${Math.max(info.n_baseline, info.n_current)} example ids are in both runs (${(info.overlap_ratio * 100).toFixed(1)}%): paired tests use the overlap.`,
      );
    }
  } else if (baseline && (input.currentData || input.baselineData)) {
    notes.push('Only one run has per-example records: unpaired comparison (independent standard errors).');
  }

  notes.push(...(current.notes ?? []));
  // Per-example scores of pre-scored metrics (e.g. lm-eval samples) pair by id like records do.
  if (baseline?.scores && current.scores) {
    for (const [name, col] of Object.entries(current.scores)) {
      const b = baseline.scores[name];
      if (!b) continue;
      const { overlap } = pairScores(b, col);
      const total = Math.max(b.ids.length, col.ids.length);
      if (overlap === 0) notes.push(`${name}: the runs share no example ids; unpaired comparison.`);
      else if (overlap < 0.95 * total)
        notes.push(
          `${name}: only ${overlap} of ${total} example ids are in both runs; the paired test uses those.`,
        );
    }
  }

  // Two runs whose tasks differ compare nothing alike (e.g. auto-detection saw integer predictions in
  // one run and floats in the other): refuse rather than pass with every metric "missing".
  if (
    baseline &&
    current.task !== 'aggregate' &&
    baseline.task !== 'aggregate' &&
    current.task !== baseline.task
  ) {
    throw new InputError(
      `this run is a ${current.task} task but the baseline is ${baseline.task}; set \`task:\` in the config so both runs are read the same way`,
      { file: config.file, field: 'task' },
    );
  }
  const preaggregated = new Set<string>([
    ...((current.options?.preaggregated as string[] | undefined) ?? []),
    ...((baseline?.options?.preaggregated as string[] | undefined) ?? []),
  ]);

  // Overall comparisons.
  const names = new Set<string>(Object.keys(current.metrics));
  if (baseline) for (const n of Object.keys(baseline.metrics)) names.add(n);
  const rows: Row[] = [];
  for (const name of [...names].sort()) {
    const dir = directionOf(name, config, [current, baseline]);
    const rule = ruleFor(
      name,
      task === 'aggregate' && baseline ? baseline.task : task,
      config,
      preaggregated.has(name),
    );
    rows.push(build(name, current.metrics[name], baseline?.metrics[name], dir, rule));
  }
  // A configured metric that is in neither run is most likely a typo: say so instead of gating nothing.
  for (const name of Object.keys(config.metrics).sort()) {
    if (names.has(name) || config.metrics[name].waive || config.metrics[name].gate === false) continue;
    rows.push(
      absentRow(
        name,
        `named under \`metrics:\` in the config but in neither run — a typo? (metrics here: ${[...names].slice(0, 8).join(', ')}${names.size > 8 ? ', …' : ''})`,
      ),
    );
  }
  attachTests(rows, input, pairing?.info.paired ? pairing : undefined, mopts);
  decide(rows, alpha, 'holm');

  // Slice comparisons.
  const sliceRows: Row[] = [];
  const sliceRules = config.sliceRules;
  if (baseline) {
    const gatedNames =
      sliceRules?.metrics ??
      rows.filter((r) => r.cmp.gated && r.cmp.current !== null).map((r) => r.cmp.metric);
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
          const overallRule = rows.find((r) => r.cmp.metric === name)?.rule;
          const rule: MetricRule | undefined =
            sliceRules && gatedNames.includes(name) && enough
              ? {
                  max_regression: sliceRules.max_regression,
                  max_regression_pct: sliceRules.max_regression_pct,
                  // A slice inherits the metric's severity unless slice_rules set one.
                  severity: sliceRules.severity ?? overallRule?.severity,
                }
              : undefined;
          const row = build(name, sr?.metrics[name], bs?.metrics[name], dir, rule, { field, value });
          if (!sr) row.cmp.reason = `slice ${field}=${value} is in the baseline but not in this run`;
          if (sliceRules && gatedNames.includes(name) && !enough) {
            row.cmp.reason = `n < min_n ${sliceRules.min_n}: reported, not gated`;
          }
          sliceRows.push(row);
        }
      }
    }
    for (const name of sliceRules?.metrics ?? []) {
      if (!sliceMetricNames.has(name)) {
        sliceRows.push(
          absentRow(
            name,
            'named under `slice_rules.metrics` in the config but in no slice of either run — a typo?',
          ),
        );
      }
    }
    attachSliceTests(sliceRows, input, mopts);
    decide(sliceRows, alpha, 'bh');
  }

  const all = [...rows, ...sliceRows].map((r) => r.cmp);
  // SPEC §8 names p_value and ci_delta on each comparison; `test` keeps the method and pairing.
  for (const c of all) {
    if (c.test) {
      c.p_value = c.test.p_value;
      c.ci_delta = c.test.ci_delta;
    }
  }
  let regressions = all.filter((c) => c.status === 'regressed').length;
  const warnings = all.filter((c) => c.status === 'warn').length;
  let verdict: Report['verdict'];
  if (!baseline) {
    // Absolute floors/ceilings need no baseline: they still fail the gate.
    regressions = all.filter((c) => c.status === 'regressed').length;
    verdict = regressions > 0 ? 'fail' : 'no-baseline';
  } else {
    verdict = regressions > 0 ? 'fail' : warnings > 0 ? 'warn' : 'pass';
  }

  const order: Record<Status, number> = {
    regressed: 0,
    warn: 1,
    missing: 2,
    improved: 3,
    new: 4,
    unchanged: 5,
    waived: 6,
    skipped: 7,
  };
  const sorted = (cs: Comparison[]) =>
    cs.sort(
      (a, b) =>
        order[a.status] - order[b.status] ||
        Number(b.gated) - Number(a.gated) ||
        a.metric.localeCompare(b.metric),
    );
  const report: Report = {
    schema: 'evalgate/report',
    version: 1,
    verdict,
    task,
    baseline: input.baselineInfo,
    current: { ...(input.currentMeta ?? {}), n: current.n },
    comparisons: [...sorted(rows.map((r) => r.cmp)), ...sorted(sliceRows.map((r) => r.cmp))],
    regressions,
    warnings,
    settings: {
      significance: alpha,
      correction: alpha === null ? 'none' : 'holm (overall), benjamini-hochberg (slices)',
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

/** Significance tests for overall rows: paired when possible, else unpaired from standard errors. */
function attachTests(
  rows: Row[],
  input: GateInput,
  pairing: ReturnType<typeof pairDatasets> | undefined,
  mopts: MetricOptions,
): void {
  // Paired tests for gated metrics, and for reported ones whose test is cheap (O(cells) or O(n)); the
  // O(n × resamples) example bootstrap is spent only where it decides something.
  const want = rows.filter((r) => {
    if (r.bad === null) return false;
    const spec = metricSpec(r.cmp.metric, input.currentData?.task);
    return spec !== undefined && (r.cmp.gated || spec.kind !== 'other');
  });
  let paired: Record<string, TestResult> = {};
  if (pairing && input.baselineData && input.currentData) {
    const names = want.map((r) => r.cmp.metric);
    paired = compareDatasets(input.baselineData, input.currentData, names, {
      metric: mopts,
      directions: directionsOf(rows),
      bootstrap: input.config.bootstrap,
      seed: input.config.seed,
      pairing,
    });
  }
  const baseScores = input.baseline?.scores ?? {};
  const curScores = input.current.scores ?? {};
  for (const r of rows) {
    if (r.bad === null) continue;
    const name = r.cmp.metric;
    const scored =
      baseScores[name] && curScores[name]
        ? compareScores(baseScores[name], curScores[name], r.cmp.direction)
        : null;
    r.cmp.test =
      paired[name] ??
      scored ??
      unpairedTest(input.baseline!.metrics[name], input.current.metrics[name], r.cmp.direction);
  }
}

/** Slice tests: paired within the slice when both runs have records, else unpaired. Only gated rows. */
function attachSliceTests(rows: Row[], input: GateInput, mopts: MetricOptions): void {
  const groups = new Map<string, Row[]>();
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
          },
        );
      }
    }
    for (const r of group) {
      const base = input.baseline!.slices[field]?.[value]?.metrics[r.cmp.metric];
      const cur = input.current.slices[field]?.[value]?.metrics[r.cmp.metric];
      r.cmp.test = paired[r.cmp.metric] ?? unpairedTest(base, cur, r.cmp.direction);
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
    );
  }
}

function directionsOf(rows: Row[]): Record<string, Direction> {
  return Object.fromEntries(rows.map((r) => [r.cmp.metric, r.cmp.direction]));
}

function indicesOf(values: string[], v: string): Int32Array {
  let n = 0;
  for (const x of values) if (x === v) n++;
  const out = new Int32Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === v) out[j++] = i;
  return out;
}

/** Multiple-testing correction over the gated rows, then the status of every row. */
function decide(rows: Row[], alpha: number | null, correction: 'holm' | 'bh'): void {
  const gated = rows.filter((r) => r.cmp.gated && r.bad !== null);
  if (alpha !== null) {
    const withP = gated.filter((r) => r.cmp.test?.p_value !== null && r.cmp.test?.p_value !== undefined);
    const ps = withP.map((r) => r.cmp.test!.p_value as number);
    const adj = correction === 'holm' ? holm(ps) : benjaminiHochberg(ps);
    withP.forEach((r, i) => (r.cmp.p_adjusted = adj[i]));
  }
  for (const r of rows) {
    const c = r.cmp;
    if (['waived', 'skipped', 'missing', 'new'].includes(c.status) && !r.absolute) {
      if (c.status === 'missing' && c.gated) {
        c.status = 'warn';
        if (!c.reason || c.reason === 'in the baseline but not in this run') {
          c.reason = 'gated metric is in the baseline but not in this run';
        }
      }
      continue;
    }
    if (r.absolute && c.gated) {
      c.status = c.severity === 'fail' ? 'regressed' : 'warn';
      c.reason = r.absolute;
      continue;
    }
    if (r.bad === null) continue;
    const p = c.test?.p_value ?? null;
    const pAdj = c.p_adjusted ?? null;
    const pText = p !== null ? `p=${fmtP(p)}${pAdj !== null ? `, adjusted ${fmtP(pAdj)}` : ''}` : '';
    if (c.gated && r.exceeds) {
      if (alpha === null || pAdj === null) {
        c.status = c.severity === 'fail' ? 'regressed' : 'warn';
        if (alpha !== null && pAdj === null)
          c.reason += '; no significance test possible (no standard errors), threshold alone decides';
        else if (pText) c.reason += ` (${pText})`;
      } else if (pAdj < alpha) {
        c.status = c.severity === 'fail' ? 'regressed' : 'warn';
        c.reason += `, significant (${pText} < ${alpha})`;
      } else {
        c.status = 'unchanged';
        c.reason += `, but not significant (${pText} ≥ ${alpha}): within noise`;
      }
      continue;
    }
    // Not a regression: improved when the change is in the good direction beyond noise.
    // Improved only beyond noise: the CI of the difference excludes 0 on the good side; with no CI at all
    // (pre-aggregated metrics without standard errors) any change in the good direction counts.
    const ci = c.test?.ci_delta ?? null;
    const good = ci === null ? true : c.direction === 'higher' ? ci[0] > 0 : ci[1] < 0;
    if (r.bad < 0 && good) {
      c.status = 'improved';
      c.reason = `better by ${fmt(-r.bad)}`;
    } else {
      c.status = 'unchanged';
      if (!c.reason) {
        c.reason =
          r.bad > 0
            ? `worse by ${fmt(r.bad)}${c.gated ? ', within the allowed threshold' : ' (not gated)'}`
            : r.bad < 0
              ? `better by ${fmt(-r.bad)}, within noise`
              : 'no change';
      }
    }
  }
}

function fmtP(p: number): string {
  // An exact tail this small underflows to 0 in float64; say so rather than print "0".
  if (p < 1e-300) return '< 1e-300';
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

export type { PairingInfo };
