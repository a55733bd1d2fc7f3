/**
 * Every input format through the bundled CLI (`dist/cli/index.js`), as a user runs it: every real
 * fixture file is read by `evalgate metrics` with the format its content calls for, every ready-made
 * pair of `test/fixtures/real/SOURCES.md` compares with exit 0 or 1 (never 2), and the formats with
 * per-example data pair their examples (lm-eval samples, inspect_ai samples with epochs, promptfoo rows,
 * HELM instances, openai/evals samples, catwalk instances, JSON records).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { root } from '../bundle/run-action.js';

const REAL = join(root, 'test/fixtures/real');
const SYN = join(root, 'test/fixtures/formats');
const tmp = mkdtempSync(join(tmpdir(), 'evalgate-formats-'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : [p];
    })
    .sort();
}

/** The format each real file must be detected as, by folder (content decides; these are the answers). */
function expectedFormat(rel: string): string {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (rel.startsWith('dvc/')) return 'metric-map';
  if (rel.startsWith('inspect-ai/')) return 'inspect-ai';
  if (rel.startsWith('promptfoo/')) return 'promptfoo';
  if (rel.startsWith('openai-evals/')) return 'openai-evals';
  if (rel.startsWith('hf-trainer/')) return 'hf-trainer';
  if (rel.startsWith('mteb/')) return name === 'model_meta.json' ? 'mteb-model-meta' : 'mteb';
  if (rel.startsWith('helm/'))
    return {
      'stats.json': 'helm-stats',
      'per_instance_stats.json': 'helm-per-instance',
      'run_spec.json': 'helm-run-spec',
      'scenario.json': 'helm-scenario',
      'scenario_state.json': 'helm-scenario-state',
    }[name]!;
  if (rel.startsWith('lm-eval/')) return name.startsWith('samples_') ? 'lm-eval-samples' : 'lm-eval';
  throw new Error(`no expected format for ${rel}`);
}

describe('every real fixture file is attributed', () => {
  const sources = readFileSync(join(REAL, 'SOURCES.md'), 'utf8');
  for (const file of walk(REAL).filter((f) => !f.endsWith('SOURCES.md'))) {
    const rel = relative(REAL, file);
    it(`${rel} has its SOURCES.md row with its size and hash`, () => {
      const row = sources.split('\n').find((l) => l.startsWith(`| \`${rel}\` |`));
      expect(row, `no row for ${rel}`).toBeDefined();
      const bytes = readFileSync(file);
      expect(row).toContain(`| ${bytes.length} |`);
      expect(row).toContain(createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    });
  }
});

describe('every real fixture file through `evalgate metrics`', () => {
  const files = walk(REAL).filter((f) => !f.endsWith('SOURCES.md'));
  it('has the files', () => expect(files.length).toBeGreaterThan(60));
  for (const file of files) {
    const rel = relative(REAL, file);
    it(`${rel}`, () => {
      const r = cli(['metrics', file]);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out) as { sources: { format: string }[]; metrics: object };
      expect(j.sources.map((s) => s.format)).toEqual([expectedFormat(rel)]);
    });
  }
});

