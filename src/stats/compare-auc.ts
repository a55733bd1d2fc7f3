/** Paired DeLong comparisons of binary and macro one-vs-rest ROC AUC with a margin. */
import type { Dataset } from '../metrics/index.js';
import type { Direction, TestResult } from '../types.js';
import { marginResult, type TestSetup } from './compare-result.js';
import { delongPaired, placements } from './delong.js';
import { cachedOvr, delongOvrPaired, type OvrInput } from './delong-ovr.js';
import { Z975 } from './distributions.js';
import { zMarginTest } from './margin.js';
import type { Pairing } from './pairing.js';

/** Paired DeLong test of binary ROC AUC with margin; undefined when a run lacks scores or labels disagree. */
export function compareAuc(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
  name: string,
  setup: TestSetup,
): TestResult | undefined {
  if (base.task === 'multiclass' && cur.task === 'multiclass')
    return compareOvrAuc(base, cur, pairing, name, setup);
  if (base.task !== 'binary' || cur.task !== 'binary') return undefined;
  if (!base.score || !cur.score || !base.yTrue || !cur.yTrue) return undefined;
  if (base.posIndex === undefined || cur.posIndex === undefined) return undefined;
  const direction = setup.direction(name);
  const t = setup.tolerance(name);
  const { baseIdx, curIdx } = pairing;
  const m = baseIdx.length;
  const pos = new Uint8Array(m);
  const sb = new Float64Array(m);
  const sc = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const pb = base.yTrue[baseIdx[j]] === base.posIndex;
    const pc = cur.yTrue[curIdx[j]] === cur.posIndex;
    // Relabelled examples: the two AUCs are on different ground truth, and DeLong's covariance does not
    // apply. Let the caller fall back to the unpaired test.
    if (pb !== pc) return undefined;
    pos[j] = pb ? 1 : 0;
    sb[j] = base.score[baseIdx[j]];
    sc[j] = cur.score[curIdx[j]];
  }
  const a = placements(sb, pos);
  const b = placements(sc, pos);
  if (!(a.m > 0 && a.n > 0)) return undefined;
  const r = delongPaired(a, b);
  return delongResult(r.auc2 - r.auc1, r.varianceOfDifference, direction, t, setup.alpha);
}

/** DeLong z test with margin from the AUC difference and its variance; a variance of 0 is no test. */
function delongResult(delta: number, v: number, direction: Direction, t: number, alpha: number): TestResult {
  const w = direction === 'higher' ? -delta : delta;
  const se = Number.isFinite(v) && v > 0 ? Math.sqrt(v) : 0;
  const mt = zMarginTest(w, se, t, alpha);
  if (mt.p === null)
    mt.reason = `the DeLong variance of the AUC difference is ${Number.isFinite(v) ? '0' : 'undefined'}: no test`;
  return marginResult(
    'delong',
    true,
    mt,
    direction,
    t,
    alpha,
    se > 0 ? [delta - Z975 * se, delta + Z975 * se] : null,
  );
}

/**
 * Paired DeLong test of macro one-vs-rest ROC AUC (`delong-ovr.ts`); undefined when a run lacks
 * probabilities, a pair's true class differs between the runs, or a class present in the labels is not
 * scored by both runs.
 */
function compareOvrAuc(
  base: Dataset,
  cur: Dataset,
  pairing: Pairing,
  name: string,
  setup: TestSetup,
): TestResult | undefined {
  const direction = setup.direction(name);
  if (!base.proba || !cur.proba || !base.yTrue || !cur.yTrue) return undefined;
  const { baseIdx, curIdx } = pairing;
  const m = baseIdx.length;
  const curOf = new Map(cur.classes.map((c, i) => [c, i]));
  // Baseline class index → current class index (−1 when the current run has no such class).
  const toCur = Int32Array.from(base.classes, (c) => curOf.get(c) ?? -1);
  const label = new Int32Array(m);
  for (let j = 0; j < m; j++) {
    const lb = base.yTrue[baseIdx[j]];
    // Relabelled example: the AUCs are on different ground truth (see compareAuc).
    if (toCur[lb] !== cur.yTrue[curIdx[j]]) return undefined;
    label[j] = lb;
  }
  const kb = base.classes.length;
  const kc = cur.classes.length;
  // Every row of both runs paired: each run's per-row influence over all its rows is already known
  // from its error bar's pass (the AUCs are over the same examples), so no class is sorted again.
  const pb = m === base.n ? cachedOvr(base.yTrue, base.proba, base.n) : undefined;
  const pc = m === cur.n ? cachedOvr(cur.yTrue, cur.proba, cur.n) : undefined;
  if (pb?.psiBar && pc?.psiBar && sameClassOrder(base.classes, cur.classes)) {
    let v = 0;
    for (let j = 0; j < m; j++) {
      const d = pc.psiBar[curIdx[j]] - pb.psiBar[baseIdx[j]];
      v += d * d;
    }
    return delongResult(pc.auc - pb.auc, v, direction, setup.tolerance(name), setup.alpha);
  }
  const bp = base.proba;
  const cp = cur.proba;
  const b: OvrInput = {
    n: m,
    k: kb,
    label,
    score: (c, out) => {
      for (let j = 0; j < m; j++) out[j] = bp[baseIdx[j] * kb + c];
    },
  };
  const c: OvrInput = {
    n: m,
    k: kb,
    label,
    score: (cls, out) => {
      const cc = toCur[cls];
      for (let j = 0; j < m; j++) out[j] = cp[curIdx[j] * kc + cc];
    },
  };
  const r = delongOvrPaired(b, c);
  if (!Number.isFinite(r.auc1) || !Number.isFinite(r.auc2)) return undefined;
  return delongResult(r.auc2 - r.auc1, r.varianceOfDifference, direction, setup.tolerance(name), setup.alpha);
}

/** Same class names in the same order: class indices mean the same in both runs. */
function sameClassOrder(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}
