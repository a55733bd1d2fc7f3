/**
 * Readers for a HELM run folder (`benchmark_output/runs/<suite>/<run>/`): `stats.json` (aggregated
 * stats), `per_instance_stats.json` (per-instance stats, paired by instance id and train trial),
 * `run_spec.json` (the setup fingerprint), and `scenario.json` / `scenario_state.json` (descriptions,
 * no metrics of their own).
 *
 * Metric names are `<run>/<split>/<stat>` with `@<perturbation>` for perturbed stats, where `<run>` is
 * the run spec name without its `model=` part (so two models on one scenario pair up). The stats the run
 * spec's metric specs name (exact_match, f1_score, ...) are gated by default; counts, token numbers and
 * runtimes are reported. Per instance, perturbed instances pair by instance id, train trial and
 * perturbation (`@<p>.perturbed`), and HELM's worst cases (`@robustness`, `@fairness`, `@<p>`) are
 * rebuilt per instance the way HELM computes them, so they pair too.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import type { EvalSetup, MetricValue, ScoreColumn } from '../types.js';
import { readJsonFile } from './json-text.js';
import { nonFiniteMetric } from './metric-map.js';
import type { FormatReader } from './types.js';
import { configFingerprint } from './setup.js';
import { keysAt } from './sniff.js';
import type { TextEncodingName } from './text.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stats gated when no run spec says which are the metrics. */
const DEFAULT_MAIN =
  /^(exact_match|quasi_exact_match|prefix_exact_match|quasi_prefix_exact_match|f1_score|rouge_[a-z0-9]+|bleu_\d|math_equiv.*|.*accuracy.*)(@\d+)?$/;

interface RunInfo {
  run: string;
  main: Set<string> | undefined;
  spec?: Obj;
}

/** Drops `model=`/`model_deployment=` arguments from a run name. */
function withoutModel(name: string): string {
  const [head, args] = name.includes(':') ? name.split(/:(.*)/s) : ['', name];
  const kept = args
    .split(',')
    .filter((a) => !/^(model|model_deployment)=/.test(a))
    .join(',');
  return head ? (kept ? `${head}:${kept}` : head) : kept || name;
}

/** Run name and main metrics from the run spec next to a file, or the folder name. */
function runInfo(file: string, encoding?: TextEncodingName): RunInfo {
  const specFile = join(dirname(file), 'run_spec.json');
  if (existsSync(specFile)) {
    const spec = readJsonFile(specFile, encoding);
    if (isObj(spec) && typeof spec.name === 'string') {
      const main = new Set<string>();
      for (const m of Array.isArray(spec.metric_specs) ? spec.metric_specs : []) {
        const names = isObj(m) && isObj(m.args) ? m.args.names : undefined;
        if (Array.isArray(names)) for (const n of names) if (typeof n === 'string') main.add(n);
      }
      return { run: withoutModel(spec.name), main: main.size ? main : undefined, spec };
    }
  }
  return { run: withoutModel(basename(dirname(file))), main: undefined };
}

/** HELM stat name object → metric name; undefined for stats not tied to a split. */
function statName(
  run: string,
  name: unknown,
): { full: string; stat: string; perturbed: boolean } | undefined {
  if (!isObj(name) || typeof name.name !== 'string') return undefined;
  const split = typeof name.split === 'string' ? name.split : undefined;
  if (!split) return undefined;
  const sub = typeof name.sub_split === 'string' ? `/${name.sub_split}` : '';
  const p = isObj(name.perturbation) ? name.perturbation : undefined;
  let suffix = '';
  if (p) {
    suffix = `@${String(p.name ?? 'perturbation')}`;
    if (typeof p.computed_on === 'string' && p.computed_on !== 'worst') suffix += `.${p.computed_on}`;
  }
  return { full: `${run}/${split}${sub}/${name.name}${suffix}`, stat: name.name, perturbed: !!p };
}

function isMain(info: RunInfo, stat: string): boolean {
  const base = stat.replace(/@\d+$/, '');
  return info.main ? info.main.has(base) || info.main.has(stat) : DEFAULT_MAIN.test(stat);
}

function setupOf(info: RunInfo): EvalSetup | undefined {
  if (!info.spec) return undefined;
  const s = info.spec;
  return {
    harness: 'helm',
    tasks: {
      [info.run]: configFingerprint({
        scenario_spec: s.scenario_spec ?? null,
        adapter_spec: isObj(s.adapter_spec)
          ? Object.fromEntries(
              Object.entries(s.adapter_spec).filter(([k]) => !/^model(_deployment)?$/.test(k)),
            )
          : null,
        metric_specs: s.metric_specs ?? null,
        data_augmenter_spec: s.data_augmenter_spec ?? null,
      }),
    },
  };
}

