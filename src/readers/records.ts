/**
 * Maps one raw per-example object (a JSONL line, a CSV row) to an ExampleRecord. Shared by the record
 * readers so every format applies the same field rules and the same error messages.
 */
import { InputError } from '../errors.js';
import type { ExampleRecord } from '../types.js';
import type { RecordMapping } from './types.js';

/** Builds an ExampleRecord; throws InputError naming file, line and field when a required field is bad. */
export function toExampleRecord(
  raw: Record<string, unknown>,
  mapping: RecordMapping,
  file: string,
  line: number,
): ExampleRecord {
  const { fields } = mapping;
  const where = (field: string) => ({ file, line, field });
  const id = raw[fields.id];
  if (id === undefined || id === null || id === '') {
    throw new InputError(
      'missing example id (set `fields.id` if your id field has another name)',
      where(fields.id),
    );
  }
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new InputError(`example id must be a string or a number, found ${typeof id}`, where(fields.id));
  }
  if (typeof id === 'number' && !Number.isSafeInteger(id) && Number.isInteger(id)) {
    // JSON numbers beyond 2^53 are rounded on reading, so two ids could silently become one.
    throw new InputError(
      `numeric id ${id} is too large to be read exactly; write ids as strings`,
      where(fields.id),
    );
  }
  if (!(fields.label in raw) || raw[fields.label] === null || raw[fields.label] === undefined) {
    throw new InputError('missing label', where(fields.label));
  }
  if (
    !(fields.prediction in raw) ||
    raw[fields.prediction] === null ||
    raw[fields.prediction] === undefined
  ) {
    throw new InputError('missing prediction', where(fields.prediction));
  }
  const slices: Record<string, string> = {};
  for (const s of mapping.slices) {
    const v = raw[s];
    if (v === undefined || v === null || v === '') {
      throw new InputError(`missing slice field "${s}" (named in config \`slices\`)`, where(s));
    }
    if (typeof v === 'object')
      throw new InputError('slice value must be a string, number or boolean', where(s));
    slices[s] = String(v);
  }
  let cluster: string | undefined;
  if (mapping.cluster) {
    const v = raw[mapping.cluster];
    if (v === undefined || v === null || v === '' || typeof v === 'object') {
      throw new InputError('missing or non-scalar cluster id (config `cluster`)', where(mapping.cluster));
    }
    cluster = String(v);
  }
  const reserved = new Set<string>([
    fields.id,
    fields.label,
    fields.prediction,
    fields.probabilities,
    ...mapping.slices,
    ...mapping.ignoreFields,
  ]);
  if (mapping.cluster) reserved.add(mapping.cluster);
  const numeric: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (reserved.has(k)) continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new InputError(`numeric field must be finite, found ${v}`, where(k));
      numeric[k] = v;
    }
  }
  const rec: ExampleRecord = {
    id: String(id),
    label: raw[fields.label],
    prediction: raw[fields.prediction],
    slices,
    numeric,
    source: { file, line },
  };
  const p = raw[fields.probabilities];
  if (p !== undefined && p !== null) rec.probabilities = p;
  if (cluster !== undefined) rec.cluster = cluster;
  return rec;
}
