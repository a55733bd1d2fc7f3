/** Synthetic eval runs for the statistics tests (deterministic). */
import { buildDataset, type Dataset, type MetricOptions } from '../../src/metrics/index.js';
import { Rng } from '../../src/stats/index.js';
import type { ExampleRecord } from '../../src/types.js';

export const BINARY: MetricOptions = { task: 'binary' };

export interface BinarySpec {
  n: number;
  seed: number;
  /** Noise of this run's logits around the shared per-example signal. */
  noise?: number;
  /** Shift of the logits towards the wrong class (a worse model). */
  worse?: number;
  idOffset?: number;
  cluster?: (i: number) => string;
  numeric?: boolean;
}

/**
 * Binary run: per-example label and signal drawn from `seed` (shared by every run with that seed), this
 * run's own noise from `seed + 1000·noiseSeed`.
 */
export function binaryRecords(spec: BinarySpec, noiseSeed: number): ExampleRecord[] {
  const shared = new Rng(spec.seed);
  const own = new Rng(spec.seed * 7919 + noiseSeed);
  const out: ExampleRecord[] = [];
  for (let i = 0; i < spec.n; i++) {
    const y = shared.random() < 0.4 ? 1 : 0;
    const signal = (y ? 1 : -1) * 1.3 + shared.normal();
    const latency = 80 + 20 * shared.random();
    const z = signal + (spec.noise ?? 0.4) * own.normal() - (spec.worse ?? 0) * (y ? 1 : -1);
    const p = 1 / (1 + Math.exp(-z));
    const rec: ExampleRecord = {
      id: String(i + (spec.idOffset ?? 0)),
      label: y,
      prediction: p >= 0.5 ? 1 : 0,
      probabilities: p,
      slices: {},
      numeric: spec.numeric === false ? {} : { latency_ms: Math.round(latency + 5 * own.normal()) },
      source: { file: 'synthetic.jsonl', line: i + 1 },
    };
    if (spec.cluster) rec.cluster = spec.cluster(i);
    out.push(rec);
  }
  return out;
}

export function binaryDataset(spec: BinarySpec, noiseSeed: number): Dataset {
  return buildDataset(binaryRecords(spec, noiseSeed), BINARY);
}

/** Regression run with per-example absolute errors. */
export function regressionDataset(n: number, seed: number, noiseSeed: number, scale = 1): Dataset {
  const shared = new Rng(seed);
  const own = new Rng(seed * 31 + noiseSeed);
  const recs: ExampleRecord[] = [];
  for (let i = 0; i < n; i++) {
    const y = 10 + 3 * shared.normal();
    recs.push({
      id: `r${i}`,
      label: y + 0.25,
      prediction: y + scale * own.normal() + 0.5,
      slices: {},
      numeric: {},
      source: { file: 'reg.jsonl', line: i + 1 },
    });
  }
  return buildDataset(recs, { task: 'regression' });
}
