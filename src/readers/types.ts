import type {
  Direction,
  EvalResult,
  EvalSetup,
  ExampleRecord,
  FieldNames,
  MetricValue,
  ScoreColumn,
} from '../types.js';

/** How records are mapped from a file's fields (SPEC §3; names come from config `fields`). */
export interface RecordMapping {
  fields: FieldNames;
  slices: string[];
  cluster?: string;
  ignoreFields: string[];
  /** Fields that text formats (CSV/TSV) keep as written instead of typing them (generation answers). */
  textFields?: string[];
}

/** What every ReadOutput may carry besides its data. */
interface ReadCommon {
  file: string;
  /** Format name (the registry's). */
  format: string;
  /** The eval setup the file records (harness, task config, eval set), for setup-change reports. */
  setup?: EvalSetup;
  /** Things worth telling the user about this file (warnings, what was detected). */
  notes?: string[];
  /**
   * Metrics the zero-config gate reports but does not gate (the format says which metric is the
   * headline: MTEB `main_score`; HF Trainer runtime/throughput). Config rules still gate them.
   */
  reportOnly?: string[];
}

/** What one input file holds. */
export type ReadOutput =
  | (ReadCommon & { kind: 'records'; records: ExampleRecord[] })
  | (ReadCommon & {
      kind: 'metrics';
      metrics: Record<string, MetricValue>;
      /** Directions the file itself declares (e.g. lm-eval's `higher_is_better`). */
      directions: Record<string, Direction>;
    })
  | (ReadCommon & { kind: 'result'; result: EvalResult })
  | (ReadCommon & {
      kind: 'scores';
      /** metric name (`<task>/<metric>` or `<task>/<metric>,<filter>`) → per-example values */
      scores: Record<string, ScoreColumn>;
      notes: string[];
      /** Metrics the file gives pre-aggregated next to the scores (checked against their means). */
      metrics?: Record<string, MetricValue>;
      directions?: Record<string, Direction>;
      /**
       * Per-doc `[gold, pred]` pairs of corpus-level metrics (lm-eval `f1`, `macro_f1`, `mcc`, ...):
       * metric name → doc ids and their pairs, for metrics computed over the whole corpus.
       */
      pairs?: Record<string, { ids: string[]; pairs: [unknown, unknown][] }>;
    })
  | (ReadCommon & {
      /** A file that describes a run (model metadata, run spec) but holds no metrics of its own. */
      kind: 'meta';
      notes: string[];
    });
