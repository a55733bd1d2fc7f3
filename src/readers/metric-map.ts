/**
 * Reader for plain metric maps (DVC style): a JSON or YAML mapping of metric name → number, nested
 * mappings joined with `.` (`f1_by_geo.France`). Non-numeric leaves are errors, not silently skipped.
 * A NaN or infinite value (Python's `json` writes bare `NaN`) is read as an undefined metric with the
 * reason, not as a number.
 */
import { InputError } from '../errors.js';
import type { MetricValue } from '../types.js';
import { MAX_JSON_DEPTH, readJsonFile } from './json-text.js';
import type { FormatReader } from './types.js';
import { hasExtension } from './sniff.js';
import { readTextFile } from './text.js';

/** A metric value the file gives as NaN or ±Infinity: undefined, with the reason. */
export function nonFiniteMetric(v: number, n: number | null = null): MetricValue {
  return { value: null, n, undefined: `the file gives ${v} (not a number)` };
}

/** Flattens a parsed metric map into metric values (n unknown). */
export function flattenMetricMap(data: unknown, file: string): Record<string, MetricValue> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError('expected a mapping of metric name to number', { file });
  }
  const out: Record<string, MetricValue> = {};
  const walk = (obj: Record<string, unknown>, prefix: string, depth: number) => {
    if (depth > MAX_JSON_DEPTH) {
      throw new InputError(`metric map nested deeper than ${MAX_JSON_DEPTH} levels`, {
        file,
        field: prefix.length > 200 ? `${prefix.slice(0, 200)}…` : prefix,
      });
    }
    for (const [k, v] of Object.entries(obj)) {
      const name = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'number') {
        if (name in out) {
          throw new InputError('two keys flatten to this metric name (nested keys are joined with ".")', {
            file,
            field: name,
          });
        }
        out[name] = Number.isFinite(v) ? { value: v, n: null } : nonFiniteMetric(v);
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        walk(v as Record<string, unknown>, name, depth + 1);
      } else {
        throw new InputError(
          `metric value must be a number or a nested mapping, found ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`,
          { file, field: name },
        );
      }
    }
  };
  walk(data as Record<string, unknown>, '', 1);
  if (Object.keys(out).length === 0) throw new InputError('no metrics in file', { file });
  return out;
}

/** A JSON metric map. */
export const jsonMetricMapFormat: FormatReader = {
  name: 'metric-map',
  description: 'JSON mapping of metric name to number (nested mappings joined with "."), e.g. DVC metrics',
  extensions: ['.json', '.json.gz'],
  detect(head) {
    if (head.outline.root !== '{') return 0;
    const lines = head.jsonLines;
    return lines && lines.length >= 2 ? 0.1 : 0.4;
  },
  read(file, ctx) {
    const metrics = flattenMetricMap(readJsonFile(file, ctx.encoding), file);
    return { kind: 'metrics', file, format: 'metric-map', metrics, directions: {} };
  },
};

const YAML_EXTENSIONS = ['.yaml', '.yml'];

/** A YAML metric map. */
export const yamlMetricMapFormat: FormatReader = {
  name: 'metric-map-yaml',
  description: 'YAML mapping of metric name to number (nested mappings joined with ".")',
  extensions: YAML_EXTENSIONS,
  detect(head, name) {
    if (hasExtension(name, YAML_EXTENSIONS)) return 0.6;
    const first = head.text.trimStart();
    if (first.startsWith('{') || first.startsWith('[')) return 0;
    return /^[\w.-]+:(\s|$)/m.test(first.slice(0, 4096)) && !first.includes(',') ? 0.3 : 0;
  },
  async read(file, ctx) {
    const text = readTextFile(file, ctx.encoding);
    // Loaded on first use: runs that read no YAML never parse the YAML library.
    const { parseYamlDocument, yamlToJs } = await import('./yaml-text.js');
    const { doc } = parseYamlDocument(text, file);
    const metrics = flattenMetricMap(yamlToJs(doc, file), file);
    return { kind: 'metrics', file, format: 'metric-map', metrics, directions: {} };
  },
};
