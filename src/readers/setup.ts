/**
 * Eval-setup fingerprints: short hashes of what a run was set up with, apart from the model (task
 * configs per key, the example ids with their labels). Readers fill them; the diagnosis compares them.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so equal values hash equally whatever order a tool wrote them in. */
export function canonicalJson(v: unknown): string {
  if (v === undefined) return 'null';
  if (typeof v === 'number' && !Number.isFinite(v)) return JSON.stringify(String(v));
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** First 12 hex digits of the SHA-256 of a value's canonical JSON. */
export function shortHash(v: unknown): string {
  return createHash('sha256').update(canonicalJson(v)).digest('hex').slice(0, 12);
}

/** Fingerprint of a task config: each top-level key → short hash of its value. */
export function configFingerprint(
  config: Record<string, unknown>,
  ignore: readonly string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(config).sort()) if (!ignore.includes(k)) out[k] = shortHash(config[k]);
  return out;
}

/** Fingerprint of an eval set: hash of the sorted (id, label) pairs. */
export function examplesFingerprint(ids: string[], labels?: unknown[]): { examples: string; n: number } {
  const rows = ids.map((id, i) => [id, labels ? (labels[i] ?? null) : null] as const);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { examples: shortHash(rows), n: ids.length };
}
