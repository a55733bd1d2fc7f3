import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataset } from '../../src/metrics/index.js';
import { datasetFromColumns } from '../../src/metrics/columns.js';
import { readChunk, readJsonlColumns } from '../../src/readers/columnar/jsonl-stream.js';
import { parseJsonl } from '../../src/readers/jsonl.js';
import type { RecordMapping } from '../../src/readers/types.js';
import type { MetricOptions } from '../../src/metrics/index.js';

const mapping: RecordMapping = {
  fields: { id: 'id', label: 'label', prediction: 'prediction', probabilities: 'probabilities' },
  slices: [],
  ignoreFields: [],
};
const dir = mkdtempSync(join(tmpdir(), 'evalgate-columnar-'));
let count = 0;
function file(text: string | Buffer, ext = 'jsonl'): string {
  const p = join(dir, `f${count++}.${ext}`);
  writeFileSync(p, text);
  return p;
}

/** Outcome of a read: records, or the error message. */
async function streamed(path: string, m: RecordMapping = mapping): Promise<unknown> {
  try {
    return (await readJsonlColumns(path, m))!.toRecords();
  } catch (e) {
    return (e as Error).message;
  }
}
function whole(path: string, text: string, m: RecordMapping = mapping): unknown {
  try {
    return parseJsonl(text, path, m);
  } catch (e) {
    return (e as Error).message;
  }
}

async function same(text: string, m: RecordMapping = mapping): Promise<void> {
  const p = file(text);
  expect(await streamed(p, m)).toEqual(whole(p, text, m));
}

describe('streaming JSONL reader', () => {
  it('reads what the whole-file reader reads, line for line', async () => {
    await same(
      [
        '{"id": 1, "label": 1, "prediction": 0, "probabilities": 0.4, "lang": "de", "latency_ms": 12, "text": "x"}',
        '',
        '  {"id":"b","label":0,"prediction":0,"lang":"en","latency_ms":9.5e-3,"meta":{"a":[1,{"b":null}],"c":"}"}}  ',
        '{"id":"c\\u00e9","label":"ünïcode \\"q\\"","prediction":true,"probabilities":null,"x":-0,"y":1E+2}',
        '{"id":12345678901234,"label":[1,2],"prediction":[2],"n":0.1234567890123456789}',
        '{"id":"d","label":1.5,"prediction":2,"probabilities":{"a":0.25,"b":0.75},"z":123456789012345678901}',
        '{"id":"e","label":"x","prediction":"y","probabilities":[0.1,0.9]}\r',
      ].join('\n'),
    );
    await same('{"id":"a","label":1,"prediction":0,"lang":"de"}', {
      ...mapping,
      slices: ['lang'],
      cluster: 'lang',
    });
  });

  it('gives the whole-file reader’s errors', async () => {
    for (const line of [
      '{"label":1,"prediction":0}',
      '{"id":"","label":1,"prediction":0}',
      '{"id":{},"label":1,"prediction":0}',
      '{"id":9007199254740993,"label":1,"prediction":0}',
      '{"id":"a","label":null,"prediction":0}',
      '{"id":"a","label":1}',
      '{"id":"a","label":1,"prediction":0,"x":1e999}',
      '{"id":"a","label":1,"prediction":0,}',
      '{"id":"a","label":1,"prediction":0} x',
      '{"id":"a","label":01,"prediction":0}',
      '{"id":"a","label":1,"prediction":0,"m":[1,,2]}',
      '[1,2]',
      'nope',
    ]) {
      await same(`{"id":"ok","label":0,"prediction":0}\n${line}\n`);
    }
    await same('{"id":"a","label":1,"prediction":0}', { ...mapping, slices: ['lang'] });
    await same('{"id":"a","label":1,"prediction":0,"lang":""}', { ...mapping, slices: ['lang'] });
    await same('\n\n');
  });

  it('matches on random records (property)', async () => {
    const scalar = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer({ min: -3, max: 3 }),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const value = fc.oneof(
      scalar,
      fc.constant(null),
      fc.array(scalar, { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 3 }),
    );
    const record = fc.record(
      {
        id: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
        label: value,
        prediction: value,
        probabilities: fc.oneof(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.dictionary(fc.constantFrom('a', 'b', '1'), fc.double({ min: 0, max: 1, noNaN: true })),
          fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 3 }),
        ),
        lang: scalar,
        score: fc.double({ noNaN: true, noDefaultInfinity: true }),
        other: value,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 1, maxLength: 8 }), async (recs) => {
        const text = recs.map((r) => JSON.stringify(r)).join('\n');
        await same(text, { ...mapping, slices: ['lang'] });
        await same(text);
      }),
      { numRuns: 150 },
    );
  });

  it('rejects a key given twice in a record, and a class given twice in probabilities', async () => {
    const p = file('{"id":"a","label":1,"prediction":0}\n{"id":"b","label":1,"label":0,"prediction":0}\n');
    expect(await streamed(p)).toBe(`${p}:2 field "label": key "label" is given twice in this record`);
    const q = file('{"id":"a","label":"x","prediction":"y","probabilities":{"x":0.5,"y":0.2,"x":0.3}}\n');
    expect(await streamed(q)).toBe(`${q}:1 field "probabilities.x": class "x" is given twice in this record`);
  });

  it('names line and byte offset of invalid UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"id":"a","label":1,"prediction":0}\n{"id":"b","label":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('","prediction":0}\n'),
    ]);
    const p = file(bytes);
    expect(await streamed(p)).toBe(
      `${p}:2: not UTF-8 (byte 0xC3 at byte offset 55 is not valid UTF-8); re-save as UTF-8 or set \`encoding: latin1\` (or utf16le) in the config`,
    );
  });

  it('reads gzip, skips a byte-order mark, and reads lines split across chunks', async () => {
    const lines = Array.from({ length: 30000 }, (_, i) =>
      JSON.stringify({ id: `e${i}`, label: i % 3, prediction: (i * 7) % 3, note: 'x'.repeat(i % 300) }),
    );
    const text = lines.join('\n');
    const gz = file(gzipSync(Buffer.from('\ufeff' + text)), 'jsonl.gz');
    expect(await streamed(gz)).toEqual(whole(gz, text));
    const p = file(text);
    expect(await streamed(p)).toEqual(whole(p, text));
    const bad = file(Buffer.from('not gzip'), 'jsonl.gz');
    expect(await streamed(bad)).toMatch(/not valid gzip/);
  });
});

