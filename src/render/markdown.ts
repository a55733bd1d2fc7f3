/**
 * Markdown report: what the PR comment and the job summary show. Regressions first, a clear verdict
 * line, which baseline and why, CIs and p-values, slices and flipped examples folded away; escaped
 * untrusted text; fitted to a size limit (GitHub comments hold 65,536 characters).
 *
 * Over 400 lines on purpose: the sections of one comment share the size-fitting and escaping rules.
 */
import type { BaselineInfo, Comparison, FlippedExample, Report, Status } from '../types.js';
import { FLAGGED_STATUSES } from '../policy.js';
import { escapeCode, escapeMarkdown, escapeValue } from './escape.js';
import { fmtDelta, fmtP, fmtPct, fmtValue } from './format.js';
import { driftLines, historySection, sectionLines, waiverLines } from './history.js';

/** Options of the markdown renderer. */
export interface MarkdownOptions {
  /** Hard limit on the output length in characters (default 65,000: below GitHub's 65,536). */
  maxChars?: number;
  /** Hard limit on the output's UTF-8 size in bytes (the job summary's limit is 1 MiB in bytes). */
  maxBytes?: number;
  /** Where the JSON report (every row) can be found, in words; named when rows are left out. */
  jsonReport?: string;
  /** The job summary's URL, linked when something had to be left out (it shows more). */
  detailsUrl?: string;
  /** Title, e.g. "evalgate" or the gate id. */
  title?: string;
}

const ICON: Record<Status, string> = {
  regressed: '🔴',
  warn: '🟠',
  drifted: '📉',
  inconclusive: '🟡',
  improved: '🟢',
  unchanged: '⚪',
  new: '🆕',
  missing: '❔',
  skipped: '⏭️',
  waived: '💤',
};

const LABEL: Record<Status, string> = {
  regressed: 'regressed',
  warn: 'warning',
  drifted: 'drifted',
  inconclusive: 'inconclusive',
  improved: 'improved',
  unchanged: 'unchanged',
  new: 'new',
  missing: 'missing',
  skipped: 'skipped',
  waived: 'waived',
};

/** Readable names of the statistical tests. */
const METHOD: Record<string, string> = {
  'mcnemar-exact': 'exact McNemar',
  'paired-t': 'paired t',
  'paired-z': 'paired z',
  'paired-clustered-z': 'paired z with clustered SE',
  'paired-clustered-t': 'cluster-robust paired t (CR1)',
  'paired-proportion-score': "Tango's score test",
  'paired-randomization': 'paired randomization',
  'paired-bootstrap': 'paired bootstrap',
  delong: 'paired DeLong',
  'unpaired-z': 'unpaired z from standard errors',
};

const VERDICT: Record<Report['verdict'], string> = {
  pass: '✅ **Pass**',
  warn: '⚠️ **Warning**',
  fail: '❌ **Fail**',
  'no-baseline': '❔ **No baseline**',
};

function verdictLine(r: Report, title: string): string {
  const parts: string[] = [];
  if (r.regressions) parts.push(`${r.regressions} regression${r.regressions === 1 ? '' : 's'}`);
  if (r.warnings) parts.push(`${r.warnings} warning${r.warnings === 1 ? '' : 's'}`);
  const drifted = r.comparisons.filter((c) => c.status === 'drifted').length;
  if (drifted) parts.push(`${drifted} drifted`);
  const waived = (r.waivers ?? []).reduce((n, w) => n + w.waived, 0);
  if (waived) parts.push(`${waived} waived`);
  if (r.inconclusive) parts.push(`${r.inconclusive} not confirmed`);
  const improved = r.comparisons.filter((c) => c.status === 'improved' && !c.slice).length;
  if (improved) parts.push(`${improved} improved`);
  if (r.verdict === 'pass' && parts.length === 0) parts.push('no significant change');
  return `### ${VERDICT[r.verdict]} · ${escapeMarkdown(title)}${parts.length ? ` — ${parts.join(', ')}` : ''}`;
}

