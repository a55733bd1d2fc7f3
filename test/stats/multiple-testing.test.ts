import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, holm } from '../../src/stats/index.js';
import { expectClose, fixture } from './helpers.js';

describe('Holm and Benjamini–Hochberg adjusted p-values', () => {
  it('match direct reference implementations', () => {
    for (const c of fixture('multiple-testing.json').cases) {
      holm(c.p).forEach((v, i) => expectClose(v, c.holm[i], 1e-14, 1e-300));
      benjaminiHochberg(c.p).forEach((v, i) => expectClose(v, c.bh[i], 1e-14, 1e-300));
    }
  });

  it('textbook: Benjamini & Hochberg (1995) 15 p-values — BH rejects 4 at 0.05, Holm rejects 3', () => {
    const p = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
      0.759, 1,
    ];
    const bh = benjaminiHochberg(p) as number[];
    const hm = holm(p) as number[];
    expect(bh.filter((q) => q <= 0.05).length).toBe(4);
    expect(hm.filter((q) => q <= 0.05).length).toBe(3);
    expectClose(hm[0], 0.0015, 1e-12);
    expectClose(hm[1], 0.0056, 1e-12);
    expectClose(hm[2], 0.0247, 1e-12);
    expectClose(bh[3], (0.0095 * 15) / 4, 1e-12);
  });

  it('Holm on a small example: p = (0.01, 0.04, 0.03, 0.005) → (0.03, 0.06, 0.06, 0.02)', () => {
    const adj = holm([0.01, 0.04, 0.03, 0.005]) as number[];
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expectClose(adj[i], v, 1e-12));
  });

  it('are monotone in the raw p-values and capped at 1', () => {
    const p = [0.9, 0.5, 0.01, 0.02, 0.6, 0.99];
    for (const adj of [holm(p) as number[], benjaminiHochberg(p) as number[]]) {
      const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b]);
      for (let r = 1; r < order.length; r++) expect(adj[order[r]]).toBeGreaterThanOrEqual(adj[order[r - 1]]);
      for (let i = 0; i < p.length; i++) {
        expect(adj[i]).toBeLessThanOrEqual(1);
        expect(adj[i]).toBeGreaterThanOrEqual(p[i]);
      }
    }
  });

  it('pass nulls through without counting them', () => {
    expect(holm([0.01, null, 0.04])).toEqual([0.02, null, 0.04]);
    expect(benjaminiHochberg([null, 0.01, 0.04])).toEqual([null, 0.02, 0.04]);
    expect(holm([])).toEqual([]);
    expect(holm([null])).toEqual([null]);
  });
});
