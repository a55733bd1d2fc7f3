/**
 * Regression tests for defects A, B and E of issue 12 (pipeline and metric engine); each failed before
 * its fix.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, parseConfig } from '../src/config/load.js';
import { InputError } from '../src/errors.js';
import { computeCurrent, computeResult, loadBaseline } from '../src/pipeline.js';
import type { ReadOutput } from '../src/readers/index.js';
import type { EvalResult, ExampleRecord } from '../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'evalgate-pipeline-review-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

/** The InputError thrown by `f` (fails the test when it does not throw one). */
async function inputError(f: () => unknown): Promise<InputError> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('A: validation errors name the fields as the config maps them', () => {
  const config = parseConfig(
    'fields: { id: qid, label: gold, prediction: guess, probabilities: conf }\n',
    'evalgate.yml',
  );

  it('mixed label types name `gold`, not `label`', async () => {
    const file = write(
      'a-mixed.jsonl',
      '{"qid":"1","gold":1,"guess":1}\n{"qid":"2","gold":"x","guess":0}\n{"qid":"3","gold":0,"guess":0}\n',
    );
    const e = await inputError(() => computeCurrent([file], config));
    expect(e.location.field).toBe('gold');
    expect(e.message).toContain('but gold at');
    expect(e.message).not.toMatch(/\b(label|prediction)\b at/);
  });

  it('a bad probability names `conf`; a duplicate id names `qid`', async () => {
    const bad = write(
      'a-proba.jsonl',
      '{"qid":"1","gold":1,"guess":1,"conf":0.9}\n{"qid":"2","gold":0,"guess":0,"conf":1.5}\n',
    );
    const e = await inputError(() => computeCurrent([bad], config));
    expect(e.location.field).toBe('conf');
    const dup = write('a-dup.jsonl', '{"qid":"1","gold":1,"guess":1}\n{"qid":"1","gold":0,"guess":0}\n');
    const d = await inputError(() => computeCurrent([dup], config));
    expect(d.location.field).toBe('qid');
    expect(d.message).toContain('duplicate qid');
  });

  it('a missing cluster id names the configured cluster field', async () => {
    const c = parseConfig('cluster: passage\n', 'evalgate.yml');
    const records: ExampleRecord[] = [
      {
        id: 'a',
        label: 1,
        prediction: 1,
        slices: {},
        numeric: {},
        cluster: 'p1',
        source: { file: 'r', line: 1 },
      },
      { id: 'b', label: 0, prediction: 0, slices: {}, numeric: {}, source: { file: 'r', line: 2 } },
    ];
    const e = await inputError(() =>
      computeResult([{ kind: 'records', file: 'r', format: 'jsonl', records }], c),
    );
    expect(e.location.field).toBe('passage');
  });
});

/** Records, a pre-aggregated metric file with a declared direction, per-example scores, aggregate slices. */
function mixedOutputs(): ReadOutput[] {
  const records: ExampleRecord[] = Array.from({ length: 40 }, (_, i) => ({
    id: `e${i}`,
    label: i % 2,
    prediction: i % 3 === 0 ? 1 - (i % 2) : i % 2,
    slices: { lang: i % 4 === 0 ? 'de' : 'en' },
    numeric: {},
    source: { file: 'preds.jsonl', line: i + 1 },
  }));
  const aggregate: EvalResult = {
    schema: 'evalgate/eval-result',
    version: 1,
    task: 'aggregate',
    n: null,
    metrics: { judge_win: { value: 0.61, n: null } },
    slices: { suite: { hard: { n: 12, metrics: { judge_win: { value: 0.4, n: 12 } } } } },
    sources: [],
  };
  return [
    { kind: 'records', file: 'preds.jsonl', format: 'jsonl', records },
    {
      kind: 'metrics',
      file: 'judge.json',
      format: 'metric-map',
      metrics: { faithfulness: { value: 0.7, n: null } },
      directions: { faithfulness: 'higher' },
    },
    {
      kind: 'scores',
      file: 'samples.jsonl',
      format: 'lm-eval-samples',
      scores: { 'copa/acc': { ids: ['d0', 'd1', 'd2', 'd3'], values: [1, 0, 1, 1] } },
      notes: [],
    },
    { kind: 'result', file: 'agg.json', format: 'evalgate', result: aggregate },
  ];
}