/** "Baseline: run #1234 (commit 1a2b3c4 on main) — why". */
export function describeBaseline(b: BaselineInfo): string {
  if (b.source === 'none') return `**Baseline:** none — ${escapeMarkdown(b.reason, 300)}`;
  const bits: string[] = [];
  if (b.source === 'path' && b.path) bits.push(`file \`${escapeCode(b.path)}\``);
  if (b.run_id !== undefined) {
    const label = b.run_number !== undefined ? `run #${b.run_number}` : `run ${b.run_id}`;
    bits.push(b.url && /^https:\/\//.test(b.url) ? `[${label}](${encodeURI(b.url)})` : label);
  }
  if (b.commit) bits.push(`commit \`${escapeMarkdown(b.commit.slice(0, 7))}\``);
  if (b.branch) bits.push(`on \`${escapeCode(b.branch)}\``);
  return `**Baseline:** ${bits.join(', ')}${b.reason ? ` — ${escapeMarkdown(b.reason, 300)}` : ''}`;
}

/** A value with its 95% interval as [lo, hi]: intervals are often asymmetric (Wilson, DeLong, bootstrap). */
function valueCell(v: number | null, ci: [number, number] | null | undefined): string {
  if (v === null) return 'n/a';
  return ci && Number.isFinite(ci[0]) && Number.isFinite(ci[1])
    ? `${fmtValue(v)} [${fmtValue(ci[0])}, ${fmtValue(ci[1])}]`
    : fmtValue(v);
}

/**
 * Δ with the one-sided bound from the same test as p ("Δ ≤ bound" when higher is better), so that the
 * interval shown and the p-value always tell the same story; the two-sided interval when there is no
 * bound.
 */
function deltaCell(c: Comparison): string {
  if (c.delta === null) return '';
  const b = c.test?.bound;
  if (b !== null && b !== undefined && Number.isFinite(b))
    return `${fmtDelta(c.delta)} (${c.direction === 'higher' ? '≤' : '≥'} ${fmtDelta(b)})`;
  const ci = c.test?.ci_delta;
  return ci ? `${fmtDelta(c.delta)} [${fmtDelta(ci[0])}, ${fmtDelta(ci[1])}]` : fmtDelta(c.delta);
}

/**
 * One line per inconclusive gated metric: "accuracy −0.1000 not confirmed: with n = 40 only a worsening
 * ≥ 0.21 is detectable".
 */
function inconclusiveLines(r: Report): string[] {
  const out: string[] = [];
  for (const c of r.comparisons) {
    if (c.status !== 'inconclusive' || c.slice) continue;
    const name = `**${escapeMarkdown(c.metric, 120)}** ${fmtDelta(c.delta)}`;
    const n = c.n_current ?? c.n_baseline;
    if (c.mde !== null && c.mde !== undefined)
      out.push(
        `- ${ICON.inconclusive} ${name} not confirmed: with${n !== null && n !== undefined ? ` n = ${n}` : ' this eval'} only a worsening ≥ ${fmtValue((c.tolerance ?? 0) + c.mde)} is detectable.`,
      );
    else if (c.test?.p_value != null)
      out.push(
        `- ${ICON.inconclusive} ${name} not confirmed: too few examples changed for this test to confirm any worsening.`,
      );
    else out.push(`- ${ICON.inconclusive} ${name} untested: ${escapeMarkdown(c.reason, 300)}`);
  }
  return out;
}

function pCell(c: Comparison): string {
  const p = c.test?.p_value;
  if (p === null || p === undefined) return '';
  const adj = c.p_adjusted;
  return adj !== null && adj !== undefined && adj !== p ? `${fmtP(p)} (${fmtP(adj)})` : fmtP(p);
}

function metricCell(c: Comparison): string {
  const name = escapeMarkdown(c.metric, 120);
  const shown = c.gated ? `**${name}**` : name;
  return c.undefined && (c.current === null || c.baseline === null) ? `${shown} ⓘ` : shown;
}

function table(rows: Comparison[], withSlice: boolean): string[] {
  const head = withSlice
    ? ['', 'Slice', 'Metric', 'Baseline', 'Current', 'Δ (95% bound)', 'Δ%', 'p (adj.)']
    : ['', 'Metric', 'Baseline', 'Current', 'Δ (95% bound)', 'Δ%', 'p (adj.)'];
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i >= (withSlice ? 3 : 2) ? ' ---: ' : ' --- ')).join('|')}|`,
  ];
  for (const c of rows) {
    const cells = [
      `${ICON[c.status]}`,
      ...(withSlice
        ? [c.slice ? `${escapeMarkdown(c.slice.field, 60)}=${escapeMarkdown(c.slice.value, 60)}` : '']
        : []),
      metricCell(c),
      valueCell(c.baseline, c.baseline_ci),
      valueCell(c.current, c.current_ci),
      deltaCell(c),
      fmtPct(c.delta_pct),
      pCell(c),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

function reasons(rows: Comparison[]): string[] {
  const out: string[] = [];
  for (const c of rows) {
    if (
      ![...FLAGGED_STATUSES, 'inconclusive', 'missing', 'skipped'].includes(c.status) &&
      !(c.status === 'unchanged' && c.gated && c.reason.includes('not significant'))
    )
      continue;
    const where = c.slice
      ? ` [${escapeMarkdown(c.slice.field, 60)}=${escapeMarkdown(c.slice.value, 60)}]`
      : '';
    out.push(
      `- ${ICON[c.status]} **${escapeMarkdown(c.metric, 120)}**${where} ${LABEL[c.status]}: ${escapeMarkdown(c.reason, 400)}`,
    );
  }
  return out;
}

/**
 * Which shown metrics had their direction read from their name (docs/metrics.md): a reading the
 * reader can check, and correct with `direction:` where it is wrong.
 */
function directionNote(rows: Comparison[], max: number): string | undefined {
  const named = rows.filter((c) => c.direction_from_name !== undefined);
  if (named.length === 0) return undefined;
  const list = named
    .slice(0, max)
    .map(
      (c) =>
        `${escapeMarkdown(c.metric, 120)} (${escapeMarkdown(c.direction_from_name ?? '', 40)}: ${c.direction} is better)`,
    )
    .join(', ');
  const more = named.length > max ? `, and ${named.length - max} more` : '';
  return `_Direction from the name: ${list}${more}. Set \`direction:\` in the config where this is wrong._`;
}

