import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/config/load.js';
import { computeResult } from '../src/pipeline.js';
import type { ExampleRecord } from '../src/types.js';

describe('pipeline', () => {
  it('pools 300,000 records from one file without overflowing the call stack', () => {
    const records: ExampleRecord[] = [];
    for (let i = 0; i < 300_000; i++) {
      records.push({
        id: `e${i}`,
        label: i % 2,
        prediction: i % 3 === 0 ? 1 : 0,
        slices: {},
        numeric: {},
        source: { file: 'big.jsonl', line: i + 1 },
      });
    }
    const config = { ...defaultConfig(), bootstrap: 200 };
    const { result } = computeResult(
      [{ kind: 'records', file: 'big.jsonl', format: 'jsonl', records }],
      config,
    );
    expect(result.n).toBe(300_000);
    expect(result.task).toBe('binary');
    expect(result.examples?.ids).toHaveLength(300_000);
  });

  it('a metric given by two files is an error naming both', () => {
    const m = (file: string) => ({
      kind: 'metrics' as const,
      file,
      format: 'metric-map',
      metrics: { acc: { value: 0.5, n: null } },
      directions: {},
    });
    expect(() => computeResult([m('a.json'), m('b.json')], defaultConfig())).toThrow(
      'b.json field "acc": metric "acc" is also defined in a.json',
    );
  });
});
