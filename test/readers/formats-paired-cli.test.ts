/**
 * Paired comparisons through the bundled CLI for what the real fixtures do not show on their own: HELM
 * perturbed instances and worst cases (paired by instance id, train trial and perturbation), and
 * promptfoo rows paired by test whatever their order, with grader and provider errors kept out of the
 * scores. The inputs are built from the real fixtures in `test/fixtures/real/` by editing a copy.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../bundle/run-action.js';

const REAL = join(root, 'test/fixtures/real');
const tmp = mkdtempSync(join(tmpdir(), 'evalgate-paired-'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Comparison {
  metric: string;
  baseline: number | null;
  current: number | null;
  n_current: number | null;
  gated: boolean;
  test?: { method: string; paired: boolean };
}

type Obj = Record<string, unknown>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('HELM perturbations pair by instance id, train trial and perturbation', () => {
  const MMLU = join(REAL, 'helm/mmlu-subject=philosophy,method=multiple_choice_joint,model=openai_gpt2');
  const RUN = 'mmlu:subject=philosophy,method=multiple_choice_joint/test/exact_match';
  // The 9 instances of the test split (the tenth is the few-shot valid split).
  const real = (JSON.parse(readFileSync(join(MMLU, 'per_instance_stats.json'), 'utf8')) as Obj[]).filter(
    (inst) => (inst.stats as { name: Obj }[]).some((s) => s.name.split === 'test'),
  );
  const TYPOS = { name: 'typos', robustness: true, fairness: false, computed_on: 'perturbed', prob: 0.1 };
  const DIALECT = { name: 'dialect', robustness: false, fairness: true, computed_on: 'perturbed' };

  /**
   * Each real instance in train trials 0 and 1, plus a typos (robustness) and a dialect (fairness)
   * version of it; exact_match is 1 on the original for the first 6 instances, and 0 on the perturbed
   * versions of the instances listed.
   */
  function run(dir: string, typosWrong: number[], dialectWrong: number[]): string {
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(MMLU, 'run_spec.json'), join(dir, 'run_spec.json'));
    const out: Obj[] = [];
    for (const trial of [0, 1]) {
      real.forEach((inst, i) => {
        const orig = i < 6 ? 1 : 0;
        const versions: [Obj | undefined, number][] = [
          [undefined, orig],
          [TYPOS, typosWrong.includes(i) ? 0 : orig],
          [DIALECT, dialectWrong.includes(i) ? 0 : orig],
        ];
        for (const [p, em] of versions) {
          const copy = clone(inst);
          copy.train_trial_index = trial;
          if (p) copy.perturbation = p;
          for (const s of copy.stats as { name: Obj; [k: string]: unknown }[]) {
            if (p) s.name.perturbation = p;
            if (s.name.name === 'exact_match')
              Object.assign(s, { sum: em, sum_squared: em, min: em, max: em, mean: em });
          }
          out.push(copy);
        }
      });
    }
    const f = join(dir, 'per_instance_stats.json');
    writeFileSync(f, JSON.stringify(out, null, 2));
    return f;
  }

  const baseline = run(join(tmp, 'helm-baseline'), [0, 1], [2]);
  const current = run(join(tmp, 'helm-current'), [0, 1, 2, 3, 4], [2]);

  it('metrics: perturbed values and HELM worst cases per instance, said so', () => {
    const r = cli(['metrics', baseline]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { metrics: Record<string, { value: number; n: number }>; notes: string[] };
    const expectValue = (suffix: string, value: number) => {
      const m = j.metrics[`${RUN}${suffix}`];
      expect(m.value).toBeCloseTo(value, 12);
      // 9 instances × 2 train trials.
      expect(m.n).toBe(18);
    };
    expectValue('', 6 / 9);
    expectValue('@typos.perturbed', 4 / 9);
    expectValue('@typos', 4 / 9);
    expectValue('@typos.original', 6 / 9);
    expectValue('@robustness', 4 / 9);
    expectValue('@fairness', 5 / 9);
    expectValue('@dialect.perturbed', 5 / 9);
    expect(j.notes.join('\n')).toMatch(
      /36 perturbed instances \(typos, dialect\) paired by instance id, train trial and perturbation/,
    );
  });

  it('compare: the typos regression is tested on paired instances, the rest unchanged', () => {
    const r = cli(['compare', '--baseline', baseline, '--current', current, '--format', 'json']);
    expect(r.err).toBe('');
    expect([0, 1]).toContain(r.code);
    const j = JSON.parse(r.out) as { comparisons: Comparison[] };
    const c = (suffix: string) => j.comparisons.find((x) => x.metric === `${RUN}${suffix}`)!;
    for (const suffix of ['@typos.perturbed', '@robustness', '@typos']) {
      expect(c(suffix)).toMatchObject({ n_current: 18, gated: true });
      expect(c(suffix).baseline).toBeCloseTo(4 / 9, 12);
      expect(c(suffix).current).toBeCloseTo(1 / 9, 12);
      // 6 discordant pairs (instances 2, 3, 4 in both trials), all one way.
      expect(c(suffix).test).toMatchObject({ method: 'mcnemar-exact', paired: true });
    }
    expect(c('@fairness').current).toBe(c('@fairness').baseline);
    expect(c('').current).toBe(c('').baseline);
  });

  it('the worst cases agree with a stats.json that holds them, and replace its aggregates', () => {
    const stat = (perturbation: Obj | undefined, mean: number) => ({
      name: { name: 'exact_match', split: 'test', ...(perturbation ? { perturbation } : {}) },
      count: 1,
      sum: mean,
      sum_squared: mean * mean,
      min: mean,
      max: mean,
      mean,
    });
    const worst = (p: Obj) => ({ ...p, computed_on: 'worst' });
    const stats = [
      stat(undefined, 6 / 9),
      stat(TYPOS, 4 / 9),
      stat(worst(TYPOS), 4 / 9),
      stat({ ...TYPOS, computed_on: 'original' }, 6 / 9),
      stat(DIALECT, 5 / 9),
      stat(worst(DIALECT), 5 / 9),
      stat({ ...DIALECT, computed_on: 'original' }, 6 / 9),
      stat({ name: 'robustness', robustness: true, fairness: false, computed_on: 'worst' }, 4 / 9),
      stat({ name: 'fairness', robustness: false, fairness: true, computed_on: 'worst' }, 5 / 9),
    ];
    const dir = join(tmp, 'helm-baseline');
    writeFileSync(join(dir, 'stats.json'), JSON.stringify(stats));
    const r = cli(['metrics', join(dir, 'stats.json'), baseline]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as { metrics: Record<string, { value: number; n: number | null }> };
    for (const suffix of ['', '@typos', '@typos.perturbed', '@typos.original', '@robustness', '@fairness'])
      expect(j.metrics[`${RUN}${suffix}`].n).toBe(18);

    // A stats.json from another run (robustness 0.3) is refused, not silently replaced.
    stats[7] = stat({ name: 'robustness', robustness: true, fairness: false, computed_on: 'worst' }, 0.3);
    writeFileSync(join(dir, 'stats.json'), JSON.stringify(stats));
    const bad = cli(['metrics', join(dir, 'stats.json'), baseline]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(
      /exact_match@robustness" is 0\.3 here but the per-sample scores .* average 0\.444/,
    );
  });
});

describe('promptfoo rows pair by test, not by position; errored rows are not model failures', () => {
  const pf = JSON.parse(readFileSync(join(REAL, 'promptfoo/sample-export.json'), 'utf8')) as {
    results: { results: Obj[] };
  };
  const cfg = join(tmp, 'mini.yml');
  writeFileSync(cfg, 'select:\n  provider: openai:gpt-5-mini\n');

  it('an export with its rows reversed compares as the same run', () => {
    const reversed = clone(pf);
    reversed.results.results.reverse();
    const f = join(tmp, 'reversed.json');
    writeFileSync(f, JSON.stringify(reversed));
    const r = cli([
      'compare',
      '--baseline',
      join(REAL, 'promptfoo/sample-export.json'),
      '--current',
      f,
      '--config',
      cfg,
      '--format',
      'json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { comparisons: Comparison[] };
    const score = j.comparisons.find((c) => c.metric === 'score')!;
    expect(score.current).toBe(score.baseline);
    expect(score.test).toMatchObject({ paired: true });
    const latency = j.comparisons.find((c) => c.metric === 'latency_ms')!;
    expect(latency.current).toBe(latency.baseline);
  });

  it('a grader error and a provider error are counted in the notes and left out of the scores', () => {
    const edited = clone(pf);
    const mini = edited.results.results.filter(
      (row) => (row.provider as { id: string }).id === 'openai:gpt-5-mini',
    );
    expect(mini.length).toBe(2);
    // Row 1: the model answered, the grader threw (promptfoo's failureReason ERROR with an output).
    Object.assign(mini[0], {
      success: false,
      score: 0,
      failureReason: 2,
      error: 'Error: llm-rubric grader: 429 Too Many Requests',
    });
    // Row 2: the provider itself failed.
    Object.assign(mini[1], {
      success: false,
      score: 0,
      failureReason: 2,
      error: 'API error',
      response: { error: 'API error' },
    });
    const f = join(tmp, 'errors.json');
    writeFileSync(f, JSON.stringify(edited));
    const r = cli(['metrics', f]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { metrics: Record<string, { value: number; n: number }>; notes: string[] };
    const notes = j.notes.join('\n');
    expect(notes).toMatch(/\(openai:gpt-5-mini\): 1 rows where the grader itself errored; not counted/);
    expect(notes).toMatch(/\(openai:gpt-5-mini\): 1 rows where the provider errored; left out/);
    // Neither row counts as a failure of gpt-5-mini: it has no scored rows left.
    expect(Object.keys(j.metrics).filter((k) => k.startsWith('openai:gpt-5-mini/'))).toEqual([]);
    expect(j.metrics['openai:gpt-5/pass_rate'].n).toBe(2);
  });
});

describe('lm-eval samples of older harness versions pair like the current ones', () => {
  const copa = (model: string) => {
    const dir = join(REAL, 'lm-eval/errorbars-copa-two-models', model);
    const name = readdirSync(dir).find((f) => f.startsWith('samples_'))!;
    return {
      name,
      lines: readFileSync(join(dir, name), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Obj),
    };
  };
  /** The same samples as an older harness wrote them: without the keys listed. */
  const older = (model: string, drop: string[]) => {
    const { name, lines } = copa(model);
    const dir = join(tmp, `copa-${drop.join('-')}-${model}`);
    mkdirSync(dir, { recursive: true });
    const f = join(dir, name);
    writeFileSync(
      f,
      lines
        .map((o) => {
          for (const k of drop) delete o[k];
          return JSON.stringify(o);
        })
        .join('\n') + '\n',
    );
    return f;
  };

  it('0.4.0–0.4.2 (metric values, no `metrics` list) and the 2023 write-out (no metric) pair by doc_id', () => {
    // Baseline: the 2023 write-out, acc recomputed from the loglikelihoods; current: 0.4.1's shape.
    const baseline = older('sshleifer__tiny-gpt2', [
      'metrics',
      'filter',
      'doc_hash',
      'prompt_hash',
      'target_hash',
      'acc',
    ]);
    const current = older('hf-internal-testing__tiny-random-gpt2', ['metrics', 'filter']);
    const m = cli(['metrics', baseline]);
    expect(m.err).toBe('');
    const mj = JSON.parse(m.out) as {
      metrics: Record<string, { value: number; n: number }>;
      notes: string[];
    };
    // The recomputed acc is the harness's own (0.60 in the results file).
    expect(mj.metrics['copa/acc']).toMatchObject({ value: 0.6, n: 20 });
    expect(mj.notes.join('\n')).toMatch(/copa\/acc recomputed from the responses/);
    const r = cli(['compare', '--baseline', baseline, '--current', current, '--format', 'json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as { comparisons: Comparison[] };
    const acc = j.comparisons.find((c) => c.metric === 'copa/acc')!;
    expect(acc).toMatchObject({ baseline: 0.6, current: 0.8, n_current: 20 });
    // As with the current files: 6 vs 2 discordant docs, exact McNemar.
    expect(acc.test).toMatchObject({ method: 'mcnemar-exact', paired: true });
  });
});

describe('inspect_ai logs that did not finish', () => {
  const cancelled = join(REAL, 'inspect-ai/inspect_ai-repo/2025-05-12T20-28-13-04-00_popularity.json');

  it('a cancelled log is read with a warning naming its status and coverage', () => {
    const r = cli(['metrics', cancelled]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { notes: string[] };
    expect(j.notes.join('\n')).toMatch(
      /log status is "cancelled", not "success"; its metrics cover 3 of 3 samples/,
    );
  });

  it('a log that errored before any sample was scored is an input error', () => {
    const log = JSON.parse(readFileSync(cancelled, 'utf8')) as Obj & { samples: Obj[] };
    log.status = 'error';
    delete log.results;
    delete log.reductions;
    for (const s of log.samples) delete s.scores;
    const f = join(tmp, 'errored.json');
    writeFileSync(f, JSON.stringify(log));
    const r = cli(['metrics', f]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/errored\.json: inspect_ai log with status "error" and no scored samples/);
  });
});

describe('promptfoo with several prompts: one series per provider and prompt, selectable', () => {
  const pf = JSON.parse(readFileSync(join(REAL, 'promptfoo/sample-export.json'), 'utf8')) as {
    results: { results: Obj[] };
  };
  const LABEL_A = 'Solve this riddle: {{riddle}}';
  const LABEL_B = 'Answer in one word: {{riddle}}';
  // The real rows are prompt A; prompt B is the same tests with other scores (gpt-5: 1 and 1).
  const twoPrompts = clone(pf);
  for (const row of pf.results.results) {
    const b = clone(row);
    const riddle = (b.vars as { riddle: string }).riddle;
    b.prompt = { raw: `Answer in one word: ${riddle}`, label: LABEL_B };
    b.promptId = 'b'.repeat(64);
    b.promptIdx = 1;
    if ((b.provider as { id: string }).id === 'openai:gpt-5') b.score = 1;
    twoPrompts.results.results.push(b);
  }
  const f = join(tmp, 'two-prompts.json');
  writeFileSync(f, JSON.stringify(twoPrompts));

  it('series are named by provider and prompt', () => {
    const r = cli(['metrics', f]);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as { metrics: Record<string, { value: number; n: number }> };
    expect(j.metrics[`openai:gpt-5 | ${LABEL_A}/score`]).toMatchObject({ n: 2 });
    expect(j.metrics[`openai:gpt-5 | ${LABEL_A}/score`].value).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
    expect(j.metrics[`openai:gpt-5 | ${LABEL_B}/score`]).toMatchObject({ value: 1, n: 2 });
    expect(Object.keys(j.metrics).filter((k) => k.endsWith('/score'))).toHaveLength(4);
  });

  it('`select:` makes prompt A of one provider the baseline of prompt B, paired by test', () => {
    const cfg = join(tmp, 'prompts.yml');
    writeFileSync(
      cfg,
      `select:\n  provider: openai:gpt-5\n  prompt: "${LABEL_B}"\n  baseline:\n    provider: openai:gpt-5\n    prompt: "${LABEL_A}"\n`,
    );
    const r = cli(['compare', '--baseline', f, '--current', f, '--config', cfg, '--format', 'json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out) as { comparisons: Comparison[] };
    const score = j.comparisons.find((c) => c.metric === 'score')!;
    expect(score.baseline).toBeCloseTo((0.5 + 2 / 3) / 2, 12);
    expect(score.current).toBe(1);
    expect(score).toMatchObject({ n_current: 2 });
    expect(score.test).toMatchObject({ paired: true });
  });
});