describe('datasetFromColumns', () => {
  async function both(text: string, opts: MetricOptions): Promise<void> {
    const p = file(text);
    let fast: unknown;
    let general: unknown;
    try {
      fast = datasetFromColumns((await readJsonlColumns(p, mapping))!, opts);
    } catch (e) {
      fast = (e as Error).message;
    }
    try {
      general = buildDataset(parseJsonl(text, p, mapping), opts);
    } catch (e) {
      general = (e as Error).message;
    }
    expect(fast).toEqual(general);
  }
  const auto: MetricOptions = { task: 'auto' };
  const rows = (f: (i: number) => object, n = 40) =>
    Array.from({ length: n }, (_, i) => JSON.stringify({ id: `e${i}`, ...f(i) })).join('\n');

  it('builds the same dataset as buildDataset for binary, multiclass and regression', async () => {
    await both(
      rows((i) => ({ label: i % 2, prediction: (i >> 1) % 2, probabilities: (i % 7) / 7, latency_ms: i })),
      auto,
    );
    await both(
      rows((i) => ({ label: i % 2 ? 'yes' : 'no', prediction: 'yes' })),
      auto,
    );
    await both(
      rows((i) => ({
        label: `c${i % 3}`,
        prediction: `c${(i + 1) % 3}`,
        probabilities: { c2: 0.5, c0: 0.25, c1: 0.25 },
      })),
      auto,
    );
    await both(
      rows((i) => ({ label: i % 3, prediction: 2, probabilities: [0.2, 0.3, 0.5] })),
      { task: 'auto', classes: [2, 0, 1] },
    );
    await both(
      rows((i) => ({ label: i % 3, prediction: 2, probabilities: { '0': 0.5, '2': 0.5 } })),
      auto,
    );
    await both(
      rows((i) => ({ label: i / 3, prediction: i / 4 })),
      auto,
    );
    await both(
      rows((i) => ({ label: 'the cat sat ' + i, prediction: 'the cat' })),
      auto,
    );
    await both(
      rows((i) => ({ label: [i % 2], prediction: [1] })),
      auto,
    );
  });

  it('gives buildDataset’s errors', async () => {
    await both(
      rows((i) => ({ label: i % 2, prediction: 0, probabilities: i === 5 ? 1.5 : 0.5 })),
      auto,
    );
    await both(
      rows((i) => ({ label: `c${i % 3}`, prediction: 'c0', probabilities: { c0: 0.5, c1: 0.4 } })),
      auto,
    );
    await both(
      rows((i) => ({ label: `c${i % 3}`, prediction: 'c0', probabilities: { c0: 0.5, c9: 0.5 } })),
      auto,
    );
    await both(
      rows((i) => ({ label: i % 3, prediction: 0, probabilities: { '1': 0.5, '1.0': 0.5 } })),
      auto,
    );
    await both(
      rows((i) => ({ label: i % 2 ? 1 : 'a', prediction: 0 })),
      auto,
    );
    await both(
      rows((i) => ({ label: i % 2, prediction: 0, probabilities: i === 3 ? undefined : 0.5 })),
      auto,
    );
    await both(
      rows((i) => ({ label: i % 3, prediction: 0 })),
      { task: 'binary' },
    );
    await both(
      rows(() => ({ label: 'a', prediction: 'b' })),
      auto,
    );
    await both(
      rows((i) => ({ label: i % 2, prediction: 0.5, probabilities: 0.2 })),
      auto,
    );
    await both(rows(() => ({ label: 1, prediction: 0 })).replace('"e7"', '"e3"'), auto);
  });
});

