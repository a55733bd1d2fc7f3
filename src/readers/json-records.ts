/**
 * Reader for a JSON array of per-example records (`[{"question_id": 1, "answer": "B", "pred": "C"}]`),
 * the shape many eval scripts dump with `json.dump(rows)`. Fields map as config `fields:` says; where a
 * default field name is absent, common column names are detected (`gold_label` for the label, `pred`
 * for the prediction, `question_id` for the id, ...) and the report says which were taken
 * ("fields: label ← gold_label, prediction ← pred").
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import type { ExampleRecord } from '../types.js';
import { readJsonFile } from './json-text.js';
import { toExampleRecord } from './records.js';
import type { FormatReader } from './types.js';
import { keysAt } from './sniff.js';
import type { RecordMapping } from './types.js';

/** Column names recognised without config, in order of preference. */
export const FIELD_ALIASES = {
  id: ['id', 'example_id', 'question_id', 'qid', 'sample_id', 'doc_id', 'uid', 'idx', 'index'],
  label: ['label', 'gold', 'gold_label', 'target', 'answer', 'y_true', 'reference', 'expected'],
  prediction: ['prediction', 'pred', 'pred_label', 'predicted', 'predicted_label', 'output', 'y_pred'],
} as const;

const DEFAULT_NAMES = { id: 'id', label: 'label', prediction: 'prediction' } as const;

/**
 * Field names for records with these keys: a configured name is kept as is; a default name missing from
 * the keys is replaced by the first alias present. Returns the mapping and what was detected.
 */
export function detectFields(
  keys: Set<string>,
  mapping: RecordMapping,
): { mapping: RecordMapping; detected: string[] } {
  const fields = { ...mapping.fields };
  const detected: string[] = [];
  for (const role of ['id', 'label', 'prediction'] as const) {
    const name = fields[role];
    if (name !== DEFAULT_NAMES[role] || keys.has(name)) continue;
    const taken = new Set(Object.values(fields));
    const alias = FIELD_ALIASES[role].find((a) => keys.has(a) && !taken.has(a));
    if (alias) {
      fields[role] = alias;
      detected.push(`${role} ← ${alias}`);
    }
  }
  return { mapping: { ...mapping, fields }, detected };
}

/** Reads a JSON array of records. */
export function readJsonRecords(
  data: unknown,
  file: string,
  mapping: RecordMapping,
  lines: WeakMap<object, number>,
): { records: ExampleRecord[]; notes: string[] } {
  if (!Array.isArray(data)) throw new InputError('expected a JSON array of records', { file });
  if (data.length === 0) throw new InputError('no records in file', { file });
  const keys = new Set<string>();
  for (const r of data.slice(0, 100))
    if (typeof r === 'object' && r !== null && !Array.isArray(r)) for (const k of Object.keys(r)) keys.add(k);
  const { mapping: m, detected } = detectFields(keys, mapping);
  const byPosition = !keys.has(m.fields.id);
  const records = data.map((raw, i) => {
    const line = (typeof raw === 'object' && raw !== null ? lines.get(raw) : undefined) ?? i + 1;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new InputError(`record ${i + 1} is not an object`, { file, line });
    const obj = raw as Record<string, unknown>;
    const withId = byPosition ? { ...obj, [m.fields.id]: i + 1 } : obj;
    return toExampleRecord(withId, m, file, line);
  });
  const notes: string[] = [];
  if (detected.length)
    notes.push(`${basename(file)}: fields: ${detected.join(', ')} (detected; set \`fields:\` to choose)`);
  if (byPosition)
    notes.push(
      `${basename(file)}: no id field (tried ${FIELD_ALIASES.id.join(', ')}); examples are identified by position, so pairing with a baseline assumes the same order`,
    );
  return { records, notes };
}

/** JSON arrays of per-example records. */
export const jsonRecordsFormat: FormatReader = {
  name: 'json-records',
  description:
    'JSON array of per-example records ([{"id", "label", "prediction"}, ...]; common names such as gold_label/pred detected)',
  extensions: ['.json', '.json.gz'],
  detect(head) {
    if (head.outline.root !== '[') return 0;
    const k = keysAt(head.outline, '[]');
    if (k.size === 0) return 0;
    const has = (names: readonly string[]) => names.some((n) => k.has(n));
    return has(FIELD_ALIASES.label) && has(FIELD_ALIASES.prediction) ? 0.6 : 0.3;
  },
  read(file, ctx) {
    const lines = new WeakMap<object, number>();
    const data = readJsonFile(file, ctx.encoding, { lines });
    const { records, notes } = readJsonRecords(data, file, ctx.mapping, lines);
    return { kind: 'records', file, format: 'json-records', records, notes };
  },
};
