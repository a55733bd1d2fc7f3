/** Matching the examples of two runs by id, the first step of every paired comparison. */
import type { Dataset } from '../metrics/index.js';
import { IdIndex } from '../metrics/id-index.js';
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
  // The last row of a repeated id wins, as a Map filled in row order gives: a dataset's ids are checked
  // unique, a score or corpus column's are not, so a repeat takes the (rare) Map path.
  const where = new IdIndex(baseIds);
  const lastOf = where.firstDuplicate < 0 ? undefined : lastRows(baseIds);
  const bi: number[] = [];
  const ci: number[] = [];
  for (let j = 0; j < curIds.length; j++) {
    const i = lastOf ? (lastOf.get(curIds[j]) ?? -1) : where.get(curIds[j]);
    if (i >= 0) {
      bi.push(i);
      ci.push(j);
    }
  }
  return { bi, ci };
}

function lastRows(ids: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  ids.forEach((id, i) => m.set(id, i));
  return m;
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
