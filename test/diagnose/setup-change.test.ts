/**
 * Eval-setup changes (issue 9 item 3): what differs between the baseline's and this run's setup, in
 * plain words, and what `on_setup_change` (warn | fail | ignore) does to rows and the verdict; and the
 * eval-set note when the runs' example ids differ.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig, parseConfig } from '../../src/config/load.js';
import { diagnose } from '../../src/diagnose/index.js';
import { setupChanges, taskOfMetric } from '../../src/diagnose/setup-change.js';
import { applyWaivers } from '../../src/history/waivers.js';
import { readCatwalkMetrics } from '../../src/readers/catwalk.js';
import { lmEvalSetup } from '../../src/readers/lm-eval.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { EvalResult, EvalSetup, MetricValue } from '../../src/types.js';

const lm = (version: string, tasks: Record<string, Record<string, string>>): EvalSetup => ({
  harness: 'lm-eval',
  version,
  tasks,
});
const MMLU = { num_fewshot: 'a1', metric_list: 'b1', dataset_path: 'c1' };
const HELLA = { num_fewshot: 'a2', metric_list: 'b2' };

describe('setupChanges', () => {
  it('says nothing when the setups agree, or when either run records none', () => {
    const s = [lm('0.4.2', { mmlu: MMLU })];
    expect(setupChanges(s, [lm('0.4.2', { mmlu: { ...MMLU } })])).toEqual({ messages: [], tasks: {} });
    expect(setupChanges(undefined, s)).toEqual({ messages: [], tasks: {} });
    expect(setupChanges(s, undefined)).toEqual({ messages: [], tasks: {} });
    expect(setupChanges([], [])).toEqual({ messages: [], tasks: {} });
  });

  it('names a harness version change, which changes no task', () => {
    const c = setupChanges([lm('0.4.2', { mmlu: MMLU })], [lm('0.4.8', { mmlu: MMLU })]);
    expect(c).toEqual({ messages: ['lm-eval version changed: 0.4.2 → 0.4.8'], tasks: {} });
    // A version recorded on one side only is not a change anyone can tell.
    expect(setupChanges([{ harness: 'lm-eval' }], [lm('0.4.8', {})]).messages).toEqual([]);
  });

  it('names the config keys that changed, added or removed, per task', () => {
    const c = setupChanges(
      [lm('0.4.2', { mmlu: MMLU, hellaswag: HELLA })],
      [
        lm('0.4.2', {
          mmlu: { ...MMLU, num_fewshot: 'x', metric_list: 'y' },
          hellaswag: { num_fewshot: 'a2' },
        }),
      ],
    );
    expect(c.messages).toEqual([
      'task config of hellaswag changed (metric_list)',
      'task config of mmlu changed (metric_list, num_fewshot)',
    ]);
    expect(c.tasks).toEqual({ hellaswag: ['metric_list'], mmlu: ['metric_list', 'num_fewshot'] });
  });

  it('tasks that changed the same keys share one message; tasks in one run only are no setup change', () => {
    const subs = ['mmlu_a', 'mmlu_b', 'mmlu_c', 'mmlu_d', 'mmlu_e', 'mmlu_f', 'mmlu_g'];
    const base = Object.fromEntries(subs.map((t) => [t, MMLU]));
    const cur = Object.fromEntries(subs.map((t) => [t, { ...MMLU, num_fewshot: 'five' }]));
    const c = setupChanges([lm('1', { ...base, gone: MMLU })], [lm('1', { ...cur, added: MMLU })]);
    expect(c.messages).toEqual([
      'task configs of 7 tasks changed (num_fewshot): mmlu_a, mmlu_b, mmlu_c, mmlu_d, mmlu_e and 2 more',
    ]);
    expect(Object.keys(c.tasks)).toEqual(subs);
  });

  it('compares task configs within one harness, and eval sets of the same size by hash', () => {
    const insp = (examples: string): EvalSetup => ({
      harness: 'inspect_ai',
      tasks: { mmlu: MMLU },
      examples,
      n: 100,
    });
    const c = setupChanges([lm('1', { mmlu: MMLU }), insp('aaa')], [insp('bbb')]);
    expect(c.messages).toEqual([
      'eval set of inspect_ai changed: the same number of examples (100) with other ids or labels',
    ]);
    // A different number of examples is the pairing note's to tell (ids added and removed).
    expect(setupChanges([insp('aaa')], [{ ...insp('bbb'), n: 120 }]).messages).toEqual([]);
  });
});

describe('taskOfMetric', () => {
  const tasks = ['mmlu', 'mmlu_anatomy', 'arc_easy', 'gsm8k'];
  it('reads the task from the metric name as the readers write it', () => {
    expect(taskOfMetric('mmlu/acc', tasks)).toBe('mmlu');
    expect(taskOfMetric('mmlu_anatomy/acc_norm', tasks)).toBe('mmlu_anatomy');
    expect(taskOfMetric('gsm8k/exact_match,strict-match', tasks)).toBe('gsm8k');
    expect(taskOfMetric('arc_easy/choice/accuracy', tasks)).toBe('arc_easy');
    expect(taskOfMetric('accuracy', tasks)).toBeUndefined();
    expect(taskOfMetric('mmlu_x/acc', tasks)).toBeUndefined();
    expect(taskOfMetric('score', ['riddles'], 'riddles')).toBe('riddles');
  });
});

describe('lm-eval results record their setup', () => {
  const real = (p: string) =>
    JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/real/lm-eval', p), 'utf8')) as Record<
      string,
      unknown
    >;
  it('two runs of the same tasks agree (function addresses and model arguments are not setup)', () => {
    const d = 'pr3936-negotiationtom-qwen3-8b/';
    const a = lmEvalSetup(real(`${d}results_2026-07-08T16-04-34.219874.json`))!;
    const b = lmEvalSetup(real(`${d}results_2026-07-08T18-15-33.115417.json`))!;
    expect(a.version).toBe('0.4.13.dev0');
    expect(Object.keys(a.tasks!)).toEqual([
      'negotiationtom_belief',
      'negotiationtom_desire',
      'negotiationtom_intention',
    ]);
    expect(setupChanges([a], [b]).messages).toEqual([]);
  });

  it('0-shot against 5-shot is a change of num_fewshot', () => {
    const d = 'pr3506-afrobench-gemma-2b/';
    const a = lmEvalSetup(real(`${d}sw_afrixnli_0shot_2026-01-26T15-12-50.111078.json`))!;
    const b = lmEvalSetup(real(`${d}sw_afrixnli_5shot_2026-01-26T15-15-48.974894.json`))!;
    expect(setupChanges([a], [b]).messages).toEqual([
      'task config of afrixnli_swa_prompt_1 changed (num_fewshot)',
    ]);
  });

  it('the v0.3 format: task versions and the run’s num_fewshot', () => {
    const s = lmEvalSetup(real('pythia-legacy-v0.3/160m-deduped_step143000.json'))!;
    expect(s.version).toBeUndefined();
    expect(Object.keys(s.tasks!).length).toBeGreaterThan(10);
    expect(Object.keys(Object.values(s.tasks!)[0])).toEqual(['num_fewshot', 'version']);
  });
});

describe('the size of the eval set is no task config change', () => {
  it('catwalk `limit` is left out of the task config; num_shots is in it', () => {
    const cw = (opts: object) =>
      readCatwalkMetrics(
        {
          metrics: [
            { task: 'arc_easy', task_options: { split: 'validation', ...opts }, metrics: { acc: 0.5 } },
          ],
        },
        'm.json',
      ).setup;
    expect(setupChanges([cw({ limit: 8, num_shots: 0 })], [cw({ num_shots: 0 })]).messages).toEqual([]);
    expect(setupChanges([cw({ num_shots: 0 })], [cw({ num_shots: 5 })]).messages).toEqual([
      'task config of arc_easy changed (num_shots)',
    ]);
  });
});

const mv = (value: number): MetricValue => ({
  value,
  n: 1000,
  stderr: 0.005,
  ci: [value - 0.0098, value + 0.0098],
  method: 'given',
});
const run = (metrics: Record<string, number>, setup: EvalSetup[]): EvalResult => ({
  schema: 'evalgate/eval-result',
  version: 1,
  task: 'aggregate',
  n: null,
  metrics: Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, mv(v)])),
  slices: {},
  sources: [{ file: 'results.json', format: 'lm-eval' }],
  setup,
});
const info = { source: 'path' as const, reason: 'test' };

/** mmlu/acc drops by 0.1 (regressed on its own) and mmlu's num_fewshot changed; hellaswag is unchanged. */
function changed(
  yaml = '',
  currentSetup = [lm('0.4.2', { mmlu: { ...MMLU, num_fewshot: 'x' }, hellaswag: HELLA })],
) {
  const config = yaml ? parseConfig(yaml, 'c.yml') : defaultConfig();
  return diagnose({
    baseline: run({ 'mmlu/acc': 0.7, 'hellaswag/acc': 0.5 }, [lm('0.4.2', { mmlu: MMLU, hellaswag: HELLA })]),
    current: run({ 'mmlu/acc': 0.6, 'hellaswag/acc': 0.5 }, currentSetup),
    baselineInfo: info,
    config,
  });
}
const row = (r: ReturnType<typeof diagnose>, m: string) => r.comparisons.find((c) => c.metric === m)!;

