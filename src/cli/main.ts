/**
 * `evalgate` command line: the same pure pipeline as the action, reading local files.
 * Exit codes (src/policy.ts; docs/design.md, "Exit codes"): 0 pass or warn, 1 regression (fail verdict,
 * or warn with --fail-on warn), 2 bad input or usage, 3 internal error.
 * Messages go to stderr; stdout carries only the report.
 */
import { writeFileSync } from 'node:fs';
// Inlined by the bundler: the CLI reports the version it was built from.
import pkg from '../../package.json' with { type: 'json' };
import type { GateConfig } from '../config/load.js';
import { InputError, UsageError, isExpectedError } from '../errors.js';
import type { ComputedResult } from '../pipeline.js';
import { FORMAT_NAMES } from '../readers/format-names.js';
import { EXIT, exitCodeFor, FAIL_ON, TASK_SETTINGS, type FailOn, type TaskSetting } from '../policy.js';
import { throttledProgress, type ProgressSink } from '../progress.js';

/**
 * The engine (config schema, YAML, readers, metrics, statistics, rendering) is loaded only when a
 * command runs: `--help`, `--version` and usage errors start without parsing it (the bundler splits it
 * into its own chunk).
 */
const engine = () =>
  Promise.all([
    import('../config/defaults.js'),
    import('../pipeline.js'),
    import('../baseline/source.js'),
    import('../render/json.js'),
    import('../render/markdown.js'),
    import('../render/metrics-table.js'),
  ]).then(([config, pipeline, source, json, markdown, table]) => ({
    ...config,
    ...pipeline,
    ...source,
    ...json,
    ...markdown,
    ...table,
  }));

const HELP = `evalgate — gate ML model changes on their eval results

Usage:
  evalgate metrics <file...> [--task T] [--config F] [--format json|markdown] [--save-result F]
  evalgate compare --current <path...> --baseline <path...> [--config F]
                   [--format markdown|json] [--out F] [--save-result F]
                   [--fail-on regression|warn|never] [--task T]

Input formats (detected by content; config \`format:\` names one; docs/formats.md):
${FORMAT_NAMES.map((f) => `  ${f}`).join('\n')}
Folders are expanded to the supported files they hold.

Options:
  --task T          ${TASK_SETTINGS.join(', ')} (default: auto)
  --config F        YAML config (docs/configuration.md); without it the zero-config gate applies
  --format          metrics: json (default) or markdown; compare: markdown (default) or json
  --out F           compare: also write the JSON report to F
  --save-result F   write this run's EvalResult to F (use it as a later baseline)
  --fail-on         regression (default): exit 1 on a fail verdict; warn: also on warn; never: exit 0
  -h, --help        this help;  -v, --version  the version

Exit codes: 0 pass or warn, 1 regression, 2 bad input or usage, 3 internal error.
Docs, in the evalgate repository: docs/configuration.md, docs/formats.md, docs/metrics.md,
docs/statistics.md; docs/design.md for the JSON report and the exit codes.
`;

interface Parsed {
  command: string;
  positionals: string[];
  options: Record<string, string[]>;
  flags: Set<string>;
}

const VALUE_OPTIONS = new Set([
  'task',
  'config',
  'format',
  'out',
  'fail-on',
  'current',
  'baseline',
  'save-result',
]);
const MULTI = new Set(['current', 'baseline']);

/** Parses argv; `--current a b --baseline c` takes every following non-option as a value. */
export function parseArgs(argv: string[]): Parsed {
  const out: Parsed = { command: '', positionals: [], options: {}, flags: new Set() };
  let i = 0;
  let multi: string | undefined;
  while (i < argv.length) {
    const a = argv[i++];
    if (a === '-h' || a === '--help') out.flags.add('help');
    else if (a === '-v' || a === '--version') out.flags.add('version');
    else if (/^-[^-]/.test(a)) throw new UsageError(`unknown option ${a} (see --help)`);
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option --${name}`);
      const value = eq > 0 ? a.slice(eq + 1) : argv[i++];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      if (out.options[name] && !MULTI.has(name)) throw new UsageError(`--${name} given twice`);
      (out.options[name] ??= []).push(value);
      multi = MULTI.has(name) ? name : undefined;
    } else if (!out.command) out.command = a;
    else if (multi) out.options[multi].push(a);
    else out.positionals.push(a);
  }
  return out;
}

const COMMAND_OPTIONS: Record<string, Set<string>> = {
  metrics: new Set(['task', 'config', 'format', 'save-result', 'current']),
  compare: new Set(['task', 'config', 'format', 'out', 'fail-on', 'current', 'baseline', 'save-result']),
};

/** An option given to a command that does not use it is a mistake, not something to ignore. */
function checkOptions(p: Parsed): void {
  const allowed = COMMAND_OPTIONS[p.command];
  if (!allowed) return;
  for (const name of Object.keys(p.options)) {
    if (!allowed.has(name))
      throw new UsageError(`--${name} does not apply to \`evalgate ${p.command}\` (see --help)`);
  }
}

