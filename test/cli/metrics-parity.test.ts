/**
 * The whole `evalgate metrics` path — JSONL reader, YAML config, metric engine, JSON output — against
 * the scikit-learn reference values of every parity fixture (test/fixtures/sklearn).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main.js';

const dir = new URL('../fixtures/sklearn/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'evalgate-cli-parity-'));

interface Fixture {
  name: string;
  task: string;
  options: {
    task: string;
    positiveLabel?: unknown;
    classes?: unknown[];
    topK?: number;
    normalize?: Record<string, boolean>;
  };
  records: {
    id: string;
    label: unknown;
    prediction: unknown;
    probabilities?: unknown;
    numeric: Record<string, number>;
  }[];
  expected: Record<string, number | null>;
}

function configOf(o: Fixture['options']): string {
  const c: Record<string, unknown> = { task: o.task };
  if (o.positiveLabel !== undefined) c.positive_label = o.positiveLabel;
  if (o.classes) c.classes = o.classes;
  if (o.topK !== undefined) c.top_k = o.topK;
  if (o.normalize) {
    const n = o.normalize;
    c.normalize = {
      trim: n.trim,
      case_fold: n.caseFold,
      strip_punctuation: n.stripPunctuation,
      collapse_whitespace: n.collapseWhitespace,
    };
    for (const k of Object.keys(c.normalize as object))
      if ((c.normalize as Record<string, unknown>)[k] === undefined)
        delete (c.normalize as Record<string, unknown>)[k];
  }
  return stringify(c);
}

const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

describe('evalgate metrics --format json equals scikit-learn', () => {
  it('covers every task', () => {
    expect(new Set(fixtures.map((f) => f.task))).toEqual(
      new Set(['binary', 'multiclass', 'multilabel', 'regression', 'generation']),
    );
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
    const data = join(work, `${f.name}.jsonl`);
    const lines = f.records.map((r) => {
      const o: Record<string, unknown> = { id: r.id, label: r.label, prediction: r.prediction, ...r.numeric };
      if (r.probabilities !== undefined) o.probabilities = r.probabilities;
      return JSON.stringify(o);
    });
    writeFileSync(data, lines.join('\n') + '\n');
    const cfg = join(work, `${f.name}.yml`);
    writeFileSync(cfg, configOf(f.options));
    let out = '';
    let err = '';
    const code = await main(
      ['metrics', data, '--config', cfg, '--format', 'json'],
      (s) => (out += s),
      (s) => (err += s),
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const j = JSON.parse(out) as {
      task: string;
      n: number;
      metrics: Record<string, { value: number | null; n: number }>;
    };
    expect(j.task).toBe(f.task);
    expect(j.n).toBe(f.records.length);
    expect(Object.keys(j.metrics).sort()).toEqual(Object.keys(f.expected).sort());
    for (const [name, want] of Object.entries(f.expected)) {
      const got = j.metrics[name].value;
      if (want === null) expect(got, name).toBeNull();
      else {
        expect(got, name).not.toBeNull();
        const tol = Math.max(1e-12, 1e-9 * Math.abs(want));
        expect(Math.abs((got as number) - want), `${name}: ${got} vs ${want}`).toBeLessThanOrEqual(tol);
      }
    }
  });
});
