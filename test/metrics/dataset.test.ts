import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { buildDataset, detectTask, type MetricOptions } from '../../src/metrics/index.js';
import type { ExampleRecord } from '../../src/types.js';
import { rec, recs } from './helpers.js';

const AUTO: MetricOptions = { task: 'auto' };

/** The InputError thrown by buildDataset(records, opts). */
function inputError(records: ExampleRecord[], opts: MetricOptions = AUTO): InputError {
  try {
    buildDataset(records, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected buildDataset to throw');
}

describe('buildDataset validation (file, line and field in every message)', () => {
  it('missing label', () => {
    const e = inputError([rec(1, 1, 1), rec(2, undefined, 0)]);
    expect(e.message).toBe('data.jsonl:2 field "label": missing label');
    expect(e.location).toEqual({ file: 'data.jsonl', line: 2, field: 'label' });
  });

  it('missing prediction is named with the configured field name', () => {
    const e = inputError([rec(1, 1, 1), rec(2, 0, null)], {
      task: 'auto',
      fields: { prediction: 'model_output' },
    });
    expect(e.message).toBe('data.jsonl:2 field "model_output": missing model_output');
  });

  it('label that fits no task (an object)', () => {
    const e = inputError([rec(1, 1, 1), rec(2, { a: 1 }, 0)]);
    expect(e.message).toMatch(/^data\.jsonl:2 field "label": expected a class .* got an object \{"a":1\}/);
  });

  it('binary probability outside [0, 1]', () => {
    const e = inputError(recs([1, 0, 1], [1, 0, 0], [0.9, 0.1, 1.5]));
    expect(e.message).toBe('data.jsonl:3 field "probabilities": expected a probability in [0, 1], got 1.5');
  });

  it('binary probability of the wrong type', () => {
    const e = inputError(recs([1, 0], [1, 0], [0.9, '0.1']), { task: 'binary' });
    expect(e.message).toMatch(
      /^data\.jsonl:2 field "probabilities": binary probabilities must be a number, the probability of the positive class "1"; got a string/,
    );
  });

  it('multiclass probabilities not summing to 1', () => {
    const e = inputError(
      recs(
        ['a', 'b', 'c'],
        ['a', 'b', 'b'],
        [
          { a: 0.8, b: 0.1, c: 0.1 },
          { a: 0.1, b: 0.8, c: 0.1 },
          { a: 0.5, b: 0.3, c: 0.1 },
        ],
      ),
    );
    expect(e.message).toMatch(
      /^data\.jsonl:3 field "probabilities": probabilities sum to 0\.9\d*, expected 1 \(±0\.000001\)$/,
    );
  });

  it('sum within 1e-6 of 1 is accepted', () => {
    const ds = buildDataset(
      recs(['a', 'b', 'c'], ['a', 'b', 'c'], [{ a: 0.5, b: 0.5 + 5e-7 }, { b: 1 }, { c: 0.9999995 }]),
      AUTO,
    );
    expect(ds.task).toBe('multiclass');
    expect(Array.from(ds.proba!)).toEqual([0.5, 0.5 + 5e-7, 0, 0, 1, 0, 0, 0, 0.9999995]);
  });

  it('unknown class in a probability object', () => {
    const e = inputError(
      recs(['a', 'b', 'c'], ['a', 'b', 'c'], [{ a: 1 }, { b: 1 }, { c: 0.5, zebra: 0.5 }]),
    );
    expect(e.message).toMatch(
      /^data\.jsonl:3 field "probabilities\.zebra": unknown class "zebra"; known classes: "a", "b", "c"/,
    );
  });

  it('probability arrays without config classes', () => {
    const e = inputError(
      recs(
        [0, 1, 2],
        [0, 1, 2],
        [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
      ),
    );
    expect(e.message).toBe(
      'data.jsonl:1 field "probabilities": probabilities given as a list need config `classes` (the class of each position)',
    );
  });

  it('probability array of the wrong length', () => {
    const e = inputError(
      recs(
        [0, 1, 2],
        [0, 1, 2],
        [
          [1, 0, 0],
          [0, 1],
          [0, 0, 1],
        ],
      ),
      { task: 'auto', classes: [0, 1, 2] },
    );
    expect(e.message).toBe(
      'data.jsonl:2 field "probabilities": expected 3 probabilities (one per configured class), got 2',
    );
  });

  it('a class given twice in a probability object (numeric classes "1" and "1.0")', () => {
    const e = inputError(recs([0, 1, 2], [0, 1, 2], [{ 0: 1 }, { '1': 0.5, '1.0': 0.5 }, { 2: 1 }]));
    expect(e.message).toBe('data.jsonl:2 field "probabilities.1.0": class "1.0" is given twice');
  });

  it('labels not among configured classes', () => {
    const e = inputError(recs(['a', 'b', 'c'], ['a', 'b', 'c'], [{ a: 1 }, { b: 1 }, { c: 1 }]), {
      task: 'auto',
      classes: ['a', 'b'],
    });
    expect(e.message).toBe(
      'data.jsonl:3 field "label": class "c" is not one of the configured classes ("a", "b")',
    );
  });

  it('mixed label types', () => {
    const e = inputError([rec(1, 1, 1), rec(2, 0, 0), rec(3, '1', 1)]);
    expect(e.message).toBe(
      'data.jsonl:3 field "label": mixed value types: a string "1" here, but label at data.jsonl:1 is a number; labels and predictions must all be numbers, all strings or all booleans',
    );
  });

  it('mixed label and prediction types', () => {
    const e = inputError([rec(1, true, 'true')]);
    expect(e.message).toMatch(
      /^data\.jsonl:1 field "prediction": mixed value types: a string "true" here, but label at data\.jsonl:1 is a boolean/,
    );
  });

  it('non-finite number', () => {
    const e = inputError([rec(1, 1.5, 1), rec(2, NaN, 1)]);
    expect(e.message).toMatch(
      /^data\.jsonl:2 field "label": expected a class \(string, number or boolean\) or a number; got a non-finite number/,
    );
  });

  it('duplicate ids name both lines', () => {
    const r = [rec(1, 1, 1), rec(2, 0, 0), { ...rec(3, 1, 0), id: 'ex1' }];
    const e = inputError(r);
    expect(e.message).toBe(
      'data.jsonl:3 field "id": duplicate id "ex1" (first at data.jsonl:1); ids must be unique to pair examples',
    );
  });

  it('missing id', () => {
    const e = inputError([rec(1, 1, 1), { ...rec(2, 0, 0), id: '' }]);
    expect(e.message).toBe('data.jsonl:2 field "id": missing id');
  });

  it('no identifiable positive class asks for positive_label', () => {
    const e = inputError(recs(['cat', 'dog'], ['dog', 'dog']));
    expect(e.message).toBe(
      'data.jsonl:1 field "label": cannot tell which class is positive among "cat", "dog": set positive_label in config (or task: multiclass)',
    );
  });

  it('two default positive candidates are ambiguous', () => {
    const e = inputError(recs(['1', 'yes'], ['1', 'yes']));
    expect(e.message).toMatch(
      /more than one class could be the positive one \("1", "yes"\): set positive_label/,
    );
  });

  it('positive_label that is not a class', () => {
    const e = inputError(recs(['cat', 'dog'], ['dog', 'dog']), { task: 'auto', positiveLabel: 'bird' });
    expect(e.message).toBe(
      'field "positive_label": positive_label "bird" is not one of the classes in the data ("cat", "dog")',
    );
  });

  it('binary task with three classes', () => {
    const e = inputError(recs([0, 1, 2], [0, 1, 1]), { task: 'binary' });
    expect(e.message).toBe(
      'data.jsonl:1 field "label": task binary needs at most 2 classes; found 3: "0", "1", "2" (set task: multiclass)',
    );
  });

  it('probabilities on some examples only', () => {
    const e = inputError([rec(1, 1, 1, { probabilities: 0.9 }), rec(2, 0, 0)]);
    expect(e.message).toBe(
      'data.jsonl:2 field "probabilities": missing probabilities (other examples have them; give them for every example or for none)',
    );
  });

  it('multiclass probabilities given as a number', () => {
    const e = inputError(recs([0, 1, 2], [0, 1, 2], [0.5, 0.5, 0.5]));
    expect(e.message).toMatch(
      /^data\.jsonl:1 field "probabilities": multiclass probabilities must be an object \{class: probability\}/,
    );
  });

  it('numeric field that is not a number', () => {
    const e = inputError([
      rec(1, 1, 1, { numeric: { latency_ms: 3 } }),
      rec(2, 0, 0, { numeric: { latency_ms: '4' as unknown as number } }),
    ]);
    expect(e.message).toBe('data.jsonl:2 field "latency_ms": expected a number, got "4"');
  });

  it('multilabel label that is not a list', () => {
    const e = inputError([rec(1, ['a'], ['a']), rec(2, 'b', ['b'])]);
    expect(e.message).toBe(
      'data.jsonl:2 field "label": multilabel label must be a list of classes; got a string "b"',
    );
  });

  it('generation with an empty list of accepted answers', () => {
    const e = inputError([rec(1, ['x y'], 'x y'), rec(2, [], 'z')]);
    expect(e.message).toBe('data.jsonl:2 field "label": empty list of accepted answers');
  });

  it('regression label of the wrong type', () => {
    const e = inputError([rec(1, 1.5, 1.2), rec(2, '2.5', 2.1)], { task: 'regression' });
    expect(e.message).toBe(
      'data.jsonl:2 field "label": regression label must be a finite number; got a string "2.5"',
    );
  });

  it('probabilities where the task has none', () => {
    const e = inputError([rec(1, 1.5, 1.2, { probabilities: 0.3 })], { task: 'regression' });
    expect(e.message).toBe(
      'data.jsonl:1 field "probabilities": probabilities are not used for regression tasks; remove the field or map it to another name',
    );
  });

  it('integer labels with non-integer predictions and probabilities', () => {
    const e = inputError(recs([0, 1], [0.2, 1], [0.2, 0.9]));
    expect(e.message).toMatch(/^data\.jsonl:1 field "prediction": prediction 0\.2 is not an integer class/);
  });

  it('cluster on some examples only', () => {
    const e = inputError([rec(1, 1, 1, { cluster: 'a' }), rec(2, 0, 0)]);
    expect(e.message).toMatch(/^data\.jsonl:2 field "cluster": missing cluster/);
  });

  it('no records', () => {
    expect(() => buildDataset([], AUTO)).toThrow(InputError);
  });

  it('unknown task setting', () => {
    expect(() => buildDataset([rec(1, 1, 1)], { task: 'ranking' as never })).toThrow(
      /unknown task "ranking"/,
    );
  });
});

describe('task detection (task: auto)', () => {
  const task = (r: ExampleRecord[]) => detectTask(r, AUTO);

  it('list labels and list predictions → multilabel', () => {
    expect(task([rec(1, ['a', 'b'], ['a']), rec(2, [], ['c'])])).toBe('multilabel');
  });
  it('list labels (accepted answers) and text predictions → generation', () => {
    expect(task([rec(1, ['Paris', 'paris, France'], 'Paris'), rec(2, 'Rome', 'Rome')])).toBe('generation');
  });
  it('non-integer numeric labels → regression', () => {
    expect(task(recs([1.5, 2, 3], [1, 2, 3]))).toBe('regression');
  });
  it('integer labels, non-integer predictions, no probabilities → regression', () => {
    expect(task(recs([1, 2, 3], [1.2, 2, 3.9]))).toBe('regression');
  });
  it('integer labels and predictions with ≤ 2 values → binary', () => {
    expect(task(recs([0, 1, 1], [1, 1, 0], [0.2, 0.9, 0.4]))).toBe('binary');
  });
  it('integer labels with 3 values → multiclass', () => {
    expect(task(recs([0, 1, 2], [0, 1, 1]))).toBe('multiclass');
  });
  it('a class only in predictions counts towards the class count', () => {
    expect(task(recs([0, 1, 1], [0, 1, 2]))).toBe('multiclass');
  });
  it('booleans are classes', () => {
    expect(task(recs([true, false], [true, true]))).toBe('binary');
  });
  it('two string classes → binary', () => {
    expect(task(recs(['yes', 'no', 'no'], ['yes', 'yes', 'no']))).toBe('binary');
  });
  it('two classes with object probabilities → multiclass', () => {
    expect(
      task(
        recs(
          ['cat', 'dog'],
          ['cat', 'cat'],
          [
            { cat: 0.7, dog: 0.3 },
            { cat: 0.6, dog: 0.4 },
          ],
        ),
      ),
    ).toBe('multiclass');
  });
  it('multi-word classes with few distinct labels → classification', () => {
    const labels = ['very good', 'very bad', 'neutral', 'very good', 'very bad', 'neutral', 'very good'];
    expect(task(recs(labels, labels))).toBe('multiclass');
  });
  it('free text (inner whitespace, distinct labels > half the examples) → generation', () => {
    expect(task(recs(['the cat sat', 'a dog ran', 'birds fly'], ['the cat sat', 'dog ran', 'birds']))).toBe(
      'generation',
    );
  });
  it('single words with many distinct labels stay classification', () => {
    expect(task(recs(['paris', 'rome', 'oslo'], ['paris', 'rome', 'bern']))).toBe('multiclass');
  });
  it('one class present is binary when the positive class is identifiable', () => {
    const ds = buildDataset(recs([1, 1], [1, 1]), AUTO);
    expect([ds.task, ds.classes, ds.posIndex]).toEqual(['binary', ['1'], 0]);
  });
  it('an explicit task overrides detection', () => {
    expect(detectTask(recs([1, 2, 3], [1, 2, 3]), { task: 'regression' })).toBe('regression');
    expect(buildDataset(recs([0, 1], [0, 1]), { task: 'multiclass' }).task).toBe('multiclass');
  });
});

describe('classes and the positive class', () => {
  it('numbers sort numerically', () => {
    expect(buildDataset(recs([10, 9, 2, 100], [9, 10, 2, 1]), AUTO).classes).toEqual([
      '1',
      '2',
      '9',
      '10',
      '100',
    ]);
  });
  it('strings sort by code point (numpy order), not UTF-16 units or locale', () => {
    const labels = ['b', 'B', 'a', '\uff01', '\u{1F600}', 'é'];
    expect(buildDataset(recs(labels, labels), AUTO).classes).toEqual([
      'B',
      'a',
      'b',
      'é',
      '\uff01',
      '\u{1F600}',
    ]);
  });
  it('booleans: false before true; default positive true', () => {
    const ds = buildDataset(recs([true, false], [false, false]), AUTO);
    expect([ds.classes, ds.posIndex]).toEqual([['false', 'true'], 1]);
  });
  it('default positive class, case-insensitive', () => {
    expect(buildDataset(recs(['No', 'Yes'], ['No', 'No']), AUTO).posIndex).toBe(1);
    expect(buildDataset(recs(['POSITIVE', 'negative'], ['negative', 'negative']), AUTO).posIndex).toBe(0);
    expect(buildDataset(recs([-1, 1], [-1, -1]), AUTO).posIndex).toBe(1);
  });
  it('positive_label from config, matched to numeric classes by value', () => {
    expect(buildDataset(recs([0, 1], [0, 1]), { task: 'auto', positiveLabel: '0' }).posIndex).toBe(0);
    expect(
      buildDataset(recs(['ham', 'spam'], ['ham', 'ham']), { task: 'auto', positiveLabel: 'spam' }).posIndex,
    ).toBe(1);
  });
  it('multiclass probabilities: object and array (config order) land in sorted class columns', () => {
    const a = buildDataset(
      recs(['b', 'c', 'a'], ['b', 'c', 'a'], [{ c: 0.2, a: 0.3, b: 0.5 }, { c: 1 }, { a: 1 }]),
      AUTO,
    );
    expect(a.classes).toEqual(['a', 'b', 'c']);
    expect(Array.from(a.proba!.subarray(0, 3))).toEqual([0.3, 0.5, 0.2]);
    const b = buildDataset(
      recs(
        ['b', 'c', 'a'],
        ['b', 'c', 'a'],
        [
          [0.2, 0.3, 0.5, 0],
          [1, 0, 0, 0],
          [0, 0, 0, 1],
        ],
      ),
      {
        task: 'auto',
        classes: ['c', 'a', 'b', 'd'],
      },
    );
    expect(b.classes).toEqual(['a', 'b', 'c', 'd']);
    expect(Array.from(b.proba!.subarray(0, 4))).toEqual([0.3, 0.5, 0.2, 0]);
    expect(Array.from(b.yTrue!)).toEqual([1, 2, 0]);
  });
  it('multilabel lists are sets; classes are the sorted union', () => {
    const ds = buildDataset([rec(1, ['b', 'a', 'a'], ['c']), rec(2, [], [])], AUTO);
    expect(ds.classes).toEqual(['a', 'b', 'c']);
    expect(Array.from(ds.mlTrue!)).toEqual([1, 1, 0, 0, 0, 0]);
    expect(Array.from(ds.mlPred!)).toEqual([0, 0, 1, 0, 0, 0]);
  });
  it('numeric fields (NaN where missing), slices ("" where missing), clusters', () => {
    const ds = buildDataset(
      [
        rec(1, 1, 1, { numeric: { latency_ms: 5 }, slices: { lang: 'en' }, cluster: 'doc1' }),
        rec(2, 0, 1, { numeric: { tokens: 7 }, cluster: 'doc1' }),
      ],
      AUTO,
    );
    expect(Array.from(ds.numeric.latency_ms)).toEqual([5, NaN]);
    expect(Array.from(ds.numeric.tokens)).toEqual([NaN, 7]);
    expect(ds.slices).toEqual({ lang: ['en', ''] });
    expect(ds.cluster).toEqual(['doc1', 'doc1']);
  });
});
