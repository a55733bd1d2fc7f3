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

  it('keeps filters apart and reports corpus-level metrics instead of dropping them silently', async () => {
    const dir = real('pr3936-negotiationtom-qwen3-8b');
    const f = readdirSync(dir).find((x) => x.startsWith('samples_negotiationtom_intention'))!;
    const out = await readInputFile(join(dir, f), mapping);
    if (out.kind !== 'scores') throw new Error('scores expected');
    expect(Object.keys(out.scores)).toEqual(['negotiationtom_intention/exact_match']);
    expect(out.notes.join('\n')).toMatch(/negotiationtom_intention\/macro_f1 is a corpus-level metric/);
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
    expect(acc.status).toBe('unchanged');
    expect(r.verdict).toBe('pass');
  });

  it('the same model run twice: scored metrics pair and stay unchanged; corpus-level ones without stderr follow the threshold', async () => {
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
    // micro/macro F1 are corpus-level (no per-sample scores, "N/A" stderr): no test is possible, so the
    // zero-config threshold (max_regression 0) alone decides, as SPEC §5 says, and the report says why.
    const f1 = r.comparisons.find((x) => x.metric === 'negotiationtom_intention/macro_f1')!;
    expect(f1.status).toBe('regressed');
    expect(f1.reason).toContain('no significance test possible');
    expect(r.notes.join('\n')).toContain('corpus-level metric');
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
});
