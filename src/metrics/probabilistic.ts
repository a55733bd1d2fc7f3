/**
 * Metrics of predicted probabilities: binary ROC AUC, average precision, log loss, Brier score and ECE;
 * multiclass one-vs-rest AUC, log loss and top-k accuracy — matching scikit-learn 1.2.
 */

import { sortFloat64 } from './radix-sort.js';

/** sklearn 1.2 `log_loss(eps="auto")`: the float64 machine epsilon. */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

/** Number of equal-width bins of `ece`. */
export const ECE_BINS = 15;

/** Result of the one sorted pass over binary scores. */
export interface RankingResult {
  /** ROC AUC (ties count ½); NaN when only one class is present. */
  auc: number;
  /** Average precision (sklearn: no interpolation; 0 when there are no positives). */
  ap: number;
  positives: number;
  negatives: number;
}

/**
 * ROC AUC and average precision from one sort of the scores. Positives' and negatives' scores are sorted
 * separately (native typed-array sort) and merged from the top, one group per distinct score: this is
 * sklearn's `_binary_clf_curve`, and the AUC is its trapezoid over collapsed thresholds.
 */
export function rankingMetrics(isPos: ArrayLike<number>, score: ArrayLike<number>, n: number): RankingResult {
  let P = 0;
  for (let i = 0; i < n; i++) P += isPos[i];
  const N = n - P;
  const pos = new Float64Array(P);
  const neg = new Float64Array(N);
  let a = 0;
  let b = 0;
  for (let i = 0; i < n; i++) {
    if (isPos[i]) pos[a++] = score[i];
    else neg[b++] = score[i];
  }
  sortFloat64(pos);
  sortFloat64(neg);
  let i = P - 1;
  let j = N - 1;
  let tp = 0;
  let fp = 0;
  // 2 × area in count units: exact integers while below 2^53.
  let area2 = 0;
  let ap = 0;
  let prevRecall = 0;
  while (i >= 0 || j >= 0) {
    const v = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] > neg[j] ? pos[i] : neg[j];
    let tpGroup = 0;
    let fpGroup = 0;
    while (i >= 0 && pos[i] === v) {
      tpGroup++;
      i--;
    }
    while (j >= 0 && neg[j] === v) {
      fpGroup++;
      j--;
    }
    area2 += fpGroup * (2 * tp + tpGroup);
    tp += tpGroup;
    fp += fpGroup;
    if (P > 0) {
      const recall = tp / P;
      ap += (recall - prevRecall) * (tp / (tp + fp));
      prevRecall = recall;
    }
  }
  const auc = P === 0 || N === 0 ? NaN : area2 / (2 * P * N);
  return { auc, ap: P === 0 ? 0 : ap, positives: P, negatives: N };
}

/**
 * Per-example binary log loss, sklearn 1.2: clip p to [eps, 1−eps], form [1−p, p], renormalise the row,
 * take −log of the true class's entry.
 */
export function binaryLogLoss(isPos: ArrayLike<number>, score: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let p = score[i];
    if (p < LOG_LOSS_EPS) p = LOG_LOSS_EPS;
    else if (p > 1 - LOG_LOSS_EPS) p = 1 - LOG_LOSS_EPS;
    const q = 1 - p;
    const sum = q + p;
    out[i] = -Math.log((isPos[i] ? p : q) / sum);
  }
  return out;
}

/** Per-example squared error of the positive-class probability (Brier). */
export function binaryBrier(isPos: ArrayLike<number>, score: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = isPos[i] - score[i];
    out[i] = d * d;
  }
  return out;
}

/**
 * Expected calibration error of the positive-class probability: 15 equal-width bins, bin
 * min(⌊15·p⌋, 14) (so p = 1 falls in the last bin), Σ_bins |mean(y) − mean(p)| · n_bin / n.
 */
