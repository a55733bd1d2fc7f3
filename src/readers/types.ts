import type {
  Direction,
  EvalResult,
  EvalSetup,
  ExampleRecord,
  FieldNames,
  MetricValue,
  ScoreColumn,
} from '../types.js';
import type { JsonOutline } from './sniff.js';
import type { TextEncodingName } from './text.js';
import type { RecordColumns } from './columnar/columns.js';
import type { ProgressSink } from '../progress.js';

/** How records are mapped from a file's fields (docs/design.md, 'Record format'; names come from config `fields`). */
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
  /**
   * Per-example records read by a streaming reader into columns. Several files may append to one shared
   * `RecordColumns` (then several outputs carry the same object).
   */
  | (ReadCommon & { kind: 'columns'; columns: RecordColumns })
  | (ReadCommon & {
      kind: 'metrics';
      metrics: Record<string, MetricValue>;
      /** Directions the file itself declares (e.g. lm-eval's `higher_is_better`). */
      directions: Record<string, Direction>;
      /**
       * Metrics that are another metric of the same file under a second name (an lm-eval group
       * aggregating one subtask): name → the metric whose per-example data tests it.
       */
      sameAs?: Record<string, string>;
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

/** What a detector sees of a file. */
export interface FileHead {
  /** The first bytes as stored. */
  raw: Buffer;
  /** The first bytes after gzip decompression (equal to `raw` for uncompressed files). */
  bytes: Buffer;
  /** True when the file's bytes are gzip. */
  gzip: boolean;
  /** True when `bytes` hold the whole (decompressed) file. */
  complete: boolean;
  /** `bytes` decoded for sniffing (UTF-8 or UTF-16; bad bytes replaced). */
  text: string;
  /** Outline of the JSON keys at the start of `text` (computed once, on first use). */
  readonly outline: JsonOutline;
  /** The first complete lines parsed as JSON objects, or undefined when the text is not JSON Lines. */
  readonly jsonLines: Record<string, unknown>[] | undefined;
}

/** Which series of a multi-series file to read (e.g. one provider/prompt of a promptfoo export). */
export interface SeriesSelect {
  provider?: string;
  prompt?: string;
}

/** What a reader gets besides the file. */
export interface ReadContext {
  mapping: RecordMapping;
  /** Text encoding the user named (config `encoding:`); undefined = detect UTF-8/UTF-16. */
  encoding?: TextEncodingName;
  /** Series selection (config `select:`). */
  select?: SeriesSelect;
  /**
   * Columns that streaming per-example readers append to (the pipeline passes one shared object, which
   * pools several files); without it they return `records` as before.
   */
  columns?: RecordColumns;
  /** Progress of long reads (bytes, rows). */
  progress?: ProgressSink;
}

/** One input format. */
export interface FormatReader {
  /** Name used in config `format:`, reports and errors (kebab-case). */
  name: string;
  /** One line: what the format is and what a file needs to be recognised as it. */
  description: string;
  /** Usual file name endings (a hint for detection and for expanding folders). */
  extensions: readonly string[];
  /** Confidence in [0, 1] that the file is this format. */
  detect(head: FileHead, fileName: string): number;
  /** Reads the file. */
  read(file: string, ctx: ReadContext): Promise<ReadOutput> | ReadOutput;
}