describe('probability block sized from the file size', () => {
  /** `rows` records; rows in [padFrom, padTo) carry `pad` characters of an ignored field. */
  function lines(rows: number, padFrom: number, padTo: number, pad: number): string {
    let s = '';
    for (let i = 0; i < rows; i++) {
      const p = ((i * 37) % 100) / 100;
      const extra = i >= padFrom && i < padTo ? `,"note":"${'x'.repeat(pad)}"` : '';
      s += `{"id":"r${i}","label":"${i % 3 === 0 ? 'a' : 'b'}","prediction":"a","probabilities":{"a":${p},"b":${(100 - Math.round(p * 100)) / 100}}${extra}}\n`;
    }
    return s;
  }
  // The first 4 MiB chunk decides the estimate: long lines first (estimate ~22k rows, far too low: the
  // block grows past it), short lines first (~100k, too high), and uniform lines.
  for (const [name, text] of [
    ['short lines, then long ones', lines(60_000, 50_000, Infinity, 400)],
    ['long lines, then short ones', lines(60_000, 0, 12_000, 400)],
    ['uniform lines', lines(60_000, 0, 0, 0)],
  ] as const) {
    it(name, async () => {
      const path = file(text);
      const cols = (await readJsonlColumns(path, mapping))!;
      expect(cols.proba.expectedRows).toBeGreaterThan(0);
      const opts: MetricOptions = { task: 'auto' };
      const fast = datasetFromColumns(cols, opts);
      const ref = buildDataset(parseJsonl(text, path, mapping), opts);
      expect(fast.n).toBe(60_000);
      expect(Array.from(fast.proba!)).toEqual(Array.from(ref.proba!));
      expect(Array.from(fast.yTrue!)).toEqual(Array.from(ref.yTrue!));
    });
  }
});

describe('invalid escapes in fields the scanner skips', () => {
  const good = (i: number) => `{"id":"r${i}","label":"a","prediction":"b","note":"ok \\n \\u00e9"}`;
  for (const bad of ['\\q', '\\u12', '\\u12G4', '\\x41']) {
    it(`"${bad}" after 3,000 good lines is malformed JSON, as JSON.parse says`, async () => {
      const lines = Array.from({ length: 3000 }, (_, i) => good(i));
      lines.push(`{"id":"z","label":"a","prediction":"b","note":"${bad}"}`);
      const text = lines.join('\n') + '\n';
      const path = file(text);
      const got = await streamed(path);
      expect(typeof got).toBe('string');
      expect(got).toMatch(/malformed JSON/);
      expect(got).toBe(whole(path, text));
    });
  }
  it('valid escapes in skipped fields are still read on the fast path', async () => {
    const text = Array.from({ length: 50 }, (_, i) => good(i)).join('\n') + '\n';
    const path = file(text);
    expect(await streamed(path)).toEqual(whole(path, text));
  });
});

