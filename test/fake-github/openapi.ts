/**
 * Validates the fake's traffic against GitHub's OpenAPI description (the operations extracted into
 * test/fixtures/github/openapi-operations.json by scripts/extract-openapi.mjs). Every request the
 * fake receives and every JSON response it sends goes through here, so a client bug (wrong field,
 * wrong type) and a fake bug (response GitHub would never send) both surface in the test.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const FIXTURE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'github',
  'openapi-operations.json',
);
const DOC_ID = 'https://evalgate.test/github-openapi.json';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Record<string, unknown>;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; schema: string };
  responses: Record<string, string | null>;
}

interface Fixture {
  operations: Record<string, Operation>;
  components: { schemas: Record<string, unknown> };
}

/** A matched operation with its path parameters. */
export interface MatchedOperation {
  id: string;
  op: Operation;
  params: Record<string, string>;
}

/**
 * OpenAPI 3.0 allows `nullable: true` next to `allOf`/`$ref` without a `type`; JSON Schema (and Ajv)
 * need it spelled as a union with null.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    out[k] = k === 'enum' || k === 'required' ? v : toJsonSchema(v);
  }
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) {
    // `nullable` does not widen `enum` in Ajv; GitHub sends null for e.g. a pending run's conclusion.
    out.enum = [...out.enum, null];
  }
  return out;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Loads the extracted operations and validates requests and responses against them. */
export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly ops: [string, Operation, RegExp, string[]][] = [];
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
    this.ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: false });
    // GitHub's description uses these formats; the checks are deliberately loose but not absent.
    this.ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    this.ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
    this.ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addSchema({ $id: DOC_ID, components: toJsonSchema(fixture.components) as object });
    for (const [id, op] of Object.entries(fixture.operations)) {
      const names: string[] = [];
      const source = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        names.push(name);
        return '([^/]+?)';
      });
      this.ops.push([id, op, new RegExp(`^${source.replace(/\.\.\./g, '\\.\\.\\.')}$`), names]);
    }
  }

  /** Finds the operation for a method and path (without query), or undefined. */
  match(method: string, path: string): MatchedOperation | undefined {
    for (const [id, op, re, names] of this.ops) {
      if (op.method !== method) continue;
      const m = re.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { id, op, params };
    }
    return undefined;
  }

  private validator(schemaName: string): ValidateFunction {
    let v = this.cache.get(schemaName);
    if (!v) {
      v = this.ajv.compile({ $ref: `${DOC_ID}#/components/schemas/${escapePointer(schemaName)}` });
      this.cache.set(schemaName, v);
    }
    return v;
  }

  private paramValidator(id: string, p: Parameter): ValidateFunction {
    const key = `${id}#param:${p.in}:${p.name}`;
    let v = this.cache.get(key);
    if (!v) {
      const absolute = JSON.parse(
        JSON.stringify(toJsonSchema(p.schema)).replace(/"#\/components\//g, `"${DOC_ID}#/components/`),
      ) as object;
      v = this.ajv.compile(absolute);
      this.cache.set(key, v);
    }
    return v;
  }

  /** Validates path and query parameters and the JSON body; returns error strings (empty = valid). */
  validateRequest(m: MatchedOperation, query: URLSearchParams, body: unknown): string[] {
    const errors: string[] = [];
    for (const p of m.op.parameters) {
      if (p.in === 'header') continue;
      const raw = p.in === 'path' ? m.params[p.name] : (query.get(p.name) ?? undefined);
      if (raw === undefined) {
        if (p.required) errors.push(`missing required ${p.in} parameter "${p.name}"`);
        continue;
      }
      const value = coerce(raw, p.schema);
      const v = this.paramValidator(m.id, p);
      if (!v(value)) errors.push(`${p.in} parameter "${p.name}"=${JSON.stringify(raw)}: ${fmt(v.errors)}`);
    }
    const known = new Set(m.op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const key of query.keys()) {
      if (!known.has(key)) errors.push(`unknown query parameter "${key}" for ${m.id}`);
    }
    if (m.op.requestBody) {
      if (body === undefined) {
        if (m.op.requestBody.required) errors.push('missing required JSON body');
      } else {
        const v = this.validator(m.op.requestBody.schema);
        if (!v(body)) errors.push(`body: ${fmt(v.errors)}`);
      }
    } else if (body !== undefined && m.op.method !== 'GET' && m.op.method !== 'DELETE') {
      errors.push('unexpected request body');
    }
    return errors;
  }

  /** Validates a response status and JSON body; returns error strings (empty = valid). */
  validateResponse(m: MatchedOperation, status: number, body: unknown): string[] {
    if (!(String(status) in m.op.responses)) {
      return [
        `status ${status} is not a documented response of ${m.id} (${Object.keys(m.op.responses).join(', ')})`,
      ];
    }
    const schema = m.op.responses[String(status)];
    if (!schema) return body === undefined ? [] : [`status ${status} of ${m.id} has no body, got one`];
    const v = this.validator(schema);
    return v(body) ? [] : [`response ${status}: ${fmt(v.errors)}`];
  }
}

function coerce(raw: string, schema: Record<string, unknown>): unknown {
  if (schema.type === 'integer' || schema.type === 'number')
    return raw.trim() !== '' && !isNaN(Number(raw)) ? Number(raw) : raw;
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function fmt(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 8)
    .map(
      (e) =>
        `${e.instancePath || '/'} ${e.message}${e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : ''}`,
    )
    .join('; ');
}
