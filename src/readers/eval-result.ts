/** Reader for evalgate's own EvalResult (the baseline artifact). */
import { InputError } from '../errors.js';
import { EVAL_RESULT_VERSION, type EvalResult } from '../types.js';

/** True when a parsed JSON document is an EvalResult. */
export function isEvalResult(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { schema?: unknown }).schema === 'evalgate/eval-result';
}

/** Validates the envelope of an EvalResult; rejects versions this build cannot read. */
export function readEvalResult(data: unknown, file: string): EvalResult {
  const r = data as Partial<EvalResult>;
  if (typeof r.version !== 'number' || r.version > EVAL_RESULT_VERSION) {
    throw new InputError(
      `EvalResult version ${String(r.version)} is not supported by this evalgate (reads up to ${EVAL_RESULT_VERSION}); upgrade evalgate`,
      { file, field: 'version' },
    );
  }
  if (typeof r.metrics !== 'object' || r.metrics === null) {
    throw new InputError('EvalResult without metrics', { file, field: 'metrics' });
  }
  for (const [name, m] of Object.entries(r.metrics)) {
    if (typeof m !== 'object' || m === null || (m.value !== null && typeof m.value !== 'number')) {
      throw new InputError('metric must be an object with a numeric or null value', { file, field: `metrics.${name}` });
    }
  }
  const ex = r.examples;
  if (ex) {
    const n = Array.isArray(ex.ids) ? ex.ids.length : -1;
    if (n < 0 || !Array.isArray(ex.label) || ex.label.length !== n || !Array.isArray(ex.prediction) || ex.prediction.length !== n) {
      throw new InputError('examples columns must be arrays of equal length', { file, field: 'examples' });
    }
  }
  return { slices: {}, sources: [], n: null, task: 'aggregate', ...r } as EvalResult;
}
