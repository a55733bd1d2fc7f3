import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.js';
import { Rng, summarizeReplicates } from '../../src/stats/index.js';
import { bootstrapExamples, POISSON_FROM } from '../../src/stats/example-bootstrap.js';
import { BINARY, binaryDataset } from './data.js';

describe('Rng.poisson', () => {
  it('has mean and variance λ, and P(0) = e^−λ, across small and large λ', () => {
    const rng = new Rng(21);
    const draws = 40_000;
    for (const lambda of [0.5, 1, 3, 29.5, 30, 95]) {
      let sum = 0;
      let sq = 0;
      let zeros = 0;
      let bad = 0;
      for (let i = 0; i < draws; i++) {
        const k = rng.poisson(lambda);
        if (!Number.isInteger(k) || k < 0) bad++;
        sum += k;
        sq += k * k;
        if (k === 0) zeros++;
      }
      expect(bad).toBe(0);
      const mean = sum / draws;
      const variance = sq / draws - mean * mean;
      // 5 standard errors of the sample mean and (roughly) of the sample variance.
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / draws));
      expect(Math.abs(variance - lambda)).toBeLessThan(5 * lambda * Math.sqrt(2 / draws) + 0.02);
      const p0 = Math.exp(-lambda);
      expect(Math.abs(zeros / draws - p0)).toBeLessThan(5 * Math.sqrt((p0 * (1 - p0)) / draws) + 1e-4);
    }
  });
});

describe('Poisson bootstrap of the cell-count metrics (n ≥ POISSON_FROM)', () => {
  it('is the default from a million examples', () => {
    expect(POISSON_FROM).toBe(1_000_000);
  });

  it('gives the standard errors of the multinomial bootstrap for AP and ECE', () => {
    const names = ['average_precision', 'ece'];
    const n = 100_000;
    const ds = binaryDataset({ n, seed: 31 }, 3);
    const points = computeMetrics(ds, BINARY);
    const B = 400;
    // The same data both ways: the threshold lowered to n (Poisson), raised above it (multinomial).
    const poisson = bootstrapExamples(ds, names, BINARY, B, new Rng(5), points, n);
    const multinomial = bootstrapExamples(ds, names, BINARY, B, new Rng(6), points, n + 1);
    for (const name of names) {
      const p = summarizeReplicates(poisson[name]);
      const m = summarizeReplicates(multinomial[name]);
      expect(p.se).toBeGreaterThan(0);
      // Each SE estimate from 400 replicates is within ~3.5% of its target (1/√(2B)): 15% is > 3 SDs
      // of their difference. A wrong resampling scheme (e.g. no resampling, or cells counted once)
      // misses by far more.
      expect(Math.abs(p.se! / m.se! - 1)).toBeLessThan(0.15);
      // Centred on the point value, as a bootstrap distribution should be.
      const mean = poisson[name].reduce((s, x) => s + x, 0) / B;
      expect(Math.abs(mean - points[name].value!)).toBeLessThan(0.5 * p.se!);
    }
  });
});

describe('Rng.poisson1 (table inversion)', () => {
  it('has the Poisson(1) probabilities of 0, 1, 2 and ≥ 3', () => {
    const rng = new Rng(22);
    const draws = 200_000;
    const seen = [0, 0, 0, 0];
    for (let i = 0; i < draws; i++) seen[Math.min(3, rng.poisson1())]++;
    const e = Math.exp(-1);
    const want = [e, e, e / 2, 1 - 2.5 * e];
    want.forEach((p, k) =>
      expect(Math.abs(seen[k] / draws - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / draws)),
    );
  });
});