const statsLike = (head: { outline: { root: string | undefined } }, keys: Set<string>) =>
  head.outline.root === '[' && keys.has('name') && keys.has('count') && keys.has('mean');

/** HELM `stats.json`. */
export const helmStatsFormat: FormatReader = {
  name: 'helm-stats',
  description: 'HELM stats.json: a list of {name: {name, split, perturbation?}, count, sum, mean, ...}',
  extensions: ['.json'],
  detect(head) {
    return statsLike(head, keysAt(head.outline, '[]')) && keysAt(head.outline, '[].name').has('split')
      ? 0.95
      : 0;
  },
  read(file, ctx) {
    const data = readJsonFile(file, ctx.encoding);
    if (!Array.isArray(data)) throw new InputError('expected a list of HELM stats', { file });
    const info = runInfo(file, ctx.encoding);
    const metrics: Record<string, MetricValue> = {};
    const reportOnly: string[] = [];
    data.forEach((s, i) => {
      if (!isObj(s)) throw new InputError('expected a stat object', { file, field: `[${i}]` });
      const nm = statName(info.run, s.name);
      if (!nm) return;
      if (nm.full in metrics)
        throw new InputError(`stat "${nm.full}" appears twice`, { file, field: `[${i}].name` });
      const count = typeof s.count === 'number' ? s.count : null;
      if (count === 0) {
        metrics[nm.full] = { value: null, n: 0, undefined: 'HELM counted no values for this stat' };
      } else if (typeof s.mean === 'number') {
        metrics[nm.full] = Number.isFinite(s.mean) ? { value: s.mean, n: null } : nonFiniteMetric(s.mean);
      } else return;
      if (!isMain(info, nm.stat)) reportOnly.push(nm.full);
    });
    if (Object.keys(metrics).length === 0)
      throw new InputError('no stats with a split in HELM stats', { file });
    return {
      kind: 'metrics',
      file,
      format: 'helm-stats',
      metrics,
      directions: {},
      reportOnly,
      setup: setupOf(info),
    };
  },
};

/** One instance's values of one stat (unperturbed name), per perturbation, for the worst cases. */
interface WorstGroup {
  base: string;
  id: string;
  original?: number;
  perturbed: { name: string; robustness: boolean; fairness: boolean; min: number }[];
}

/**
 * HELM's worst-case stats, per instance (HELM's Metric.compute_worst_case_metrics, per train trial):
 * `@robustness` and `@fairness` are the minimum over the original instance and its robustness
 * (fairness) perturbations, `@<p>` the minimum over the original and perturbation p, and `@<p>.original`
 * the original's value on the instances p was applied to. Their means are the stats.json values.
 */
function worstCaseColumns(groups: Iterable<WorstGroup>): Record<string, ScoreColumn> {
  const out: Record<string, ScoreColumn> = {};
  const push = (name: string, id: string, v: number) => {
    const col = (out[name] ??= { ids: [], values: [] });
    col.ids.push(id);
    col.values.push(v);
  };
  for (const g of groups) {
    const orig = g.original === undefined ? [] : [g.original];
    const rob = [...orig, ...g.perturbed.filter((p) => p.robustness).map((p) => p.min)];
    const fair = [...orig, ...g.perturbed.filter((p) => p.fairness).map((p) => p.min)];
    if (rob.length) push(`${g.base}@robustness`, g.id, Math.min(...rob));
    if (fair.length) push(`${g.base}@fairness`, g.id, Math.min(...fair));
    for (const p of g.perturbed) {
      push(`${g.base}@${p.name}`, g.id, Math.min(p.min, ...orig));
      if (g.original !== undefined) push(`${g.base}@${p.name}.original`, g.id, g.original);
    }
  }
  return out;
}

