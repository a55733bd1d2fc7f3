/**
 * Reader for promptfoo output (`promptfoo eval -o out.json`, `promptfoo export`; results version 3 and
 * later, and the older top-level `results: [...]` with `table`). Each test row gives per-row scores:
 * `pass_rate` (row `success`), `score`, each of `namedScores`, `latency_ms` and `cost`.
 *
 * A file with several providers or prompts holds several series (provider label or id, and the prompt
 * label when there are several prompts); their metrics are named `<series>/<metric>`. Config `select:`
 * picks one series, whose metrics are then unprefixed — so provider A of one file can be the baseline
 * of provider B. Rows pair across exports by a hash of the test's `vars` and description (not by row
 * position). A row that errored (promptfoo's failureReason ERROR: the provider or a grader failed) is
 * not a model failure: it is left out of the scores and counted in the notes.
 */
import { InputError } from '../errors.js';
import type { EvalSetup, ScoreColumn } from '../types.js';
import { readJsonFile } from './json-text.js';
import type { FormatReader, SeriesSelect } from './types.js';
import { configFingerprint, examplesFingerprint, shortHash } from './setup.js';
import { keysAt } from './sniff.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** promptfoo's ResultFailureReason.ERROR. */
const FAILURE_ERROR = 2;

interface Series {
  provider: string;
  providerId: string;
  prompt: string;
  promptId: string;
  promptRaw: string;
  rows: Obj[];
}

function providerOf(row: Obj): { label: string; id: string } {
  const p = row.provider;
  if (isObj(p)) {
    const id = str(p.id) ?? 'provider';
    return { label: str(p.label) ?? id, id };
  }
  const id = str(p) ?? 'provider';
  return { label: id, id };
}

function promptOf(row: Obj): { label: string; id: string; raw: string } {
  const p = isObj(row.prompt) ? row.prompt : {};
  const raw = str(p.raw) ?? '';
  return {
    label: str(p.label) ?? raw,
    id: str(row.promptId) ?? str(p.id) ?? '',
    raw,
  };
}

/** The test's identity: its vars and description, whatever row or provider it ran on. */
function testKey(row: Obj): string {
  const tc = isObj(row.testCase) ? row.testCase : {};
  return shortHash({ vars: row.vars ?? tc.vars ?? null, description: tc.description ?? null });
}

function matches(s: Series, sel: SeriesSelect): boolean {
  if (sel.provider !== undefined && sel.provider !== s.provider && sel.provider !== s.providerId)
    return false;
  if (
    sel.prompt !== undefined &&
    sel.prompt !== s.prompt &&
    sel.prompt !== s.promptRaw &&
    !(s.promptId !== '' && s.promptId.startsWith(sel.prompt))
  )
    return false;
  return true;
}

/** Rows of a promptfoo document (v3+: results.results; older: results as the list). */
function rowsOf(data: Obj, file: string): Obj[] {
  const r = data.results;
  if (isObj(r) && Array.isArray(r.results)) return r.results.filter(isObj);
  if (Array.isArray(r)) return r.filter(isObj);
  throw new InputError('promptfoo output without a list of results', { file, field: 'results.results' });
}

function setupOf(data: Obj, ids: string[]): EvalSetup {
  const config = isObj(data.config) ? data.config : {};
  const meta = isObj(data.metadata) ? data.metadata : {};
  const task = str(config.description) ?? 'promptfoo';
  const setup: EvalSetup = {
    harness: 'promptfoo',
    tasks: {
      [task]: configFingerprint({
        prompts: config.prompts ?? null,
        tests: config.tests ?? null,
        defaultTest: config.defaultTest ?? null,
      }),
    },
    ...examplesFingerprint(ids),
  };
  const v = str(meta.promptfooVersion);
  if (v) setup.version = v;
  return setup;
}

