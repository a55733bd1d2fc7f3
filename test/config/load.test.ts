import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadConfig, parseConfig, defaultConfig } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { InputError } from '../../src/errors.js';

function err(text: string): InputError {
  try {
    parseConfig(text, 'cfg.yml');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('config', () => {
  it('parses the docs/configuration.md example with defaults applied', () => {
    const c = parseConfig(
      `task: auto
fields: { id: id, label: label, prediction: prediction, probabilities: probabilities }
slices: [language]
significance: 0.05
defaults: { max_regression: 0.005, severity: fail }
metrics:
  accuracy: { max_regression: 0.01, min: 0.80 }
  f1_macro: { max_regression_pct: 2 }
  latency_ms_p95: { direction: lower, max_regression_pct: 10, severity: warn }
slice_rules: { max_regression: 0.03, min_n: 50 }
`,
      'cfg.yml',
    );
    expect(c.slices).toEqual(['language']);
    expect(c.significance).toBe(0.05);
    expect(c.metrics.accuracy).toEqual({ max_regression: 0.01, min: 0.8 });
    expect(c.metrics.latency_ms_p95.direction).toBe('lower');
    expect(c.sliceRules).toEqual({ max_regression: 0.03, min_n: 50 });
    expect(c.defaults?.max_regression).toBe(0.005);
    expect(c.bootstrap).toBe(2000);
    expect(c.hasRules).toBe(true);
  });

  it('names file, line and key path of an unknown key', () => {
    const e = err('task: binary\nmetrics:\n  accuracy:\n    max_regresion: 0.01\n');
    expect(e.message).toContain('cfg.yml:4');
    expect(e.message).toContain('metrics.accuracy.max_regresion');
    expect(e.message).toContain('unknown key "max_regresion"');
    expect(e.message).toContain('max_regression');
  });

  it('says what was expected and found for a wrong type or value', () => {
    const e = err('significance: high\n');
    expect(e.message).toMatch(
      /cfg\.yml:1 field "significance": expected number or null, found string "high"/,
    );
    const e2 = err('metrics:\n  f1: { severity: fatal }\n');
    expect(e2.message).toContain('cfg.yml:2');
    expect(e2.message).toContain('"fail", "warn"');
    expect(e2.message).toContain('string "fatal"');
    const e3 = err('metrics:\n  accuracy: { min: 0.9, max: 0.5 }\n');
    expect(e3.message).toContain('min (0.9) is greater than max (0.5)');
  });

  it('reports invalid YAML with its line', () => {
    const e = err('task: binary\nmetrics: [\n');
    expect(e.message).toMatch(/^cfg\.yml:\d+: invalid YAML/);
  });

  it('significance defaults to 0.05 with or without rules (thresholds are tested margins); null is explicit', () => {
    expect(parseConfig('slices: [language]\n', 'c.yml').significance).toBe(0.05);
    expect(parseConfig('metrics: { accuracy: { max_regression: 0.01 } }\n', 'c.yml').significance).toBe(0.05);
    expect(parseConfig('on_inconclusive: warn\n', 'c.yml').onInconclusive).toBe('warn');
    expect(() => parseConfig('on_inconclusive: maybe\n', 'c.yml')).toThrow(/on_inconclusive/);
    expect(parseConfig('significance: null\n', 'c.yml').significance).toBeNull();
  });

  it('a missing optional file gives the defaults; a missing explicit file is an error', () => {
    expect(loadConfig('does/not/exist.yml', true)).toEqual(defaultConfig());
    expect(() => loadConfig('does/not/exist.yml')).toThrow(/does\/not\/exist\.yml: config file not found/);
  });

  it('the published JSON Schema equals the one the loader validates with', () => {
    const published = JSON.parse(
      readFileSync(new URL('../../schema/evalgate.schema.json', import.meta.url), 'utf8'),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(configSchema)));
  });
});

describe('config: review fixes', () => {
  it('rejects NaN and infinite numbers (YAML .nan, .inf) with the key path', () => {
    expect(() => parseConfig('metrics:\n  accuracy: { min: .nan }\n', 'c.yml')).toThrow(
      /c\.yml:2 field "metrics\.accuracy\.min": expected a finite number/,
    );
  });
  it('a folder given as config is an input error', () => {
    expect(() => loadConfig(new URL('.', import.meta.url).pathname)).toThrow(/cannot read config/);
  });
});

describe('documentation', () => {
  it("the README's configuration example is a valid config", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('```yaml', readme.indexOf('## Configuration')) + '```yaml'.length;
    const text = readme.slice(start, readme.indexOf('```', start));
    const c = parseConfig(text, 'README.md');
    expect(Object.keys(c.metrics)).toContain('latency_ms_p95');
    expect(c.sliceRules?.min_n).toBe(50);
  });
});

describe('YAML alias bombs', () => {
  it('exponentially expanding aliases are an input error naming the file, not a crash', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [k, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ])
      rows.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const err = (() => {
      try {
        parseConfig(rows.join('\n') + '\n', 'c.yml');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^c\.yml: YAML aliases expand too far/);
  });
});
