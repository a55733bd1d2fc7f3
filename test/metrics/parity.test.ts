/**
 * scikit-learn parity: every fixture in test/fixtures/sklearn (written by scripts/gen-sklearn-fixtures.py
 * with sklearn 1.2.1) must produce exactly the expected metric names, each value within 1e-9 relative
 * (1e-12 absolute near zero), and null exactly where sklearn is undefined.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset, computeMetrics } from '../../src/metrics/index.js';
import { close, loadFixtures } from './helpers.js';

const fixtures = loadFixtures();

describe('sklearn parity fixtures', () => {
  it('has at least 5 fixtures per task', () => {
    const counts: Record<string, number> = {};
    for (const f of fixtures) counts[f.task] = (counts[f.task] ?? 0) + 1;
    for (const task of ['binary', 'multiclass', 'multilabel', 'regression', 'generation']) {
      expect(counts[task] ?? 0, task).toBeGreaterThanOrEqual(5);
    }
  });

  for (const fx of fixtures) {
    it(fx.name, () => {
      const ds = buildDataset(fx.records, fx.options);
      expect(ds.task).toBe(fx.task);
      expect(ds.n).toBe(fx.records.length);
      const got = computeMetrics(ds, fx.options);
      // Same metric names both ways: a missing or an extra metric fails.
      expect(Object.keys(got).sort()).toEqual(Object.keys(fx.expected).sort());
      const mismatches: string[] = [];
      for (const [name, want] of Object.entries(fx.expected)) {
        const m = got[name];
        if (want === null) {
          if (m.value !== null || !m.undefined)
            mismatches.push(`${name}: expected undefined, got ${m.value}`);
        } else if (m.value === null || !close(m.value, want)) {
          mismatches.push(
            `${name}: expected ${want}, got ${m.value}${m.undefined ? ` (${m.undefined})` : ''}`,
          );
        }
        if (m.value !== null) expect(Number.isFinite(m.value), name).toBe(true);
      }
      expect(mismatches).toEqual([]);
    });
  }
});
