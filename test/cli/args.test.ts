import { describe, expect, it } from 'vitest';
import { main, parseArgs } from '../../src/cli/main.js';

function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

describe('CLI arguments', () => {
  it('takes several paths after --current and --baseline', () => {
    const p = parseArgs(['compare', '--current', 'a.jsonl', 'b.jsonl', '--baseline', 'c.json', '--format=json']);
    expect(p.command).toBe('compare');
    expect(p.options.current).toEqual(['a.jsonl', 'b.jsonl']);
    expect(p.options.baseline).toEqual(['c.json']);
    expect(p.options.format).toEqual(['json']);
  });

  it('usage errors exit 2 with a message on stderr', () => {
    expect(run(['compare', '--current', 'a.jsonl'])).toMatchObject({ code: 2, out: '' });
    expect(run(['compare', '--current', 'a.jsonl']).err).toContain('compare needs --baseline');
    expect(run(['frobnicate']).err).toContain('unknown command "frobnicate"');
    expect(run(['metrics', '--bogus', 'x']).err).toContain('unknown option --bogus');
    expect(run(['metrics', 'x.jsonl', '--format', 'xml']).err).toContain('--format must be one of json, markdown');
    expect(run([]).code).toBe(2);
  });

  it('--help exits 0 and prints usage', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('evalgate compare --current');
  });

  it('a missing input file exits 2 naming it', () => {
    const r = run(['metrics', 'nope/missing.jsonl']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope/missing.jsonl: file not found');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