describe('on_setup_change through the report', () => {
  it('is a config key, warn by default; anything else is an error', () => {
    expect(parseConfig('on_setup_change: fail\n', 'c.yml').onSetupChange).toBe('fail');
    expect(() => parseConfig('on_setup_change: maybe\n', 'c.yml')).toThrow(/on_setup_change/);
    expect(changed().settings.on_setup_change).toBe('warn');
  });

  it('without a setup change the drop fails, as always', () => {
    const r = changed('', [lm('0.4.2', { mmlu: MMLU, hellaswag: HELLA })]);
    expect(row(r, 'mmlu/acc').status).toBe('regressed');
    expect(r.verdict).toBe('fail');
    expect(r.setup_changes).toBeUndefined();
    expect(r.notes.join('\n')).not.toContain('Eval setup changed');
  });

  it('warn: a regressed metric of a changed task is a warning that says why; the verdict warns', () => {
    const r = changed();
    const acc = row(r, 'mmlu/acc');
    expect(acc.status).toBe('warn');
    expect(acc.reason).toMatch(/^task config changed: num_fewshot; worse by 0\.1/);
    expect(row(r, 'hellaswag/acc').status).toBe('unchanged');
    expect(r.verdict).toBe('warn');
    expect(r.regressions).toBe(0);
    expect(r.warnings).toBe(1);
    expect(r.setup_changes).toEqual(['task config of mmlu changed (num_fewshot)']);
    expect(r.notes[0]).toBe(
      'Eval setup changed: task config of mmlu changed (num_fewshot). The gate warns, and a regression of a metric of a changed task is a warning, not a failure (on_setup_change: warn).',
    );
  });

  it('warn: a metric of an unchanged task still fails; a version change alone changes no row but warns', () => {
    const r = diagnose({
      baseline: run({ 'mmlu/acc': 0.7, 'hellaswag/acc': 0.5 }, [
        lm('0.4.2', { mmlu: MMLU, hellaswag: HELLA }),
      ]),
      current: run({ 'mmlu/acc': 0.7, 'hellaswag/acc': 0.4 }, [
        lm('0.4.2', { mmlu: { ...MMLU, num_fewshot: 'x' }, hellaswag: HELLA }),
      ]),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(row(r, 'hellaswag/acc').status).toBe('regressed');
    expect(r.verdict).toBe('fail');
    const v = changed('', [lm('0.4.8', { mmlu: MMLU, hellaswag: HELLA })]);
    expect(row(v, 'mmlu/acc').status).toBe('regressed');
    expect(v.notes[0]).toMatch(/^Eval setup changed: lm-eval version changed: 0\.4\.2 → 0\.4\.8\. /);
    const same = diagnose({
      baseline: run({ 'mmlu/acc': 0.7 }, [lm('0.4.2', { mmlu: MMLU })]),
      current: run({ 'mmlu/acc': 0.7 }, [lm('0.4.8', { mmlu: MMLU })]),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(same.verdict).toBe('warn');
    expect(same.warnings).toBe(0);
  });

  it('fail: the row stays regressed and the gate fails, also when no metric got worse', () => {
    const r = changed('on_setup_change: fail\n');
    expect(row(r, 'mmlu/acc').status).toBe('regressed');
    expect(r.verdict).toBe('fail');
    expect(r.notes[0]).toMatch(
      /^Eval setup changed: task config of mmlu changed \(num_fewshot\)\. The gate fails \(on_setup_change: fail\)\.$/,
    );
    const flat = diagnose({
      baseline: run({ 'mmlu/acc': 0.7 }, [lm('0.4.2', { mmlu: MMLU })]),
      current: run({ 'mmlu/acc': 0.7 }, [lm('0.4.2', { mmlu: { ...MMLU, metric_list: 'z' } })]),
      baselineInfo: info,
      config: parseConfig('on_setup_change: fail\n', 'c.yml'),
    });
    expect(flat.regressions).toBe(0);
    expect(flat.verdict).toBe('fail');
    // Waiving rows does not lift it: nothing but the setup fails the gate.
    applyWaivers(flat, { config: [], label: { label: 'evalgate-waive' }, now: new Date('2026-12-02') });
    expect(flat.verdict).toBe('fail');
  });

  it('ignore: nothing changes and nothing is said', () => {
    const r = changed('on_setup_change: ignore\n');
    expect(row(r, 'mmlu/acc').status).toBe('regressed');
    expect(r.verdict).toBe('fail');
    expect(r.setup_changes).toBeUndefined();
    expect(r.settings.on_setup_change).toBe('ignore');
    expect(r.notes.join('\n')).not.toContain('setup');
  });

  it('the markdown shows the note with task names escaped, and waiving the warning passes no further than warn', () => {
    const evil = 'x<img src=y>|*';
    const r = diagnose({
      baseline: run({ [`${evil}/acc`]: 0.7 }, [lm('1', { [evil]: MMLU })]),
      current: run({ [`${evil}/acc`]: 0.6 }, [lm('1', { [evil]: { ...MMLU, num_fewshot: 'x' } })]),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(r.comparisons[0].status).toBe('warn');
    const md = renderMarkdown(r);
    expect(md).toContain('Eval setup changed: task config of x');
    expect(md).not.toContain('<img');
    applyWaivers(r, { config: [], label: { label: 'evalgate-waive' }, now: new Date('2026-12-02') });
    expect(r.comparisons[0].status).toBe('waived');
    expect(r.verdict).toBe('warn');
  });
});

describe('eval-set note', () => {
  const scored = (ids: string[], metric = 'copa/acc'): EvalResult => ({
    ...run({}, []),
    metrics: {},
    scores: { [metric]: { ids, values: ids.map((_, i) => i % 2) } },
  });
  const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `d${from + i}`);

  it('says how many ids were added and removed and how many the comparison rests on', () => {
    const r = diagnose({
      baseline: scored(ids(0, 1000)),
      current: scored(ids(3, 1012)),
      baselineInfo: info,
      config: defaultConfig(),
    });
    expect(r.notes).toContain('Eval set changed: 12 ids added, 3 removed; compared on the 997 shared ids.');
  });

  it('a --limit run against a full one compares on the shared ids and says so; one note for the task', () => {
    const base = scored(ids(0, 100));
    base.scores!['copa/acc_norm'] = base.scores!['copa/acc'];
    const cur = scored(ids(0, 20));
    cur.scores!['copa/acc_norm'] = cur.scores!['copa/acc'];
    const r = diagnose({ baseline: base, current: cur, baselineInfo: info, config: defaultConfig() });
    expect(r.notes.filter((n) => n.startsWith('Eval set changed'))).toEqual([
      'Eval set changed: 0 ids added, 80 removed; compared on the 20 shared ids.',
    ]);
  });

  it('names the metrics when tasks changed differently; nothing when the ids agree', () => {
    const base = scored(ids(0, 10));
    base.scores!['piqa/acc'] = { ids: ids(0, 10), values: new Array<number>(10).fill(1) };
    const cur = scored(ids(0, 8));
    cur.scores!['piqa/acc'] = { ids: ids(0, 10), values: new Array<number>(10).fill(1) };
    const r = diagnose({ baseline: base, current: cur, baselineInfo: info, config: defaultConfig() });
    expect(r.notes.filter((n) => n.startsWith('Eval set changed'))).toEqual([
      'Eval set changed: 0 ids added, 2 removed; compared on the 8 shared ids (copa/acc).',
    ]);
  });
});
