/**
 * Validation of a parsed config against its JSON Schema (schema.ts), and the words and places of its
 * errors: which key, on which line of the YAML, what was expected and what was found.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isSeq, isScalar, type Node } from 'yaml';
import { configSchema } from './schema.js';

// Compiled on first use: compiling the schema costs ~0.1 s, which a run without a config file
// (`evalgate metrics` zero-config) should not pay at start-up (docs/performance.md).
let validator: ValidateFunction | undefined;
/** Validates `data` against the config schema; the returned function's `errors` say what failed. */
export function validate(data: unknown): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(configSchema);
  validator(data);
  return validator;
}

/** Prefers the most specific, most useful error (additionalProperties names the unknown key). */
export function pickError(errors: ErrorObject[]): ErrorObject {
  const rank = (e: ErrorObject) =>
    (e.keyword === 'additionalProperties' ? 0 : e.keyword === 'enum' || e.keyword === 'type' ? 1 : 2) * 1000 -
    e.instancePath.length;
  return [...errors].sort((a, b) => rank(a) - rank(b))[0];
}

/** Key path of the value an error is about (for an unknown key: the key itself). */
export function errorPath(e: ErrorObject): string[] {
  const parts = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'additionalProperties') parts.push(String(e.params.additionalProperty));
  return parts;
}

/** The error in words: what was expected and what was found. */
export function explain(e: ErrorObject, data: unknown): string {
  const found = valueAt(data, errorPath(e));
  switch (e.keyword) {
    case 'additionalProperties': {
      const allowed = allowedKeys(e.schemaPath);
      return `unknown key "${String(e.params.additionalProperty)}"${allowed ? `; expected one of: ${allowed}` : ''}`;
    }
    case 'enum':
      return `expected one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, found ${describe(found)}`;
    case 'type':
      return `expected ${String(e.params.type).replace(',', ' or ')}, found ${describe(found)}`;
    default:
      return `expected a value that ${e.message ?? 'is valid'}, found ${describe(found)}`;
  }
}

function allowedKeys(schemaPath: string): string | undefined {
  // schemaPath like #/properties/metrics/additionalProperties/additionalProperties
  const parts = schemaPath.replace(/^#\//, '').split('/').slice(0, -1);
  let node: unknown = configSchema;
  for (const p of parts) node = (node as Record<string, unknown>)?.[p];
  const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props).join(', ') : undefined;
}

function valueAt(data: unknown, path: string[]): unknown {
  let v = data;
  for (const p of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** The YAML node at a key path, for the line number of a message; null when there is none. */
export function nodeAt(root: Node | null, path: string[]): Node | null {
  let node: Node | null = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
      if (!pair) return node;
      // For an unknown key, point at the key itself.
      node = (pair.value as Node | null) ?? (pair.key as Node);
      if (!pair.value) return pair.key as Node;
    } else if (isSeq(node)) {
      node = (node.items[Number(key)] as Node | undefined) ?? node;
    } else {
      return node;
    }
  }
  return node;
}

/** Path of the first NaN/±Infinity (YAML `.nan`, `.inf`), which JSON Schema's `number` lets through. */
export function findNonFinite(v: unknown, path: string[]): string[] | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : path;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = findNonFinite(v[i], [...path, String(i)]);
      if (p) return p;
    }
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = findNonFinite(x, [...path, k]);
      if (p) return p;
    }
  }
  return undefined;
}

/** A found value in a few words for messages (`string "lots"`, `a list`, `null`). */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}
