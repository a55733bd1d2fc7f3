/**
 * Side-by-side benchmark (`npm run bench`): the bundled CLI (`dist/cli/index.js`, build it first with
 * `npm run package`) against a pandas + scikit-learn script computing the same point metrics on the same
 * file (scripts/bench/sklearn_metrics.py, run by Debian's /usr/bin/python3; skipped with a notice when
 * pandas or scikit-learn is missing), and against the bare streaming JSON.parse pass over the file.
 *
 *   npm run bench -- [--sizes 10k,100k,1M,10M] [--binary 1M] [--reps 3] [--cache DIR] [--python-max 1M]
 *
 * Data is generated once into the cache folder (scripts/bench/data.ts). Each repetition runs every
 * command once, in an order that rotates between repetitions, so that load from other processes on a
 * shared machine falls on all of them alike; medians and min–max are printed with peak RSS (GNU
 * `/usr/bin/time`, when installed). Also: `evalgate compare` of each baseline/current pair, cold start of
 * the CLI and of the action bundle, and bundle sizes. The values evalgate and scikit-learn print are
 * checked against each other (relative difference ≤ 1e-9). No assertion on time: this is a script.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir, ensureFile } from './bench/data.js';

interface Args {
  sizes: number[];
  binary: number[];
  reps: number;
  cache: string;
  pythonMax: number;
}

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`bad size "${s}" (e.g. 10k, 1M)`);
  const mult = m[2] === '' ? 1 : m[2].toLowerCase() === 'k' ? 1e3 : 1e6;
  return Math.round(Number(m[1]) * mult);
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    sizes: [1e4, 1e5, 1e6, 1e7],
    binary: [1e6],
    reps: 3,
    cache: defaultCacheDir(),
    pythonMax: 1e6,
  };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i + 1];
    switch (argv[i]) {
      case '--sizes':
        a.sizes = v
          ? v
              .split(',')
              .filter(Boolean)
              .map(parseSize)
              .filter((n) => n > 0)
          : [];
        i++;
        break;
      case '--binary':
        // `--binary 0` or `none`: no binary file.
        a.binary =
          v && v !== 'none'
            ? v
                .split(',')
                .filter(Boolean)
                .map(parseSize)
                .filter((n) => n > 0)
            : [];
        i++;
        break;
      case '--reps':
        a.reps = Math.max(1, Number(v));
        i++;
        break;
      case '--cache':
        a.cache = v;
        i++;
        break;
      case '--python-max':
        a.pythonMax = parseSize(v);
        i++;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return a;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const PYTHON = '/usr/bin/python3';
const CLI = 'dist/cli/index.js';
const ACTION = 'dist/index.js';

/** One timed run: wall seconds, peak RSS in MiB (NaN when unknown), stdout. */
interface Run {
  wall: number;
  rss: number;
  stdout: string;
  status: number | null;
}

