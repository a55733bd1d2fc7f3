/**
 * Property-based tests of the metrics (fast-check): on arbitrary data, a metric does not depend on the
 * order of the rows, perfect predictions give each metric its best value, and single-label micro-F1
 * (and micro precision/recall) equals accuracy.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset, computeMetrics, type MetricOptions } from '../../src/metrics/index.js';
import type { ExampleRecord, Task } from '../../src/types.js';

const RUNS = { numRuns: 60 };

function record(i: number, label: unknown, prediction: unknown, probabilities?: unknown): ExampleRecord {
  return {
    id: `ex${i}`,
    label,
    prediction,
    ...(probabilities !== undefined ? { probabilities } : {}),
    slices: {},
    numeric: {},
    source: { file: 'data.jsonl', line: i + 1 },
  } as ExampleRecord;
}

function values(records: ExampleRecord[], options: MetricOptions): Record<string, number | null> {
  const ds = buildDataset(records, options);
  const out: Record<string, number | null> = {};
  for (const [name, m] of Object.entries(computeMetrics(ds, options))) out[name] = m.value;
  return out;
}

/** Same values up to floating-point summation order. */
function expectSameValues(a: Record<string, number | null>, b: Record<string, number | null>): void {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const k of Object.keys(a)) {
    if (a[k] === null) expect(b[k], k).toBeNull();
    else expect(b[k], k).toBeCloseTo(a[k] as number, 9);
  }
}

const CLASSES = ['cat', 'dog', 'eel', 'fox'];
const classArb = fc.constantFrom(...CLASSES);
const prob = fc.double({ min: 0, max: 1, noNaN: true });

/** Arbitrary data sets per task, as records plus the options to compute them with. */
const tasks: Record<
  Exclude<Task, 'aggregate'>,
  fc.Arbitrary<{ records: ExampleRecord[]; options: MetricOptions }>
> = {
  binary: fc
    .array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 1 }), prob), {
      minLength: 4,
      maxLength: 60,
    })
    // Only 0s leave no positive class to name: an input error (docs/metrics.md), not a metric value.
    .filter((rows) => rows.some(([l, p]) => l === 1 || p === 1))
    .map((rows) => ({
      records: rows.map(([l, p, s], i) => record(i, l, p, s)),
      options: { task: 'binary' } as MetricOptions,
    })),
  multiclass: fc.array(fc.tuple(classArb, classArb), { minLength: 4, maxLength: 60 }).map((rows) => ({
    records: rows.map(([l, p], i) => record(i, l, p)),
    options: { task: 'multiclass' } as MetricOptions,
  })),
  multilabel: fc
    .array(fc.tuple(fc.subarray(CLASSES), fc.subarray(CLASSES)), { minLength: 4, maxLength: 40 })
    .map((rows) => ({
      records: rows.map(([l, p], i) => record(i, l, p)),
      options: { task: 'multilabel' } as MetricOptions,
    })),
  regression: fc
    .array(
      fc.tuple(
        fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }),
      ),
      { minLength: 4, maxLength: 60 },
    )
    .map((rows) => ({
      // Decimals (never integral) so task options and the data agree.
      records: rows.map(([l, p], i) => record(i, l + 0.5, p + 0.25)),
      options: { task: 'regression' } as MetricOptions,
    })),
  generation: fc
    .array(fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })), {
      minLength: 2,
      maxLength: 30,
    })
    .map((rows) => ({
      records: rows.map(([l, p], i) => record(i, l, p)),
      options: { task: 'generation' } as MetricOptions,
    })),
};

describe('metrics do not depend on the order of the rows', () => {
  for (const [task, arb] of Object.entries(tasks)) {
    it(task, () => {
      fc.assert(
        fc.property(
          arb.chain((d) =>
            fc
              .shuffledSubarray(d.records, { minLength: d.records.length })
              .map((s) => ({ ...d, shuffled: s })),
          ),
          ({ records, options, shuffled }) => {
            expectSameValues(values(records, options), values(shuffled, options));
          },
        ),
        RUNS,
      );
    });
  }
});

