/**
 * The pure pipeline shared by the CLI and the action: input files → EvalResult (metrics with error
 * bars, per slice, compact per-example columns) and two EvalResults → Report. No `@actions/*` here.
 * Per-example columns are in pipeline/examples.ts, corpus metrics from per-document items in
 * pipeline/corpus.ts.
 */
import type { GateConfig } from './config/load.js';
import { metricOptionsOf, diagnose } from './diagnose/index.js';
import { InputError } from './errors.js';
import { buildDataset, computeMetrics, subsetDataset, type Dataset } from './metrics/index.js';
import {
  expandInputPaths,
  readInputFile,
  settingFor,
  type ReadOutput,
  type RecordMapping,
} from './readers/index.js';
import { datasetFromColumns } from './metrics/columns.js';
import type { ProgressSink } from './progress.js';
import { RecordColumns } from './readers/columnar/columns.js';
import { ovrAucWithVariance, scoreMetric, withErrorBars } from './stats/index.js';
import {
  EVAL_RESULT_VERSION,
  type BaselineInfo,
  type Direction,
  type EvalSetup,
  type EvalResult,
  type ExampleRecord,
  type MetricValue,
  type Report,
  type ResultMeta,
  type ScoreColumn,
  type SliceResult,
  type CorpusColumn,
} from './types.js';
import { corpusMetrics, corpusOfPairs } from './pipeline/corpus.js';
import { columnsOf, lazyExamples, recordsFromColumns } from './pipeline/examples.js';
import { missingValueNotes } from './metrics/numeric.js';

/** Record mapping of a config. */
export function mappingOf(config: GateConfig): RecordMapping {
  return {
    fields: config.fields,
    slices: config.slices,
    cluster: config.cluster,
    ignoreFields: config.ignoreFields,
    textFields: config.task === 'generation' ? [config.fields.label, config.fields.prediction] : [],
  };
}

/**
 * Reads every input file (folders expanded), each with the reader its content calls for, or the one
 * config `format:` names for its path; `side` picks the config `select:` of the baseline side. Streamed
 * per-example files share one `RecordColumns`, so an eval split over several JSONL files is pooled
 * without one object per row.
 */
export async function readInputs(
  paths: string[],
  config: GateConfig,
  side: 'current' | 'baseline' = 'current',
  progress?: ProgressSink,
): Promise<ReadOutput[]> {
  if (paths.length === 0) throw new InputError('no input files given');
  const out: ReadOutput[] = [];
  const mapping = mappingOf(config);
  const { baseline: baselineSelect, ...select } = config.select ?? {};
  const columns = new RecordColumns();
  for (const f of expandInputPaths(paths)) {
    const ctx = {
      mapping,
      encoding: settingFor(config.encoding, f),
      select: side === 'baseline' && baselineSelect ? baselineSelect : select,
      columns,
      progress,
    };
    out.push(await readInputFile(f, ctx, settingFor(config.format, f)));
  }
  return out;
}

function computeOn(ds: Dataset, config: GateConfig): Record<string, MetricValue> {
  const mopts = metricOptionsOf(config);
  // The OvR AUC comes from its DeLong pass, and the means keep their spread: the error bars below reuse both.
  const points = computeMetrics(ds, { ...mopts, meanSpreads: true, ovrAuc: ovrAucWithVariance });
  return withErrorBars(ds, points, { metric: mopts, bootstrap: config.bootstrap, seed: config.seed });
}

function slicesOf(ds: Dataset, config: GateConfig): Record<string, Record<string, SliceResult>> {
  const out: Record<string, Record<string, SliceResult>> = {};
  for (const field of config.slices) {
    const values = ds.slices[field];
    if (!values) continue;
    const groups = new Map<string, number[]>();
    values.forEach((v, i) => {
      let g = groups.get(v);
      if (!g) groups.set(v, (g = []));
      g.push(i);
    });
    out[field] = {};
    for (const v of [...groups.keys()].sort()) {
      const idx = groups.get(v)!;
      const sub = subsetDataset(ds, idx);
      out[field][v] = { n: idx.length, metrics: computeOn(sub, config) };
    }
  }
  return out;
}