function flippedTable(title: string, rows: FlippedExample[]): string[] {
  if (rows.length === 0) return [];
  const numeric = rows.some((r) => r.change !== undefined);
  const out = [
    `**${title}**`,
    '',
    numeric ? '| id | label | baseline | current | change |' : '| id | label | baseline | current |',
    numeric ? '| --- | --- | --- | --- | ---: |' : '| --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const cells = [
      escapeValue(r.id, 60),
      escapeValue(r.label),
      escapeValue(r.baseline_prediction),
      escapeValue(r.current_prediction),
    ];
    if (numeric) cells.push(fmtDelta(r.change ?? null));
    out.push(`| ${cells.join(' | ')} |`);
  }
  out.push('');
  return out;
}

interface Detail {
  /** Trend charts and the history table. */
  history: boolean;
  slices: boolean;
  flipped: boolean;
  others: boolean;
  maxRows: number;
  /** Where what is left out can be found (markdown, trusted). */
  rest: string;
}

function render(r: Report, o: MarkdownOptions, d: Detail): string {
  const title = o.title ?? r.gate_id ?? 'evalgate';
  const out: string[] = [verdictLine(r, title), ''];
  const unsure = inconclusiveLines(r);
  if (unsure.length) out.push(...unsure.slice(0, d.maxRows), '');
  out.push(describeBaseline(r.baseline));
  const facts: string[] = [`task ${r.task}`];
  if (r.profile) facts.push(`profile \`${escapeCode(r.profile, 40)}\``);
  if (r.current.n !== null) facts.push(`n = ${r.current.n}`);
  if (r.pairing) {
    facts.push(
      r.pairing.paired
        ? `paired on ${r.pairing.overlap} example${r.pairing.overlap === 1 ? '' : 's'}`
        : 'unpaired (no shared example ids)',
    );
  }
  facts.push(
    r.settings.significance === null
      ? 'thresholds alone decide (no significance level set)'
      : r.settings.correction === 'none'
        ? `one-sided tests at ${r.settings.significance}; no gated metric could be tested`
        : `one-sided tests at ${r.settings.significance}, ${correctionText(r.settings.correction)}`,
  );
  out.push('', facts.join(' · '), '');

  const overall = r.comparisons.filter((c) => !c.slice);
  const primary = overall.filter((c) => c.gated || !['unchanged', 'skipped'].includes(c.status));
  const others = overall.filter((c) => !primary.includes(c));
  let shown = primary;
  let omitted = 0;
  if (shown.length > d.maxRows) {
    omitted = shown.length - d.maxRows;
    shown = shown.slice(0, d.maxRows);
  }
  if (shown.length > 0) out.push(...table(shown, false));
  else out.push('_No gated metrics._');
  if (omitted > 0) out.push('', `_…and ${omitted} more rows (at most ${d.maxRows} are listed): ${d.rest}._`);
  const why = reasons(overall);
  if (why.length) out.push('', ...why.slice(0, d.maxRows));
  const named = directionNote(primary, d.maxRows);
  if (named) out.push('', named);
  const audit = waiverLines(r);
  if (audit.length) out.push('', ...audit);
  const drift = driftLines(r);
  if (drift.length) out.push('', ...drift);
  for (const n of r.notes) out.push('', `> ${escapeMarkdown(n, 500)}`);
  out.push(...sectionLines(r, (rows) => table(rows.slice(0, d.maxRows), false), describeBaseline));
  if (r.history) {
    if (d.history) out.push(...historySection(r));
    else out.push('', '_Trends and history: see the full report._');
  }

  if (others.length > 0) {
    if (d.others) {
      out.push(
        '',
        `<details><summary>Other metrics (${others.length}, not gated)</summary>`,
        '',
        ...table(others.slice(0, d.maxRows), false),
      );
      if (others.length > d.maxRows) out.push('', `_…and ${others.length - d.maxRows} more._`);
      out.push('', '</details>');
    } else {
      out.push('', `_${others.length} other metrics (not gated): ${d.rest}._`);
    }
  }

  const sliceRows = r.comparisons.filter((c) => c.slice);
  if (sliceRows.length > 0) {
    const bad = sliceRows.filter((c) => c.status === 'regressed' || c.status === 'warn');
    const summary = `Slices (${new Set(sliceRows.map((c) => `${c.slice!.field}=${c.slice!.value}`)).size}${bad.length ? `, ${bad.length} regressed` : ''})`;
    if (d.slices) {
      // Gated slice rows and real changes; the rest (reported-only, within noise) is in the JSON report.
      const rows = sliceRows.filter((c) => c.gated || !['unchanged', 'skipped'].includes(c.status));
      out.push('', `<details${bad.length ? ' open' : ''}><summary>${summary}</summary>`, '');
      if (rows.length > 0) out.push(...table(rows.slice(0, d.maxRows), true));
      else out.push('_No gated slice metric, and no slice metric changed beyond noise._');
      if (rows.length > d.maxRows)
        out.push(
          '',
          `_…and ${rows.length - d.maxRows} more slice rows (at most ${d.maxRows} are listed): ${d.rest}._`,
        );
      const sw = reasons(bad);
      if (sw.length) out.push('', ...sw.slice(0, d.maxRows));
      out.push('', '</details>');
    } else {
      out.push('', `_${summary}: ${d.rest}._`);
    }
  }

  if (r.flipped && (r.flipped.worse > 0 || r.flipped.better > 0)) {
    const f = r.flipped;
    const summary = `Flipped examples (${escapeMarkdown(f.outcome)}): ${f.worse} worse, ${f.better} better`;
    if (d.flipped) {
      out.push('', `<details><summary>${summary}</summary>`, '');
      out.push(...flippedTable('Worse', f.top_worse), ...flippedTable('Better', f.top_better));
      out.push('</details>');
    } else {
      out.push('', `_${summary}: ${d.rest}._`);
    }
  }
  const methods = [
    ...new Set(
      r.comparisons
        .filter((c) => c.gated && c.test?.p_value != null)
        .map((c) => METHOD[c.test!.method] ?? c.test!.method),
    ),
  ];
  const tests = methods.length
    ? ` Tests of gated metrics: ${methods.map((m) => escapeMarkdown(m)).join(', ')}.`
    : '';
  out.push(
    '',
    `<sub>Δ = current − baseline; [ ] are 95% intervals; (≤ b) is the one-sided 95% bound of Δ from the same test as p, which is one-sided (worse than the tolerance), adjusted in parentheses. **Bold** metrics are gated.${tests}</sub>`,
  );
  return out.join('\n') + '\n';
}

