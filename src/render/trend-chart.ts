/**
 * Mermaid `xychart-beta` line charts of a metric over the history plus this run. GitHub renders
 * Mermaid in comments, check run summaries and job summaries. The chart text is code, not markdown:
 * escaping markdown would not help, so every label is reduced to a small safe alphabet (no quotes,
 * backticks, brackets or newlines that could end the string, the list or the code fence) and every
 * value is a plain finite decimal.
 */

/** One point of a chart, oldest first. */
export interface ChartPoint {
  label: string;
  value: number;
}

/** Fewest points a chart is drawn with: two points are a line, not a trend. */
export const MIN_CHART_POINTS = 3;

/** A label as a Mermaid string: safe characters only, at most `max` of them. */
export function chartLabel(text: string, max = 40): string {
  let s = String(text)
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9 _.#/=:+%-]/g, '_');
  if (s.length > max) s = s.slice(0, max - 1) + '_';
  // `-->` is Mermaid syntax even inside some strings; `%%` starts a comment.
  return s.replace(/-->/g, '--_').replace(/%%/g, '%_');
}

/** A number Mermaid reads: finite, plain decimal notation, no exponent. */
export function chartNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`chart value ${v} is not finite`);
  const s = String(Number(v.toPrecision(8)));
  if (!/e/i.test(s)) return s;
  // Very small magnitudes: fixed notation; very large ones: the integer's digits.
  return Math.abs(v) < 1
    ? v.toFixed(20).replace(/0+$/, '').replace(/\.$/, '')
    : BigInt(Math.round(v)).toString();
}

/**
 * The fenced Mermaid chart of one metric; undefined when fewer than MIN_CHART_POINTS points exist
 * (the caller says so in a note).
 */
export function trendChart(metric: string, points: ChartPoint[]): string | undefined {
  const finite = points.filter((p) => Number.isFinite(p.value));
  if (finite.length < MIN_CHART_POINTS) return undefined;
  const values = finite.map((p) => p.value);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  // Some room around the line; a flat line gets a band of its own size (or 0.01 around zero).
  const pad = hi > lo ? (hi - lo) * 0.1 : Math.abs(hi) * 0.01 || 0.01;
  lo -= pad;
  hi += pad;
  const name = chartLabel(metric, 60);
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${name}"`,
    `    x-axis [${finite.map((p) => `"${chartLabel(p.label, 20)}"`).join(', ')}]`,
    `    y-axis "${name}" ${chartNumber(lo)} --> ${chartNumber(hi)}`,
    `    line [${values.map(chartNumber).join(', ')}]`,
    '```',
  ].join('\n');
}
