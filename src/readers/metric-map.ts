/**
 * Reader for plain metric maps (DVC style): a JSON or YAML mapping of metric name → number, nested
 * mappings joined with `.` (`f1_by_geo.France`). Non-numeric leaves are errors, not silently skipped.
 */
import { InputError } from '../errors.js';
import type { MetricValue } from '../types.js';

/** Flattens a parsed metric map into metric values (n unknown). */
export function flattenMetricMap(data: unknown, file: string): Record<string, MetricValue> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError('expected a mapping of metric name to number', { file });
  }
  const out: Record<string, MetricValue> = {};
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      const name = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'number') {
        if (!Number.isFinite(v))
          throw new InputError(`metric value must be finite, found ${v}`, { file, field: name });
        if (name in out) {
          throw new InputError('two keys flatten to this metric name (nested keys are joined with ".")', {
            file,
            field: name,
          });
        }
        out[name] = { value: v, n: null };
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        walk(v as Record<string, unknown>, name);
      } else {
        throw new InputError(
          `metric value must be a number or a nested mapping, found ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`,
          { file, field: name },
        );
      }
    }
  };
  walk(data as Record<string, unknown>, '');
  if (Object.keys(out).length === 0) throw new InputError('no metrics in file', { file });
  return out;
}
