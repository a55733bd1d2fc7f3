import { describe, expect, it } from 'vitest';
import { directionFromName, HIGHER_WORDS, LOWER_WORDS } from '../../src/diagnose/direction.js';
import { readFileSync } from 'node:fs';

describe('direction from the name', () => {
  it.each([
    ['mmlu_accuracy', 'higher', 'accuracy'],
    ['task_accuracy', 'higher', 'accuracy'],
    ['my_f1', 'higher', 'f1'],
    ['exact_match_rate', 'higher', 'exact_match'],
    ['val_acc', 'higher', 'acc'],
    ['f1_score', 'higher', 'score'],
    ['arc_easy/acc_norm,none', 'higher', 'acc'],
    ['f1_by_geo.France', 'higher', 'f1'],
    ['metrics/mAP50-95(B)', 'higher', 'ap'],
    ['rougeLsum', 'higher', 'rouge'],
    ['bleu4', 'higher', 'bleu'],
    ['pass@1', 'higher', 'pass'],
    ['ndcg@10', 'higher', 'ndcg'],
    ['eval_loss', 'lower', 'loss'],
    ['wikitext/word_perplexity', 'lower', 'perplexity'],
    ['val_ppl', 'lower', 'ppl'],
    ['p95_latency_ms', 'lower', 'ms'],
    ['word_error_rate', 'lower', 'error'],
    ['false_positive_rate', 'lower', 'false_positive'],
    ['bits_per_byte', 'lower', 'bits_per_byte'],
    ['inferenceCostUsd', 'lower', 'usd'],
    // The last deciding word is the head of the compound.
    ['score_time', 'lower', 'time'],
    ['token_f1', 'higher', 'f1'],
    ['eval_samples_per_second', 'higher', 'per_second'],
    ['seconds_per_sample', 'lower', 'seconds'],
  ])('%s → %s (%s)', (name, direction, word) => {
    expect(directionFromName(name)).toEqual({ direction, word });
  });

  it("reverses scikit-learn's neg_ scorers", () => {
    expect(directionFromName('neg_mean_squared_error')).toEqual({
      direction: 'higher',
      word: 'error',
      negated: true,
    });
    expect(directionFromName('neg_log_loss')?.direction).toBe('higher');
  });

  it.each(['epoch', 'total_flos', 'widgets', 'p95', 'mismatched', 'heatmap', 'runtimeish'])(
    '%s decides nothing (whole words only)',
    (name) => {
      expect(directionFromName(name)).toBeUndefined();
    },
  );

  it('tries the most specific segment first; a slice value that decides nothing falls back', () => {
    expect(directionFromName('loss/val')?.direction).toBe('lower');
    expect(directionFromName('accuracy/latency')?.direction).toBe('lower');
  });

  it('docs/metrics.md lists every word', () => {
    const doc = readFileSync(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('### Direction from the name'));
    for (const w of [...HIGHER_WORDS, ...LOWER_WORDS]) expect(section).toContain(`\`${w}\``);
  });
});