/** SOURCES.md's ready-made pairs (baseline, current). */
const lm = (p: string) => join(REAL, 'lm-eval', p);
const PAIRS: [string, string[], string[], string[]?][] = [
  [
    'lm-eval results, two models (Llama 3.2 1B → 3B)',
    [lm('pr2809-llama3.2/meta-llama__Llama-3.2-1B__results_2025-03-03T00-05-19.750676.json')],
    [lm('pr2809-llama3.2/meta-llama__Llama-3.2-3B__results_2025-03-03T00-33-09.374907.json')],
  ],
  [
    'lm-eval results with glue group and perplexity (mamba)',
    [lm('pr2809-mamba/state-spaces__mamba-1.4b__results_2025-03-03T18-54-46.768410.json')],
    [lm('pr2809-mamba/state-spaces__mamba2-1.3b__results_2025-03-03T19-09-21.616741.json')],
  ],
  [
    'lm-eval results + samples, two models (copa)',
    [lm('errorbars-copa-two-models/sshleifer__tiny-gpt2')],
    [lm('errorbars-copa-two-models/hf-internal-testing__tiny-random-gpt2')],
  ],
  [
    'lm-eval samples, same model twice',
    [lm('pr3936-negotiationtom-qwen3-8b/samples_negotiationtom_belief_2026-07-08T16-04-34.219874.jsonl')],
    [lm('pr3936-negotiationtom-qwen3-8b/samples_negotiationtom_belief_2026-07-08T18-15-33.115417.jsonl')],
  ],
  [
    'lm-eval results + samples (belief, intention), same model twice',
    readdirSync(lm('pr3936-negotiationtom-qwen3-8b'))
      .filter((f) => f.includes('16-04-34'))
      .map((f) => lm(`pr3936-negotiationtom-qwen3-8b/${f}`)),
    readdirSync(lm('pr3936-negotiationtom-qwen3-8b'))
      .filter((f) => f.includes('18-15-33'))
      .map((f) => lm(`pr3936-negotiationtom-qwen3-8b/${f}`)),
  ],
  [
    'lm-eval samples 0-shot vs 5-shot (string doc_id)',
    [
      lm(
        'pr3506-afrobench-gemma-2b/samples_masakhaner_luo_prompt_3_2026-01-16T17-17-53.199351.first20.jsonl',
      ),
    ],
    [
      lm(
        'pr3506-afrobench-gemma-2b/samples_masakhaner_luo_prompt_3_2026-01-16T20-39-07.271056.first20.jsonl',
      ),
    ],
  ],
  [
    'lm-eval results 0-shot vs 5-shot',
    [lm('pr3506-afrobench-gemma-2b/sw_afrixnli_0shot_2026-01-26T15-12-50.111078.json')],
    [lm('pr3506-afrobench-gemma-2b/sw_afrixnli_5shot_2026-01-26T15-15-48.974894.json')],
  ],
  [
    'lm-eval legacy v0.3 results',
    [lm('pythia-legacy-v0.3/160m-deduped_step143000.json')],
    [lm('pythia-legacy-v0.3/410m-deduped_step143000.json')],
  ],
  [
    'inspect_ai, two models (arc_easy)',
    [join(REAL, 'inspect-ai/every_eval_ever/data_arc_qwen.json')],
    [join(REAL, 'inspect-ai/every_eval_ever/data_arc_sonnet.json')],
  ],
  [
    'inspect_ai .eval, unscored vs scored',
    [
      join(
        REAL,
        'inspect-ai/inspect_ai-repo/2025-02-11T15-17-00-05-00_popularity_dPiJifoWeEQBrfWsAopzWr.eval',
      ),
    ],
    [
      join(
        REAL,
        'inspect-ai/inspect_ai-repo/2025-02-11T15-18-04-05-00_popularity_mj7khqpMM4GBCfVQozKgzB.eval',
      ),
    ],
  ],
  ['MTEB, two models', [join(REAL, 'mteb/baseline-random-encoder')], [join(REAL, 'mteb/all-MiniLM-L6-v2')]],
  [
    'DVC nested metrics',
    [join(REAL, 'dvc/metrics_by_geo.4e0544f.json')],
    [join(REAL, 'dvc/metrics_by_geo.d04b732.json')],
  ],
  ['DVC flat metrics', [join(REAL, 'dvc/metrics.7051622.json')], [join(REAL, 'dvc/metrics.115f57e.json')]],
];

