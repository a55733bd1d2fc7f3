#!/usr/bin/env node
/**
 * Extracts the few GitHub REST operations evalgate uses from @octokit/openapi into one small,
 * committed fixture (test/fixtures/github/openapi-operations.json), so that the fake GitHub can
 * validate every request and response against GitHub's own description without loading 13 MB
 * per test run.
 *
 * Operation-level schemas are stored as synthetic component schemas (`op:<operationId>:request`,
 * `op:<operationId>:<status>`) so that one document holds everything and every `$ref` — including the
 * transitive closure of referenced `#/components/schemas/*` — resolves inside it. Parameter and
 * response `$ref`s are inlined (they point at `#/components/parameters|responses`).
 *
 * Usage: node scripts/extract-openapi.mjs   (re-run after upgrading @octokit/openapi)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@octokit/openapi/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const spec = JSON.parse(readFileSync(join(pkgDir, 'generated', 'api.github.com.json'), 'utf8'));

/** The operations evalgate calls (src/github) or that @actions/artifact calls on its behalf. */
const OPERATIONS = [
  'repos/get',
  'actions/get-workflow-run',
  'actions/list-workflow-runs',
  'actions/list-workflow-run-artifacts',
  'actions/download-artifact',
  'repos/compare-commits',
  'repos/list-releases',
  'repos/get-commit',
  'repos/list-pull-requests-associated-with-commit',
  'pulls/get',
  'pulls/list',
  'users/get-authenticated',
  'issues/list-comments',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'checks/create',
  'checks/update',
  // Nightly/release gating: the tracking issue, the waiver label and who added it.
  'issues/list-for-repo',
  'issues/create',
  'issues/update',
  'issues/list-labels-on-issue',
  'issues/list-events',
];

const byId = new Map();
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (op && typeof op === 'object' && op.operationId) byId.set(op.operationId, { method, path, op, item });
  }
}

function deref(obj) {
  // Resolves a local `#/components/...` reference to its target (for parameters and responses).
  if (obj && obj.$ref) {
    const parts = obj.$ref.replace(/^#\//, '').split('/');
    let cur = spec;
    for (const p of parts) cur = cur[p.replace(/~1/g, '/').replace(/~0/g, '~')];
    return deref(cur);
  }
  return obj;
}

const neededSchemas = new Set();
function collectRefs(node) {
  if (Array.isArray(node)) return node.forEach(collectRefs);
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') {
      const m = /^#\/components\/schemas\/(.+)$/.exec(v);
      if (!m) throw new Error(`unexpected $ref ${v}`);
      if (!neededSchemas.has(m[1])) {
        neededSchemas.add(m[1]);
        collectRefs(spec.components.schemas[m[1]]);
      }
    } else if (k !== 'examples' && k !== 'example') {
      collectRefs(v);
    }
  }
}

const schemas = {};
const operations = {};
for (const id of OPERATIONS) {
  const found = byId.get(id);
  if (!found) throw new Error(`operation ${id} not found in @octokit/openapi ${pkg.version}`);
  const { method, path, op, item } = found;
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref).map((p) => ({
    name: p.name,
    in: p.in,
    required: Boolean(p.required),
    schema: p.schema,
  }));
  params.forEach((p) => collectRefs(p.schema));
  const entry = { method: method.toUpperCase(), path, parameters: params, responses: {} };
  const body = op.requestBody && deref(op.requestBody);
  const bodySchema = body?.content?.['application/json']?.schema;
  if (bodySchema) {
    const name = `op:${id}:request`;
    schemas[name] = bodySchema;
    collectRefs(bodySchema);
    entry.requestBody = { required: Boolean(body.required), schema: name };
  }
  for (const [status, resp0] of Object.entries(op.responses ?? {})) {
    const resp = deref(resp0);
    const s = resp?.content?.['application/json']?.schema;
    if (s) {
      const name = `op:${id}:${status}`;
      schemas[name] = s;
      collectRefs(s);
      entry.responses[status] = name;
    } else {
      entry.responses[status] = null;
    }
  }
  operations[id] = entry;
}
for (const name of [...neededSchemas].sort()) schemas[name] = spec.components.schemas[name];

function strip(node, inProperties = false) {
  // Examples and descriptions are dead weight for validation; under `properties` the keys are property
  // names (GitHub has properties called `description` and `example`), so they are kept there.
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (!inProperties && ['example', 'examples', 'description', 'externalDocs', 'title'].includes(k))
      continue;
    out[k] = strip(v, !inProperties && (k === 'properties' || k === 'patternProperties'));
  }
  return out;
}

const fixture = {
  $comment: `Extracted by scripts/extract-openapi.mjs from @octokit/openapi ${pkg.version} (api.github.com.json, OpenAPI ${spec.openapi}). Do not edit.`,
  source: { package: '@octokit/openapi', version: pkg.version, openapi: spec.openapi },
  operations,
  components: { schemas: strip(schemas) },
};
const outDir = join(root, 'test', 'fixtures', 'github');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'openapi-operations.json');
writeFileSync(out, JSON.stringify(fixture, null, 1) + '\n');
console.log(
  `wrote ${out}: ${Object.keys(operations).length} operations, ${Object.keys(schemas).length} schemas`,
);
