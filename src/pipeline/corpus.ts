/**
 * Corpus-level metrics (F1, MCC, … over a whole task) recomputed from the per-document items a harness
 * wrote, so that they get a paired test instead of standing untested (docs/statistics.md).
 */
import { CORPUS_AGGREGATIONS, corpusMetric } from '../metrics/corpus.js';
import type { CorpusColumn, MetricValue } from '../types.js';

/**
 * Corpus columns from a reader's per-document `[gold, pred]` pairs, for the metrics evalgate can
 * aggregate (the metric name's part after `<task>/`, before `,<filter>`, as in CORPUS_AGGREGATIONS).
 */
export function corpusOfPairs(
  pairs: Record<string, { ids: string[]; pairs: [unknown, unknown][] }> | undefined,
): Record<string, CorpusColumn> {
  const out: Record<string, CorpusColumn> = {};
  for (const [name, col] of Object.entries(pairs ?? {})) {
    const metric = name.slice(name.indexOf('/') + 1).split(',')[0];
    const aggregation = CORPUS_AGGREGATIONS[metric];
    if (!aggregation) continue;
    out[name] = {
      ids: col.ids,
      gold: col.pairs.map((p) => p[0]),
      pred: col.pairs.map((p) => p[1]),
      aggregation,
    };
  }
  return out;
}

/**
 * Corpus-level metrics recomputed from per-document items (lm-eval `samples_*.jsonl`): the value
 * replaces the tool's own when the two agree; when they disagree (a custom aggregation evalgate does
 * not reproduce) or the metric is undefined for the items, the items are dropped with a note and the
 * tool's value stays, untested. Group metrics that are one subtask's metric (`sameAs`) share its items.
 * Returns notes; edits `corpus` and `aggregated` in place.
 */
export function corpusMetrics(
  corpus: Record<string, CorpusColumn>,
  corpusFrom: Record<string, string>,
  aggregated: Record<string, MetricValue>,
  aggregatedFrom: Record<string, string>,
  sameAs: Record<string, string>,
): string[] {
  const notes: string[] = [];
  for (const [name, col] of Object.entries(corpus)) {
    let value: number | null;
    try {
      value = corpusMetric(col.aggregation, col.gold, col.pred);
    } catch (e) {
      // The harness wrote items its own task code aggregates (e.g. label sequences beside single labels):
      // not bad input, but nothing evalgate can recompute, so the metric stays untested and says so.
      notes.push(
        `${name}: the per-document items in ${corpusFrom[name]} cannot be aggregated here (${(e as Error).message}); not tested`,
      );
      delete corpus[name];
      continue;
    }
    const given = aggregated[name];
    const agrees =
      given?.value === null ||
      given?.value === undefined ||
      (value !== null && Math.abs(given.value - value) <= 1e-9 * Math.max(1, Math.abs(given.value)));
    if (value === null || !agrees) {
      notes.push(
        value === null
          ? `${name}: ${col.aggregation} is not defined for the per-document items in ${corpusFrom[name]}; not tested`
          : `${name}: the per-document items in ${corpusFrom[name]} give ${value}, not ${given!.value}: the task aggregates them differently; not tested`,
      );
      delete corpus[name];
      continue;
    }
    aggregated[name] = { value, n: col.ids.length, stderr: null, ci: null };
    aggregatedFrom[name] ??= corpusFrom[name];
  }
  for (const [alias, target] of Object.entries(sameAs)) {
    if (corpus[target] && !corpus[alias] && aggregated[alias]) {
      corpus[alias] = corpus[target];
      aggregated[alias] = { ...aggregated[target] };
    }
  }
  return notes;
}
