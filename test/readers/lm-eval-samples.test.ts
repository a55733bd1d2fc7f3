import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/load.js';
import { computeCurrent, loadBaseline, runGate } from '../../src/pipeline.js';
import { readInputFile } from '../../src/readers/index.js';

const real = (p: string) => new URL(`../fixtures/real/lm-eval/${p}`, import.meta.url).pathname;
const mapping = {
  fields: { id: 'id', label: 'label', prediction: 'prediction', probabilities: 'probabilities' },
  slices: [],
  ignoreFields: [],
};
const copa = (model: string) => real(`errorbars-copa-two-models/${model}`);
const samplesOf = (dir: string) =>
  join(
    dir,
    readdirSync(dir).find((f) => f.startsWith('samples_'))!,
  );

describe('lm-evaluation-harness samples', () => {
  it('reads per-doc scores named like the results file', async () => {
    const out = await readInputFile(samplesOf(copa('sshleifer__tiny-gpt2')), mapping);
    if (out.kind !== 'scores') throw new Error('scores expected');
    expect(out.format).toBe('lm-eval-samples');
    const acc = out.scores['copa/acc'];
    expect(acc.ids).toHaveLength(20);
    expect(acc.values.reduce((a, b) => a + b, 0) / 20).toBeCloseTo(0.6, 12);
  });

  it('keeps filters apart; corpus-level metrics come as per-document [gold, pred] items', async () => {
    const dir = real('pr3936-negotiationtom-qwen3-8b');
    const f = readdirSync(dir).find((x) => x.startsWith('samples_negotiationtom_intention'))!;
    const out = await readInputFile(join(dir, f), mapping);
    if (out.kind !== 'scores') throw new Error('scores expected');
    expect(Object.keys(out.scores)).toEqual(['negotiationtom_intention/exact_match']);
    expect(Object.keys(out.pairs ?? {}).sort()).toEqual([
      'negotiationtom_intention/macro_f1',
      'negotiationtom_intention/micro_f1',
    ]);
    const micro = out.pairs!['negotiationtom_intention/micro_f1'];
    expect(micro.ids).toHaveLength(20);
    expect(micro.pairs[0]).toEqual([['Promote-Coordination', 'Discover-Preference'], ['Build-Rapport']]);
  });

  it('pairs two models by doc_id: McNemar on 6 vs 2 discordant docs (p = 37/256)', async () => {
    const config = defaultConfig();
    const r = runGate({
      current: await computeCurrent([copa('sshleifer__tiny-gpt2')], config),
      baseline: await loadBaseline([copa('hf-internal-testing__tiny-random-gpt2')], config),
      baselineInfo: { source: 'path', reason: 'test' },
      config,
    });
    const acc = r.comparisons.find((c) => c.metric === 'copa/acc')!;
    expect(acc.baseline).toBeCloseTo(0.8, 12);
    expect(acc.current).toBeCloseTo(0.6, 12);
    expect(acc.test).toMatchObject({ method: 'mcnemar-exact', paired: true });
    expect(acc.test!.p_value).toBeCloseTo(37 / 256, 14);
    // 20 points worse but not significant with 8 discordant docs: not confirmed, named, still a pass.
    expect(acc.status).toBe('inconclusive');
    expect(acc.mde).toBeGreaterThan(0.2);
    expect(r.verdict).toBe('pass');
  });

  it('the same model run twice: scored metrics pair and stay unchanged; corpus-level ones get a paired randomization test', async () => {
    const dir = real('pr3936-negotiationtom-qwen3-8b');
    const files = readdirSync(dir).map((f) => join(dir, f));
    const config = defaultConfig();
    const r = runGate({
      current: await computeCurrent(
        files.filter((f) => f.includes('18-15-33')),
        config,
      ),
      baseline: await loadBaseline(
        files.filter((f) => f.includes('16-04-34')),
        config,
      ),
      baselineInfo: { source: 'path', reason: 'test' },
      config,
    });
    const scored = ['negotiationtom_belief/acc', 'negotiationtom_intention/exact_match'];
    for (const m of scored) {
      const c = r.comparisons.find((x) => x.metric === m)!;
      expect(c.test, m).toMatchObject({ paired: true, method: 'mcnemar-exact' });
      expect(c.status, m).toBe('unchanged');
    }
    // micro/macro F1 are corpus-level ("N/A" stderr in the results file): recomputed from the samples'
    // [gold, pred] items with the harness's aggregation (equal to the results file's value), and tested
    // by paired randomization over the documents whose items differ — here a single one.
    for (const m of ['negotiationtom_intention/macro_f1', 'negotiationtom/macro_f1']) {
      const f1 = r.comparisons.find((x) => x.metric === m)!;
      expect(f1.test?.method, m).toBe('paired-randomization');
      expect(f1.test?.exact, m).toBe(true);
      expect(f1.test?.p_value, m).toBe(0.5);
      expect(f1.status, m).toBe('inconclusive');
      expect(f1.mde, m).toBeNull();
    }
    expect(r.verdict).toBe('pass');
  });

  it('a results file that disagrees with its samples is an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-lmeval-'));
    const s = samplesOf(copa('sshleifer__tiny-gpt2'));
    const results = join(dir, 'results_2026-01-01T00-00-00.json');
    writeFileSync(
      results,
      JSON.stringify({ results: { copa: { 'acc,none': 0.9, 'acc_stderr,none': 0.1 } }, versions: {} }),
    );
    await expect(computeCurrent([s, results], defaultConfig())).rejects.toThrow(
      /"copa\/acc" is 0\.9 here but the per-sample scores/,
    );
  });

  it('lines without metrics: acc from the loglikelihoods against an index, a numeric string or a choice text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-lmeval-'));
    const f = join(dir, 'samples_mc_2023-12-01T00-00-00.000000.jsonl');
    const ll = (a: string, b: string) => [
      [a, 'False'],
      [b, 'False'],
    ];
    const lines = [
      // 0.4.0: target an index, arguments as [context, continuation] lists.
      {
        doc_id: 0,
        target: 1,
        arguments: [
          ['q', ' a'],
          ['q', ' b'],
        ],
        filtered_resps: ll('-2', '-1'),
      },
      // A numeric string target (hellaswag-like).
      {
        doc_id: 1,
        target: '0',
        arguments: [
          ['q', ' a'],
          ['q', ' b'],
        ],
        filtered_resps: ll('-2', '-1'),
      },
      // The answer text as target (copa-like), arguments as gen_args_i.
      {
        doc_id: 2,
        target: ' b',
        arguments: { gen_args_0: { arg_0: 'q', arg_1: '  a' }, gen_args_1: { arg_0: 'q', arg_1: '  b' } },
        filtered_resps: ll('-3', '-1'),
      },
    ];
    writeFileSync(f, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const out = await readInputFile(f, mapping);
    if (out.kind !== 'scores') throw new Error('scores expected');
    expect(out.scores['mc/acc']).toEqual({ ids: ['0', '1', '2'], values: [1, 0, 1] });
    expect(out.scores['mc/exact_match']).toBeUndefined();

    // Loglikelihoods against a target that is none of the choices: no score, never a text comparison.
    const g = join(dir, 'samples_mc2_2023-12-01T00-00-00.000000.jsonl');
    writeFileSync(
      g,
      JSON.stringify({
        doc_id: 0,
        target: ' c',
        arguments: [
          ['q', ' a'],
          ['q', ' b'],
        ],
        filtered_resps: ll('-2', '-1'),
      }) + '\n',
    );
    await expect(readInputFile(g, mapping)).rejects.toThrow(/no responses to score/);
  });

  it('0.4.0–0.4.2 lines: the metric values are read even without a metrics list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-lmeval-'));
    const f = join(dir, 'samples_hellaswag_2024-03-01T00-00-00.000000.jsonl');
    const line = (id: number, acc: number, accNorm: number) => ({
      doc_id: id,
      doc: { query: 'q' },
      target: '0',
      arguments: [
        ['q', ' a'],
        ['q', ' b'],
      ],
      resps: [[['-1', 'False']], [['-2', 'False']]],
      filtered_resps: [
        ['-1', 'False'],
        ['-2', 'False'],
      ],
      doc_hash: 'h',
      prompt_hash: 'p',
      target_hash: 't',
      acc,
      acc_norm: accNorm,
    });
    writeFileSync(f, [line(0, 1, 0), line(1, 0, 1)].map((l) => JSON.stringify(l)).join('\n') + '\n');
    const out = await readInputFile(f, mapping);
    if (out.kind !== 'scores') throw new Error('scores expected');
    expect(out.scores['hellaswag/acc'].values).toEqual([1, 0]);
    expect(out.scores['hellaswag/acc_norm'].values).toEqual([0, 1]);
    expect(out.notes.join('\n')).not.toMatch(/recomputed/);
  });
});