describe("SOURCES.md's pairs through `evalgate compare`", () => {
  for (const [what, baseline, current] of PAIRS) {
    it(`${what}: exit 0 or 1, never 2`, () => {
      const r = cli(['compare', '--baseline', ...baseline, '--current', ...current, '--format', 'json']);
      expect(r.err).toBe('');
      expect([0, 1]).toContain(r.code);
      const j = JSON.parse(r.out) as { comparisons: unknown[]; notes: string[] };
      // The masakhaner samples hold only a corpus-level f1 (per-doc lists): no per-doc metric, said so.
      if (what.includes('string doc_id'))
        expect(j.notes.join('\n')).toMatch(/f1(,[\w-]+)? is a corpus-level metric/);
      else expect(j.comparisons.length).toBeGreaterThan(0);
    });
  }

  it('promptfoo: provider gpt-5 of one export is the baseline of gpt-5-mini, paired by test', () => {
    const cfg = join(tmp, 'pf.yml');
    writeFileSync(cfg, 'select:\n  provider: openai:gpt-5-mini\n  baseline:\n    provider: openai:gpt-5\n');
    const pf = join(REAL, 'promptfoo/sample-export.json');
    const r = cli(['compare', '--baseline', pf, '--current', pf, '--config', cfg, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      comparisons: {
        metric: string;
        baseline: number;
        current: number;
        test?: { method: string; paired: boolean };
      }[];
    };
    const score = j.comparisons.find((c) => c.metric === 'score')!;
    // gpt-5 scored 0.5 and 0.667 on the two riddles, gpt-5-mini 0.75 and 0.667 (promptfoo's own numbers).
    expect(score.baseline).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
    expect(score.current).toBeCloseTo((0.75 + 2 / 3) / 2, 12);
    expect(score.test).toMatchObject({ method: 'paired-t', paired: true });
  });

  it('promptfoo without select: one series per provider, named by provider', () => {
    const r = cli(['metrics', join(REAL, 'promptfoo/sample-export.json')]);
    const j = JSON.parse(r.out) as { metrics: Record<string, { value: number }> };
    expect(Object.keys(j.metrics)).toContain('openai:gpt-5/pass_rate');
    expect(Object.keys(j.metrics)).toContain('openai:gpt-5-mini/latency_ms');
    expect(j.metrics['openai:gpt-5-mini/latency_ms'].value).toBe((5794 + 4669) / 2);
  });

  it('a select that matches no series is an input error listing the series', () => {
    const cfg = join(tmp, 'bad-select.yml');
    writeFileSync(cfg, 'select:\n  provider: anthropic:claude\n');
    const r = cli(['metrics', join(REAL, 'promptfoo/sample-export.json'), '--config', cfg]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /sample-export\.json: config `select` .* matches 0 of the series .*openai:gpt-5-mini/,
    );
  });
});

describe('paired comparisons through per-example formats', () => {
  it('lm-eval samples pair by doc_id: exact McNemar on copa (6 vs 2 discordant)', () => {
    const r = cli([
      'compare',
      '--baseline',
      lm('errorbars-copa-two-models/sshleifer__tiny-gpt2'),
      '--current',
      lm('errorbars-copa-two-models/hf-internal-testing__tiny-random-gpt2'),
      '--format',
      'json',
    ]);
    const j = JSON.parse(r.out) as {
      comparisons: { metric: string; test?: { method: string; paired: boolean } }[];
    };
    const acc = j.comparisons.find((c) => c.metric === 'copa/acc')!;
    expect(acc.test).toMatchObject({ method: 'mcnemar-exact', paired: true });
  });

  it('inspect_ai samples with epochs: samples (not epochs) are the paired examples', () => {
    const r = cli([
      'compare',
      '--baseline',
      join(SYN, 'inspect-epochs-baseline.json'),
      '--current',
      join(SYN, 'inspect-epochs-current.json'),
      '--format',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as {
      comparisons: {
        metric: string;
        baseline: number;
        current: number;
        n_current: number;
        test?: { method: string; paired: boolean };
      }[];
      notes: string[];
    };
    const acc = j.comparisons.find((c) => c.metric === 'epochs_task/match/accuracy')!;
    expect(acc.baseline).toBe(0.625);
    expect(acc.current).toBe(0.375);
    expect(acc.n_current).toBe(4);
    // Per-sample means over 2 epochs (0, 0.5, 1) are not 0/1: a paired t over the 4 samples.
    expect(acc.test).toMatchObject({ method: 'paired-t', paired: true });
    expect(j.notes.join('\n')).toMatch(/2 epochs; each sample's score is inspect's own per-sample reduction/);
  });

  it('HELM per-instance stats agree with stats.json and pair by instance id', () => {
    const run = join(REAL, 'helm/narrative_qa-model=openai_gpt2');
    const r = cli(['metrics', join(run, 'stats.json'), join(run, 'per_instance_stats.json')]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as { metrics: Record<string, { value: number; n: number }> };
    expect(j.metrics['narrative_qa/test/f1_score'].n).toBe(4);
  });

  it('openai/evals: match events pair by sample_id and agree with the final report', () => {
    const f = join(REAL, 'openai-evals/230417220821DPM75QNS_auto_gpt_completion_fn_test-match.jsonl');
    const r = cli(['metrics', f]);
    const j = JSON.parse(r.out) as { metrics: Record<string, { value: number; n: number }> };
    expect(j.metrics['test-match/accuracy']).toMatchObject({ value: 1 / 3, n: 3 });
  });

  it('OLMo-Eval/catwalk: predictions pair by instance, metrics.json primary metric gated', () => {
    const r = cli([
      'compare',
      '--baseline',
      join(SYN, 'catwalk-baseline-predictions.jsonl'),
      '--current',
      join(SYN, 'catwalk-current-predictions.jsonl'),
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as {
      comparisons: { metric: string; test?: { method: string; paired: boolean } }[];
    };
    expect(j.comparisons.find((c) => c.metric === 'arc_easy/acc_per_char')?.test).toMatchObject({
      method: 'mcnemar-exact',
      paired: true,
    });
    const m = cli([
      'compare',
      '--baseline',
      join(SYN, 'catwalk-baseline-metrics.json'),
      '--current',
      join(SYN, 'catwalk-current-metrics.json'),
      '--format',
      'json',
    ]);
    const mj = JSON.parse(m.out) as { comparisons: { metric: string; gated: boolean }[] };
    expect(mj.comparisons.find((c) => c.metric === 'arc_easy/acc_per_char')?.gated).toBe(true);
    expect(mj.comparisons.find((c) => c.metric === 'arc_easy/acc_raw')?.gated).toBe(false);
  });

  it('JSON records: fields detected and said so; records pair by question_id', () => {
    const r = cli([
      'compare',
      '--baseline',
      join(SYN, 'records-baseline.json'),
      '--current',
      join(SYN, 'records-current.json'),
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as {
      notes: string[];
      comparisons: { metric: string; test?: { method: string; paired: boolean } }[];
    };
    expect(j.notes.join('\n')).toMatch(
      /fields: id ← question_id, label ← gold_label, prediction ← pred_label/,
    );
    expect(j.comparisons.find((c) => c.metric === 'accuracy')?.test).toMatchObject({ paired: true });
  });

  it('HF Trainer: loss is lower-is-better; runtime and generation length are reported, not gated', () => {
    const r = cli([
      'compare',
      '--baseline',
      join(REAL, 'hf-trainer/all_results.json'),
      '--current',
      join(SYN, 'hf-trainer-current.json'),
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    // 2.7% worse with no standard error: within the zero-config 5% tolerance, so untested (docs/statistics.md).
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      comparisons: { metric: string; gated: boolean; status: string; direction: string }[];
    };
    const loss = j.comparisons.find((c) => c.metric === 'eval_loss')!;
    expect(loss).toMatchObject({ direction: 'lower', status: 'inconclusive', gated: true });
    expect(j.comparisons.find((c) => c.metric === 'eval_gen_len')?.gated).toBe(false);
  });

  it('MTEB: main_score gated, the other scores reported; bare NaN is an undefined metric', () => {
    const r = cli([
      'compare',
      '--baseline',
      join(REAL, 'mteb/baseline-random-encoder/Banking77Classification.json'),
      '--current',
      join(REAL, 'mteb/all-MiniLM-L6-v2/Banking77Classification.json'),
      '--format',
      'json',
    ]);
    const j = JSON.parse(r.out) as {
      comparisons: { metric: string; gated: boolean; current: number | null }[];
    };
    expect(
      j.comparisons.find((c) => c.metric === 'Banking77Classification/test/default/main_score')?.gated,
    ).toBe(true);
    expect(j.comparisons.find((c) => c.metric === 'Banking77Classification/test/default/f1')?.gated).toBe(
      false,
    );
    expect(
      j.comparisons.find((c) => c.metric === 'Banking77Classification/test/default/ap')?.current,
    ).toBeNull();
  });
});

describe('detection and overrides', () => {
  it('an lm-eval samples file named .json is read by content', () => {
    const src = lm(
      'errorbars-copa-two-models/sshleifer__tiny-gpt2/samples_copa_2026-10-01T23-15-32.942677.jsonl',
    );
    const f = join(tmp, 'samples_copa_2026-10-01T23-15-32.942677.json');
    writeFileSync(f, readFileSync(src));
    const r = cli(['metrics', f]);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).sources[0].format).toBe('lm-eval-samples');
  });

  it('an undetectable file names the closest formats; `format:` in config overrides', () => {
    const f = join(tmp, 'scores.txt');
    writeFileSync(f, 'some text\n');
    const r = cli(['metrics', f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/scores\.txt: cannot tell the format .* closest: .*Set `format:`/);
    const g = join(tmp, 'rows.data');
    writeFileSync(g, 'id,label,prediction\n1,1,1\n2,0,1\n');
    const cfg = join(tmp, 'fmt.yml');
    writeFileSync(cfg, "format:\n  '*.data': csv\n");
    const ok = cli(['metrics', g, '--config', cfg]);
    expect(ok.err).toBe('');
    expect(JSON.parse(ok.out).sources[0].format).toBe('csv');
  });
});