/** Appends without spreading: a spread of a million records overflows the call stack. */
function append<T>(to: T[], from: T[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i]);
}

/** An EvalResult together with the dataset it was computed from (for paired statistics). */
export interface ComputedResult {
  result: EvalResult;
  dataset?: Dataset;
}

/**
 * Combines read inputs into one EvalResult: per-example records (from JSONL/CSV and from EvalResults
 * that carry examples) are pooled and computed together; pre-aggregated metrics, per-example scores,
 * declared directions and pre-aggregated slices are merged — also those of a saved EvalResult that
 * carries examples, so that re-reading a result keeps all it held. A metric, score column or slice
 * field defined twice is an error rather than a silent overwrite.
 */
export function computeResult(
  outputs: ReadOutput[],
  config: GateConfig,
  meta?: ResultMeta,
  progress?: ProgressSink,
): ComputedResult {
  const records: ExampleRecord[] = [];
  const aggregated: Record<string, MetricValue> = {};
  const aggregatedFrom: Record<string, string> = {};
  const directions: Record<string, Direction> = {};
  const aggSlices: EvalResult['slices'] = {};
  const aggSlicesFrom: Record<string, string> = {};
  const recordFiles: string[] = [];
  let storedOptions: Record<string, unknown> | undefined;
  const addMetric = (name: string, mv: MetricValue, file: string) => {
    if (name in aggregated) {
      throw new InputError(`metric "${name}" is also defined in ${aggregatedFrom[name]}`, {
        file,
        field: name,
      });
    }
    aggregated[name] = mv;
    aggregatedFrom[name] = file;
  };
  const scores: Record<string, ScoreColumn> = {};
  const scoresFrom: Record<string, string> = {};
  const corpus: Record<string, CorpusColumn> = {};
  const corpusFrom: Record<string, string> = {};
  const sameAs: Record<string, string> = {};
  const addCorpus = (cols: Record<string, CorpusColumn> | undefined, file: string) => {
    for (const [name, col] of Object.entries(cols ?? {})) {
      if (name in corpus) {
        throw new InputError(`per-document items of "${name}" are also in ${corpusFrom[name]}`, {
          file,
          field: name,
        });
      }
      corpus[name] = col;
      corpusFrom[name] = file;
    }
  };
  const notes: string[] = [];
  const addScores = (cols: Record<string, ScoreColumn>, file: string) => {
    for (const [name, col] of Object.entries(cols)) {
      if (name in scores) {
        throw new InputError(`per-example scores of "${name}" are also in ${scoresFrom[name]}`, {
          file,
          field: name,
        });
      }
      scores[name] = col;
      scoresFrom[name] = file;
    }
  };
  const addSlices = (slices: EvalResult['slices'], file: string, skip?: Set<string>) => {
    for (const [field, values] of Object.entries(slices ?? {})) {
      if (skip?.has(field)) continue;
      if (field in aggSlices) {
        throw new InputError(`slice field "${field}" is also given in ${aggSlicesFrom[field]}`, {
          file,
          field: `slices.${field}`,
        });
      }
      aggSlices[field] = values;
      aggSlicesFrom[field] = file;
    }
  };
  const setup: EvalSetup[] = [];
  const reportOnly: string[] = [];
  /**
   * What an EvalResult holds besides records: metrics (scored ones come back from their scores),
   * scores, directions, slices, eval setups and report-only names.
   */
  const addStored = (r: EvalResult, file: string, metricNames: string[], recordSlices?: Set<string>) => {
    for (const k of metricNames)
      if (!r.scores?.[k] && !r.corpus?.[k] && r.metrics[k]) addMetric(k, r.metrics[k], file);
    if (r.scores) addScores(r.scores, file);
    addCorpus(r.corpus, file);
    Object.assign(directions, (r.options?.directions as Record<string, Direction>) ?? {});
    addSlices(r.slices, file, recordSlices);
    if (Array.isArray(r.setup)) append(setup, r.setup);
    const ro = r.options?.report_only;
    if (Array.isArray(ro)) append(reportOnly, ro as string[]);
  };
  // Streamed records: one shared column set (see readInputs); pooled with other records only when
  // other per-example inputs are present.
  const columnSets = [...new Set(outputs.flatMap((o) => (o.kind === 'columns' ? [o.columns] : [])))];
  const hasOtherExamples = outputs.some(
    (o) => o.kind === 'records' || (o.kind === 'result' && (o.result.examples?.ids.length ?? 0) > 0),
  );
  const fastColumns = columnSets.length === 1 && !hasOtherExamples ? columnSets[0] : undefined;
  const converted = new Set<RecordColumns>();
  for (const o of outputs) {
    if (o.setup) setup.push(o.setup);
    if (o.reportOnly) append(reportOnly, o.reportOnly);
    if (o.kind !== 'scores' && o.notes) notes.push(...o.notes);
    if (o.kind === 'meta') continue;
    if (o.kind === 'records') {
      append(records, o.records);
      recordFiles.push(o.file);
    } else if (o.kind === 'columns') {
      recordFiles.push(o.file);
      if (!fastColumns && !converted.has(o.columns)) {
        converted.add(o.columns);
        append(records, o.columns.toRecords());
      }
    } else if (o.kind === 'metrics') {
      for (const [k, v] of Object.entries(o.metrics)) addMetric(k, v, o.file);
      Object.assign(directions, o.directions);
      Object.assign(sameAs, o.sameAs ?? {});
    } else if (o.kind === 'scores') {
      addScores(o.scores, o.file);
      for (const [k, v] of Object.entries(o.metrics ?? {})) addMetric(k, v, o.file);
      Object.assign(directions, o.directions ?? {});
      addCorpus(corpusOfPairs(o.pairs), o.file);
      notes.push(...o.notes);
    } else if (o.result.examples && o.result.examples.ids.length > 0) {
      // Its record metrics and record slices are computed again from the examples; what it held
      // pre-aggregated (listed in `options.preaggregated`) and its aggregate slices are kept.
      const ex = o.result.examples;
      append(records, recordsFromColumns(ex, o.file));
      recordFiles.push(o.file);
      storedOptions ??= o.result.options;
      const pre = o.result.options?.preaggregated;
      addStored(
        o.result,
        o.file,
        Array.isArray(pre) ? (pre as string[]) : [],
        new Set(Object.keys(ex.slices ?? {})),
      );
    } else {
      addStored(o.result, o.file, Object.keys(o.result.metrics));
    }
  }
  // Scored metrics: per-example scores (paired tests later) win over the same metric pre-aggregated by
  // the tool (lm-eval writes both), as long as the two agree.
  for (const [name, col] of Object.entries(scores)) {
    const mv = scoreMetric(col.values);
    const given = aggregated[name];
    if (given) {
      if (
        given.value !== null &&
        mv.value !== null &&
        Math.abs(given.value - mv.value) > 1e-9 * Math.max(1, Math.abs(given.value))
      ) {
        throw new InputError(
          `"${name}" is ${given.value} here but the per-sample scores in ${scoresFrom[name]} average ${mv.value}: are they from different runs?`,
          { file: aggregatedFrom[name], field: name },
        );
      }
      delete aggregated[name];
    }
    aggregated[name] = mv;
    aggregatedFrom[name] = scoresFrom[name];
  }
  notes.push(...corpusMetrics(corpus, corpusFrom, aggregated, aggregatedFrom, sameAs));
  const sources = outputs.map((o) => ({ file: o.file, format: o.format }));
  const result: EvalResult = {
    schema: 'evalgate/eval-result',
    version: EVAL_RESULT_VERSION,
    task: 'aggregate',
    n: null,
    metrics: {},
    slices: aggSlices,
    sources,
  };
  if (meta) result.meta = meta;
  if (Object.keys(scores).length) result.scores = scores;
  if (Object.keys(corpus).length) result.corpus = corpus;
  if (notes.length) result.notes = notes;
  if (setup.length) result.setup = setup;
  let dataset: Dataset | undefined;
  if (records.length > 0 || fastColumns) {
    const mopts = metricOptionsOf(config);
    if (storedOptions && config.task === 'auto' && typeof storedOptions.task === 'string')
      mopts.task = storedOptions.task as never;
    dataset = fastColumns ? datasetFromColumns(fastColumns, mopts) : buildDataset(records, mopts);
    result.task = dataset.task;
    result.n = dataset.n;
    progress?.update({
      stage: `computing metrics and error bars (${dataset.n.toLocaleString('en-US')} examples)`,
    });
    result.metrics = computeOn(dataset, config);
    const missing = missingValueNotes(dataset.numeric);
    if (missing.length) result.notes = [...(result.notes ?? []), ...missing];
    const recordSlices = slicesOf(dataset, config);
    for (const field of Object.keys(recordSlices)) {
      if (field in aggSlices) {
        throw new InputError(
          `slice field "${field}" is computed from the records of ${recordFiles.join(', ')} and also given pre-aggregated here`,
          { file: aggSlicesFrom[field], field: `slices.${field}` },
        );
      }
    }
    result.slices = { ...aggSlices, ...recordSlices };
    if (fastColumns) lazyExamples(result, fastColumns, config);
    else result.examples = columnsOf(records, config);
    result.options = {
      task: dataset.task,
      positive_label: config.positiveLabel,
      classes: config.classes,
      top_k: config.topK,
      normalize: config.normalize,
    };
  }
  for (const [k, v] of Object.entries(aggregated)) {
    if (k in result.metrics) {
      throw new InputError(`metric "${k}" is both computed from records and given pre-aggregated`, {
        file: aggregatedFrom[k],
        field: k,
      });
    }
    result.metrics[k] = v;
  }
  if (Object.keys(directions).length) result.options = { ...(result.options ?? {}), directions };
  if (reportOnly.length) result.options = { ...(result.options ?? {}), report_only: reportOnly };
  // Which metrics came pre-aggregated (files, scores): the zero-config gate gates all of them.
  const pre = Object.keys(aggregated);
  if (pre.length && result.task !== 'aggregate')
    result.options = { ...(result.options ?? {}), preaggregated: pre };
  return { result, dataset };
}