/** Best value of each metric: what perfect predictions must give. */
const BEST: Record<string, number> = {
  accuracy: 1,
  balanced_accuracy: 1,
  precision: 1,
  recall: 1,
  f1: 1,
  mcc: 1,
  cohen_kappa: 1,
  roc_auc: 1,
  average_precision: 1,
  log_loss: 0,
  brier: 0,
  ece: 0,
  precision_macro: 1,
  recall_macro: 1,
  f1_macro: 1,
  precision_micro: 1,
  recall_micro: 1,
  f1_micro: 1,
  precision_weighted: 1,
  recall_weighted: 1,
  f1_weighted: 1,
  roc_auc_ovr: 1,
  top_k_accuracy: 1,
  subset_accuracy: 1,
  hamming_loss: 0,
  precision_samples: 1,
  recall_samples: 1,
  f1_samples: 1,
  jaccard_samples: 1,
  mae: 0,
  mse: 0,
  rmse: 0,
  r2: 1,
  mape: 0,
  max_error: 0,
  exact_match: 1,
  token_f1: 1,
};

describe('perfect predictions give each metric its best value', () => {
  const perfect: Record<string, fc.Arbitrary<{ records: ExampleRecord[]; options: MetricOptions }>> = {
    // Probabilities 0/1 on the true class: separable, calibrated, no log-loss.
    // Both classes always occur: with one class mcc is 0 by definition (as in scikit-learn), not best.
    binary: fc
      .array(fc.integer({ min: 0, max: 1 }), { maxLength: 60 })
      .map((rest) => [0, 1, ...rest])
      .map((ls) => ({
        records: ls.map((l, i) => record(i, l, l, l)),
        options: { task: 'binary' } as MetricOptions,
      })),
    multiclass: fc
      .array(classArb, { maxLength: 60 })
      .map((rest) => ['cat', 'dog', ...rest])
      .map((ls) => ({
        records: ls.map((l, i) =>
          record(i, l, l, Object.fromEntries(CLASSES.map((c) => [c, c === l ? 1 : 0]))),
        ),
        options: { task: 'multiclass', classes: CLASSES } as MetricOptions,
      })),
    multilabel: fc
      .array(fc.subarray(CLASSES, { minLength: 1 }), { minLength: 2, maxLength: 40 })
      .map((ls) => ({
        records: ls.map((l, i) => record(i, l, l)),
        options: { task: 'multilabel' } as MetricOptions,
      })),
    regression: fc
      .array(fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), {
        minLength: 2,
        maxLength: 60,
      })
      .map((ls) => ({
        records: ls.map((l, i) => record(i, l + 0.5, l + 0.5)),
        options: { task: 'regression' } as MetricOptions,
      })),
    generation: fc
      .array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 2, maxLength: 30 })
      .map((ls) => ({
        records: ls.map((l, i) => record(i, l, l)),
        options: { task: 'generation' } as MetricOptions,
      })),
  };
  for (const [task, arb] of Object.entries(perfect)) {
    it(task, () => {
      let checked = 0;
      fc.assert(
        fc.property(arb, ({ records, options }) => {
          const v = values(records, options);
          for (const [name, value] of Object.entries(v)) {
            // Undefined is allowed where the metric is (one class only: roc_auc, mcc, r2 …).
            if (value === null || !(name in BEST)) continue;
            expect(value, `${name} on perfect predictions`).toBeCloseTo(BEST[name], 9);
            checked++;
          }
        }),
        RUNS,
      );
      expect(checked).toBeGreaterThan(RUNS.numRuns);
    });
  }
});

describe('single-label micro averages equal accuracy', () => {
  it('multiclass micro-F1, micro precision and micro recall', () => {
    fc.assert(
      fc.property(tasks.multiclass, ({ records, options }) => {
        const v = values(records, options);
        expect(v.f1_micro).toBeCloseTo(v.accuracy as number, 12);
        expect(v.precision_micro).toBeCloseTo(v.accuracy as number, 12);
        expect(v.recall_micro).toBeCloseTo(v.accuracy as number, 12);
      }),
      RUNS,
    );
  });
});
