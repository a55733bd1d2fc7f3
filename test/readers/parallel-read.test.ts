/**
 * Reading a JSONL file on two threads (readers/columnar/jsonl-stream.ts, column-transfer.ts) gives the
 * columns, and the first error, of one sequential read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendColumns, joinedInPlace, packColumns } from '../../src/readers/columnar/column-transfer.js';
import type { RecordColumns } from '../../src/readers/columnar/columns.js';
import {
  parallelRead,
  readJsonlColumns,
  readJsonlRange,
  tailsTaken,
} from '../../src/readers/columnar/jsonl-stream.js';
import { helperJobs, stopHelper } from '../../src/parallel/helper.js';
import type { RecordMapping } from '../../src/readers/types.js';

const mapping: RecordMapping = {
  fields: { id: 'id', label: 'label', prediction: 'prediction', probabilities: 'probabilities' },
  slices: ['lang'],
  ignoreFields: [],
};
const dir = mkdtempSync(join(tmpdir(), 'evalgate-parallel-'));
let count = 0;
function file(text: string): string {
  const p = join(dir, `f${count++}.jsonl`);
  writeFileSync(p, text);
  return p;
}

/** Everything a read produced, as plain data. */
function snapshot(c: RecordColumns): unknown {
  c.finish();
  return {
    n: c.n,
    ids: c.ids,
    lines: Array.from(c.lines.data.subarray(0, c.n)),
    label: c.label.materialise(),
    labelValues: c.label.generic ? null : c.label.values,
    prediction: c.prediction.materialise(),
    proba: Array.from({ length: c.n }, (_, r) => c.proba.get(r) ?? null),
    probaMode: c.proba.mode,
    keys: c.proba.keys,
    numeric: Object.fromEntries([...c.numeric].map(([k, v]) => [k, Array.from(v.data.subarray(0, c.n))])),
    slices: Object.fromEntries(c.slices),
  };
}

/**
 * Reads `text` sequentially, and as two parts split after line `at` (the second read by
 * `readJsonlRange`, packed, moved through structuredClone with its transfer list, and appended).
 */
async function bothWays(lines: string[], at: number): Promise<[unknown, unknown]> {
  const text = lines.join('\n') + '\n';
  const path = file(text);
  const whole = await readJsonlColumns(path, mapping);
  const head = lines.slice(0, at).join('\n') + '\n';
  const splitByte = Buffer.byteLength(head);
  const firstPath = file(head);
  const first = (await readJsonlColumns(firstPath, mapping))!;
  first.files[0] = path; // the same file, as far as the columns are concerned
  const second = await readJsonlRange(path, mapping, splitByte, Buffer.byteLength(text));
  const [packed, transfer] = packColumns(second.cols, second.lines);
  appendColumns(first, structuredClone(packed, { transfer }), at);
  first.finish();
  return [snapshot(whole!), snapshot(first)];
}

const row = (i: number, extra = '') =>
  `{"id":"r${i}","label":"${'abc'[i % 3]}","prediction":"${'abc'[(i + 1) % 3]}","lang":"en","probabilities":{"a":0.2,"b":0.3,"c":0.5}${extra}}`;

describe('two parts appended = one sequential read', () => {
  it('same shapes on both sides', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => row(i, i % 4 ? '' : `,"latency":${i}`));
    const [a, b] = await bothWays(lines, 17);
    expect(b).toEqual(a);
  });

  it('new labels, reordered and new probability keys, a numeric field only in the second part', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => row(i));
    lines.push(
      '{"id":"x1","label":"zeta","prediction":"a","lang":"de","probabilities":{"c":0.5,"a":0.25,"b":0.25},"tokens":7}',
      '{"id":"x2","label":"a","prediction":"zeta","lang":"fr","probabilities":{"d":0.1,"a":0.9}}',
      '{"id":"x3","label":"b","prediction":"b","lang":"en"}',
    );
    const [a, b] = await bothWays(lines, 10);
    expect(b).toEqual(a);
    expect((b as { keys: string[] }).keys).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a column that only the second part holds generically (list label, list probabilities)', async () => {
    const lines = Array.from({ length: 6 }, (_, i) => row(i));
    lines.push(
      '{"id":"m1","label":["a","b"],"prediction":"a","lang":"en","probabilities":[0.5,0.5]}',
      '{"id":"m2","label":"c","prediction":"c","lang":"en","probabilities":{"a":1}}',
    );
    const [a, b] = await bothWays(lines, 6);
    expect(b).toEqual(a);
    expect((b as { probaMode: string }).probaMode).toBe('generic');
  });

  it('probabilities only in the second part, binary numbers only in the first', async () => {
    const first = Array.from({ length: 4 }, (_, i) => `{"id":"b${i}","label":1,"prediction":0,"lang":"en"}`);
    const second = Array.from(
      { length: 4 },
      (_, i) => `{"id":"c${i}","label":0,"prediction":1,"lang":"en","probabilities":0.${i + 1}}`,
    );
    const [a, b] = await bothWays([...first, ...second], 4);
    expect(b).toEqual(a);
    const mixed = [...second.slice(0, 2), ...lines3()];
    const [c, d] = await bothWays(mixed, 2);
    expect(d).toEqual(c);
  });
});