export { recordsFromColumns };

/** Reads and computes the current run from paths. */
export async function computeCurrent(
  paths: string[],
  config: GateConfig,
  meta?: ResultMeta,
  progress?: ProgressSink,
): Promise<ComputedResult> {
  return computeResult(await readInputs(paths, config, 'current', progress), config, meta, progress);
}

/**
 * Loads a baseline from a file or folder: an EvalResult is used as stored (its examples enable paired
 * tests); raw eval files are computed like the current run.
 */
export async function loadBaseline(
  paths: string[],
  config: GateConfig,
  progress?: ProgressSink,
): Promise<ComputedResult> {
  const outputs = await readInputs(paths, config, 'baseline', progress);
  const results = outputs.filter((o) => o.kind === 'result');
  if (results.length === 1 && outputs.length === 1 && results[0].kind === 'result') {
    const stored = results[0].result;
    let dataset: Dataset | undefined;
    if (stored.examples && stored.examples.ids.length > 0 && stored.task !== 'aggregate') {
      const mopts = metricOptionsOf(config);
      mopts.task = stored.task;
      const o = stored.options ?? {};
      if (o.positive_label !== undefined) mopts.positiveLabel = o.positive_label as string;
      if (Array.isArray(o.classes)) mopts.classes = o.classes as string[];
      dataset = buildDataset(recordsFromColumns(stored.examples, results[0].file), mopts);
    }
    return { result: stored, dataset };
  }
  return computeResult(outputs, config, undefined, progress);
}

/** Everything a gate needs; see `diagnose`. */
export interface GateRun {
  current: ComputedResult;
  baseline: ComputedResult | null;
  baselineInfo: BaselineInfo;
  config: GateConfig;
  gateId?: string;
  currentMeta?: { commit?: string; run_id?: number; branch?: string };
}

/** Diagnoses a current result against a baseline (or none). */
export function runGate(g: GateRun): Report {
  return diagnose({
    current: g.current.result,
    baseline: g.baseline?.result ?? null,
    baselineInfo: g.baselineInfo,
    config: g.config,
    gateId: g.gateId,
    currentData: g.current.dataset,
    baselineData: g.baseline?.dataset,
    currentMeta: g.currentMeta,
  });
}
