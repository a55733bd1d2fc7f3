import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputFile, expandInputPaths } from '../../src/readers/index.js';
import type { RecordMapping } from '../../src/readers/types.js';

const mapping: RecordMapping = {
  fields: { id: 'id', label: 'label', prediction: 'prediction', probabilities: 'probabilities' },
  slices: [],
  ignoreFields: [],
};
const dir = mkdtempSync(join(tmpdir(), 'evalgate-readers-'));
function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const real = (p: string) => new URL(`../fixtures/real/${p}`, import.meta.url).pathname;

describe('jsonl reader', () => {
  it('maps default fields, slices, numeric fields and source lines', async () => {
    const f = file(
      'a.jsonl',
      '{"id": 1, "label": 1, "prediction": 0, "probabilities": 0.4, "lang": "de", "latency_ms": 12, "text": "x"}\n\n{"id": "b", "label": 0, "prediction": 0, "lang": "en", "latency_ms": 9}\n',
    );
    const out = await readInputFile(f, { ...mapping, slices: ['lang'] });
    expect(out.kind).toBe('records');
    if (out.kind !== 'records') return;
    expect(out.records).toHaveLength(2);
    expect(out.records[0]).toMatchObject({
      id: '1',
      label: 1,
      prediction: 0,
      probabilities: 0.4,
      slices: { lang: 'de' },
      numeric: { latency_ms: 12 },
    });
    expect(out.records[1].source).toEqual({ file: f, line: 3 });
    expect(out.records[1].probabilities).toBeUndefined();
  });

  it('renamed fields', async () => {
    const f = file('r.jsonl', '{"doc_id": 7, "gold": "pos", "pred": "neg"}\n');
    const out = await readInputFile(f, {
      ...mapping,
      fields: { id: 'doc_id', label: 'gold', prediction: 'pred', probabilities: 'p' },
    });
    expect(out.kind === 'records' && out.records[0]).toMatchObject({
      id: '7',
      label: 'pos',
      prediction: 'neg',
    });
  });

  it('reads gzip', async () => {
    const f = file('g.jsonl.gz', gzipSync('{"id":1,"label":1,"prediction":1}\n'));
    const out = await readInputFile(f, mapping);
    expect(out.kind === 'records' && out.records.length).toBe(1);
  });

  it('names file and line of malformed JSON', async () => {
    const f = file('bad.jsonl', '{"id":1,"label":1,"prediction":1}\n{"id":2,"label":1,\n');
    await expect(readInputFile(f, mapping)).rejects.toThrow(new RegExp(`${f}:2: malformed JSON`));
  });

  it('names file, line and field of a missing field', async () => {
    const f = file('missing.jsonl', '{"id":1,"label":1,"prediction":1}\n{"id":2,"prediction":1}\n');
    await expect(readInputFile(f, mapping)).rejects.toThrow(`${f}:2 field "label": missing label`);
    const g = file('noid.jsonl', '{"label":1,"prediction":1}\n');
    await expect(readInputFile(g, mapping)).rejects.toThrow(`${g}:1 field "id": missing example id`);
    const h = file('noslice.jsonl', '{"id":1,"label":1,"prediction":1}\n');
    await expect(readInputFile(h, { ...mapping, slices: ['lang'] })).rejects.toThrow(
      `${h}:1 field "lang": missing slice field`,
    );
  });

  it('rejects a line that is not an object, and an empty file', async () => {
    await expect(readInputFile(file('arr.jsonl', '[1,2]\n'), mapping)).rejects.toThrow(
      /arr\.jsonl:1: expected a JSON object/,
    );
    await expect(readInputFile(file('empty.jsonl', '\n'), mapping)).rejects.toThrow(
      /empty\.jsonl: no records/,
    );
  });
});

describe('csv reader', () => {
  it('types cells like a data-frame loader and keeps row lines', async () => {
    const f = file(
      'a.csv',
      'id,label,prediction,probabilities,lang,score\n1,1,0,0.25,de,3\n2,true,false,,en,\n3,"[""a"",""b""]",[],,fr,1.5\n',
    );
    const out = await readInputFile(f, mapping);
    if (out.kind !== 'records') throw new Error('records expected');
    expect(out.records[0]).toMatchObject({
      id: '1',
      label: 1,
      prediction: 0,
      probabilities: 0.25,
      numeric: { score: 3 },
    });
    expect(out.records[1]).toMatchObject({ label: true, prediction: false });
    expect(out.records[1].probabilities).toBeUndefined();
    expect(out.records[2]).toMatchObject({ label: ['a', 'b'], prediction: [], source: { line: 4 } });
  });

  it('reads TSV and names a missing cell', async () => {
    const f = file('a.tsv', 'id\tlabel\tprediction\nx\t1\t\n');
    await expect(readInputFile(f, mapping)).rejects.toThrow(`${f}:2 field "prediction": missing prediction`);
  });

  it('reports malformed CSV', async () => {
    const f = file('bad.csv', 'id,label,prediction\n1,1\n');
    await expect(readInputFile(f, mapping)).rejects.toThrow(/bad\.csv:2: malformed CSV/);
  });
});