describe('lines cut at the 4 MiB chunk boundary', () => {
  const CHUNK = 4 << 20;
  /** Lines of filler, then a line whose `note` puts `cut` (bytes) across the first chunk boundary. */
  function around(cut: Buffer, tailLines = 50): Buffer {
    const parts: Buffer[] = [];
    let size = 0;
    for (let i = 0; size < CHUNK - 300; i++) {
      const b = Buffer.from(`{"id":"f${i}","label":"a","prediction":"b","note":"${'x'.repeat(200)}"}\n`);
      parts.push(b);
      size += b.length;
    }
    // Pad so that the cut bytes start one byte before the boundary.
    const prefix = Buffer.from('{"id":"cut","label":"a","prediction":"b","note":"');
    const pad = CHUNK - 1 - size - prefix.length;
    parts.push(prefix, Buffer.from('y'.repeat(pad)), cut, Buffer.from('"}\n'));
    for (let i = 0; i < tailLines; i++)
      parts.push(Buffer.from(`{"id":"t${i}","label":"b","prediction":"b"}\n`));
    return Buffer.concat(parts);
  }
  it('a two-byte character split by the boundary is read as the whole-file reader reads it', async () => {
    const bytes = around(Buffer.from('é', 'utf8'));
    const path = file(bytes);
    const text = bytes.toString('utf8');
    const got = await streamed(path);
    expect(Array.isArray(got)).toBe(true);
    expect(got).toEqual(whole(path, text));
  });
  it('an invalid byte in the cut line is reported at its line and file offset', async () => {
    const bytes = around(Buffer.from([0xe3, 0x28]));
    const path = file(bytes);
    const bad = bytes.indexOf(Buffer.from([0xe3, 0x28]));
    const line = bytes.subarray(0, bad).toString('latin1').split('\n').length;
    const got = await streamed(path);
    expect(got).toContain(`byte 0xE3 at byte offset ${bad} is not valid UTF-8`);
    await expect(readJsonlColumns(path, mapping)).rejects.toMatchObject({ location: { line } });
  });
});

describe('chunk buffers reused across a file', () => {
  // Tiny chunks put every key, class name and probability key of the file in a buffer that is
  // overwritten a few chunks later: anything the scanner kept as a view of it would then read garbage.
  const lines = [
    '{"id":"a1","label":"cat","prediction":"dog","probabilities":{"cat":0.25,"dog":0.75},"lang":"en"}',
    '{"id":"a2","label":"dog","prediction":"dog","probabilities":{"cat":0.5,"dog":0.5},"lang":"en"}',
    ...Array.from(
      { length: 40 },
      (_, i) =>
        `{"id":"b${i}","label":"${['cat', 'dog', 'eel'][i % 3]}","prediction":"${['eel', 'cat', 'dog'][i % 3]}",` +
        `"probabilities":{"cat":0.${i % 9},"dog":0.1,"eel":0.${(i * 7) % 9}},"lang":"${i % 2 ? 'de' : 'en'}","score":${i}.5}`,
    ),
    '{"lang":"fr","probabilities":{"eel":0.5,"cat":0.25,"dog":0.25},"prediction":"cat","label":"eel","id":"late"}',
    '{"id":"long","label":"cat","prediction":"cat","note":"' + 'z'.repeat(900) + '"}',
  ];
  const text = lines.join('\n') + '\n';
  for (const bytes of [1, 7, 64, 250, 4096]) {
    it(`reads what the whole-file reader reads with ${bytes}-byte chunks`, async () => {
      const saved = readChunk.bytes;
      readChunk.bytes = bytes;
      try {
        await same(text, { ...mapping, slices: ['lang'] });
        // The byte-order mark and UTF-16 checks look at the first chunk's first bytes (chunks of 4 MiB).
        if (bytes >= 4) {
          const got = await streamed(file('\ufeff' + text));
          expect(Array.isArray(got) && got.length).toBe(lines.length);
        }
      } finally {
        readChunk.bytes = saved;
      }
    });
  }
});
