/**
 * Throughput of the statistics engine on large inputs (`npm run bench:stats`). Prints the median (and range)
 * of several repetitions of each step, measured in one process; no assertions on time.
 *
 * Data: synthetic binary runs — a baseline and a "nearby checkpoint" with correlated scores — built as
 * records and encoded with the metric engine's `buildDataset`, exactly as the action does.
 */
import { cpus } from 'node:os';
import { buildDataset, computeMetrics, type Dataset } from '../src/metrics/index.js';
import { compareDatasets, pairDatasets, Rng, withErrorBars } from '../src/stats/index.js';
import type { ExampleRecord } from '../src/types.js';

const N = 1_000_000;
const REPS = Number(process.env.BENCH_REPS ?? 5);

function records(n: number, seed: number, runSeed: number): ExampleRecord[] {
  const shared = new Rng(seed);
  const own = new Rng(runSeed);
  const out = new Array<ExampleRecord>(n);
  for (let i = 0; i < n; i++) {
    const y = shared.random() < 0.4 ? 1 : 0;
    const z = (y ? 1.3 : -1.3) + shared.normal() + 0.35 * own.normal();
    const p = 1 / (1 + Math.exp(-z));
    out[i] = {
      id: `ex-${i}`,
      label: y,
      prediction: p >= 0.5 ? 1 : 0,
      probabilities: p,
      slices: {},
      numeric: {},
      source: { file: 'bench.jsonl', line: i + 1 },
    };
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const rows: [string, number[], string][] = [];
function bench(label: string, fn: () => unknown, reps = REPS, note = '', warmUp = true): void {
  if (warmUp) fn(); // JIT warm-up, not counted
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  rows.push([label, times, note]);
  const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  console.log(
    `${label.padEnd(72)} ${fmt(median(times)).padStart(10)}   (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}, ${reps} runs)${note ? '  ' + note : ''}`,
  );
}

console.log(
  `evalgate statistics benchmark — Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}`,
);
console.log(
  `median of ${REPS} runs (fewer where shown) after one warm-up run (none for the 1-run row); n = ${N.toLocaleString('en-US')} paired binary examples\n`,
);

const opts = { task: 'binary' as const };
const recB = records(N, 1, 2);
const recC = records(N, 1, 3);
let base!: Dataset;
bench(
  'buildDataset: 1,000,000 binary records with probabilities',
  () => {
    base = buildDataset(recB, opts);
  },
  3,
);
console.log(
  `${'  → buildDataset throughput'.padEnd(72)} ${(N / (median(rows[0][1]) / 1000) / 1e6).toFixed(2)} M records/s`,
);
const cur: Dataset = buildDataset(recC, opts);
bench('computeMetrics: all binary metrics, 1,000,000 examples with scores', () => computeMetrics(cur, opts));
const pairing = pairDatasets(base, cur);
bench('pairDatasets: 1,000,000 ids, same order (fast path)', () => pairDatasets(base, cur));
const reordered: Dataset = { ...cur, ids: [...cur.ids].reverse() };
bench('pairDatasets: 1,000,000 ids, different order (hash map)', () => pairDatasets(base, reordered));
bench('paired bootstrap, f1, B = 10,000 (joint-cell multinomial)', () =>
  compareDatasets(base, cur, ['f1'], { metric: opts, bootstrap: 10_000, pairing }),
);
bench('paired bootstrap, 6 confusion metrics at once, B = 10,000', () =>
  compareDatasets(base, cur, ['f1', 'precision', 'recall', 'balanced_accuracy', 'mcc', 'cohen_kappa'], {
    metric: opts,
    bootstrap: 10_000,
    pairing,
  }),
);
bench('McNemar exact, accuracy', () => compareDatasets(base, cur, ['accuracy'], { metric: opts, pairing }));
bench('paired DeLong, roc_auc', () => compareDatasets(base, cur, ['roc_auc'], { metric: opts, pairing }));
const points = computeMetrics(cur, opts);
bench('DeLong error bars, roc_auc (one run)', () =>
  withErrorBars(cur, { roc_auc: points.roc_auc }, { metric: opts }),
);
bench('confusion bootstrap error bars, 6 metrics, B = 2,000', () =>
  withErrorBars(
    cur,
    Object.fromEntries(
      ['f1', 'precision', 'recall', 'balanced_accuracy', 'mcc', 'cohen_kappa'].map((k) => [k, points[k]]),
    ),
    { metric: opts },
  ),
);
bench(
  'bootstrap over examples, AP + ECE, n = 1,000,000 (row cap: 200 resamples)',
  () =>
    withErrorBars(cur, { average_precision: points.average_precision, ece: points.ece }, { metric: opts }),
  1,
  '(O(n) per resample)',
  false,
);
const sub = buildDataset(records(100_000, 5, 6), opts);
bench(
  'withErrorBars, all 12 binary metrics, n = 100,000, B = 2,000',
  () => withErrorBars(sub, computeMetrics(sub, opts), { metric: opts }),
  3,
  '(2,000 resamples everywhere)',
);
