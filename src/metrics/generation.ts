/**
 * Text-generation metrics: exact match after configurable normalisation, and SQuAD-style token F1.
 * Character classes follow Python (the reference implementations are Python): whitespace is
 * `str.isspace`, punctuation is `string.punctuation`, and word characters for the article rule are
 * letters, digits and `_` like Python's `\b`.
 */
import type { MetricOptions } from './types.js';

/** Python's `str.isspace` characters. */
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WS_RUN = new RegExp(`[${WS}]+`, 'g');
const WS_EDGES = new RegExp(`^[${WS}]+|[${WS}]+$`, 'g');
/** Python's `string.punctuation` (ASCII). */
const PUNCT = /[!-/:-@[-`{-~]/g;
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

/** Effective exact-match normalisation: trim and case-fold unless disabled; the rest off unless enabled. */
export function normalizeOptions(opts: MetricOptions): Required<NonNullable<MetricOptions['normalize']>> {
  const o = opts.normalize ?? {};
  return {
    trim: o.trim ?? true,
    caseFold: o.caseFold ?? true,
    stripPunctuation: o.stripPunctuation ?? false,
    collapseWhitespace: o.collapseWhitespace ?? false,
  };
}

/**
 * Exact-match normalisation, in this order: case-fold (Unicode lower-casing), strip ASCII punctuation,
 * collapse whitespace runs to one space, trim whitespace.
 */
export function normalizeText(s: string, norm: Required<NonNullable<MetricOptions['normalize']>>): string {
  if (norm.caseFold) s = s.toLowerCase();
  if (norm.stripPunctuation) s = s.replace(PUNCT, '');
  if (norm.collapseWhitespace) s = s.replace(WS_RUN, ' ');
  if (norm.trim) s = s.replace(WS_EDGES, '');
  return s;
}

/** SQuAD `normalize_answer`: lower, remove punctuation, remove articles a/an/the, split on whitespace. */
export function squadNormalize(s: string): string[] {
  const t = s.toLowerCase().replace(PUNCT, '').replace(ARTICLES, ' ');
  const tokens = t.split(WS_RUN);
  // split leaves empty strings at the ends when the text starts/ends with whitespace.
  let start = 0;
  let end = tokens.length;
  if (end > 0 && tokens[0] === '') start = 1;
  if (end > start && tokens[end - 1] === '') end--;
  return start === 0 && end === tokens.length ? tokens : tokens.slice(start, end);
}

/** SQuAD v2 token F1 of two token lists: both empty → 1, one empty → 0, else F1 of the multiset overlap. */
export function tokenF1(pred: string[], gold: string[]): number {
  if (pred.length === 0 || gold.length === 0) return pred.length === gold.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of pred) counts.set(t, (counts.get(t) ?? 0) + 1);
  let same = 0;
  for (const t of gold) {
    const c = counts.get(t);
    if (c) {
      same++;
      counts.set(t, c - 1);
    }
  }
  if (same === 0) return 0;
  const precision = same / pred.length;
  const recall = same / gold.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Per-example exact match (1 when the normalised prediction equals any normalised accepted answer). */
export function exactMatchPerExample(
  textPred: string[],
  textRefs: string[][],
  opts: MetricOptions,
): Float64Array {
  const norm = normalizeOptions(opts);
  const n = textPred.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = normalizeText(textPred[i], norm);
    let hit = 0;
    for (const r of textRefs[i]) {
      if (normalizeText(r, norm) === p) {
        hit = 1;
        break;
      }
    }
    out[i] = hit;
  }
  return out;
}

/** Per-example token F1, the maximum over accepted answers. */
export function tokenF1PerExample(textPred: string[], textRefs: string[][]): Float64Array {
  const n = textPred.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = squadNormalize(textPred[i]);
    let best = 0;
    for (const r of textRefs[i]) {
      const f = tokenF1(p, squadNormalize(r));
      if (f > best) best = f;
    }
    out[i] = best;
  }
  return out;
}
