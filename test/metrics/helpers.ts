import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MetricOptions } from '../../src/metrics/index.js';
import type { ExampleRecord, Task } from '../../src/types.js';

/** One record as a reader would hand it over (file data.jsonl, 1-based line). */
export function rec(
  line: number,
  label: unknown,
  prediction: unknown,
  extra: Partial<ExampleRecord> = {},
): ExampleRecord {
  return {
    id: `ex${line}`,
    label,
    prediction,
    slices: {},
    numeric: {},
    source: { file: 'data.jsonl', line },
    ...extra,
  };
}

/** Records from parallel label/prediction lists (lines 1..n). */
export function recs(labels: unknown[], preds: unknown[], probas?: unknown[]): ExampleRecord[] {
  return labels.map((l, i) => rec(i + 1, l, preds[i], probas ? { probabilities: probas[i] } : {}));
}

export interface Fixture {
  name: string;
  task: Task;
  options: MetricOptions;
  records: ExampleRecord[];
  expected: Record<string, number | null>;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sklearn');

/** The committed sklearn parity fixtures (scripts/gen-sklearn-fixtures.py). */
export function loadFixtures(): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);
}

/** 1e-9 relative, 1e-12 absolute near zero. */
export function close(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  const diff = Math.abs(actual - expected);
  return diff <= 1e-12 || diff <= 1e-9 * Math.abs(expected);
}
