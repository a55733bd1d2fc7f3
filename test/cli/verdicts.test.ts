/**
 * Exit codes of the verdicts that must mean what the threshold says (issue "margin tests, consistent
 * paired tests, honest can't-tell"): the same lm-eval model run twice passes zero-config; a tiny drop
 * of a metric without uncertainty passes; a drop beyond a configured threshold fails.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Report } from '../../src/types.js';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

const REAL = new URL('../fixtures/real/lm-eval/pr3936-negotiationtom-qwen3-8b/', import.meta.url).pathname;
const runFiles = (stamp: string) => [
  `${REAL}results_2026-07-08T${stamp}.json`,
  `${REAL}samples_negotiationtom_belief_2026-07-08T${stamp}.jsonl`,
  `${REAL}samples_negotiationtom_intention_2026-07-08T${stamp}.jsonl`,
];

describe('verdicts (CLI exit codes)', () => {
  it('lm-eval: the same model run twice passes zero-config; macro/micro F1 are tested from the samples', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-verdicts-'));
    const out = join(dir, 'report.json');
    const r = await run([
      'compare',
      '--current',
      ...runFiles('18-15-33.115417'),
      '--baseline',
      ...runFiles('16-04-34.219874'),
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')) as Report;
    expect(report.verdict).toBe('pass');
    for (const name of [
      'negotiationtom_intention/micro_f1',
      'negotiationtom_intention/macro_f1',
      'negotiationtom/micro_f1',
    ]) {
      const c = report.comparisons.find((x) => x.metric === name)!;
      expect(c.test?.method).toBe('paired-randomization');
      expect(c.status).toBe('inconclusive');
    }
    expect(r.out).toContain('not confirmed');
  });

  it('metric maps without uncertainty: 0.85 → 0.849 passes zero-config (inconclusive, untested)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-verdicts-'));
    writeFileSync(join(dir, 'base.json'), '{"accuracy": 0.85}');
    writeFileSync(join(dir, 'cur.json'), '{"accuracy": 0.849}');
    const r = await run([
      'compare',
      '--current',
      join(dir, 'cur.json'),
      '--baseline',
      join(dir, 'base.json'),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('untested');
  });

  it('metric maps: 0.85 → 0.80 with max_regression 0.01 fails (the threshold decides alone)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-verdicts-'));
    writeFileSync(join(dir, 'base.json'), '{"accuracy": 0.85}');
    writeFileSync(join(dir, 'cur.json'), '{"accuracy": 0.80}');
    writeFileSync(join(dir, 'c.yml'), 'metrics:\n  accuracy: { max_regression: 0.01 }\n');
    const args = ['compare', '--current', join(dir, 'cur.json'), '--baseline', join(dir, 'base.json')];
    expect((await run([...args, '--config', join(dir, 'c.yml')])).code).toBe(1);
    // Zero-config, the same 5.9% drop is beyond the default 5% tolerance of untested metrics.
    expect((await run(args)).code).toBe(1);
    writeFileSync(join(dir, 'c2.yml'), 'metrics:\n  accuracy: { max_regression: 0.06 }\n');
    expect((await run([...args, '--config', join(dir, 'c2.yml')])).code).toBe(0);
  });

  it('on_inconclusive: warn and fail change the verdict of an unconfirmed drop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-verdicts-'));
    writeFileSync(join(dir, 'base.json'), '{"accuracy": 0.85}');
    writeFileSync(join(dir, 'cur.json'), '{"accuracy": 0.849}');
    writeFileSync(join(dir, 'w.yml'), 'on_inconclusive: warn\n');
    writeFileSync(join(dir, 'f.yml'), 'on_inconclusive: fail\n');
    const args = ['compare', '--current', join(dir, 'cur.json'), '--baseline', join(dir, 'base.json')];
    const w = await run([...args, '--config', join(dir, 'w.yml'), '--format', 'json']);
    expect((JSON.parse(w.out) as Report).verdict).toBe('warn');
    expect(w.code).toBe(0);
    expect((await run([...args, '--config', join(dir, 'f.yml')])).code).toBe(1);
  });
});
