import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Loads a reference file written by scripts/gen-scipy-fixtures.py. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fixture(name: string): any {
  return JSON.parse(readFileSync(new URL(`../fixtures/scipy/${name}`, import.meta.url), 'utf8'));
}

/** |actual − expected| ≤ rel·|expected| (or ≤ abs for expected values at/near 0). */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null,
  rel = 1e-9,
  abs = 1e-300,
): void {
  if (expected === null) {
    expect(actual === null || actual === undefined || Number.isNaN(actual)).toBe(true);
    return;
  }
  expect(typeof actual).toBe('number');
  const a = actual as number;
  const tol = Math.max(abs, rel * Math.abs(expected));
  if (!(Math.abs(a - expected) <= tol)) {
    throw new Error(
      `expected ${a} to be within ${tol} of ${expected} (rel diff ${Math.abs(a - expected) / Math.abs(expected)})`,
    );
  }
}