/** Writes an output file; a path that cannot be written is a usage error, not a crash. */
function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(
      `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
}

function one(p: Parsed, name: string, allowed?: readonly string[]): string | undefined {
  const v = p.options[name]?.[0];
  if (v !== undefined && allowed && !allowed.includes(v)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}; got "${v}"`);
  }
  return v;
}

/**
 * The run's config: `--config` read and validated, else the zero-config defaults (without loading the
 * YAML parser and the schema validator, which cost a small file's run ~40 ms).
 */
async function configFrom(p: Parsed, defaultConfig: () => GateConfig): Promise<GateConfig> {
  const file = one(p, 'config');
  const config = file ? (await import('../config/load.js')).loadConfig(file) : defaultConfig();
  const task = one(p, 'task', TASK_SETTINGS);
  if (task) config.task = task as TaskSetting;
  return config;
}

function version(): string {
  return pkg.version;
}

/**
 * Progress of long runs on stderr, only when stderr is a terminal (a redirected log stays clean) and
 * never on stdout.
 */
function progressFor(err: (s: string) => void, isTTY: boolean): ProgressSink | undefined {
  return isTTY ? throttledProgress((line) => err(`evalgate: ${line}\n`)) : undefined;
}

/** Runs the CLI; returns the exit code (never calls process.exit itself, for testability). */
export async function main(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  options: { stderrIsTTY?: boolean } = {},
): Promise<number> {
  try {
    const p = parseArgs(argv);
    if (p.flags.has('version')) {
      out(`${version()}\n`);
      return EXIT.ok;
    }
    if (p.flags.has('help') || !p.command) {
      (p.command || p.flags.has('help') ? out : err)(HELP);
      return p.flags.has('help') ? EXIT.ok : EXIT.badInput;
    }
    checkOptions(p);
    if (p.command !== 'metrics' && p.command !== 'compare')
      throw new UsageError(`unknown command "${p.command}"; expected metrics or compare (see --help)`);
    const e = await engine();
    const progress = progressFor(err, options.stderrIsTTY === true);
    if (p.command === 'metrics') {
      const files = [...p.positionals, ...(p.options.current ?? [])];
      if (files.length === 0) throw new UsageError('metrics needs at least one input file');
      const format = one(p, 'format', ['json', 'markdown']) ?? 'json';
      const { result } = await e.computeCurrent(
        files,
        await configFrom(p, e.defaultConfig),
        undefined,
        progress,
      );
      const save = one(p, 'save-result');
      if (save) writeOutput(save, e.serializeResult(result));
      out(format === 'json' ? e.renderMetricsJson(result) : e.renderMetricsMarkdown(result));
      return EXIT.ok;
    }
    if (p.command === 'compare') {
      const current = [...(p.options.current ?? []), ...p.positionals];
      const baseline = p.options.baseline ?? [];
      if (current.length === 0) throw new UsageError('compare needs --current <path...>');
      if (baseline.length === 0) throw new UsageError('compare needs --baseline <path...>');
      const format = one(p, 'format', ['markdown', 'json']) ?? 'markdown';
      const failOn = (one(p, 'fail-on', FAIL_ON) ?? 'regression') as FailOn;
      const config = await configFrom(p, e.defaultConfig);
      const cur = await e.computeCurrent(current, config, undefined, progress);
      const found = await new e.LocalPathBaselineSource(
        baseline,
        (paths) => e.loadBaseline(paths, config, progress),
        'given on the command line',
      ).find();
      progress?.update({ stage: 'comparing the runs' });
      const report = e.runGate({
        current: cur,
        baseline: found.result ? (found as ComputedResult) : null,
        baselineInfo: found.info,
        config,
      });
      const save = one(p, 'save-result');
      if (save) writeOutput(save, e.serializeResult(cur.result));
      const outFile = one(p, 'out');
      if (outFile) writeOutput(outFile, e.renderJson(report));
      out(format === 'json' ? e.renderJson(report) : e.renderMarkdown(report));
      return exitCodeFor(report.verdict, failOn, config.onMissingBaseline ?? 'warn');
    }
    throw new UsageError(`unknown command "${p.command}"; expected metrics or compare (see --help)`);
  } catch (e) {
    if (isExpectedError(e)) {
      err(`evalgate: ${e instanceof InputError ? 'bad input' : 'usage'}: ${e.message}\n`);
      return EXIT.badInput;
    }
    throw e;
  }
}
