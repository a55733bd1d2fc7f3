// Writes test/fixtures/parquet/sentiment-baseline.parquet from the bundled JSONL example (INT64 ids
// and labels as pandas writes them, DOUBLE probabilities, STRING language), so the Parquet reader is
// tested against the same rows as the JSONL reader: node scripts/make-parquet-fixture.mjs
import { readFileSync } from 'node:fs';
import { parquetWriteFile } from 'hyparquet-writer';

const rows = readFileSync('examples/sentiment/baseline.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
parquetWriteFile({
  filename: 'test/fixtures/parquet/sentiment-baseline.parquet',
  columnData: [
    { name: 'id', data: rows.map((r) => r.id), type: 'STRING' },
    { name: 'label', data: rows.map((r) => BigInt(r.label)), type: 'INT64' },
    { name: 'prediction', data: rows.map((r) => BigInt(r.prediction)), type: 'INT64' },
    { name: 'probabilities', data: rows.map((r) => r.probabilities), type: 'DOUBLE' },
    { name: 'language', data: rows.map((r) => r.language), type: 'STRING' },
    { name: 'latency_ms', data: rows.map((r) => r.latency_ms), type: 'DOUBLE' },
  ],
});
