/**
 * The second half of a one-vs-rest DeLong pass on the helper thread (parallel/helper.ts): the classes'
 * passes are independent, so with the probability block and labels in shared memory the helper sorts
 * and places the second half of the classes while this thread does the first (~0.45 s of ~0.9 s at 10⁶
 * rows × 10 classes; docs/performance.md). The caller stays synchronous: it waits on a shared flag
 * after finishing its own half. Without a helper, a block in ordinary memory or a small run, the caller
 * computes both halves itself and gets the same doubles (delong-ovr.ts sums the halves either way).
 */
import { getHelper, waitSync } from '../parallel/helper.js';
import { ovrPasses, type OvrInput } from './ovr-passes.js';

/**
 * Rows of a pass split between the threads. Not below 250,000: measured no faster at 100k–300k rows
 * (posting, waiting and the helper's start cost about what half the work saves). Not above 4,000,000: the
 * helper's working memory (~33 bytes per row: its sort scratch, the labels' copy and its half of ψ̄)
 * would take 10⁷ rows past 2 GiB. Tests lower `minRows`.
 */
export const ovrParallel = { minRows: 250_000, maxRows: 4_000_000 };

/** Whether a pass over `n` rows is split in two halves of the classes (see delong-ovr.ts). */
export function halvesPay(n: number): boolean {
  return n >= ovrParallel.minRows && n <= ovrParallel.maxRows;
}

/** The helper's job: classes `classes` of the block, results into the shared arrays. */
export interface OvrJob {
  type: 'ovr';
  id: number;
  block: Float64Array;
  label: Int32Array;
  n: number;
  k: number;
  classes: number[];
  weights: number[];
  psi: Float64Array;
  results: Float64Array;
  /** 0 running, 1 done, 3 done with a class too small for ψ, 2 failed. */
  done: Int32Array;
}

/** A half's results (see `ovrPasses`). */
export interface HalfResult {
  psi: Float64Array;
  results: Float64Array;
  whole: boolean;
}

function sharedF64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * Math.max(1, n)));
}

/**
 * Starts `classes` of `input` on the helper thread when that pays; `finish()` waits for them and gives
 * undefined if the helper failed (the caller then computes them itself).
 */
export function startSecondHalf(
  input: OvrInput,
  classes: number[],
  weights: number[],
): { finish(): HalfResult | undefined } | undefined {
  const { n, k, block } = input;
  if (classes.length === 0 || !halvesPay(n) || !block) return undefined;
  if (!(block.buffer instanceof SharedArrayBuffer)) return undefined;
  const helper = getHelper();
  if (!helper) return undefined;
  const label = new Int32Array(new SharedArrayBuffer(4 * n));
  label.set(input.label.subarray(0, n));
  const psi = sharedF64(n);
  const results = sharedF64(3 * classes.length);
  const done = new Int32Array(new SharedArrayBuffer(4));
  const job: OvrJob = { type: 'ovr', id: 0, block, label, n, k, classes, weights, psi, results, done };
  const started = Date.now();
  helper.post(job);
  return {
    finish() {
      // The helper's half takes about as long as ours; far longer means it is gone.
      const state = waitSync(done, Math.max(30_000, 20 * (Date.now() - started)));
      if (state !== 1 && state !== 3) return undefined;
      return { psi, results, whole: state === 1 };
    },
  };
}

/** Runs an `OvrJob` (on the helper thread) and signals its end through `job.done`. */
export function runOvrJob(job: OvrJob): void {
  let state = 2;
  try {
    const input: OvrInput = {
      n: job.n,
      k: job.k,
      label: job.label,
      block: job.block,
      score() {
        throw new Error('ovr job reads the block');
      },
    };
    state = ovrPasses(input, job.classes, job.weights, job.psi, job.results) ? 1 : 3;
  } finally {
    Atomics.store(job.done, 0, state);
    Atomics.notify(job.done, 0);
  }
}