function timed(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Run {
  const full = TIME ? [TIME, ['-f', '@@%e %M', cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(full[0] as string, full[1] as string[], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: env ?? process.env,
  });
  const wallJs = (performance.now() - t) / 1000;
  let rss = NaN;
  let wall = wallJs;
  const m = /@@([\d.]+) (\d+)\s*$/.exec(r.stderr ?? '');
  if (m) {
    wall = Number(m[1]) || wallJs;
    rss = Number(m[2]) / 1024;
  }
  // The action bundle without runner inputs (run with `env`) stops at its first input as a failed
  // step (exit 1, `::error::`): that is the start-up measurement, not a failure.
  if (r.status !== 0 && !(env && (r.status === 1 || r.status === 2))) {
    process.stderr.write(
      `command failed (${r.status}): ${cmd} ${args.join(' ')}\n${(r.stderr ?? '').slice(-2000)}\n`,
    );
  }
  return { wall, rss, stdout: r.stdout ?? '', status: r.status };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmtS(x: number): string {
  return x >= 100 ? `${x.toFixed(0)} s` : x >= 10 ? `${x.toFixed(1)} s` : `${x.toFixed(2)} s`;
}

/** "median (min–max), RSS MiB". */
function cell(runs: Run[]): string {
  if (runs.length === 0) return '—';
  const w = runs.map((r) => r.wall);
  const rss = Math.max(...runs.map((r) => r.rss));
  const range = runs.length > 1 ? ` (${fmtS(Math.min(...w))}–${fmtS(Math.max(...w))})` : '';
  return `${fmtS(median(w))}${range}${Number.isFinite(rss) ? `, ${rss.toFixed(0)} MiB` : ''}`;
}

function ratio(a: Run[], b: Run[]): number {
  return a.length && b.length ? median(a.map((r) => r.wall)) / median(b.map((r) => r.wall)) : NaN;
}

function pythonAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  const r = spawnSync(PYTHON, ['-c', 'import pandas, sklearn'], { encoding: 'utf8' });
  return r.status === 0;
}

function fmtRows(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}

/** Largest relative difference between evalgate's and scikit-learn's point values (same names only). */
function agreement(
  evalgateJson: string,
  sklearnJson: string,
): { worst: number; checked: number; name: string } {
  const ours = JSON.parse(evalgateJson) as { metrics: Record<string, { value: number | null }> };
  const theirs = JSON.parse(sklearnJson) as Record<string, number>;
  let worst = 0;
  let name = '';
  let checked = 0;
  for (const [k, v] of Object.entries(theirs)) {
    const o = ours.metrics[k]?.value;
    if (o === undefined || o === null) {
      worst = Infinity;
      name = `${k} (missing)`;
      continue;
    }
    checked++;
    const d = Math.abs(o - v) / Math.max(1e-12, Math.abs(v));
    if (d > worst) {
      worst = d;
      name = k;
    }
  }
  return { worst, checked, name };
}

function dirSize(dir: string): number {
  let total = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const s = statSync(p);
    total += s.isDirectory() ? dirSize(p) : s.size;
  }
  return total;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI) || !existsSync(ACTION)) {
    process.stderr.write(`${CLI} or ${ACTION} missing: run \`npm run package\` first\n`);
    process.exitCode = 2;
    return;
  }
  const py = pythonAvailable();
  const sk = py
    ? execFileSync(PYTHON, ['-c', 'import sklearn, pandas; print(sklearn.__version__, pandas.__version__)'], {
        encoding: 'utf8',
      }).trim()
    : '';
  const out = (s = '') => process.stdout.write(`${s}\n`);
  out(`evalgate side-by-side benchmark`);
  out(
    `machine: ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ` +
      (py
        ? `Python ${execFileSync(PYTHON, ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' }).trim()}, scikit-learn ${sk.split(' ')[0]}, pandas ${sk.split(' ')[1]}`
        : 'pandas/scikit-learn: not installed, skipped'),
  );
  out(
    `${args.reps} repetitions, commands in rotating order; median (min–max), peak RSS; cache ${args.cache}`,
  );
  out();

  // Cold start and bundle sizes.
  const help: Run[] = [];
  const action: Run[] = [];
  for (let r = 0; r < Math.max(5, args.reps); r++) {
    help.push(timed('node', [CLI, '--help']));
    // Without runner inputs the action stops at its first input: that is its start-up cost.
    action.push(timed('node', [ACTION], { PATH: process.env.PATH ?? '' }));
  }
  out(`| start-up | wall (median, min–max), RSS |`);
  out(`|---|---|`);
  out(`| \`evalgate --help\` | ${cell(help)} |`);
  out(`| action bundle (\`node dist/index.js\`, no inputs) | ${cell(action)} |`);
  out(
    `| bundle sizes | CLI ${(dirSize('dist/cli') / 2 ** 20).toFixed(2)} MiB; action ${(dirSize('dist') / 2 ** 20 - dirSize('dist/cli') / 2 ** 20).toFixed(2)} MiB |`,
  );
  out();

  const cases: { rows: number; k: number }[] = [
    ...args.sizes.map((rows) => ({ rows, k: 10 })),
    ...args.binary.map((rows) => ({ rows, k: 2 })),
  ];
  out(
    `| file | rows | MiB | \`evalgate metrics\` | pandas + sklearn | ratio | JSON.parse floor | ÷ floor | \`evalgate compare\` | ÷ metrics | metrics on one thread | values agree |`,
  );
  out(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
  const summary: Record<string, Record<string, number>> = {};
  for (const c of cases) {
    const base = await ensureFile(args.cache, c.rows, c.k, 'baseline');
    const cur = await ensureFile(args.cache, c.rows, c.k, 'current');
    const mib = statSync(base.path).size / 2 ** 20;
    const runPy = py && c.rows <= args.pythonMax;
    const jobs: [string, () => Run][] = [
      ['metrics', () => timed('node', [CLI, 'metrics', base.path])],
      ['floor', () => timed('node', ['scripts/bench/parse-floor.mjs', base.path])],
      [
        'compare',
        () =>
          timed('node', [
            CLI,
            'compare',
            '--current',
            cur.path,
            '--baseline',
            base.path,
            '--format',
            'json',
            '--fail-on',
            'never',
          ]),
      ],
    ];
    // The same command without the helper thread (src/parallel/helper.ts): the second core's share. Not
    // at 10M rows, where neither parallel path applies (above 1 GiB and 4M rows, for memory).
    const twoPaths = c.rows <= 4_000_000;
    if (twoPaths)
      jobs.push([
        'oneThread',
        () => timed('node', [CLI, 'metrics', base.path], { ...process.env, EVALGATE_THREADS: '1' }),
      ]);
    if (runPy) jobs.push(['sklearn', () => timed(PYTHON, ['scripts/bench/sklearn_metrics.py', base.path])]);
    const runs: Record<string, Run[]> = { metrics: [], floor: [], compare: [], sklearn: [], oneThread: [] };
    for (let r = 0; r < args.reps; r++) {
      for (let j = 0; j < jobs.length; j++) {
        const [name, fn] = jobs[(j + r) % jobs.length];
        runs[name].push(fn());
      }
    }
    let agree = runPy ? 'no output' : '—';
    if (runPy && runs.sklearn[0]?.stdout && runs.metrics[0]?.stdout) {
      const a = agreement(runs.metrics[0].stdout, runs.sklearn[0].stdout);
      agree =
        a.worst <= 1e-9
          ? `yes (${a.checked} metrics, ≤ ${a.worst.toExponential(0)})`
          : `NO: ${a.name} rel. diff ${a.worst.toExponential(2)}`;
    }
    if (twoPaths && runs.oneThread[0])
      agree +=
        runs.oneThread[0].stdout === runs.metrics[0]?.stdout
          ? '; one thread: same output'
          : '; ONE THREAD DIFFERS';
    const label = c.k === 2 ? 'binary' : `${c.k}-class`;
    const rm = ratio(runs.metrics, runs.sklearn);
    const rf = ratio(runs.metrics, runs.floor);
    const rc = ratio(runs.compare, runs.metrics);
    out(
      `| ${label} | ${fmtRows(c.rows)} | ${mib.toFixed(0)} | ${cell(runs.metrics)} | ${runPy ? cell(runs.sklearn) : 'not run'} | ${Number.isFinite(rm) ? rm.toFixed(2) + '×' : '—'} | ${cell(runs.floor)} | ${rf.toFixed(2)}× | ${cell(runs.compare)} | ${rc.toFixed(2)}× | ${twoPaths ? cell(runs.oneThread) : '—'} | ${agree} |`,
    );
    summary[`${label} ${fmtRows(c.rows)}`] = {
      metrics: median(runs.metrics.map((r) => r.wall)),
      rss: Math.max(...runs.metrics.map((r) => r.rss)),
      compareRss: Math.max(...runs.compare.map((r) => r.rss)),
    };
  }
  const m100k = summary['10-class 100k']?.metrics;
  const m1m = summary['10-class 1M']?.metrics;
  if (m100k && m1m) {
    out();
    out(`growth 100k → 1M (10-class metrics): ${(m1m / m100k).toFixed(1)}× (target ≤ 12×)`);
  }
}

await main();