export function expectedCalibrationError(
  isPos: ArrayLike<number>,
  score: ArrayLike<number>,
  n: number,
): number {
  const count = new Float64Array(ECE_BINS);
  const sumY = new Float64Array(ECE_BINS);
  const sumP = new Float64Array(ECE_BINS);
  for (let i = 0; i < n; i++) {
    const p = score[i];
    let bin = Math.floor(p * ECE_BINS);
    if (bin > ECE_BINS - 1) bin = ECE_BINS - 1;
    count[bin]++;
    sumY[bin] += isPos[i];
    sumP[bin] += p;
  }
  let ece = 0;
  for (let b = 0; b < ECE_BINS; b++) {
    const c = count[b];
    if (c === 0) continue;
    ece += (Math.abs(sumY[b] / c - sumP[b] / c) * c) / n;
  }
  return ece;
}

/**
 * Per-example multiclass log loss, sklearn 1.2 with `labels` = all classes: clip every probability to
 * [eps, 1−eps], renormalise the row, −log of the true class's entry. `buffer` (length n) is written
 * instead of a new array when given.
 */
export function multiclassLogLoss(
  yTrue: Int32Array,
  proba: Float64Array,
  k: number,
  n: number,
  buffer?: Float64Array,
): Float64Array {
  const out = buffer && buffer.length === n ? buffer : new Float64Array(n);
  const hi = 1 - LOG_LOSS_EPS;
  for (let i = 0; i < n; i++) {
    const row = i * k;
    let sum = 0;
    for (let c = 0; c < k; c++) {
      const p = proba[row + c];
      sum += p < LOG_LOSS_EPS ? LOG_LOSS_EPS : p > hi ? hi : p;
    }
    const pt = proba[row + yTrue[i]];
    const clipped = pt < LOG_LOSS_EPS ? LOG_LOSS_EPS : pt > hi ? hi : pt;
    out[i] = -Math.log(clipped / sum);
  }
  return out;
}

/**
 * Macro one-vs-rest ROC AUC over the classes that have true examples (a class without true examples has
 * no OvR AUC; sklearn raises in that case). NaN when fewer than two classes have true examples.
 */
export function ovrAuc(
  yTrue: Int32Array,
  proba: Float64Array,
  k: number,
  n: number,
): { value: number; classes: number } {
  const support = new Float64Array(k);
  for (let i = 0; i < n; i++) support[yTrue[i]]++;
  let present = 0;
  for (let c = 0; c < k; c++) if (support[c] > 0) present++;
  if (present < 2) return { value: NaN, classes: present };
  const isPos = new Uint8Array(n);
  const col = new Float64Array(n);
  let sum = 0;
  for (let c = 0; c < k; c++) {
    if (support[c] === 0) continue;
    for (let i = 0; i < n; i++) {
      isPos[i] = yTrue[i] === c ? 1 : 0;
      col[i] = proba[i * k + c];
    }
    sum += rankingMetrics(isPos, col, n).auc;
  }
  return { value: sum / present, classes: present };
}

/**
 * Per-example top-k hits with sklearn's tie rule (`argsort(kind="mergesort")[::-1]`: among equal
 * probabilities the class later in class order ranks higher). k ≥ number of classes → every example hits.
 */
export function topKHits(
  yTrue: Int32Array,
  proba: Float64Array,
  k: number,
  n: number,
  topK: number,
  buffer?: Float64Array,
): Float64Array {
  const out = buffer && buffer.length === n ? buffer : new Float64Array(n);
  if (topK >= k) {
    out.fill(1);
    return out;
  }
  for (let i = 0; i < n; i++) {
    const row = i * k;
    const t = yTrue[i];
    const pt = proba[row + t];
    let rank = 0;
    for (let c = 0; c < k; c++) {
      const p = proba[row + c];
      if (p > pt || (p === pt && c > t)) rank++;
    }
    out[i] = rank < topK ? 1 : 0;
  }
  return out;
}
