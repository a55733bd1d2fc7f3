/** Markdown and JSON views of one EvalResult (`evalgate metrics`). */
import type { EvalResult, MetricValue } from '../types.js';
import { escapeMarkdown } from './escape.js';
import { fmtValue } from './format.js';

function row(name: string, m: MetricValue): string {
  const ci = m.ci ? `[${fmtValue(m.ci[0])}, ${fmtValue(m.ci[1])}]` : '';
  const value =
    m.value === null ? `n/a (${escapeMarkdown(m.undefined ?? 'undefined', 120)})` : fmtValue(m.value);
  return `| ${escapeMarkdown(name, 120)} | ${value} | ${m.stderr != null ? fmtValue(m.stderr) : ''} | ${ci} | ${m.n ?? ''} | ${m.method ?? ''} |`;
}

/** Markdown tables of a result's metrics, overall then per slice. */
export function renderMetricsMarkdown(r: EvalResult): string {
  const out = [`### Metrics · task ${r.task}${r.n !== null ? ` · n = ${r.n}` : ''}`, ''];
  const head = [
    '| Metric | Value | Std. error | 95% CI | n | Method |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  out.push(...head);
  for (const name of Object.keys(r.metrics).sort()) out.push(row(name, r.metrics[name]));
  for (const [field, values] of Object.entries(r.slices ?? {})) {
    for (const [value, s] of Object.entries(values)) {
      out.push(
        '',
        `#### ${escapeMarkdown(field, 60)} = ${escapeMarkdown(value, 60)} (n = ${s.n})`,
        '',
        ...head,
      );
      for (const name of Object.keys(s.metrics).sort()) out.push(row(name, s.metrics[name]));
    }
  }
  // Which reader read each file (formats are detected by content) and what the readers noted.
  if (r.sources.length) {
    out.push(
      '',
      `Read: ${r.sources.map((s) => `${escapeMarkdown(s.file, 200)} (${escapeMarkdown(s.format, 40)})`).join(', ')}`,
    );
  }
  for (const n of r.notes ?? []) out.push('', `> ${escapeMarkdown(n, 500)}`);
  return out.join('\n') + '\n';
}

/** JSON of `evalgate metrics`: value, stderr, interval and n of every metric. */
export function renderMetricsJson(r: EvalResult): string {
  const strip = (ms: Record<string, MetricValue>) =>
    Object.fromEntries(
      Object.entries(ms).map(([k, m]) => [
        k,
        {
          value: m.value,
          stderr: m.stderr ?? null,
          ci: m.ci ?? null,
          n: m.n,
          ...(m.method ? { method: m.method } : {}),
          ...(m.undefined ? { undefined: m.undefined } : {}),
        },
      ]),
    );
  const slices: Record<string, Record<string, { n: number; metrics: unknown }>> = {};
  for (const [field, values] of Object.entries(r.slices ?? {})) {
    slices[field] = {};
    for (const [v, s] of Object.entries(values)) slices[field][v] = { n: s.n, metrics: strip(s.metrics) };
  }
  const extra = {
    sources: r.sources.map((s) => ({ file: s.file, format: s.format })),
    ...(r.notes?.length ? { notes: r.notes } : {}),
  };
  return (
    JSON.stringify({ task: r.task, n: r.n, metrics: strip(r.metrics), slices, ...extra }, null, 2) + '\n'
  );
}
