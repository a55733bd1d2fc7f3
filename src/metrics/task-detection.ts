/** Detection of the task (`task: auto`) from the values of the records. */
import { InputError } from '../errors.js';
import { isOneOf, TASKS } from '../policy.js';
import type { ExampleRecord, Task } from '../types.js';
import type { MetricOptions } from './types.js';
import {
  checkPresent,
  fail,
  fieldNames,
  KIND_WORDS,
  kindOf,
  scalarKind,
  show,
  type Scalar,
} from './value-check.js';

function isIntegerValued(x: number): boolean {
  return Number.isInteger(x);
}

/** Text with a space between words (generation detection). */
export const INNER_WHITESPACE = /\S\s+\S/;

/**
 * The task of `records`: `opts.task` when set, else the documented detection rule (docs/metrics.md, 'Task
 * detection (`task: auto`)'): list labels → multilabel (list predictions) or generation (text predictions);
 * numbers → regression when any label is non-integer, or any prediction is non-integer and there are no
 * probabilities; strings → generation when some label or prediction contains inner whitespace and distinct
 * labels exceed half the examples; otherwise classification: binary when labels ∪ predictions have ≤ 2
 * values and probabilities (if any) are numbers, else multiclass. Throws InputError when the values fit no
 * task.
 */
export function detectTask(records: ExampleRecord[], opts: MetricOptions): Task {
  if (opts.task !== 'auto') {
    if (!isOneOf(TASKS, opts.task)) {
      throw new InputError(
        `unknown task "${String(opts.task)}"; expected auto or one of ${TASKS.join(', ')}`,
        {
          field: 'task',
        },
      );
    }
    return opts.task;
  }
  const f = fieldNames(opts);
  let firstLabelList: ExampleRecord | undefined;
  let firstPredList: ExampleRecord | undefined;
  for (const rec of records) {
    const lk = kindOf(rec.label);
    const pk = kindOf(rec.prediction);
    checkPresent(rec, lk, f.label);
    checkPresent(rec, pk, f.prediction);
    if (lk === 'array' && !firstLabelList) firstLabelList = rec;
    if (pk === 'array' && !firstPredList) firstPredList = rec;
  }
  if (firstLabelList) {
    const pk = kindOf(firstLabelList.prediction);
    if (pk === 'array') return 'multilabel';
    if (pk === 'string') return 'generation';
    fail(
      firstLabelList,
      f.prediction,
      `${f.label} is a list, so ${f.prediction} must be a list of classes (multilabel) or a text (generation); got ${KIND_WORDS[pk]}`,
    );
  }
  if (firstPredList) return 'multilabel';

  // Scalars from here on: one value type across labels and predictions.
  const kinds = scalarKind(records, f);
  if (kinds === 'number') {
    let labelNonInt: ExampleRecord | undefined;
    let predNonInt: ExampleRecord | undefined;
    let withProba: ExampleRecord | undefined;
    for (const rec of records) {
      if (!labelNonInt && !isIntegerValued(rec.label as number)) labelNonInt = rec;
      if (!predNonInt && !isIntegerValued(rec.prediction as number)) predNonInt = rec;
      if (!withProba && kindOf(rec.probabilities) !== 'missing') withProba = rec;
    }
    if (labelNonInt) return 'regression';
    if (predNonInt) {
      if (!withProba) return 'regression';
      fail(
        predNonInt,
        f.prediction,
        `${f.prediction} ${show(predNonInt.prediction)} is not an integer class although ${f.label} values are integer classes and ${f.probabilities} are given; set task explicitly (regression or classification)`,
      );
    }
  } else if (kinds === 'string') {
    let whitespace = false;
    const distinct = new Set<string>();
    for (const rec of records) {
      const l = rec.label as string;
      distinct.add(l);
      if (!whitespace && (INNER_WHITESPACE.test(l) || INNER_WHITESPACE.test(rec.prediction as string))) {
        whitespace = true;
      }
    }
    if (whitespace && distinct.size > records.length / 2) return 'generation';
  }
  const values = new Set<Scalar>();
  let nonNumberProba = false;
  for (const rec of records) {
    values.add(rec.label as Scalar);
    values.add(rec.prediction as Scalar);
    const k = kindOf(rec.probabilities);
    if (k !== 'missing' && k !== 'number') nonNumberProba = true;
  }
  return values.size <= 2 && !nonNumberProba ? 'binary' : 'multiclass';
}