function lines3(): string[] {
  return [row(1), row(2), row(3)];
}

describe('a large file read on two threads (the helper thread)', () => {
  // 8 MiB files stand in for the production minimum (64 MiB), lowered for these tests.
  const minBytes = 8 << 20;
  const productionMin = parallelRead.minBytes;
  const rows = Math.ceil(minBytes / 150);
  const all: string[] = [];
  for (let i = 0; i < rows; i++) {
    const p = ((i * 7919) % 1000) / 1000;
    all.push(
      `{"id":"ex-${i}","label":"${i % 7 === 0 ? 'spam' : 'ham'}","prediction":"${p > 0.5 ? 'spam' : 'ham'}","lang":"${i % 2 ? 'en' : 'de'}","probabilities":{"ham":${(1 - p).toFixed(3)},"spam":${p.toFixed(3)}},"latency_ms":${i % 100},"note":"${'x'.repeat(60)}"}`,
    );
  }
  const text = all.join('\n') + '\n';
  const big = file(text);
  const withEnv = async <T>(threads: string, f: () => Promise<T>): Promise<T> => {
    const old = process.env.EVALGATE_THREADS;
    process.env.EVALGATE_THREADS = threads;
    try {
      return await f();
    } finally {
      if (old === undefined) delete process.env.EVALGATE_THREADS;
      else process.env.EVALGATE_THREADS = old;
    }
  };
  beforeAll(() => {
    parallelRead.minBytes = minBytes;
  });
  afterAll(async () => {
    parallelRead.minBytes = productionMin;
    await stopHelper();
  });

  it('is above the threshold, and reads as one thread does', async () => {
    expect(Buffer.byteLength(text)).toBeGreaterThan(minBytes);
    const one = await withEnv('1', () => readJsonlColumns(big, mapping));
    const jobs = helperJobs.count;
    const joins = joinedInPlace.count;
    const two = await withEnv('2', () => readJsonlColumns(big, mapping));
    expect(helperJobs.count).toBe(jobs + 1); // the second half was the helper's
    expect(joinedInPlace.count).toBe(joins + 1); // written into the shared block, joined in place
    expect(two!.proba.block.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(two!.n).toBe(rows);
    expect(snapshot(two!)).toEqual(snapshot(one!));
  }, 60_000);

  it('uneven lines (the first chunk misjudges the row count) and a new class key in the second half', async () => {
    const uneven = all.map((l, i) =>
      i < 30_000 ? l.replace('"note":"', `"note":"${'y'.repeat(300)}`) : l.replace(/,"note":"x+"/, ''),
    );
    const at = Math.floor(rows * 0.9);
    uneven[at] = uneven[at].replace('"probabilities":{', '"probabilities":{"zeta":0,');
    const path = file(uneven.join('\n') + '\n');
    const one = await withEnv('1', () => readJsonlColumns(path, mapping));
    const jobs = helperJobs.count;
    const two = await withEnv('2', () => readJsonlColumns(path, mapping));
    expect(helperJobs.count).toBe(jobs + 1);
    expect(snapshot(two!)).toEqual(snapshot(one!));
    expect(two!.proba.keys).toEqual(['ham', 'spam', 'zeta']);
    const shortOnly = all.map((l) => l.replace(/,"note":"x+"/, ''));
    const mixed = [...uneven.slice(0, 9_000), ...shortOnly.slice(9_000)]; // this thread overflows its region
    const path2 = file(mixed.join('\n') + '\n');
    const a = await withEnv('1', () => readJsonlColumns(path2, mapping));
    const b = await withEnv('2', () => readJsonlColumns(path2, mapping));
    expect(snapshot(b!)).toEqual(snapshot(a!));
  }, 60_000);

  it('an error in the second half names the line a sequential read names', async () => {
    const bad = [...all];
    const at = Math.floor(rows * 0.8);
    bad[at] = bad[at].replace('"label":', '"label":{"broken"');
    const path = file(bad.join('\n') + '\n');
    const err = async (t: string) =>
      withEnv(t, () =>
        readJsonlColumns(path, mapping).then(
          () => 'no error',
          (e: Error) => e.message,
        ),
      );
    const one = await err('1');
    expect(one).toContain(`:${at + 1}`);
    expect(await err('2')).toBe(one);
  }, 60_000);

  it('invalid UTF-8 in the second half: the same line and byte offset', async () => {
    const at = Math.floor(rows * 0.7);
    const head = Buffer.from(all.slice(0, at).join('\n') + '\n');
    const tail = Buffer.from(all.slice(at).join('\n') + '\n');
    const bytes = Buffer.concat([head, Buffer.from([0x7b, 0xff]), tail]);
    const path = join(dir, 'utf8.jsonl');
    writeFileSync(path, bytes);
    const err = async (t: string) =>
      withEnv(t, () =>
        readJsonlColumns(path, mapping).then(
          () => 'no error',
          (e: Error) => e.message,
        ),
      );
    const one = await err('1');
    expect(one).toContain(`byte offset ${head.length + 1}`);
    expect(await err('2')).toBe(one);
  }, 60_000);

  it('an error in the first half wins over one in the second', async () => {
    const bad = [...all];
    bad[Math.floor(rows * 0.9)] = '{"id": oops}';
    bad[10] = '[1,2]';
    const path = file(bad.join('\n') + '\n');
    const two = await withEnv('2', () =>
      readJsonlColumns(path, mapping).then(
        () => 'no error',
        (e: Error) => e.message,
      ),
    );
    expect(two).toContain(':11: expected a JSON object per line');
  }, 60_000);

  describe('this thread, done first, takes the upper half of what the helper has not yet read', () => {
    // The helper waits before reading, so that this thread surely finds its part untouched.
    const saved = { ...parallelRead };
    beforeAll(() => {
      parallelRead.helperDelayMs = 1500;
      parallelRead.minTake = 64 << 10;
    });
    afterAll(() => {
      parallelRead.helperDelayMs = saved.helperDelayMs;
      parallelRead.minTake = saved.minTake;
    });
    const message = (path: string, t: string) =>
      withEnv(t, () =>
        readJsonlColumns(path, mapping).then(
          () => 'no error',
          (e: Error) => e.message,
        ),
      );

    it('reads as one thread does, new probability key and numeric field in the tail included', async () => {
      const lines = [...all];
      const at = Math.floor(rows * 0.95);
      lines[at] = lines[at]
        .replace('"probabilities":{', '"probabilities":{"zeta":0.5,')
        .replace('}}', '},"tokens":3}');
      const path = file(lines.join('\n') + '\n');
      const one = await withEnv('1', () => readJsonlColumns(path, mapping));
      const tails = tailsTaken.count;
      const jobs = helperJobs.count;
      const two = await withEnv('2', () => readJsonlColumns(path, mapping));
      expect(tailsTaken.count).toBe(tails + 1);
      expect(helperJobs.count).toBe(jobs + 1);
      expect(snapshot(two!)).toEqual(snapshot(one!));
      expect(two!.proba.keys).toEqual(['ham', 'spam', 'zeta']);
    }, 60_000);

    it('an error in the tail names the line a sequential read names', async () => {
      const bad = [...all];
      const at = Math.floor(rows * 0.9);
      bad[at] = bad[at].replace('"label":', '"label":{"broken"');
      const path = file(bad.join('\n') + '\n');
      const one = await message(path, '1');
      expect(one).toContain(`:${at + 1}`);
      const tails = tailsTaken.count;
      expect(await message(path, '2')).toBe(one);
      expect(tailsTaken.count).toBe(tails + 1);
    }, 60_000);

    it("an error in the helper's part wins over one in the tail", async () => {
      const bad = [...all];
      const early = Math.floor(rows * 0.6);
      bad[early] = '{"id": oops}';
      bad[Math.floor(rows * 0.9)] = '[1,2]';
      const path = file(bad.join('\n') + '\n');
      const one = await message(path, '1');
      expect(one).toContain(`:${early + 1}:`);
      expect(await message(path, '2')).toBe(one);
    }, 60_000);

    it('invalid UTF-8 in the tail: the same line and byte offset', async () => {
      const at = Math.floor(rows * 0.9);
      const head = Buffer.from(all.slice(0, at).join('\n') + '\n');
      const rest = Buffer.from(all.slice(at).join('\n') + '\n');
      const path = join(dir, 'utf8-tail.jsonl');
      writeFileSync(path, Buffer.concat([head, Buffer.from([0x7b, 0xff]), rest]));
      const one = await message(path, '1');
      expect(one).toContain(`byte offset ${head.length + 1}`);
      expect(await message(path, '2')).toBe(one);
    }, 60_000);
  });
});

describe('numeric fields past the first 1,024 rows', () => {
  it('keep every value when their column grows (they were zeroed before, a data-loss bug)', async () => {
    const lines = Array.from(
      { length: 3000 },
      (_, i) =>
        `{"id":"r${i}","label":1,"prediction":0,"lang":"en","latency_ms":${1000 + (i % 100)}${i === 2999 ? ',"late":1' : ''}}`,
    );
    const cols = (await readJsonlColumns(file(lines.join('\n') + '\n'), mapping))!;
    const lat = cols.numericArrays().latency_ms;
    expect(Array.from(lat)).toEqual(lines.map((_, i) => 1000 + (i % 100)));
    const late = cols.numericArrays().late;
    expect(late[2999]).toBe(1);
    expect(late.slice(0, 2999).every((x) => Number.isNaN(x))).toBe(true);
  });
});