describe('B: re-reading a saved EvalResult with examples keeps everything it holds', () => {
  const config = { ...defaultConfig(), slices: ['lang'], bootstrap: 200 };
  const saved = computeResult(mixedOutputs(), config).result;
  const savedText = JSON.stringify(saved);

  it('the saved result holds records, pre-aggregated metrics, scores, directions and slices', () => {
    expect(saved.examples?.ids).toHaveLength(40);
    expect(Object.keys(saved.metrics)).toEqual(
      expect.arrayContaining(['accuracy', 'faithfulness', 'judge_win', 'copa/acc']),
    );
    expect(Object.keys(saved.slices).sort()).toEqual(['lang', 'suite']);
  });

  it('the eval setups and report-only names of a saved result are kept too', () => {
    const withSetup = JSON.parse(savedText) as EvalResult;
    withSetup.setup = [{ harness: 'lm-eval', version: '0.4.2', examples: 'abc123', n: 4 }];
    withSetup.options = { ...withSetup.options, report_only: ['faithfulness'] };
    const again = computeResult(
      [{ kind: 'result', file: 'saved.json', format: 'evalgate', result: withSetup }],
      config,
    ).result;
    expect(again.setup).toEqual(withSetup.setup);
    expect(again.options?.report_only).toEqual(['faithfulness']);
  });

  it('compare --current saved.json: computeResult on the saved file alone', () => {
    const again = computeResult(
      [{ kind: 'result', file: 'saved.json', format: 'evalgate', result: JSON.parse(savedText) }],
      config,
    ).result;
    expect(again.metrics).toEqual(saved.metrics);
    expect(again.scores).toEqual(saved.scores);
    expect(again.slices).toEqual(saved.slices);
    expect(again.options).toEqual(saved.options);
    expect(again.examples).toEqual(saved.examples);
  });

  it('a baseline-path folder with the saved file and one more file', async () => {
    const folder = join(dir, 'baseline-folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'saved.json'), savedText);
    writeFileSync(join(folder, 'extra.json'), JSON.stringify({ toxicity: 0.02 }));
    const { result, dataset } = await loadBaseline([folder], config);
    expect(dataset?.n).toBe(40);
    expect(result.metrics.toxicity?.value).toBe(0.02);
    for (const [name, mv] of Object.entries(saved.metrics)) expect(result.metrics[name]).toEqual(mv);
    expect(result.scores).toEqual(saved.scores);
    expect(result.slices).toEqual(saved.slices);
    expect((result.options?.directions as Record<string, string>).faithfulness).toBe('higher');
    expect(result.options?.preaggregated).toEqual(
      expect.arrayContaining(['faithfulness', 'judge_win', 'copa/acc', 'toxicity']),
    );
  });
});

describe('E: the same slice field from two files is an error naming both', () => {
  const aggregate = (file: string, value: string): ReadOutput => ({
    kind: 'result',
    file,
    format: 'evalgate',
    result: {
      schema: 'evalgate/eval-result',
      version: 1,
      task: 'aggregate',
      n: null,
      metrics: {},
      slices: { geo: { [value]: { n: 5, metrics: { f1: { value: 0.5, n: 5 } } } } },
      sources: [],
    },
  });

  it('two aggregate results with slice field geo', async () => {
    const e = await inputError(() =>
      computeResult([aggregate('a.json', 'FR'), aggregate('b.json', 'DE')], defaultConfig()),
    );
    expect(e.location.file).toBe('b.json');
    expect(e.location.field).toBe('slices.geo');
    expect(e.message).toContain('a.json');
  });

  it('an aggregate slice field that the records also slice by', async () => {
    const records: ExampleRecord[] = Array.from({ length: 6 }, (_, i) => ({
      id: `e${i}`,
      label: i % 2,
      prediction: i % 2,
      slices: { geo: 'FR' },
      numeric: {},
      source: { file: 'preds.jsonl', line: i + 1 },
    }));
    const config = { ...defaultConfig(), slices: ['geo'], bootstrap: 50 };
    const e = await inputError(() =>
      computeResult(
        [{ kind: 'records', file: 'preds.jsonl', format: 'jsonl', records }, aggregate('a.json', 'DE')],
        config,
      ),
    );
    expect(e.location.file).toBe('a.json');
    expect(e.location.field).toBe('slices.geo');
    expect(e.message).toContain('preds.jsonl');
  });
});
