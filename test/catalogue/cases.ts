/**
 * The catalogue of malformed and unusual inputs (docs/errors.md): each case is a set of files, one CLI
 * invocation and what must come out (exit code, fragments of stdout/stderr). It is a table, so it is
 * long on purpose: one row per case reads better than one file per handful of cases.
 */

/** One catalogue case. */
export interface Case {
  /** Short unique id (kebab-case). */
  id: string;
  /** What is tried, in a few words. */
  what: string;
  /** Files written into the case's empty working folder (name → content). */
  files: Record<string, string | Uint8Array>;
  /** Arguments after `node dist/cli/index.js`. */
  args: string[];
  exit: 0 | 1 | 2;
  /** Fragments stdout must contain (strings literally, regexps by match). */
  out?: (string | RegExp)[];
  /** Fragments stderr must contain. */
  err?: (string | RegExp)[];
  /** Fragments neither stdout nor stderr may contain. */
  never?: (string | RegExp)[];
  /** For exit 2: the file the message must name [the first file of `files` named in `args`]. */
  names?: string | null;
  /**
   * Not implemented yet (whose work, which item): the case is expected to fail (`it.fails`), so the
   * suite shows it; once it passes, `it.fails` fails and the marker must go.
   */
  pending?: string;
}

// ----------------------------------------------------------------------------- builders

type Rec = Record<string, unknown>;

/** JSON Lines text of records. */
export const jsonl = (recs: Rec[]): string => recs.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** `n` binary records; `wrong` of them (the first ones) mispredicted. */
export function binary(n: number, wrong = 0, extra: (i: number) => Rec = () => ({})): Rec[] {
  return Array.from({ length: n }, (_, i) => {
    const label = i % 2;
    return { id: `ex-${i}`, label, prediction: i < wrong ? 1 - label : label, ...extra(i) };
  });
}

/** CSV text from a header and rows. */
export const csv = (header: string[], rows: unknown[][]): string =>
  [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';

/** UTF-16 with a byte order mark (what PowerShell's `Out-File` writes). */
function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}

/** A metric map nested `depth` levels deep, built as text (JSON.stringify would overflow first). */
function deepJson(depth: number): string {
  return '{"a":'.repeat(depth) + '0.5' + '}'.repeat(depth);
}

const cmp = (cur: string, base: string, ...more: string[]) => [
  'compare',
  '--current',
  cur,
  '--baseline',
  base,
  ...more,
];

const good = jsonl(binary(40, 2));
const worse = jsonl(binary(40, 14));
const map = (m: Rec) => JSON.stringify(m);
const NO_STACK = /\n\s+at .*:\d+:\d+/;

// ----------------------------------------------------------------------------- the cases

