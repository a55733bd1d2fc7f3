import type { Direction, EvalResult, ExampleRecord, FieldNames, MetricValue, ScoreColumn } from '../types.js';

/** How records are mapped from a file's fields (SPEC §3; names come from config `fields`). */
export interface RecordMapping {
  fields: FieldNames;
  slices: string[];
  cluster?: string;
  ignoreFields: string[];
  /** Fields that text formats (CSV/TSV) keep as written instead of typing them (generation answers). */
  textFields?: string[];
}

/** What one input file holds. */
export type ReadOutput =
  | { kind: 'records'; file: string; format: string; records: ExampleRecord[] }
  | {
      kind: 'metrics';
      file: string;
      format: string;
      metrics: Record<string, MetricValue>;
      /** Directions the file itself declares (e.g. lm-eval's `higher_is_better`). */
      directions: Record<string, Direction>;
    }
  | { kind: 'result'; file: string; format: string; result: EvalResult }
  | {
      kind: 'scores';
      file: string;
      format: string;
      /** metric name (`<task>/<metric>` or `<task>/<metric>,<filter>`) → per-example values */
      scores: Record<string, ScoreColumn>;
      notes: string[];
    };
