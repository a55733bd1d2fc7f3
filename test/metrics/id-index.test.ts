import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../src/metrics/id-index.js';

/** The reference: a Map of first rows, and the first row whose id came before. */
function reference(ids: string[]): { first: Map<string, number>; dup: number } {
  const first = new Map<string, number>();
  let dup = -1;
  ids.forEach((id, i) => {
    if (first.has(id)) {
      if (dup < 0) dup = i;
    } else first.set(id, i);
  });
  return { first, dup };
}

describe('IdIndex (open-addressing id → row)', () => {
  it('agrees with a Map on arbitrary ids: first rows, absent ids, the first duplicate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 4 }), { maxLength: 300 }),
        fc.array(fc.string()),
        (ids, probes) => {
          const idx = new IdIndex(ids);
          const ref = reference(ids);
          expect(idx.firstDuplicate).toBe(ref.dup);
          for (const id of [...ids, ...probes]) expect(idx.get(id)).toBe(ref.first.get(id) ?? -1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds 200,000 ids (long probe chains, non-ASCII) and finds one repeated at the end', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `São-${i.toString(36)}`);
    const idx = new IdIndex(ids);
    expect(idx.firstDuplicate).toBe(-1);
    expect(idx.get('São-0')).toBe(0);
    expect(idx.get(`São-${(199_999).toString(36)}`)).toBe(199_999);
    expect(idx.get('Sao-0')).toBe(-1);
    expect(new IdIndex([...ids, ids[12_345]]).firstDuplicate).toBe(200_000);
  });
});
