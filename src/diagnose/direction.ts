/**
 * Which way is better for a metric that is not one of our built-in metrics (pre-aggregated files, custom
 * numeric fields), read from the word parts of its name. docs/metrics.md ("Direction from the name") lists
 * the words; keep the two in step. A name whose words decide nothing gets no direction: the gate then
 * warns instead of guessing, because a guess could fail a build on an improvement (or pass a regression).
 */
import type { Direction } from '../types.js';

/** Word parts meaning "higher is better". Multi-word entries are matched on consecutive words. */
export const HIGHER_WORDS: readonly string[] = [
  'acc',
  'accuracy',
  'f1',
  'fbeta',
  'precision',
  'recall',
  'sensitivity',
  'specificity',
  'tpr',
  'auc',
  'auroc',
  'auprc',
  'ap',
  'map',
  'mrr',
  'ndcg',
  'hit',
  'hits',
  'bleu',
  'sacrebleu',
  'chrf',
  'rouge',
  'meteor',
  'bertscore',
  'bleurt',
  'exact_match',
  'em',
  'match',
  'correct',
  'pass',
  'passed',
  'score',
  'scores',
  'mcc',
  'kappa',
  'r2',
  'jaccard',
  'iou',
  'dice',
  'spearman',
  'pearson',
  'similarity',
  'reward',
  'win',
  'wins',
  'win_rate',
  'success',
  'rating',
  'quality',
  'elo',
  'throughput',
  'per_second',
  'per_sec',
  'qps',
  'rps',
];

/** Word parts meaning "lower is better". */
export const LOWER_WORDS: readonly string[] = [
  'loss',
  'error',
  'errors',
  'err',
  'perplexity',
  'ppl',
  'nll',
  'bpb',
  'bits_per_byte',
  'latency',
  'time',
  'runtime',
  'duration',
  'ms',
  'sec',
  'secs',
  'seconds',
  'mse',
  'mae',
  'rmse',
  'mape',
  'wer',
  'cer',
  'ter',
  'brier',
  'ece',
  'hamming',
  'fpr',
  'fnr',
  'false_positive',
  'false_positives',
  'false_negative',
  'false_negatives',
  'miss_rate',
  'cost',
  'price',
  'usd',
  'tokens',
  'memory',
  'bytes',
  'toxicity',
  'bias',
  'hallucination',
  'hallucinations',
  'fail',
  'failed',
  'failure',
  'failures',
  'retries',
];

const WORDS = new Map<string, Direction>([
  ...HIGHER_WORDS.map((w) => [w, 'higher'] as [string, Direction]),
  ...LOWER_WORDS.map((w) => [w, 'lower'] as [string, Direction]),
]);
const LONGEST = Math.max(...[...WORDS.keys()].map((w) => w.split('_').length));

/** A direction read from a name, with the word part that decided it. */
export interface NameDirection {
  direction: Direction;
  /** The word (or words, joined by `_`) that decided, e.g. `accuracy` for `mmlu_accuracy`. */
  word: string;
  /** True when a leading `neg` (scikit-learn's `neg_mean_squared_error`) reversed the word's direction. */
  negated?: boolean;
}

/** Words of one name segment: split at non-alphanumerics and camelCase; `rouge1` also yields `rouge`. */
function words(segment: string): string[] {
  const parts = segment
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  return parts;
}

/** The deciding match in one word list: the last one wins (the head of an English compound comes last). */
function decide(list: string[]): NameDirection | undefined {
  let best: { end: number; len: number; word: string } | undefined;
  for (let i = 0; i < list.length; i++) {
    for (let len = 1; len <= LONGEST && i + len <= list.length; len++) {
      const slice = list.slice(i, i + len);
      let word = slice.join('_');
      if (!WORDS.has(word) && len === 1) word = word.replace(/[0-9]+$/, ''); // rouge1, bleu4, ap50
      if (!WORDS.has(word)) continue;
      const end = i + len;
      // Later end wins; at the same end the longer match (`per_second` over `second`).
      if (!best || end > best.end || (end === best.end && len > best.len)) best = { end, len, word };
    }
  }
  if (!best) return undefined;
  const direction = WORDS.get(best.word) as Direction;
  if (list[0] === 'neg' && best.end > 1) {
    return { direction: direction === 'higher' ? 'lower' : 'higher', word: best.word, negated: true };
  }
  return { direction, word: best.word };
}

/**
 * Direction from a metric's name, or undefined when its words decide nothing.
 *
 * The name is split into segments at `/` and `.` (`arc_easy/acc_norm`, `f1_by_geo.France`), and the
 * most specific segment that decides wins: slice values and group names come first in hierarchy order
 * but rarely carry metric words. Within a segment an lm-eval filter suffix (`acc,none`) and a slice
 * suffix (`f1_by_geo`) are ignored, and the last deciding word wins (`score_time` → time → lower;
 * `tokens_per_second` → per_second → higher).
 */
export function directionFromName(name: string): NameDirection | undefined {
  const segments = name.split(/[/.]/);
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i].split(',')[0].replace(/_by_[A-Za-z0-9_]+$/i, '');
    const found = decide(words(seg));
    if (found) return found;
  }
  return undefined;
}

/** Guesses a direction from the metric's own name; undefined when it cannot tell. */
export function guessDirection(name: string): Direction | undefined {
  return directionFromName(name)?.direction;
}
