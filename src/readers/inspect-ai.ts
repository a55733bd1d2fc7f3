/**
 * Reader for inspect_ai eval logs: the JSON log and the `.eval` zip (`header.json`, `summaries.json`,
 * `reductions.json`, `samples/*.json`; a run that died keeps `_journal/`).
 *
 * Per-sample scores become score columns named `<task>/<scorer>/<metric>` for the mean-type metrics
 * (`accuracy`, `mean`), paired across runs by sample id. Values are converted as inspect's
 * `value_to_float` does: `C` 1, `I` 0, `P` 0.5, `N` 0, yes/true 1, no/false 0, numbers as numbers.
 * Epochs: a sample's score is its reduced value over epochs — inspect's own reduction
 * (`reductions`, the task's reducer) when the log has it, else the mean over epochs — so samples, never
 * epochs, are the paired examples. Other metrics of `results.scores` are read as pre-aggregated.
 */
import { InputError } from '../errors.js';
import type { EvalSetup, MetricValue, ScoreColumn } from '../types.js';
import { parseJsonText } from './json-text.js';
import type { FormatReader } from './types.js';
import { configFingerprint, examplesFingerprint } from './setup.js';
import { keysAt } from './sniff.js';
import { decodeText, gunzip, isGzip, type TextEncodingName } from './text.js';
import { readBytes } from './file.js';
import { isZip, ZipArchive } from './zip.js';
import type { ReadOutput } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One sample's scores as a log stores them (JSON log `samples[]`, `.eval` `summaries.json`). */
interface SampleScores {
  id: string;
  epoch: number;
  target: unknown;
  scores: Obj;
  error?: unknown;
}

/** The parts of a log this reader uses, from either container. */
interface InspectLog {
  status: string;
  eval: Obj;
  plan?: Obj;
  results?: Obj;
  samples: SampleScores[];
  reductions?: unknown[];
  hasSamples: boolean;
}

const METRIC_MEANS = new Set(['accuracy', 'mean']);
const UNCERTAINTY = /(^|_)(stderr|std|var|ci)$/;

/** inspect's value_to_float. */
function toFloat(v: unknown, file: string, where: string): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const s = v.trim();
    const lower = s.toLowerCase();
    if (s === 'C' || lower === 'yes' || lower === 'true') return 1;
    if (s === 'I' || s === 'N' || lower === 'no' || lower === 'false') return 0;
    if (s === 'P') return 0.5;
    const n = Number(s);
    if (s !== '' && Number.isFinite(n)) return n;
  }
  if (v === null || v === undefined) return undefined;
  throw new InputError(
    `score value ${JSON.stringify(v).slice(0, 40)} is not C/I/P/N, yes/no, true/false or a number`,
    { file, field: where },
  );
}

function samplesOf(list: unknown, file: string): SampleScores[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isObj).map((s, i) => {
    if (typeof s.id !== 'string' && typeof s.id !== 'number')
      throw new InputError('sample without an id', { file, field: `samples[${i}].id` });
    return {
      id: String(s.id),
      epoch: typeof s.epoch === 'number' ? s.epoch : 1,
      target: s.target,
      scores: isObj(s.scores) ? s.scores : {},
      error: s.error,
    };
  });
}

function parse(buf: Buffer, file: string, encoding?: TextEncodingName): unknown {
  return parseJsonText(decodeText(buf, file, encoding), file);
}

/** Reads the parts of a `.eval` archive. */
function fromZip(file: string, encoding?: TextEncodingName): InspectLog {
  const zip = new ZipArchive(readBytes(file), file);
  const entry = (name: string): unknown => {
    const b = zip.read(name);
    return b === undefined ? undefined : parse(b, `${file}:${name}`, encoding);
  };
  let header = entry('header.json');
  let status: string;
  if (isObj(header)) status = typeof header.status === 'string' ? header.status : 'unknown';
  else {
    header = entry('_journal/start.json');
    if (!isObj(header)) throw new InputError('not an inspect_ai .eval log: no header.json', { file });
    status = 'started';
  }
  let summaries = entry('summaries.json');
  if (!Array.isArray(summaries)) {
    summaries = zip
      .names()
      .filter((n) => /^_journal\/summaries\/\d+\.json$/.test(n))
      .flatMap((n) => {
        const v = entry(n);
        return Array.isArray(v) ? v : [];
      });
  }
  const reductions = entry('reductions.json');
  const h = header as Obj;
  return {
    status,
    eval: isObj(h.eval) ? h.eval : {},
    plan: isObj(h.plan) ? h.plan : undefined,
    results: isObj(h.results) ? h.results : undefined,
    samples: samplesOf(summaries, file),
    reductions: Array.isArray(reductions) ? reductions : undefined,
    hasSamples: zip.names().some((n) => n.startsWith('samples/')),
  };
}