/** HELM `per_instance_stats.json`. */
export const helmPerInstanceFormat: FormatReader = {
  name: 'helm-per-instance',
  description:
    'HELM per_instance_stats.json: a list of {instance_id, train_trial_index, perturbation?, stats: [...]}',
  extensions: ['.json'],
  detect(head) {
    const k = keysAt(head.outline, '[]');
    return head.outline.root === '[' && k.has('instance_id') && (k.has('stats') || k.has('train_trial_index'))
      ? 0.95
      : 0;
  },
  read(file, ctx) {
    const data = readJsonFile(file, ctx.encoding);
    if (!Array.isArray(data)) throw new InputError('expected a list of HELM instances', { file });
    const info = runInfo(file, ctx.encoding);
    const scores: Record<string, ScoreColumn> = {};
    const seen = new Map<string, Set<string>>();
    const groups = new Map<string, WorstGroup>();
    const perturbations = new Set<string>();
    let perturbed = 0;
    data.forEach((inst, i) => {
      if (!isObj(inst) || typeof inst.instance_id !== 'string' || !Array.isArray(inst.stats))
        throw new InputError('expected {instance_id, stats}', { file, field: `[${i}]` });
      const instP = isObj(inst.perturbation) ? inst.perturbation : undefined;
      if (instP) perturbed++;
      const trial = typeof inst.train_trial_index === 'number' ? inst.train_trial_index : 0;
      // A perturbed instance keeps the original's id: the perturbation is in the metric name.
      const id = trial === 0 ? inst.instance_id : `${inst.instance_id}#trial${trial}`;
      for (const s of inst.stats) {
        if (!isObj(s) || !isObj(s.name)) continue;
        const given = isObj(s.name.perturbation) ? s.name.perturbation : instP;
        // A per-instance value of a perturbed instance is HELM's computed_on "perturbed" (its default).
        const p: Obj | undefined = given && { ...given, computed_on: given.computed_on ?? 'perturbed' };
        const nm = statName(info.run, p ? { ...s.name, perturbation: p } : s.name);
        if (!nm || !isMain(info, nm.stat)) continue;
        if (typeof s.mean !== 'number' || !Number.isFinite(s.mean)) continue;
        let ids = seen.get(nm.full);
        if (!ids) seen.set(nm.full, (ids = new Set()));
        if (ids.has(id))
          throw new InputError(`instance ${id} has "${nm.full}" twice`, { file, field: `[${i}].stats` });
        ids.add(id);
        const col = (scores[nm.full] ??= { ids: [], values: [] });
        col.ids.push(id);
        col.values.push(s.mean);
        // HELM takes the worst case from each stat's minimum.
        const min = typeof s.min === 'number' && Number.isFinite(s.min) ? s.min : s.mean;
        const base = statName(info.run, { ...s.name, perturbation: undefined })!.full;
        const key = `${base}\u0000${id}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { base, id, perturbed: [] }));
        if (!p) g.original = min;
        else {
          const name = String(p.name ?? 'perturbation');
          perturbations.add(name);
          g.perturbed.push({ name, robustness: p.robustness === true, fairness: p.fairness === true, min });
        }
      }
    });
    // Worst cases only where the run perturbed instances: without a data augmenter some HELM versions
    // write no @robustness stats at all, and the ones that do give the unperturbed value, which
    // stats.json already holds.
    if (perturbed) {
      for (const [name, col] of Object.entries(worstCaseColumns(groups.values()))) {
        if (name in scores)
          throw new InputError(`"${name}" is both a per-instance stat and a worst case of one`, { file });
        scores[name] = col;
      }
    }
    if (Object.keys(scores).length === 0)
      throw new InputError('no per-instance values of the run’s metrics in HELM per_instance_stats', {
        file,
      });
    const notes = perturbed
      ? [
          `${basename(file)}: ${perturbed} perturbed instances (${[...perturbations].join(', ')}) paired by instance id, train trial and perturbation; the worst cases (@robustness, @fairness, @<perturbation>) are computed per instance as HELM does (the minimum over the original and its perturbed versions)`,
        ]
      : [];
    return { kind: 'scores', file, format: 'helm-per-instance', scores, notes };
  },
};

function helmMeta(
  name: string,
  description: string,
  test: (top: Set<string>) => boolean,
  what: string,
): FormatReader {
  return {
    name,
    description,
    extensions: ['.json'],
    detect(head) {
      return head.outline.root === '{' && test(keysAt(head.outline, '')) ? 0.9 : 0;
    },
    read(file, ctx) {
      const data = readJsonFile(file, ctx.encoding);
      if (!isObj(data)) throw new InputError(`expected a HELM ${what} object`, { file });
      return { kind: 'meta', file, format: name, notes: [`${basename(file)}: HELM ${what} (no metrics)`] };
    },
  };
}

/** HELM `run_spec.json` (its fingerprint is carried by stats.json's reader). */
export const helmRunSpecFormat = helmMeta(
  'helm-run-spec',
  'HELM run_spec.json: "scenario_spec", "adapter_spec", "metric_specs" (setup only, no metrics)',
  (top) => top.has('scenario_spec') && top.has('adapter_spec'),
  'run spec',
);
/** HELM `scenario.json`. */
export const helmScenarioFormat = helmMeta(
  'helm-scenario',
  'HELM scenario.json: "name", "description", "tags", "definition_path" (description only)',
  (top) => top.has('definition_path') && top.has('tags'),
  'scenario description',
);
/** HELM `scenario_state.json`. */
export const helmScenarioStateFormat = helmMeta(
  'helm-scenario-state',
  'HELM scenario_state.json: "adapter_spec" and "request_states" (requests and completions, no metrics)',
  (top) => top.has('request_states'),
  'scenario state (requests and completions)',
);
