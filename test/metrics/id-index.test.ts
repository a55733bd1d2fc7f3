import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex, idsUnique } from '../../src/metrics/id-index.js';

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

describe('idsUnique (the duplicate check of every run)', () => {
  it('agrees with a Set on arbitrary ids, sorted or not, whatever the key function', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }), fc.boolean(), (raw, sort) => {
        const ids = sort ? [...raw].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)) : raw;
        const expected = new Set(ids).size === ids.length;
        expect(idsUnique(ids)).toBe(expected);
        // Every key equal: only the string comparison decides.
        expect(idsUnique(ids, () => 7)).toBe(expected);
        expect(idsUnique(ids, (s) => s.length)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('takes ordered counters and integers as distinct, and finds a repeat among 300,000 shuffled ids', () => {
    const counters = Array.from({ length: 300_000 }, (_, i) => `ex-${String(i).padStart(8, '0')}`);
    expect(idsUnique(counters)).toBe(true);
    expect(idsUnique(Array.from({ length: 300_000 }, (_, i) => String(i)))).toBe(true);
    // Equal neighbours are not increasing: the ordered scan must not pass them.
    expect(idsUnique(['a', 'b', 'b', 'c'])).toBe(false);
    const shuffled = counters.map((_, i) => counters[(i * 7919) % counters.length]);
    expect(new Set(shuffled).size).toBe(shuffled.length);
    expect(idsUnique(shuffled)).toBe(true);
    shuffled[299_990] = shuffled[3];
    expect(idsUnique(shuffled)).toBe(false);
    // Above 4,096 keys the radix sort runs; a constant key there still compares strings.
    expect(idsUnique(counters.slice(0, 10_000).reverse(), () => 1)).toBe(true);
  });
});