function fromJson(data: unknown, file: string): InspectLog {
  if (!isObj(data) || !isObj(data.eval))
    throw new InputError('not an inspect_ai log: expected "eval" and "status"', { file });
  return {
    status: typeof data.status === 'string' ? data.status : 'unknown',
    eval: data.eval,
    plan: isObj(data.plan) ? data.plan : undefined,
    results: isObj(data.results) ? data.results : undefined,
    samples: samplesOf(data.samples, file),
    reductions: Array.isArray(data.reductions) ? data.reductions : undefined,
    hasSamples: Array.isArray(data.samples),
  };
}

/** Per-sample reduced values by scorer (and by key for dict-valued scores). */
function perSample(log: InspectLog, file: string): { values: Map<string, Map<string, number>>; how: string } {
  const values = new Map<string, Map<string, number>>();
  const put = (scorer: string, id: string, v: number) => {
    let m = values.get(scorer);
    if (!m) values.set(scorer, (m = new Map()));
    m.set(id, v);
  };
  const reductions = (log.reductions ?? []).filter(isObj);
  if (reductions.length > 0) {
    for (const r of reductions) {
      const scorer = typeof r.scorer === 'string' ? r.scorer : undefined;
      if (!scorer || !Array.isArray(r.samples)) continue;
      for (const s of r.samples.filter(isObj)) {
        const id = String(s.sample_id ?? s.id);
        if (isObj(s.value)) {
          for (const [k, v] of Object.entries(s.value)) {
            const x = toFloat(v, file, `reductions.${scorer}.${k}`);
            if (x !== undefined) put(`${scorer}/${k}`, id, x);
          }
        } else {
          const x = toFloat(s.value, file, `reductions.${scorer}`);
          if (x !== undefined) put(scorer, id, x);
        }
      }
    }
    return { values, how: "inspect's own per-sample reduction over epochs" };
  }
  // No reductions: mean over epochs per sample.
  const sums = new Map<string, Map<string, [number, number]>>();
  const add = (scorer: string, id: string, v: number) => {
    let m = sums.get(scorer);
    if (!m) sums.set(scorer, (m = new Map()));
    const cur = m.get(id) ?? [0, 0];
    m.set(id, [cur[0] + v, cur[1] + 1]);
  };
  for (const s of log.samples) {
    for (const [scorer, score] of Object.entries(s.scores)) {
      const value = isObj(score) ? score.value : undefined;
      if (isObj(value)) {
        for (const [k, v] of Object.entries(value)) {
          const x = toFloat(v, file, `samples.${s.id}.scores.${scorer}.${k}`);
          if (x !== undefined) add(`${scorer}/${k}`, s.id, x);
        }
      } else {
        const x = toFloat(value, file, `samples.${s.id}.scores.${scorer}`);
        if (x !== undefined) add(scorer, s.id, x);
      }
    }
  }
  for (const [scorer, m] of sums) for (const [id, [sum, n]] of m) put(scorer, id, sum / n);
  return { values, how: 'the mean over its epochs' };
}

function taskName(ev: Obj): string {
  const t = typeof ev.task === 'string' ? ev.task : 'task';
  return t.slice(t.lastIndexOf('/') + 1) || t;
}

function setupOf(log: InspectLog, task: string): EvalSetup {
  const ev = log.eval;
  const pkgs = isObj(ev.packages) ? ev.packages : {};
  const cfg = isObj(ev.config) ? ev.config : {};
  const dataset = isObj(ev.dataset) ? ev.dataset : {};
  const steps = Array.isArray(log.plan?.steps) ? log.plan.steps : undefined;
  const setup: EvalSetup = {
    harness: 'inspect_ai',
    tasks: {
      [task]: configFingerprint({
        task_args: ev.task_args ?? {},
        task_version: ev.task_version ?? null,
        dataset: { name: dataset.name ?? null, location: dataset.location ?? null },
        epochs: cfg.epochs ?? 1,
        epochs_reducer: cfg.epochs_reducer ?? null,
        solver: steps ?? null,
        scorers: ev.scorers ?? null,
      }),
    },
  };
  if (typeof pkgs.inspect_ai === 'string') setup.version = pkgs.inspect_ai;
  const first = new Map<string, unknown>();
  for (const s of log.samples) if (!first.has(s.id)) first.set(s.id, s.target);
  if (first.size) Object.assign(setup, examplesFingerprint([...first.keys()], [...first.values()]));
  return setup;
}

