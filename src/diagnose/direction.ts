/**
 * Which way is better for a metric name we did not compute ourselves (pre-aggregated files):
 * known names by their last segment (`arc_easy/acc_norm` → acc_norm, `f1_by_geo.France` → f1).
 * Unknown names get no direction and are reported as skipped until config sets `direction`.
 */
import type { Direction } from '../types.js';

const HIGHER = [
  'acc',
  'acc_norm',
  'accuracy',
  'balanced_accuracy',
  'exact_match',
  'em',
  'f1',
  'precision',
  'recall',
  'mcc',
  'cohen_kappa',
  'roc_auc',
  'auc',
  'average_precision',
  'ap',
  'map',
  'mrr',
  'ndcg',
  'r2',
  'bleu',
  'chrf',
  'rouge',
  'rouge1',
  'rouge2',
  'rougel',
  'rougelsum',
  'meteor',
  'bertscore',
  'pass',
  'pass@1',
  'pass_at_1',
  'score',
  'main_score',
  'top_k_accuracy',
  'subset_accuracy',
  'jaccard',
  'jaccard_samples',
  'token_f1',
  'win_rate',
  'reward',
  'mean_score',
  'hit_rate',
  'recall_at_k',
  'precision_at_k',
  'spearman',
  'pearson',
  'cosine_spearman',
  'v_measure',
  'contains',
  'includes',
  'match',
  'correct',
];
const LOWER = [
  'loss',
  'log_loss',
  'perplexity',
  'word_perplexity',
  'byte_perplexity',
  'bits_per_byte',
  'error',
  'error_rate',
  'mae',
  'mse',
  'rmse',
  'mape',
  'max_error',
  'brier',
  'ece',
  'wer',
  'cer',
  'ter',
  'hamming_loss',
  'latency',
  'latency_ms',
  'duration',
  'time',
  'cost',
  'tokens',
  'toxicity',
  'bias',
];
const table = new Map<string, Direction>([
  ...HIGHER.map((n) => [n, 'higher'] as [string, Direction]),
  ...LOWER.map((n) => [n, 'lower'] as [string, Direction]),
]);

/** Guesses a direction from the metric's own name; undefined when it cannot tell. */
export function guessDirection(name: string): Direction | undefined {
  const segments = name.toLowerCase().split(/[/.]/);
  // Try the most specific segment first, then parents (`f1_by_geo.France`: "france" is a slice value).
  for (let i = segments.length - 1; i >= 0; i--) {
    let seg = segments[i].split(',')[0];
    seg = seg.replace(/_by_[a-z0-9_]+$/, '');
    const direct = table.get(seg);
    if (direct) return direct;
    const suffix = /_(mean|p50|p95|p99|median|avg|macro|micro|weighted|samples)$/.exec(seg);
    if (suffix) {
      const base = table.get(seg.slice(0, suffix.index));
      if (base) return base;
    }
    for (const prefix of ['eval_', 'test_', 'val_', 'validation_', 'train_']) {
      if (seg.startsWith(prefix) && table.get(seg.slice(prefix.length)))
        return table.get(seg.slice(prefix.length));
    }
    for (const p of ['rouge', 'bleu', 'acc', 'f1', 'auc']) if (seg.startsWith(p)) return 'higher';
    for (const p of ['loss', 'perplexity', 'latency', 'error']) if (seg.includes(p)) return 'lower';
  }
  return undefined;
}
