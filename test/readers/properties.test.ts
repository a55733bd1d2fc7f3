/**
 * Property-based tests of the readers (fast-check): on arbitrary bytes — random, or almost-valid text of
 * each format with bytes flipped, cut or inserted — every reader either reads the file or throws the
 * typed InputError, never any other exception and never a hang; and the message never carries a raw
 * control character. Each reader is tried by name (config `format:`) and through detection.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { FORMATS, readInputFile, type RecordMapping } from '../../src/readers/index.js';

const dir = mkdtempSync(join(tmpdir(), 'evalgate-reader-props-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const mapping: RecordMapping = {
  fields: { id: 'id', label: 'label', prediction: 'prediction', probabilities: 'probabilities' },
  slices: ['lang'],
  ignoreFields: [],
};

/** Valid-looking seeds of every format, to be damaged. */
const SEEDS: Record<string, string> = {
  jsonl:
    '{"id":"a","label":1,"prediction":1,"probabilities":0.9,"lang":"en"}\n' +
    '{"id":"b","label":0,"prediction":1,"probabilities":0.6,"lang":"de"}\n',
  csv: 'id,label,prediction,lang\na,1,1,en\nb,0,1,"d,e"\n',
  tsv: 'id\tlabel\tprediction\na\t1\t1\nb\t0\t0\n',
  json: '{"accuracy": 0.9, "eval": {"f1": [0.5], "loss": 1e3}}',
  yaml: 'accuracy: 0.9\neval:\n  f1: 0.5\n  "x": &a [1, *a]\n',
  lmEval:
    '{"results": {"arc_easy": {"acc,none": 0.7, "acc_stderr,none": 0.01}}, "higher_is_better": {"arc_easy": {"acc": true}}, "n-samples": {"arc_easy": {"original": 100, "effective": 100}}}',
  samples:
    '{"doc_id": 0, "target": "a", "resps": [["a"]], "filtered_resps": ["a"], "acc": 1.0, "metrics": ["acc"]}\n',
  evalResult: '{"schema": "evalgate/eval-result", "version": 1, "task": "binary", "n": 2, "metrics": {}}',
  parquet: 'PAR1\u0015\u0004\u0015\u0010PAR1',
};
const EXTENSIONS = ['.jsonl', '.csv', '.tsv', '.json', '.yaml', '.parquet', '.txt', '.jsonl.gz', ''];

/** A seed with damage: bytes replaced, a cut, an insertion, or a NUL/control byte. */
const damaged: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom(...Object.values(SEEDS)),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
    fc.option(fc.nat(), { nil: undefined }),
    fc.option(fc.tuple(fc.nat(), fc.string({ maxLength: 12 })), { nil: undefined }),
  )
  .map(([seed, flips, cut, insert]) => {
    let text = seed;
    if (insert) {
      const at = insert[0] % (text.length + 1);
      text = text.slice(0, at) + insert[1] + text.slice(at);
    }
    const bytes = Buffer.from(text, 'utf8');
    for (const [at, b] of flips) if (bytes.length) bytes[at % bytes.length] = b;
    return cut === undefined ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
  });

const anyBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  damaged,
  damaged.map((b) => Uint8Array.from(gzipSync(b))),
  // UTF-16 of damaged text (with and without byte order mark).
  damaged.map((b) =>
    Uint8Array.from(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(Buffer.from(b).toString('latin1'), 'utf16le')]),
    ),
  ),
  damaged.map((b) => Uint8Array.from(Buffer.from(Buffer.from(b).toString('latin1'), 'utf16le'))),
);

let counter = 0;

/** Reads bytes as a file; returns the error thrown (undefined when it read). */
async function tryRead(bytes: Uint8Array, ext: string, format?: string): Promise<unknown> {
  const file = join(dir, `f${counter++}${ext}`);
  writeFileSync(file, bytes);
  try {
    await readInputFile(file, { mapping }, format);
    return undefined;
  } catch (e) {
    return e;
  } finally {
    rmSync(file, { force: true });
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function expectTyped(e: unknown, bytes: Uint8Array): void {
  if (e === undefined) return;
  const what = `${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\non bytes ${Buffer.from(bytes).toString('hex').slice(0, 400)}`;
  expect(e instanceof InputError, what).toBe(true);
  expect(CONTROL.test((e as Error).message), `control character in: ${what}`).toBe(false);
}

describe('readers on arbitrary bytes throw only InputError', () => {
  it('through detection, under every file-name ending', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.constantFrom(...EXTENSIONS), async (bytes, ext) => {
        expectTyped(await tryRead(bytes, ext), bytes);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  for (const format of FORMATS) {
    it(`format: ${format.name}`, async () => {
      await fc.assert(
        fc.asyncProperty(anyBytes, async (bytes) => {
          expectTyped(await tryRead(bytes, format.extensions[0] ?? '', format.name), bytes);
        }),
        { numRuns: 120 },
      );
    }, 120_000);
  }
});
