/**
 * Issue 8, "Done when": n = 2,000 paired examples, 7% discordant, accuracy gated with
 * `max_regression: 0.01`. Through the real decision path (config → computeResult → runGate/diagnose),
 * seeded: at a true drop of 0.01 (inside the tolerance) at most 5% of runs fail; at a true drop of 0.03
 * at least 90% fail. Before the margin tests the first rate was about 55%. At the margin the test's size is
 * about α itself, so the first check allows the Monte Carlo error of its 300 runs: the failure rate must
 * not be significantly above 5% (≤ 5% + 2 standard errors = 7.5%); `npm run simulate` gives the rate
 * with more replications (docs/statistics.md).
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { computeResult, runGate } from '../../src/pipeline.js';
import { Rng } from '../../src/stats/index.js';
import type { ExampleRecord } from '../../src/types.js';

const N = 2000;
const BASE_ACCURACY = 0.85;
const DISCORDANT = 0.07;
/** Runs at the margin: the size of a test at its boundary is about α, so 60 runs cannot tell 5% from 8%. */
const RUNS_AT_MARGIN = 300;
const RUNS_BEYOND = 60;
const config = parseConfig('metrics:\n  accuracy: { max_regression: 0.01 }\n', 'c.yml');

/**
 * One pair of runs: each example independently falls in a paired cell — right→wrong with probability
 * (d + drop)/2, wrong→right (d − drop)/2, both wrong 1 − 0.85 − (d − drop)/2, both right the rest — so
 * the expected accuracy drop is `drop` and the expected discordant share d.
 */
function gateFails(drop: number, seed: number): boolean {
  const rng = new Rng(seed);
  const pLost = (DISCORDANT + drop) / 2;
  const pGained = (DISCORDANT - drop) / 2;
  const pBothWrong = 1 - BASE_ACCURACY - pGained;
  const base: ExampleRecord[] = [];
  const cur: ExampleRecord[] = [];
  for (let i = 0; i < N; i++) {
    const label = rng.random() < 0.35 ? 1 : 0;
    const u = rng.random();
    const [rightB, rightC] =
      u < pLost
        ? [true, false]
        : u < pLost + pGained
          ? [false, true]
          : u < pLost + pGained + pBothWrong
            ? [false, false]
            : [true, true];
    const rec = (right: boolean, line: number): ExampleRecord => ({
      id: `e${i}`,
      label,
      prediction: right ? label : 1 - label,
      slices: {},
      numeric: {},
      source: { file: 'r', line },
    });
    base.push(rec(rightB, i + 1));
    cur.push(rec(rightC, i + 1));
  }
  const computed = (records: ExampleRecord[], file: string) =>
    computeResult([{ kind: 'records', file, format: 'jsonl', records }], config);
  const report = runGate({
    current: computed(cur, 'cur.jsonl'),
    baseline: computed(base, 'base.jsonl'),
    baselineInfo: { source: 'path', reason: 'test' },
    config,
  });
  const acc = report.comparisons.find((c) => c.metric === 'accuracy')!;
  expect(acc.test?.tolerance).toBe(0.01);
  return report.verdict === 'fail';
}

const failures = (drop: number, seed0: number, runs: number) =>
  Array.from({ length: runs }, (_, r) => gateFails(drop, seed0 + r)).filter(Boolean).length;

describe('accuracy gated with max_regression 0.01, n = 2,000, 7% discordant', () => {
  it(`true drop 0.01 (= tolerance): failure rate over ${RUNS_AT_MARGIN} runs not significantly above 5%`, () => {
    const se = Math.sqrt((0.05 * 0.95) / RUNS_AT_MARGIN);
    expect(failures(0.01, 1000, RUNS_AT_MARGIN) / RUNS_AT_MARGIN).toBeLessThanOrEqual(0.05 + 2 * se);
  }, 60_000);

  it(`true drop 0.03: at least 90% of ${RUNS_BEYOND} runs fail`, () => {
    expect(failures(0.03, 2000, RUNS_BEYOND)).toBeGreaterThanOrEqual(0.9 * RUNS_BEYOND);
  }, 60_000);
});