/** "Holm-corrected (overall), BH-corrected (slices)" from the report's `settings.correction`. */
function correctionText(c: string): string {
  return c
    .split(', ')
    .map((part) =>
      part.startsWith('holm')
        ? 'Holm-corrected over the gated metrics'
        : part.startsWith('benjamini')
          ? 'Benjamini–Hochberg over the gated slices'
          : escapeMarkdown(part),
    )
    .join(', ');
}

/**
 * Renders the report, dropping detail (flipped examples, slices, ungated metrics, then rows) until it
 * fits `maxChars` (and `maxBytes`); a pointer to where the rest is replaces what was left out.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? (options.maxBytes !== undefined ? Infinity : 65_000);
  const maxBytes = options.maxBytes ?? Infinity;
  const fits = (s: string): boolean =>
    s.length <= max && (maxBytes === Infinity || Buffer.byteLength(s, 'utf8') <= maxBytes);
  // Only the JSON report holds every row (the markdown lists at most 1,000 per table): say so, and
  // where the caller put it; the job summary is named only as "more", never as the full report.
  const json = `every row is in the JSON report${options.jsonReport ? ` (${options.jsonReport})` : ''}`;
  const rest = options.detailsUrl
    ? `the [job summary](${encodeURI(options.detailsUrl)}) shows more; ${json}`
    : json;
  const pointer = `\n_Report shortened to fit; ${rest}._\n`;
  const levels: Detail[] = [
    { history: true, slices: true, flipped: true, others: true, maxRows: 1000, rest: json },
    { history: true, slices: true, flipped: false, others: true, maxRows: 200, rest },
    { history: true, slices: false, flipped: false, others: true, maxRows: 200, rest },
    { history: false, slices: false, flipped: false, others: false, maxRows: 100, rest },
    { history: false, slices: false, flipped: false, others: false, maxRows: 30, rest },
    { history: false, slices: false, flipped: false, others: false, maxRows: 5, rest },
  ];
  for (let i = 0; i < levels.length; i++) {
    const text = render(report, options, levels[i]);
    const final = i === 0 ? text : text + pointer;
    if (fits(final)) return final;
  }
  const text = render(report, options, levels[levels.length - 1]);
  // Cut at a line boundary so no table row or entity is split; in bytes too when a byte limit is set.
  let cut = text.lastIndexOf('\n', Math.min(max, text.length) - pointer.length - 1);
  while (cut > 0 && !fits(text.slice(0, cut) + '\n' + pointer)) cut = text.lastIndexOf('\n', cut - 1);
  return text.slice(0, Math.max(0, cut)) + '\n' + pointer;
}
