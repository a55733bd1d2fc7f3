/** Matching the examples of two runs by id, the first step of every paired comparison. */
import type { Dataset } from '../metrics/index.js';
import type { PairingInfo } from '../types.js';

/** Examples of two runs matched by id: row `baseIdx[j]` of the baseline is row `curIdx[j]` of current. */
export interface Pairing {
  info: PairingInfo;
  baseIdx: Int32Array;
  curIdx: Int32Array;
}

/**
 * The ids both lists hold, in the current list's order: `baseIds[bi[j]] === curIds[ci[j]]`. Also the
 * pairing of score and corpus columns (scores.ts, corpus-test.ts).
 */
export function matchIds(
  baseIds: readonly string[],
  curIds: readonly string[],
): { bi: number[]; ci: number[] } {
  const where = new Map<string, number>();
  baseIds.forEach((id, i) => where.set(id, i));
  const bi: number[] = [];
  const ci: number[] = [];
  curIds.forEach((id, j) => {
    const i = where.get(id);
    if (i !== undefined) {
      bi.push(i);
      ci.push(j);
    }
  });
  return { bi, ci };
}

function positiveName(ds: Dataset): string | undefined {
  return ds.posIndex === undefined ? undefined : ds.classes[ds.posIndex];
}

/**
 * Pairs the examples of two runs on the intersection of their ids, in the current run's order.
 * `info.paired` is true when the overlap is non-empty and the runs are comparable (same task; for binary
 * tasks, the same positive class). Callers should warn when `overlap_ratio` < 0.95.
 */
export function pairDatasets(base: Dataset, cur: Dataset): Pairing {
  let baseIdx: Int32Array;
  let curIdx: Int32Array;
  if (sameIdsInOrder(base, cur)) {
    // The usual case (the same eval set, written in the same order): no hash map needed.
    baseIdx = Int32Array.from({ length: cur.n }, (_, i) => i);
    curIdx = baseIdx;
  } else {
    const m = matchIds(base.ids, cur.ids);
    baseIdx = Int32Array.from(m.bi);
    curIdx = Int32Array.from(m.ci);
  }
  const overlap = baseIdx.length;
  const compatible =
    base.task === cur.task && (base.task !== 'binary' || positiveName(base) === positiveName(cur));
  const denom = Math.max(base.n, cur.n);
  return {
    info: {
      paired: overlap > 0 && compatible,
      n_baseline: base.n,
      n_current: cur.n,
      overlap,
      overlap_ratio: denom > 0 ? overlap / denom : 0,
    },
    baseIdx,
    curIdx,
  };
}

function sameIdsInOrder(base: Dataset, cur: Dataset): boolean {
  if (base.n !== cur.n) return false;
  const a = base.ids;
  const b = cur.ids;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