// prettier-ignore
export const CASES: Case[] = [
  // --- accepted: well-formed input in every supported shape -------------------------------------
  { id: 'jsonl-binary', what: 'JSON Lines, binary', files: { 'a.jsonl': good }, args: ['metrics', 'a.jsonl'], exit: 0, out: ['"task": "binary"', '"accuracy"'] },
  { id: 'jsonl-crlf', what: 'JSON Lines with CRLF line ends', files: { 'a.jsonl': good.replace(/\n/g, '\r\n') }, args: ['metrics', 'a.jsonl'], exit: 0, out: ['"n": 40'] },
  { id: 'jsonl-blank-lines', what: 'JSON Lines with blank lines between and after records', files: { 'a.jsonl': good.replace(/\n/g, '\n\n') + '\n\n' }, args: ['metrics', 'a.jsonl'], exit: 0, out: ['"n": 40'] },
  { id: 'jsonl-utf8-bom', what: 'JSON Lines with a UTF-8 byte order mark', files: { 'a.jsonl': '\ufeff' + good }, args: ['metrics', 'a.jsonl'], exit: 0, out: ['"n": 40'] },
  { id: 'csv-binary', what: 'CSV, binary', files: { 'a.csv': csv(['id', 'label', 'prediction'], binary(20, 1).map((r) => [r.id, r.label, r.prediction])) }, args: ['metrics', 'a.csv'], exit: 0, out: ['"n": 20'] },
  { id: 'tsv-binary', what: 'TSV, binary', files: { 'a.tsv': ['id\tlabel\tprediction', ...binary(20).map((r) => `${r.id}\t${r.label}\t${r.prediction}`)].join('\n') + '\n' }, args: ['metrics', 'a.tsv'], exit: 0, out: ['"n": 20'] },
  { id: 'metric-map-json', what: 'JSON metric map', files: { 'm.json': map({ accuracy: 0.9, f1: 0.8 }) }, args: ['metrics', 'm.json'], exit: 0, out: ['"task": "aggregate"', '"f1"'] },
  { id: 'metric-map-nested', what: 'nested metric map (keys joined with .)', files: { 'm.json': map({ eval: { accuracy: 0.9, by_lang: { de: 0.8 } } }) }, args: ['metrics', 'm.json'], exit: 0, out: ['"eval.by_lang.de"'] },
  { id: 'metric-map-yaml', what: 'YAML metric map', files: { 'm.yaml': 'accuracy: 0.9\nloss: 0.3\n' }, args: ['metrics', 'm.yaml'], exit: 0, out: ['"loss"'] },
  { id: 'metric-map-utf16le-bom', what: 'UTF-16LE metric map with BOM (PowerShell)', files: { 'm.json': utf16(map({ accuracy: 0.9 }), 'le') }, args: ['metrics', 'm.json'], exit: 0, out: ['"accuracy"'] },
  { id: 'metric-map-utf16be-bom', what: 'UTF-16BE metric map with BOM', files: { 'm.json': utf16(map({ accuracy: 0.9 }), 'be') }, args: ['metrics', 'm.json'], exit: 0, out: ['"accuracy"'] },
  { id: 'jsonl-utf16le-no-bom', what: 'UTF-16LE JSON Lines without BOM (NUL pattern)', files: { 'a.jsonl': utf16(good, 'le', false) }, args: ['metrics', 'a.jsonl'], exit: 0, out: ['"n": 40'] },
  { id: 'multiclass', what: 'multiclass string labels', files: { 'a.jsonl': jsonl(Array.from({ length: 30 }, (_, i) => ({ id: i, label: ['cat', 'dog', 'eel'][i % 3], prediction: ['cat', 'dog', 'eel'][(i + (i < 3 ? 1 : 0)) % 3] }))) }, args: ['metrics', 'a.jsonl'], exit: 0, out: ['"task": "multiclass"', '"f1_macro"'] },
  { id: 'multilabel', what: 'multilabel lists', files: { 'a.jsonl': jsonl(Array.from({ length: 20 }, (_, i) => ({ id: i, label: i % 2 ? ['a', 'b'] : ['b'], prediction: ['b'] }))) }, args: ['metrics', 'a.jsonl'], exit: 0, out: ['"task": "multilabel"', '"f1_micro"'] },
  { id: 'regression', what: 'regression decimals', files: { 'a.jsonl': jsonl(Array.from({ length: 20 }, (_, i) => ({ id: i, label: i + 0.5, prediction: i + 0.25 }))) }, args: ['metrics', 'a.jsonl'], exit: 0, out: ['"task": "regression"', '"mae"'] },
  { id: 'generation', what: 'generation text', files: { 'a.jsonl': jsonl(Array.from({ length: 10 }, (_, i) => ({ id: i, label: `answer ${i}`, prediction: i < 8 ? `answer ${i}` : 'no idea' }))) }, args: ['metrics', 'a.jsonl', '--task', 'generation'], exit: 0, out: ['"exact_match"'] },
  { id: 'unicode-ids-and-slices', what: 'non-ASCII ids and slice values', files: { 'a.jsonl': jsonl(binary(20, 0, (i) => ({ id: `ü-${i}`, city: i % 2 ? 'São Paulo' : 'Sèo Paulo' }))), 'c.yml': 'slices: [city]\n' }, args: ['metrics', 'a.jsonl', '--config', 'c.yml'], exit: 0, out: ['São Paulo', 'Sèo Paulo'] },
  { id: 'proto-key', what: 'a `__proto__` key in a metric map is an ordinary name', files: { 'm.json': '{"__proto__":{"x":1},"accuracy":0.5}' }, args: ['metrics', 'm.json'], exit: 0, out: ['"__proto__.x"'] },

  // --- no silent pass: direction from the name, warn when nothing decides ------------------------
  { id: 'name-mmlu-accuracy', what: 'metric map mmlu_accuracy/task_accuracy 0.9 → 0.7, zero-config', files: { 'b.json': map({ mmlu_accuracy: 0.9, task_accuracy: 0.9 }), 'c.json': map({ mmlu_accuracy: 0.7, task_accuracy: 0.7 }) }, args: cmp('c.json', 'b.json'), exit: 1, out: ['**mmlu\\_accuracy** regressed', '**task\\_accuracy** regressed', 'Direction from the name: mmlu\\_accuracy (accuracy: higher is better)'] },
  { id: 'name-my-f1', what: 'my_f1 drops', files: { 'b.json': map({ my_f1: 0.9 }), 'c.json': map({ my_f1: 0.7 }) }, args: cmp('c.json', 'b.json'), exit: 1, out: ['regressed'] },
  { id: 'name-exact-match-rate', what: 'exact_match_rate drops', files: { 'b.json': map({ exact_match_rate: 0.9 }), 'c.json': map({ exact_match_rate: 0.7 }) }, args: cmp('c.json', 'b.json'), exit: 1, out: ['regressed'] },
  { id: 'name-val-loss', what: 'val_loss rises', files: { 'b.json': map({ val_loss: 0.3 }), 'c.json': map({ val_loss: 0.5 }) }, args: cmp('c.json', 'b.json'), exit: 1, out: ['regressed'] },
  { id: 'name-perplexity-falls', what: 'wikitext/word_perplexity falls (an improvement)', files: { 'b.json': map({ wikitext: { word_perplexity: 20 } }), 'c.json': map({ wikitext: { word_perplexity: 18 } }) }, args: cmp('c.json', 'b.json'), exit: 0, out: ['Pass'] },
  { id: 'name-latency-ms', what: 'p95_latency_ms rises', files: { 'b.json': map({ p95_latency_ms: 100 }), 'c.json': map({ p95_latency_ms: 130 }) }, args: cmp('c.json', 'b.json'), exit: 1, out: ['regressed'] },
  { id: 'name-unknown-warns', what: 'a name that decides nothing (widgets) drops: warn, naming it', files: { 'b.json': map({ widgets: 0.9 }), 'c.json': map({ widgets: 0.7 }) }, args: cmp('c.json', 'b.json'), exit: 0, out: ['Warn', '**widgets** warning', /direction unknown — set \\?`direction:\\?`/] },
  { id: 'name-unknown-json-verdict', what: 'the same, JSON report: verdict warn, status warn', files: { 'b.json': map({ widgets: 0.9 }), 'c.json': map({ widgets: 0.7 }) }, args: cmp('c.json', 'b.json', '--format', 'json'), exit: 0, out: ['"verdict": "warn"', '"status": "warn"'] },
  { id: 'name-unknown-fail-on-warn', what: 'the same with --fail-on warn fails', files: { 'b.json': map({ widgets: 0.9 }), 'c.json': map({ widgets: 0.7 }) }, args: cmp('c.json', 'b.json', '--fail-on', 'warn'), exit: 1, out: ['**widgets**'] },
  { id: 'name-unknown-with-direction', what: 'direction set in the config gates it', files: { 'b.json': map({ widgets: 0.9 }), 'c.json': map({ widgets: 0.7 }), 'c.yml': 'metrics:\n  widgets: { direction: higher }\n' }, args: cmp('c.json', 'b.json', '--config', 'c.yml'), exit: 1, out: ['regressed'] },
  { id: 'name-neg-sklearn', what: "scikit-learn's neg_mean_squared_error falls (worse)", files: { 'b.json': map({ neg_mean_squared_error: -0.2 }), 'c.json': map({ neg_mean_squared_error: -0.4 }) }, args: cmp('c.json', 'b.json'), exit: 1, out: ['regressed'] },
  { id: 'compare-unchanged', what: 'the same run twice passes', files: { 'a.jsonl': good, 'b.jsonl': good }, args: cmp('a.jsonl', 'b.jsonl'), exit: 0, out: ['Pass'] },
  { id: 'compare-regressed', what: 'accuracy drops beyond noise', files: { 'a.jsonl': worse, 'b.jsonl': good }, args: cmp('a.jsonl', 'b.jsonl'), exit: 1, out: ['**accuracy**'] },

  // --- silent data changes: encodings, duplicates, missing values ------------------------------
  { id: 'csv-latin1', what: 'a Latin-1 CSV (São Paulo as 0xE3)', files: { 'a.csv': Buffer.from(csv(['id', 'city', 'label', 'prediction'], [[1, 'São Paulo', 1, 1], [2, 'Sèo Paulo', 0, 0]]), 'latin1') }, args: ['metrics', 'a.csv'], exit: 2, err: [/not UTF-8/, /a\.csv:2:/, /byte 0xE3 at byte offset 28/, /encoding: latin1/] },
  { id: 'csv-latin1-declared', what: 'the same with `encoding: latin1`: two slices', files: { 'a.csv': Buffer.from(csv(['id', 'city', 'label', 'prediction'], [[1, 'São Paulo', 1, 1], [2, 'Sèo Paulo', 0, 0], [3, 'São Paulo', 0, 1]]), 'latin1'), 'c.yml': 'encoding: latin1\nslices: [city]\n' }, args: ['metrics', 'a.csv', '--config', 'c.yml'], exit: 0, out: ['São Paulo', 'Sèo Paulo'] },
  { id: 'jsonl-invalid-utf8', what: 'JSON Lines with a stray 0xFF byte', files: { 'a.jsonl': Buffer.concat([Buffer.from(good), Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x0a])]) }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/not UTF-8/, /a\.jsonl:41:/, /byte 0xFF/] },
  { id: 'metric-map-duplicate-key', what: 'JSON metric map with accuracy twice', files: { 'm.json': '{\n  "accuracy": 0.9,\n  "accuracy": 0.8\n}\n' }, args: ['metrics', 'm.json'], exit: 2, err: [/duplicate/i, /accuracy/, /:3\b|line 3/] },
  { id: 'metric-map-duplicate-nested', what: 'duplicate key inside a nested object', files: { 'm.json': '{"eval": {"f1": 0.5, "f1": 0.6}}' }, args: ['metrics', 'm.json'], exit: 2, err: [/duplicate/i, /f1/] },
  { id: 'jsonl-duplicate-label', what: 'a JSON Lines record with label twice', files: { 'a.jsonl': good + '{"id":"x","label":1,"prediction":1,"label":0}\n' }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/given twice|duplicate/i, /label/, /:41\b|line 41/] },
  { id: 'yaml-duplicate-key', what: 'YAML metric map with a key twice names the key', files: { 'm.yaml': 'accuracy: 0.9\nf1: 0.5\naccuracy: 0.8\n' }, args: ['metrics', 'm.yaml'], exit: 2, err: [/accuracy/, /duplicate/i] },
  { id: 'config-duplicate-key', what: 'config with a key twice names the key', files: { 'a.jsonl': good, 'c.yml': 'task: binary\nsignificance: 0.05\ntask: multiclass\n' }, args: ['metrics', 'a.jsonl', '--config', 'c.yml'], exit: 2, err: [/task/, /duplicate/i], names: 'c.yml' },
  { id: 'csv-nan-cell', what: 'CSV numeric cell NaN is never silently dropped', files: { 'a.csv': csv(['id', 'label', 'prediction', 'latency_ms'], [[1, 1, 1, 'NaN'], [2, 0, 0, 30], [3, 1, 1, 40], [4, 0, 0, 50], [5, 1, 0, 60]]) }, args: ['metrics', 'a.csv', '--format', 'markdown'], exit: 0, out: [/latency\\?_ms: 1 of 5 values missing/] },
  { id: 'csv-na-cell', what: 'CSV numeric cell NA, same rule', files: { 'a.csv': csv(['id', 'label', 'prediction', 'latency_ms'], [[1, 1, 1, 'NA'], [2, 0, 0, 30], [3, 1, 1, 40]]) }, args: ['metrics', 'a.csv', '--format', 'markdown'], exit: 0, out: [/latency\\?_ms: 1 of 3 values missing/] },
  { id: 'csv-empty-cell', what: 'CSV empty numeric cell, same rule', files: { 'a.csv': csv(['id', 'label', 'prediction', 'latency_ms'], [[1, 1, 1, ''], [2, 0, 0, 30], [3, 1, 1, 40]]) }, args: ['metrics', 'a.csv', '--format', 'markdown'], exit: 0, out: [/latency\\?_ms: 1 of 3 values missing/] },
  { id: 'jsonl-duplicate-ids', what: 'two records with one id', files: { 'a.jsonl': good + jsonl([{ id: 'ex-0', label: 1, prediction: 1 }]) }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/ex-0/] },
  { id: 'csv-duplicate-header', what: 'CSV with a column twice', files: { 'a.csv': 'id,label,prediction,label\n1,1,1,0\n' }, args: ['metrics', 'a.csv'], exit: 2, err: [/label/] },

  // --- crashes and unclear errors ---------------------------------------------------------------
  { id: 'metric-map-deep', what: 'metric map nested 100,000 levels', files: { 'm.json': deepJson(100_000) }, args: ['metrics', 'm.json'], exit: 2, err: [/nest|deep/i], never: ['RangeError', 'Maximum call stack'] },
  { id: 'metric-map-deep-65', what: 'metric map nested 65 levels (past the limit of 64)', files: { 'm.json': deepJson(65) }, args: ['metrics', 'm.json'], exit: 2, err: [/nest|deep/i] },
  { id: 'jsonl-deep', what: 'a JSON Lines record nested 100,000 levels', files: { 'a.jsonl': good + '{"id":"d","label":1,"prediction":1,"x":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}\n' }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/nest|deep/i], never: ['RangeError'] },
  { id: 'yaml-deep', what: 'YAML metric map nested 10,000 levels (flow style)', files: { 'm.yaml': 'a: ' + '{b: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n' }, args: ['metrics', 'm.yaml'], exit: 2, never: ['RangeError'] },
  { id: 'utf16-without-support-echo', what: 'UTF-16 JSON Lines records: no NUL bytes echoed in any message', files: { 'a.jsonl': utf16('{"id":1,"label":1}\n', 'le') }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/prediction/], never: ['\0'] },
  { id: 'control-chars-in-key', what: 'a field name with control characters is not echoed raw', files: { 'm.json': '{"acc\\u001b[31m\\u0007":"x"}' }, args: ['metrics', 'm.json'], exit: 2, never: ['\u001b', '\u0007'] },
  { id: 'control-chars-in-value', what: 'a label with an escape sequence in a task mismatch message', files: { 'a.jsonl': jsonl([{ id: 1, label: 'a\u001b[2Jb', prediction: [1, 2] }]) }, args: ['metrics', 'a.jsonl'], exit: 2, never: ['\u001b'] },
  { id: 'task-mismatch', what: 'baseline integers, current decimals: the error names the files', files: { 'b.jsonl': jsonl(binary(20)), 'c.jsonl': jsonl(Array.from({ length: 20 }, (_, i) => ({ id: `ex-${i}`, label: i + 0.5, prediction: i + 0.25 }))) }, args: cmp('c.jsonl', 'b.jsonl'), exit: 2, err: [/task/, /c\.jsonl/, /b\.jsonl/] },
  { id: 'binary-garbage', what: 'random bytes named .jsonl', files: { 'a.jsonl': Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 17) % 256) }, args: ['metrics', 'a.jsonl'], exit: 2 },
  { id: 'empty-jsonl', what: 'an empty .jsonl', files: { 'a.jsonl': '' }, args: ['metrics', 'a.jsonl'], exit: 2 },
  { id: 'empty-json', what: 'an empty .json', files: { 'm.json': '' }, args: ['metrics', 'm.json'], exit: 2 },
  { id: 'malformed-jsonl-line', what: 'a truncated JSON line names the line', files: { 'a.jsonl': good + '{"id":"t","label":\n' }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/a\.jsonl:41/, /malformed JSON/] },
  { id: 'nan-literal', what: 'a bare NaN in JSON', files: { 'a.jsonl': good + '{"id":"n","label":1,"prediction":NaN}\n' }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/a\.jsonl:41/] },
  { id: 'json-array-root', what: 'a .json holding an array', files: { 'm.json': '[1,2,3]' }, args: ['metrics', 'm.json'], exit: 2, err: [/cannot tell the format/] },
  { id: 'metric-map-string-value', what: 'a metric map value that is a string', files: { 'm.json': map({ accuracy: 0.5, note: 'x' }) }, args: ['metrics', 'm.json'], exit: 2, err: [/note/, /string/] },
  { id: 'metric-map-infinite', what: 'a metric value 1e400 (Infinity) is an undefined metric, said so', files: { 'm.json': '{"accuracy":1e400}' }, args: ['metrics', 'm.json'], exit: 0, out: ['"value": null', '"undefined": "the file gives Infinity (not a number)"'] },
  { id: 'metric-map-null', what: 'a metric value null', files: { 'm.json': '{"accuracy":null}' }, args: ['metrics', 'm.json'], exit: 2, err: [/accuracy/] },
  { id: 'metric-map-empty', what: 'an empty metric map', files: { 'm.json': '{}' }, args: ['metrics', 'm.json'], exit: 2, err: [/no metrics/] },
  { id: 'lm-eval-empty-results', what: 'lm-eval results with no tasks', files: { 'results.json': '{"results":{}}' }, args: ['metrics', 'results.json'], exit: 2 },
  { id: 'missing-prediction', what: 'a record without prediction', files: { 'a.jsonl': good + '{"id":"m","label":1}\n' }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/a\.jsonl:41/, /prediction/] },
  { id: 'missing-label', what: 'a record without label', files: { 'a.jsonl': good + '{"id":"m","prediction":1}\n' }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/a\.jsonl:41/, /label/] },
  { id: 'probabilities-sum', what: 'probabilities that do not sum to 1', files: { 'a.jsonl': jsonl(Array.from({ length: 10 }, (_, i) => ({ id: i, label: i % 2 ? 'a' : 'b', prediction: 'a', probabilities: { a: 0.7, b: i === 4 ? 0.7 : 0.3 } }))) }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/a\.jsonl:5/, /probabilities/] },
  { id: 'record-not-object', what: 'a JSON Lines line that is an array', files: { 'a.jsonl': good + '[1,2]\n' }, args: ['metrics', 'a.jsonl'], exit: 2, err: [/a\.jsonl:41/] },
  { id: 'csv-ragged', what: 'a CSV row with an extra cell', files: { 'a.csv': 'id,label,prediction\n1,1,1\n2,0,0,9\n' }, args: ['metrics', 'a.csv'], exit: 2, err: [/a\.csv/] },
  { id: 'csv-header-only', what: 'a CSV with a header and no rows', files: { 'a.csv': 'id,label,prediction\n' }, args: ['metrics', 'a.csv'], exit: 2 },
  { id: 'csv-unclosed-quote', what: 'a CSV with an unclosed quote', files: { 'a.csv': 'id,label,prediction\n1,"1,1\n' }, args: ['metrics', 'a.csv'], exit: 2, err: [/a\.csv/] },
  { id: 'gz-corrupt', what: 'a .jsonl.gz that is not gzip', files: { 'a.jsonl.gz': 'not gzip at all' }, args: ['metrics', 'a.jsonl.gz'], exit: 2 },
  { id: 'parquet-corrupt', what: 'a .parquet that is not Parquet', files: { 'a.parquet': 'PAR1 but not really' }, args: ['metrics', 'a.parquet'], exit: 2 },
  { id: 'file-not-found', what: 'a file that does not exist', files: {}, args: ['metrics', 'nope.jsonl'], exit: 2, err: ['nope.jsonl', 'not found'], names: null },
  { id: 'empty-folder', what: 'a folder with no eval files', files: { 'd/readme.txt': 'x' }, args: ['metrics', 'd'], exit: 2, names: null, err: [/\bd\b/] },

  // --- configuration ----------------------------------------------------------------------------
  { id: 'config-bad-yaml', what: 'a config that is not YAML', files: { 'a.jsonl': good, 'c.yml': 'metrics: [\n' }, args: ['metrics', 'a.jsonl', '--config', 'c.yml'], exit: 2, names: 'c.yml' },
  { id: 'config-unknown-key', what: 'a misspelt config key', files: { 'a.jsonl': good, 'c.yml': 'signifcance: 0.05\n' }, args: ['metrics', 'a.jsonl', '--config', 'c.yml'], exit: 2, err: ['signifcance'], names: 'c.yml' },
  { id: 'config-wrong-type', what: 'max_regression given as text', files: { 'a.jsonl': good, 'c.yml': 'metrics:\n  accuracy: { max_regression: lots }\n' }, args: ['metrics', 'a.jsonl', '--config', 'c.yml'], exit: 2, err: ['max_regression'], names: 'c.yml' },
  { id: 'config-bad-direction', what: 'direction: up', files: { 'a.jsonl': good, 'c.yml': 'metrics:\n  accuracy: { direction: up }\n' }, args: ['metrics', 'a.jsonl', '--config', 'c.yml'], exit: 2, err: ['direction'], names: 'c.yml' },
  { id: 'config-missing', what: 'a config file that does not exist', files: { 'a.jsonl': good }, args: ['metrics', 'a.jsonl', '--config', 'nope.yml'], exit: 2, err: ['nope.yml'], names: null },
  { id: 'config-typo-metric', what: 'a gated metric name in no run is a warning ("a typo?"), not a pass', files: { 'a.jsonl': good, 'b.jsonl': good, 'c.yml': 'metrics:\n  acuracy: { max_regression: 0.01 }\n' }, args: cmp('a.jsonl', 'b.jsonl', '--config', 'c.yml', '--format', 'json'), exit: 0, out: ['"verdict": "warn"', 'typo'] },
  { id: 'config-yaml-alias-bomb', what: 'a config with exponential YAML aliases', files: { 'a.jsonl': good, 'c.yml': 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n' }, args: ['metrics', 'a.jsonl', '--config', 'c.yml'], exit: 2, names: 'c.yml' },

  // --- command line -----------------------------------------------------------------------------
  { id: 'usage-unknown-option', what: 'an unknown option', files: {}, args: ['metrics', '--bogus', 'x'], exit: 2, err: ['--bogus'], names: null },
  { id: 'usage-unknown-command', what: 'an unknown command', files: {}, args: ['frobnicate'], exit: 2, err: ['frobnicate'], names: null },
  { id: 'usage-compare-no-baseline', what: 'compare without --baseline', files: { 'a.jsonl': good }, args: ['compare', '--current', 'a.jsonl'], exit: 2, err: ['--baseline'], names: null },
  { id: 'usage-bad-format', what: '--format xml', files: { 'a.jsonl': good }, args: ['metrics', 'a.jsonl', '--format', 'xml'], exit: 2, err: ['xml'], names: null },
  { id: 'usage-bad-task', what: '--task banana', files: { 'a.jsonl': good }, args: ['metrics', 'a.jsonl', '--task', 'banana'], exit: 2, err: ['banana'], names: null },
  { id: 'usage-bad-fail-on', what: '--fail-on sometimes', files: { 'a.jsonl': good, 'b.jsonl': good }, args: cmp('a.jsonl', 'b.jsonl', '--fail-on', 'sometimes'), exit: 2, err: ['sometimes'], names: null },
];

/** Checks that apply to every case whatever its input. */
export const ALWAYS_NEVER: RegExp[] = [NO_STACK, /internal error/, /unexpected error/];
