import { describe, expect, it } from 'vitest';
import { buildDataset, computeMetrics } from '../../src/metrics/index.js';
import { quantileOrderInterval, Rng, withErrorBars } from '../../src/stats/index.js';
import type { ExampleRecord } from '../../src/types.js';

describe('order-statistic interval of a percentile', () => {
  it('covers the population p95 of an exponential about 95% of the time (n = 2000, 400 samples)', () => {
    const rng = new Rng(7);
    const truth = -Math.log(0.05); // p95 of Exp(1)
    let covered = 0;
    const reps = 400;
    for (let r = 0; r < reps; r++) {
      const x = new Float64Array(2000);
      for (let i = 0; i < x.length; i++) x[i] = -Math.log(1 - rng.random());
      x.sort();
      const iv = quantileOrderInterval(x, 0.95)!;
      if (iv.ci[0] <= truth && truth <= iv.ci[1]) covered++;
    }
    // Binomial(400, 0.95) has sd ≈ 1.1%: 91–99% is a loose 3.5-sigma band.
    expect(covered / reps).toBeGreaterThan(0.91);
    expect(covered / reps).toBeLessThan(0.99);
  });

  it('withErrorBars uses it from 1,000 examples on; the interval brackets the value', () => {
    const rng = new Rng(3);
    const records: ExampleRecord[] = [];
    for (let i = 0; i < 3000; i++) {
      records.push({
        id: `e${i}`,
        label: i % 2,
        prediction: i % 3 ? 1 : 0,
        slices: {},
        numeric: { latency_ms: 40 + 20 * rng.random() },
        source: { file: 'x', line: i + 1 },
      });
    }
    const opts = { task: 'auto' as const };
    const ds = buildDataset(records, opts);
    const out = withErrorBars(ds, computeMetrics(ds, opts), { metric: opts, bootstrap: 200 });
    for (const name of ['latency_ms_p50', 'latency_ms_p95']) {
      const m = out[name];
      expect(m.method).toBe('order-statistic');
      expect(m.ci![0]).toBeLessThanOrEqual(m.value!);
      expect(m.ci![1]).toBeGreaterThanOrEqual(m.value!);
      expect(m.stderr!).toBeGreaterThan(0);
    }
  });
});
