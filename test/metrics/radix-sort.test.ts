import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortFloat64 } from '../../src/metrics/radix-sort.js';
import { Rng } from '../../src/stats/rng.js';

/** Same order as the native typed-array sort, −0 before +0 included. */
function expectNativeOrder(values: Float64Array): void {
  const want = Float64Array.from(values).sort();
  const got = sortFloat64(Float64Array.from(values));
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++)
    if (!Object.is(got[i], want[i])) expect([i, got[i]]).toEqual([i, want[i]]);
}

describe('sortFloat64 (radix on the bit patterns)', () => {
  it('matches the native sort on large arrays: probabilities, signed values, ties, ±0 and ±Infinity', () => {
    const rng = new Rng(5);
    const n = 20_000;
    const gens: (() => number)[] = [
      () => Math.round(rng.random() * 1e6) / 1e6,
      () => rng.normal() * 1e3,
      () => [0, -0, 0.5, -0.5, Infinity, -Infinity][Math.floor(rng.random() * 6)],
      () => (rng.random() < 0.5 ? -1 : 1) * Math.exp(rng.normal() * 300),
      () => 1e-300 * rng.random(),
    ];
    for (const g of gens) expectNativeOrder(Float64Array.from({ length: n }, g));
  });

  it('matches the native sort on arbitrary doubles, around the radix threshold', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 4000, maxLength: 4200 }), (xs) =>
        expectNativeOrder(Float64Array.from(xs)),
      ),
      { numRuns: 30 },
    );
  });

  it('sorts a subarray view in place without touching its neighbours', () => {
    const buf = new Float64Array(10_002).map((_, i) => (i * 7919) % 10_007);
    const view = buf.subarray(1, 10_001);
    const want = Float64Array.from(view).sort();
    sortFloat64(view);
    expect(Array.from(view)).toEqual(Array.from(want));
    expect(buf[0]).toBe(0);
    expect(buf[10_001]).toBe((10_001 * 7919) % 10_007);
  });
});
