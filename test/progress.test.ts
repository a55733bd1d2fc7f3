import { describe, expect, it } from 'vitest';
import { formatProgress, throttledProgress } from '../src/progress.js';

describe('progress', () => {
  it('reports at most once a second, the first time one second after the start', () => {
    let now = 0;
    const lines: string[] = [];
    const sink = throttledProgress(
      (l) => lines.push(l),
      1000,
      () => now,
    );
    sink.update({ stage: 'reading a.jsonl', bytes: 1 << 20, totalBytes: 4 << 20, rows: 1000 });
    now = 999;
    sink.update({ stage: 'reading a.jsonl', rows: 2000 });
    expect(lines).toEqual([]);
    now = 1000;
    sink.update({ stage: 'reading a.jsonl', bytes: 2 << 20, totalBytes: 4 << 20, rows: 3000 });
    now = 1500;
    sink.update({ stage: 'reading a.jsonl', rows: 4000 });
    now = 2100;
    sink.update({ stage: 'computing' });
    expect(lines).toEqual(['reading a.jsonl: 2 MiB of 4 MiB (50%), 3,000 rows', 'computing']);
  });

  it('formats bytes without a total (gzip) and rows', () => {
    expect(formatProgress({ stage: 's', bytes: 3 << 20, rows: 1234567 })).toBe('s: 3 MiB, 1,234,567 rows');
  });
});