describe('metric maps', () => {
  it('flattens nested DVC metrics with dots (real file)', async () => {
    const out = await readInputFile(real('dvc/metrics_by_geo.4e0544f.json'), mapping);
    if (out.kind !== 'metrics') throw new Error('metrics expected');
    expect(out.format).toBe('metric-map');
    expect(out.metrics['f1_by_geo.France'].value).toBeCloseTo(0.5273311897106109, 15);
    expect(out.metrics.roc_auc.value).toBe(0.8683709847703294);
    expect(Object.keys(out.metrics)).toHaveLength(8);
  });

  it('reads YAML maps and rejects non-numeric leaves with the key path', async () => {
    const out = await readInputFile(file('m.yaml', 'eval:\n  acc: 0.9\n  loss: 0.3\n'), mapping);
    expect(out.kind === 'metrics' && out.metrics['eval.acc'].value).toBe(0.9);
    await expect(readInputFile(file('bad.json', '{"eval": {"acc": "high"}}'), mapping)).rejects.toThrow(
      /bad\.json field "eval\.acc": metric value must be a number/,
    );
  });

  it('reports malformed JSON with a line', async () => {
    await expect(readInputFile(file('broken.json', '{\n"a": 1,\n}'), mapping)).rejects.toThrow(
      /broken\.json:3: malformed JSON/,
    );
  });
});

describe('lm-evaluation-harness results', () => {
  it('reads metrics, stderr, n and direction (current format)', async () => {
    const d = real('lm-eval/pr2809-llama3.2');
    const f = readdirSync(d).find((x) => x.includes('3.2-1B'))!;
    const out = await readInputFile(join(d, f), mapping);
    if (out.kind !== 'metrics') throw new Error('metrics expected');
    expect(out.format).toBe('lm-eval');
    const m = out.metrics['arc_challenge/acc'];
    expect(m.value).toBe(0.3122866894197952);
    expect(m.stderr).toBe(0.013542598541688067);
    expect(m.n).toBe(1172);
    expect(m.method).toBe('given');
    expect(out.directions['arc_challenge/acc']).toBe('higher');
  });

  it('reads the legacy v0.3 format', async () => {
    const out = await readInputFile(real('lm-eval/pythia-legacy-v0.3/160m-deduped_step143000.json'), mapping);
    if (out.kind !== 'metrics') throw new Error('metrics expected');
    expect(out.metrics['crows_pairs_english_sexual_orientation/pct_stereotype'].stderr).toBe(
      0.04430611317732681,
    );
  });
});

describe('paths', () => {
  it('expands folders and rejects paths that match nothing', async () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'b.jsonl'), '{"id":1,"label":1,"prediction":1}\n');
    writeFileSync(join(sub, 'a.csv'), 'id,label,prediction\n1,1,1\n');
    writeFileSync(join(sub, 'notes.txt'), 'x');
    expect(expandInputPaths([sub]).map((p) => p.slice(sub.length + 1))).toEqual(['a.csv', 'b.jsonl']);
    expect(() => expandInputPaths([join(dir, 'nope.jsonl')])).toThrow(/nope\.jsonl: file not found/);
    await expect(readInputFile(file('x.txt', 'x'), mapping)).rejects.toThrow(
      /x\.txt: cannot tell the format of this file from its content; closest: .*Set `format:`/,
    );
  });
});

describe('parquet reader', () => {
  it('reads the same records as the JSONL it was written from (INT64 → number)', async () => {
    const { readInputFileAsync } = await import('../../src/readers/index.js');
    const pq = await readInputFileAsync(
      new URL('../fixtures/parquet/sentiment-baseline.parquet', import.meta.url).pathname,
      { ...mapping, slices: ['language'], ignoreFields: ['text'] },
    );
    const js = await readInputFile(
      new URL('../../examples/sentiment/baseline.jsonl', import.meta.url).pathname,
      {
        ...mapping,
        slices: ['language'],
        ignoreFields: ['text'],
      },
    );
    if (pq.kind !== 'records' || js.kind !== 'records') throw new Error('records expected');
    expect(pq.format).toBe('parquet');
    expect(pq.records).toHaveLength(600);
    const strip = (r: (typeof pq.records)[number]) => ({ ...r, source: undefined });
    expect(pq.records.map(strip)).toEqual(js.records.map(strip));
    expect(pq.records[4].source.line).toBe(5);
  });

  it('a file that is not Parquet is an input error', async () => {
    const { readInputFileAsync } = await import('../../src/readers/index.js');
    await expect(readInputFileAsync(file('fake.parquet', 'not parquet'), mapping)).rejects.toThrow(
      /fake\.parquet: not a readable Parquet file/,
    );
  });
});

