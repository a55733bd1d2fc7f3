/**
 * The nightly/release parts of the markdown report: waiver audit lines, drift, the default-branch
 * section of a release gate, and the collapsed trends section (Mermaid charts and the history table).
 */
import type { Comparison, Report } from '../types.js';
import { escapeCode, escapeMarkdown } from './escape.js';
import { fmtDelta, fmtValue } from './format.js';
import { MIN_CHART_POINTS, trendChart, type ChartPoint } from './trend-chart.js';

/** Formats an ISO time as `2026-12-01 14:03 UTC` (or the raw text, escaped, when it is not one). */
export function utc(iso: string | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return escapeMarkdown(iso, 40);
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** One audit line per waiver considered: who/why, until when, what it waived, or why it no longer applies. */
export function waiverLines(r: Report): string[] {
  const out: string[] = [];
  for (const w of r.waivers ?? []) {
    if (w.kind === 'label') {
      const who = w.actor
        ? `added by ${escapeMarkdown('@' + w.actor, 60)}`
        : 'added by (unknown: issue events not readable)';
      const when = w.at ? ` on ${utc(w.at)}` : '';
      out.push(
        `- 💤 **Waiver** by label \`${escapeCode(w.label ?? '', 80)}\`, ${who}${when}: ${w.applied ? `${plural(w.waived, 'row')} waived` : 'nothing to waive'}.`,
      );
      continue;
    }
    const what = `**${escapeMarkdown(w.metric ?? '', 120)}**${w.slice ? ` [${escapeMarkdown(w.slice.field, 60)}=${escapeMarkdown(w.slice.value, 60)}]` : ''}`;
    const why = `“${escapeMarkdown(w.reason ?? '', 300)}”`;
    if (w.inactive) {
      out.push(
        `- ⌛ **Waiver** for ${what} no longer applies: ${escapeMarkdown(w.inactive, 200)} (reason was ${why}).`,
      );
    } else {
      out.push(
        `- 💤 **Waiver** for ${what} (config, expires ${escapeMarkdown(w.expires ?? '', 20)}${w.until_baseline ? `, for baseline ${escapeMarkdown(w.until_baseline.slice(0, 7), 10)}` : ''}): ${why}; ${w.applied ? `${plural(w.waived, 'row')} waived` : 'nothing to waive'}.`,
      );
    }
  }
  return out;
}

/** Drift lines: every drifted metric, then the checked ones that held. */
export function driftLines(r: Report): string[] {
  const out: string[] = [];
  const all = r.drift ?? [];
  // A drifted row already says so among the reasons; here the drifts behind rows flagged otherwise.
  const rowStatus = (m: string) => r.comparisons.find((c) => !c.slice && c.metric === m)?.status;
  for (const d of all.filter((x) => x.drifted && rowStatus(x.metric) !== 'drifted')) {
    const icon = d.waived ? '💤' : '📉';
    out.push(`- ${icon} **drift** too: ${escapeMarkdown(d.reason, 400)}${d.waived ? ' (waived)' : ''}`);
  }
  const held = all.filter((x) => !x.drifted);
  if (held.length) {
    out.push(
      `- Drift within limits: ${held.map((d) => `${escapeMarkdown(d.metric, 80)} ${fmtDelta(d.delta)} vs ${d.reference_kind} ${fmtValue(d.reference)} of ${d.window}`).join('; ')}.`,
    );
  }
  return out;
}

/** Further comparisons (a release gate against the default branch), each a compact table. */
export function sectionLines(
  r: Report,
  table: (rows: Comparison[]) => string[],
  describe: (b: Report['baseline']) => string,
): string[] {
  const out: string[] = [];
  for (const s of r.sections ?? []) {
    const rows = s.comparisons.filter((c) => c.gated || !['unchanged', 'skipped'].includes(c.status));
    out.push(
      '',
      `#### ${escapeMarkdown(s.title, 200)} (${s.verdict}; informational, the verdict above decides)`,
      '',
    );
    out.push(describe(s.baseline), '');
    if (rows.length) out.push(...table(rows));
    else out.push('_No gated metrics._');
  }
  return out;
}

/** Metrics charted: gated overall metrics with a current value, at most `charts`. */
function chartedMetrics(r: Report): string[] {
  const max = r.history?.charts ?? 0;
  return r.comparisons
    .filter((c) => !c.slice && c.gated && c.current !== null)
    .map((c) => c.metric)
    .slice(0, max);
}

/** The collapsed trends section: charts, then the history table. Empty when there is no history. */
export function historySection(r: Report): string[] {
  const h = r.history;
  if (!h) return [];
  const metrics = chartedMetrics(r);
  const oldestFirst = [...h.entries].reverse();
  const where = h.branch ? ` on \`${escapeCode(h.branch, 100)}\`` : '';
  const out: string[] = [
    '',
    `<details><summary>Trends: ${plural(h.entries.length, 'earlier run')}${where} and this one</summary>`,
    '',
  ];
  const tooShort: string[] = [];
  for (const m of metrics) {
    const current = r.comparisons.find((c) => !c.slice && c.metric === m)?.current ?? null;
    const points: ChartPoint[] = [];
    for (const e of oldestFirst) {
      const v = e.values[m];
      if (typeof v === 'number') points.push({ label: `#${e.run_number}`, value: v });
    }
    if (current !== null) points.push({ label: 'this run', value: current });
    const chart = trendChart(m, points);
    if (chart) out.push(chart, '');
    else tooShort.push(escapeMarkdown(m, 80));
  }
  if (tooShort.length)
    out.push(
      `_No chart for ${tooShort.join(', ')}: fewer than ${MIN_CHART_POINTS} points (earlier runs with a value, and this one)._`,
      '',
    );
  if (metrics.length === 0) out.push('_No gated metric to chart._', '');
  if (h.entries.length) {
    const shown = metrics.slice(0, 4);
    out.push(
      `| Run | Date | Commit | Verdict |${shown.map((m) => ` ${escapeMarkdown(m, 40)} |`).join('')}`,
      `| --- | --- | --- | --- |${shown.map(() => ' ---: |').join('')}`,
    );
    for (const e of h.entries) {
      const run =
        e.url && /^https:\/\//.test(e.url) ? `[#${e.run_number}](${encodeURI(e.url)})` : `#${e.run_number}`;
      const cells = shown.map((m) => ` ${fmtValue(e.values[m] ?? null)} |`).join('');
      out.push(
        `| ${run} | ${utc(e.created_at)} | \`${escapeCode(e.commit.slice(0, 7), 7)}\` | ${escapeMarkdown(e.verdict ?? '—', 20)} |${cells}`,
      );
    }
    out.push('');
  }
  const skipped = Object.entries(h.skipped).filter(([, n]) => n > 0);
  if (skipped.length)
    out.push(
      `_Left out of the history: ${skipped.map(([why, n]) => `${n} (${escapeMarkdown(why, 80)})`).join(', ')}._`,
      '',
    );
  out.push('</details>');
  return out;
}