/** Builds the ReadOutput of an inspect log. */
function toOutput(log: InspectLog, file: string): ReadOutput {
  const task = taskName(log.eval);
  const notes: string[] = [];
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const { values, how } = perSample(log, file);
  const scoreEntries = (Array.isArray(log.results?.scores) ? log.results.scores : []).filter(isObj);
  const n = typeof log.results?.completed_samples === 'number' ? log.results.completed_samples : null;
  const scores: Record<string, ScoreColumn> = {};
  const metrics: Record<string, MetricValue> = {};
  const covered = new Set<string>();
  for (const entry of scoreEntries) {
    const scorerName = typeof entry.name === 'string' ? entry.name : String(entry.scorer ?? 'score');
    const key = values.has(scorerName) ? scorerName : String(entry.scorer ?? scorerName);
    const col = values.get(key);
    const ms = isObj(entry.metrics) ? entry.metrics : {};
    const stderrEntry = ms.stderr;
    const stderr =
      isObj(stderrEntry) && typeof stderrEntry.value === 'number' ? stderrEntry.value : undefined;
    for (const [metric, m] of Object.entries(ms)) {
      if (UNCERTAINTY.test(metric)) continue;
      const value = isObj(m) ? m.value : undefined;
      const full = `${task}/${scorerName}/${metric}`;
      if (col && METRIC_MEANS.has(metric)) {
        scores[full] = { ids: [...col.keys()], values: [...col.values()] };
        covered.add(key);
      } else if (typeof value === 'number') {
        const mv: MetricValue = Number.isFinite(value)
          ? { value, n }
          : { value: null, n, undefined: `the log gives ${value}` };
        if (stderr !== undefined && METRIC_MEANS.has(metric) && Number.isFinite(value)) {
          mv.stderr = stderr;
          mv.ci = [value - 1.959963984540054 * stderr, value + 1.959963984540054 * stderr];
          mv.method = 'given';
        }
        metrics[full] = mv;
      }
    }
  }
  // Scorers with per-sample values but no results entry (cancelled or unfinished runs).
  for (const [scorer, col] of values) {
    if (covered.has(scorer) || col.size === 0) continue;
    const binary = [...col.values()].every((v) => v === 0 || v === 1 || v === 0.5);
    scores[`${task}/${scorer}/${binary ? 'accuracy' : 'mean'}`] = {
      ids: [...col.keys()],
      values: [...col.values()],
    };
  }
  const scored = Object.keys(scores).length + Object.keys(metrics).length;
  const epochs =
    isObj(log.eval.config) && typeof log.eval.config.epochs === 'number' ? log.eval.config.epochs : 1;
  if (epochs > 1)
    notes.push(
      `${name}: ${epochs} epochs; each sample's score is ${how}, and samples (not epochs) are the examples`,
    );
  if (log.status !== 'success') {
    if (scored === 0)
      throw new InputError(`inspect_ai log with status "${log.status}" and no scored samples`, { file });
    const total = typeof log.results?.total_samples === 'number' ? log.results.total_samples : undefined;
    notes.push(
      `${name}: log status is "${log.status}", not "success"; its metrics cover ${n ?? values.values().next().value?.size ?? '?'}${total !== undefined ? ` of ${total}` : ''} samples`,
    );
  } else if (scored === 0) {
    notes.push(`${name}: no scores in this inspect_ai log (the task ran without a scorer)`);
  }
  const errored = log.samples.filter((s) => s.error !== undefined && s.error !== null).length;
  if (errored) notes.push(`${name}: ${errored} samples ended in an error and have no score`);
  return {
    kind: 'scores',
    file,
    format: 'inspect-ai',
    scores,
    metrics,
    notes,
    setup: setupOf(log, task),
  };
}

/** inspect_ai logs (`.json` and `.eval`). */
export const inspectAiFormat: FormatReader = {
  name: 'inspect-ai',
  description:
    'inspect_ai eval log: the JSON log ("version", "status", "eval", "results", "samples") or the .eval zip (header.json, summaries.json)',
  extensions: ['.eval', '.json'],
  detect(head, fileName) {
    if (isZip(head.raw)) {
      if (fileName.toLowerCase().endsWith('.eval')) return 0.95;
      const names = head.raw.toString('latin1');
      return names.includes('header.json') || names.includes('_journal/start.json') ? 0.9 : 0;
    }
    const top = keysAt(head.outline, '');
    if (head.outline.root !== '{' || !top.has('eval')) return 0;
    const ev = keysAt(head.outline, 'eval');
    return (top.has('status') || top.has('version')) && (ev.has('task') || ev.has('model')) ? 0.95 : 0;
  },
  read(file, ctx) {
    let bytes = readBytes(file);
    if (isGzip(bytes)) bytes = gunzip(bytes, file);
    const log = isZip(bytes) ? fromZip(file, ctx.encoding) : fromJson(parse(bytes, file, ctx.encoding), file);
    return toOutput(log, file);
  },
};