describe('review fixes: readers', () => {
  it('CSV keeps ids exactly (007 is not 7) and reads generation answers as text', async () => {
    const f = file('pad.csv', 'id,label,prediction\n007,1,1\n7,0,1\n');
    const out = await readInputFile(f, mapping);
    expect(out.kind === 'records' && out.records.map((r) => r.id)).toEqual(['007', '7']);
    const g = file('gen.csv', 'id,label,prediction\n1,41,41\n2,[1] Paris,Paris\n');
    const gen = await readInputFile(g, { ...mapping, textFields: ['label', 'prediction'] });
    expect(gen.kind === 'records' && gen.records.map((r) => [r.label, r.prediction])).toEqual([
      ['41', '41'],
      ['[1] Paris', 'Paris'],
    ]);
  });

  it('CSV: stray quotes as Python reads them, NaN cells missing, duplicate columns rejected', async () => {
    const q = await readInputFile(file('q.csv', 'id,label,prediction,note\n1,1,1,5" screen\n'), mapping);
    expect(q.kind).toBe('records');
    const n = await readInputFile(
      file('nan.csv', 'id,label,prediction,latency\n1,1,1,NaN\n2,1,0,3\n'),
      mapping,
    );
    expect(n.kind === 'records' && n.records.map((r) => r.numeric)).toEqual([{}, { latency: 3 }]);
    await expect(
      readInputFile(file('inf.csv', 'id,label,prediction,latency\n1,1,1,inf\n'), mapping),
    ).rejects.toThrow(/inf\.csv:2 field "latency": numeric field must be finite/);
    await expect(
      readInputFile(file('dup.csv', 'id,label,label,prediction\n1,1,0,1\n'), mapping),
    ).rejects.toThrow(/dup\.csv:1 field "label": column "label" appears twice/);
  });

  it('JSON ids beyond 2^53 are an error, not a silent collision', async () => {
    await expect(
      readInputFile(
        file('big.jsonl', '{"id": 12345678901234567890, "label": 1, "prediction": 1}\n'),
        mapping,
      ),
    ).rejects.toThrow(/too large to be read exactly/);
  });

  it('a BOM does not break JSON; flattened names that collide are an error', async () => {
    const b = await readInputFile(file('bom.json', '\ufeff{"acc": 0.5}'), mapping);
    expect(b.kind === 'metrics' && b.metrics.acc.value).toBe(0.5);
    await expect(
      readInputFile(file('collide.json', '{"a": {"b": 0.9}, "a.b": 0.8}'), mapping),
    ).rejects.toThrow(/field "a\.b": two keys flatten/);
  });

  it('folders include compressed CSV/TSV/JSON', async () => {
    const sub = join(dir, 'gz');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a.csv.gz'), gzipSync('id,label,prediction\n1,1,1\n'));
    writeFileSync(join(sub, 'b.jsonl'), '{"id":2,"label":1,"prediction":1}\n');
    expect(expandInputPaths([sub]).map((p) => p.slice(sub.length + 1))).toEqual(['a.csv.gz', 'b.jsonl']);
  });

  it('an EvalResult with malformed slices or columns is an error naming the field', async () => {
    const bad = [
      [
        '{"schema":"evalgate/eval-result","version":1,"metrics":{},"slices":{"lang":{"de":5}}}',
        'slices.lang.de',
      ],
      [
        '{"schema":"evalgate/eval-result","version":1,"metrics":{"acc":{"value":0.5,"stderr":"x"}}}',
        'metrics.acc.stderr',
      ],
      ['{"schema":"evalgate/eval-result","version":1,"metrics":{},"slices":5}', 'slices'],
      [
        '{"schema":"evalgate/eval-result","version":1,"metrics":{},"examples":{"ids":["a","b"],"label":[1],"prediction":[1,0]}}',
        'examples.label',
      ],
    ];
    for (const [text, field] of bad) {
      await expect(readInputFile(file('er.json', text), mapping)).rejects.toThrow(`field "${field}"`);
    }
  });
});
