/**
 * Eval-setup changes between the baseline and this run (docs/configuration.md, `on_setup_change`): the
 * readers record each run's harness version, task configs (a hash per top-level key) and eval set
 * (src/readers/setup.ts); this compares them and says in plain words what differs. Tasks in one run only
 * are not a setup change: their metrics show as `new` or `missing` rows.
 */
import type { EvalSetup } from '../types.js';

/** What differs between two runs' eval setups. */
export interface SetupChanges {
  /** Plain-word messages, e.g. "lm-eval version changed: 0.4.2 → 0.4.8". */
  messages: string[];
  /** Task in both runs whose config differs → the config keys that differ (sorted). */
  tasks: Record<string, string[]>;
}

/** One harness's setups of one run, merged. */
interface Merged {
  versions: Set<string>;
  tasks: Record<string, Record<string, string>>;
  examples: { hash: string; n?: number }[];
}

function merge(setups: EvalSetup[] | undefined): Map<string, Merged> {
  const out = new Map<string, Merged>();
  for (const s of setups ?? []) {
    if (typeof s !== 'object' || s === null || typeof s.harness !== 'string') continue;
    let m = out.get(s.harness);
    if (!m) out.set(s.harness, (m = { versions: new Set(), tasks: {}, examples: [] }));
    if (typeof s.version === 'string') m.versions.add(s.version);
    for (const [task, fp] of Object.entries(s.tasks ?? {})) m.tasks[task] = { ...m.tasks[task], ...fp };
    if (typeof s.examples === 'string') m.examples.push({ hash: s.examples, n: s.n });
  }
  return out;
}

/** At most `max` items, then "and N more". */
function listed(items: string[], max: number, more = 'more'): string {
  return items.length > max
    ? `${items.slice(0, max).join(', ')} and ${items.length - max} ${more}`
    : items.join(', ');
}

/**
 * How the current run's eval setup differs from the baseline's. Nothing when either run records none.
 * Harness versions are compared when both runs record one; task configs key by key for the tasks both
 * runs have (tasks whose configs changed the same keys share one message); the eval set's hash when the
 * number of examples is the same (a different number shows in the pairing note as ids added or removed).
 */
export function setupChanges(baseline?: EvalSetup[], current?: EvalSetup[]): SetupChanges {
  const out: SetupChanges = { messages: [], tasks: {} };
  const base = merge(baseline);
  const cur = merge(current);
  for (const [harness, c] of cur) {
    const b = base.get(harness);
    if (!b) continue;
    const bv = [...b.versions].sort();
    const cv = [...c.versions].sort();
    if (bv.length && cv.length && bv.join('\n') !== cv.join('\n'))
      out.messages.push(`${harness} version changed: ${bv.join(', ')} → ${cv.join(', ')}`);
    // Tasks that changed the same keys are named together, so 57 subtasks with a new num_fewshot are one message.
    const byKeys = new Map<string, string[]>();
    for (const task of Object.keys(c.tasks).sort()) {
      const bt = b.tasks[task];
      if (!bt) continue;
      const ct = c.tasks[task];
      const keys = [...new Set([...Object.keys(bt), ...Object.keys(ct)])]
        .filter((k) => bt[k] !== ct[k])
        .sort();
      if (!keys.length) continue;
      out.tasks[task] = keys;
      const k = keys.join('\n');
      byKeys.set(k, [...(byKeys.get(k) ?? []), task]);
    }
    for (const [k, tasks] of byKeys) {
      const keys = listed(k.split('\n'), 6, 'more keys');
      out.messages.push(
        tasks.length === 1
          ? `task config of ${tasks[0]} changed (${keys})`
          : `task configs of ${tasks.length} tasks changed (${keys}): ${listed(tasks, 5)}`,
      );
    }
    if (b.examples.length === 1 && c.examples.length === 1) {
      const [be, ce] = [b.examples[0], c.examples[0]];
      if (be.hash !== ce.hash && be.n !== undefined && be.n === ce.n)
        out.messages.push(
          `eval set of ${harness} changed: the same number of examples (${ce.n}) with other ids or labels`,
        );
    }
  }
  return out;
}

/**
 * The task a metric belongs to, among `tasks`: readers name metrics `<task>/…` (lm-eval
 * `<task>/<metric>` and `<task>/<metric>,<filter>`, inspect_ai `<task>/<scorer>/<metric>`, HELM
 * `<run>/<split>/<stat>`, catwalk, openai/evals, MTEB), so the longest task name the metric starts with
 * followed by `/`. `sole`: the task every metric belongs to when the metric names none (both runs are
 * one file each, recording one task, e.g. promptfoo, whose metrics are not named by task).
 */
export function taskOfMetric(metric: string, tasks: Iterable<string>, sole?: string): string | undefined {
  let best: string | undefined;
  for (const t of tasks)
    if ((metric === t || metric.startsWith(`${t}/`)) && (best === undefined || t.length > best.length))
      best = t;
  return best ?? sole;
}

/** Every task name the setups record. */
export function taskNames(...setups: (EvalSetup[] | undefined)[]): string[] {
  const names = new Set<string>();
  for (const list of setups)
    for (const s of list ?? []) for (const t of Object.keys(s?.tasks ?? {})) names.add(t);
  return [...names].sort();
}
