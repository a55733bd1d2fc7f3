/**
 * One-vs-rest DeLong with half of the classes on the helper thread (stats/ovr-parallel.ts): the same
 * doubles as on one thread, and a failed helper costs only time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cachedOvr,
  delongOvr,
  ovrAucWithVariance,
  ovrCovariance,
  ovrInfluence,
  ovrInput,
} from '../../src/stats/delong-ovr.js';
import { ovrPasses } from '../../src/stats/ovr-passes.js';
import {
  ovrParallel,
  halvesPay,
  runOvrJob,
  startSecondHalf,
  type OvrJob,
} from '../../src/stats/ovr-parallel.js';
import { helperJobs, stopHelper } from '../../src/parallel/helper.js';
import { Rng } from '../../src/stats/rng.js';

/** n rows of k-class probabilities (6 decimals, many ties) in shared or ordinary memory. */
function run(n: number, k: number, shared: boolean, seed = 7) {
  const rng = new Rng(seed);
  const y = new Int32Array(n);
  const block = shared ? new Float64Array(new SharedArrayBuffer(8 * n * k)) : new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    y[i] = Math.floor(rng.random() * k);
    let s = 0;
    for (let c = 0; c < k; c++) s += block[i * k + c] = Math.exp((c === y[i] ? 1.2 : 0) + rng.normal());
    for (let c = 0; c < k; c++) block[i * k + c] = Math.round((block[i * k + c] / s) * 1e6) / 1e6;
  }
  return { y, block };
}

function withThreads<T>(t: string, f: () => T): T {
  const old = process.env.EVALGATE_THREADS;
  process.env.EVALGATE_THREADS = t;
  try {
    return f();
  } finally {
    if (old === undefined) delete process.env.EVALGATE_THREADS;
    else process.env.EVALGATE_THREADS = old;
  }
}

// The path at a test's size: 60,000 rows instead of the production minimum.
const productionMin = ovrParallel.minRows;
beforeAll(() => {
  ovrParallel.minRows = 50_000;
});
afterAll(async () => {
  ovrParallel.minRows = productionMin;
  await stopHelper();
});

describe('one-vs-rest DeLong on two threads', () => {
  const n = 53_001;
  const k = 7;
  const shared = run(n, k, true);

  it('the helper computes the second half exactly as this thread would', () => {
    const input = ovrInput(shared.y, shared.block, k);
    const classes = [4, 5, 6];
    const weights = [1 / 7, 1 / 7, 1 / 7];
    const started = withThreads('2', () => startSecondHalf(input, classes, weights));
    expect(started).toBeDefined(); // shared block, enough rows, threads allowed: the helper takes it
    const got = started!.finish();
    expect(got).toBeDefined();
    const psi = new Float64Array(n);
    const results = new Float64Array(9);
    const whole = ovrPasses(input, classes, weights, psi, results);
    expect(got!.whole).toBe(whole);
    expect(Array.from(got!.results)).toEqual(Array.from(results));
    expect(Array.from(got!.psi)).toEqual(Array.from(psi));
  }, 60_000);

  it('gives the same AUCs and ψ̄, bit for bit, with and without the helper, and in ordinary memory', () => {
    const jobs = helperJobs.count;
    const two = withThreads('2', () => ovrInfluence(ovrInput(shared.y, shared.block, k)));
    expect(helperJobs.count).toBe(jobs + 1);
    const one = withThreads('1', () => ovrInfluence(ovrInput(shared.y, shared.block, k)));
    const plain = ovrInfluence(ovrInput(shared.y, Float64Array.from(shared.block), k));
    for (const r of [one, plain]) {
      expect(r.auc).toBe(two.auc);
      expect(r.perClass).toEqual(two.perClass);
      expect(Array.from(r.psiBar!)).toEqual(Array.from(two.psiBar!));
    }
    const weighted2 = withThreads('2', () => ovrInfluence(ovrInput(shared.y, shared.block, k), 'weighted'));
    const weighted1 = withThreads('1', () => ovrInfluence(ovrInput(shared.y, shared.block, k), 'weighted'));
    expect(weighted2.auc).toBe(weighted1.auc);
    expect(Array.from(weighted2.psiBar!)).toEqual(Array.from(weighted1.psiBar!));
  }, 60_000);

  it('the variance is still wᵀΣw of the joint covariance', () => {
    const { classes, cov } = ovrCovariance(ovrInput(shared.y, shared.block, k));
    const P = classes.length;
    let wsw = 0;
    for (let a = 0; a < P; a++) for (let b = 0; b < P; b++) wsw += cov[a * P + b] / (P * P);
    const v = withThreads('2', () => delongOvr(ovrInput(shared.y, shared.block, k)).variance);
    expect(Math.abs(v - wsw) / wsw).toBeLessThan(1e-12);
  }, 60_000);

  it('the metric hook overlaps the helper only when it has taken a half; the value is the same either way', () => {
    const y = shared.y;
    const jobs = helperJobs.count;
    const started = withThreads('2', () => ovrAucWithVariance(y, shared.block, k, n));
    // A function while the helper works (the caller computes other metrics meanwhile)...
    expect(typeof started).toBe('function');
    expect(helperJobs.count).toBe(jobs + 1);
    const two = (started as () => { value: number })();
    const twoVariance = cachedOvr(y, shared.block, n)!.variance;
    // ...the value itself on one thread, so that the pass's scratch is gone before the next metrics.
    const one = withThreads('1', () => ovrAucWithVariance(y, shared.block, k, n));
    expect(typeof one).toBe('object');
    expect(one).toEqual(two);
    expect(cachedOvr(y, shared.block, n)!.variance).toBe(twoVariance);
    expect(twoVariance).toBe(withThreads('1', () => delongOvr(ovrInput(y, shared.block, k)).variance));
  }, 60_000);

  it('splits only inside the row range, and not for ordinary memory or one thread', () => {
    expect(halvesPay(ovrParallel.minRows - 1)).toBe(false);
    expect(halvesPay(ovrParallel.minRows)).toBe(true);
    expect(halvesPay(ovrParallel.maxRows + 1)).toBe(false);
    expect(productionMin).toBe(250_000);
    const input = ovrInput(shared.y, Float64Array.from(shared.block), k);
    expect(withThreads('2', () => startSecondHalf(input, [6], [0.5]))).toBeUndefined();
    const sharedInput = ovrInput(shared.y, shared.block, k);
    expect(withThreads('1', () => startSecondHalf(sharedInput, [6], [0.5]))).toBeUndefined();
  });

  it('a job that fails says so through its flag (the caller then computes the half itself)', () => {
    const done = new Int32Array(new SharedArrayBuffer(4));
    const job = {
      type: 'ovr',
      id: 0,
      block: null,
      label: new Int32Array(4),
      n: 4,
      k: 2,
      classes: [0],
      weights: [1],
      psi: new Float64Array(4),
      results: new Float64Array(3),
      done,
    } as unknown as OvrJob;
    expect(() => runOvrJob(job)).toThrow();
    expect(Atomics.load(done, 0)).toBe(2);
  });
});