/** Reads a promptfoo output document into score columns. */
export function readPromptfoo(data: unknown, file: string, select?: SeriesSelect) {
  if (!isObj(data)) throw new InputError('expected a promptfoo output object', { file });
  const rows = rowsOf(data, file);
  const seriesMap = new Map<string, Series>();
  for (const row of rows) {
    const p = providerOf(row);
    const q = promptOf(row);
    const key = JSON.stringify([p.id, p.label, q.id || q.label]);
    let s = seriesMap.get(key);
    if (!s) {
      s = {
        provider: p.label,
        providerId: p.id,
        prompt: q.label,
        promptId: q.id,
        promptRaw: q.raw,
        rows: [],
      };
      seriesMap.set(key, s);
    }
    s.rows.push(row);
  }
  let series = [...seriesMap.values()];
  if (series.length === 0) throw new InputError('promptfoo output with no result rows', { file });
  const selected = select && (select.provider !== undefined || select.prompt !== undefined);
  if (selected) {
    const picked = series.filter((s) => matches(s, select));
    if (picked.length !== 1) {
      const list = series
        .map((s) => `provider "${s.provider}", prompt "${s.prompt.slice(0, 60)}"`)
        .join('; ');
      throw new InputError(
        `config \`select\` ${JSON.stringify(select)} matches ${picked.length} of the series in this file (${list}); it must match exactly one`,
        { file },
      );
    }
    series = picked;
  }
  const prompts = new Set(series.map((s) => s.promptId || s.prompt));
  const providers = new Set(series.map((s) => s.provider));
  const nameOf = (s: Series): string => {
    if (series.length === 1) return '';
    const parts: string[] = [];
    if (providers.size > 1 || prompts.size === 1) parts.push(s.provider);
    if (prompts.size > 1) parts.push(s.prompt.length > 40 ? `${s.prompt.slice(0, 40)}…` : s.prompt);
    return `${parts.join(' | ')}/`;
  };
  const scores: Record<string, ScoreColumn> = {};
  const notes: string[] = [];
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const allIds = new Set<string>();
  for (const s of series) {
    const prefix = nameOf(s);
    const seen = new Map<string, number>();
    const cols = new Map<string, ScoreColumn>();
    const push = (metric: string, id: string, v: unknown) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return;
      let c = cols.get(metric);
      if (!c) cols.set(metric, (c = { ids: [], values: [] }));
      c.ids.push(id);
      c.values.push(v);
    };
    let graderErrors = 0;
    let providerErrors = 0;
    for (const row of s.rows) {
      const base = testKey(row);
      const k = (seen.get(base) ?? 0) + 1;
      seen.set(base, k);
      // The same test twice in one series (repeat runs) stays two examples, in order.
      const id = k === 1 ? base : `${base}#${k}`;
      allIds.add(id);
      if (row.failureReason === FAILURE_ERROR) {
        const response = isObj(row.response) ? row.response : undefined;
        if (response && response.output !== undefined && !response.error) graderErrors++;
        else providerErrors++;
        continue;
      }
      if (typeof row.success === 'boolean') push('pass_rate', id, row.success ? 1 : 0);
      push('score', id, row.score);
      if (isObj(row.namedScores))
        for (const [n, v] of Object.entries(row.namedScores)) if (n !== 'score') push(n, id, v);
      push('latency_ms', id, row.latencyMs);
      push('cost', id, row.cost);
    }
    for (const [metric, col] of cols) scores[`${prefix}${metric}`] = col;
    const label = prefix ? ` (${prefix.slice(0, -1)})` : '';
    if (graderErrors)
      notes.push(
        `${name}${label}: ${graderErrors} rows where the grader itself errored; not counted as model failures`,
      );
    if (providerErrors)
      notes.push(
        `${name}${label}: ${providerErrors} rows where the provider errored; left out of the scores`,
      );
  }
  if (Object.keys(scores).length === 0) throw new InputError('no scored rows in promptfoo output', { file });
  return { scores, notes, setup: setupOf(data, [...allIds]) };
}

/** promptfoo output JSON. */
export const promptfooFormat: FormatReader = {
  name: 'promptfoo',
  description:
    'promptfoo output JSON (eval -o / export): "evalId" and "results" with "prompts" and per-test "results" rows',
  extensions: ['.json', '.json.gz'],
  detect(head) {
    if (head.outline.root !== '{') return 0;
    const top = keysAt(head.outline, '');
    const results = keysAt(head.outline, 'results');
    if (top.has('evalId') && top.has('results')) return 0.97;
    if (results.has('prompts') && (results.has('version') || results.has('stats'))) return 0.9;
    return 0;
  },
  read(file, ctx) {
    const { scores, notes, setup } = readPromptfoo(readJsonFile(file, ctx.encoding), file, ctx.select);
    return { kind: 'scores', file, format: 'promptfoo', scores, notes, setup };
  },
};
