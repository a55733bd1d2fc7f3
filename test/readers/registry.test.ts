import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FORMATS } from '../../src/readers/registry.js';
import { FORMAT_NAMES } from '../../src/readers/format-names.js';
import { main } from '../../src/cli/main.js';

const text = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

describe('the format list comes from the registry', () => {
  it('the names --help lists without loading the readers equal the registry names', () => {
    expect([...FORMAT_NAMES]).toEqual(FORMATS.map((f) => f.name));
  });

  it('names are unique and kebab-case', () => {
    const names = FORMATS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('docs/formats.md, action.yml and --help list every format', async () => {
    const docs = text('docs/formats.md');
    const action = text('action.yml');
    let help = '';
    await main(
      ['--help'],
      (s) => (help += s),
      () => {},
    );
    for (const f of FORMATS) {
      expect(docs).toContain(`\`${f.name}\``);
      expect(action).toMatch(new RegExp(`[ ,]${f.name}[,.]`));
      expect(help).toContain(`  ${f.name}\n`);
    }
    expect(docs).toContain('## Adding a format');
  });

  it("README's inputs table lists every format, and README shows how to add one", () => {
    const readme = text('README.md');
    const start = readme.indexOf('## Inputs evalgate reads');
    const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
    expect(start).toBeGreaterThanOrEqual(0);
    for (const f of FORMATS) expect(section).toContain(`\`${f.name}\``);
    expect(section).toContain('### Adding a format');
    expect(section).toContain('src/readers/registry.ts');
  });
});
