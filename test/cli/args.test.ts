import { describe, expect, it } from 'vitest';
import { main, parseArgs } from '../../src/cli/main.js';

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

describe('CLI arguments', () => {
  it('takes several paths after --current and --baseline', async () => {
    const p = parseArgs([
      'compare',
      '--current',
      'a.jsonl',
      'b.jsonl',
      '--baseline',
      'c.json',
      '--format=json',
    ]);
    expect(p.command).toBe('compare');
    expect(p.options.current).toEqual(['a.jsonl', 'b.jsonl']);
    expect(p.options.baseline).toEqual(['c.json']);
    expect(p.options.format).toEqual(['json']);
  });

  it('usage errors exit 2 with a message on stderr', async () => {
    expect(await run(['compare', '--current', 'a.jsonl'])).toMatchObject({ code: 2, out: '' });
    expect((await run(['compare', '--current', 'a.jsonl'])).err).toContain('compare needs --baseline');
    expect((await run(['frobnicate'])).err).toContain('unknown command "frobnicate"');
    expect((await run(['metrics', '--bogus', 'x'])).err).toContain('unknown option --bogus');
    expect((await run(['metrics', 'x.jsonl', '--format', 'xml'])).err).toContain(
      '--format must be one of json, markdown',
    );
    expect((await run([])).code).toBe(2);
  });

  it('--help exits 0 and prints usage', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('evalgate compare --current');
  });

  it('a missing input file exits 2 naming it', async () => {
    const r = await run(['metrics', 'nope/missing.jsonl']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope/missing.jsonl: file not found');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('CLI: review fixes', () => {
  it('options that do not apply, unknown short options and unwritable outputs are usage errors (exit 2)', async () => {
    const m = await run(['metrics', 'examples/sentiment/pr.jsonl', '--baseline', 'x.jsonl']);
    expect(m.code).toBe(2);
    expect(m.err).toContain('--baseline does not apply to `evalgate metrics`');
    const s = await run(['compare', '--current', 'a', '--baseline', 'b', '-c', 'foo']);
    expect(s.err).toContain('unknown option -c');
    const w = await run([
      'metrics',
      'examples/sentiment/pr.jsonl',
      '--save-result',
      '/nonexistent/dir/x.json',
    ]);
    expect(w.code).toBe(2);
    expect(w.err).toContain('cannot write /nonexistent/dir/x.json: ENOENT');
  });
});
