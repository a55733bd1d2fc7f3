/** README's inputs/outputs tables agree with action.yml: every name, no extra, and the same defaults. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../', import.meta.url);
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};
const readme = readFileSync(new URL('README.md', root), 'utf8');

/** Rows of the markdown table whose header's first cell is `first`: cells, trimmed. */
function table(first: string): string[][] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(l));
  expect(start, `README has a table headed "${first}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const l of lines.slice(start + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(
      l
        .slice(1, l.endsWith('|') ? -1 : undefined)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

const name = (cell: string): string => cell.replace(/^`|`$/g, '');

describe('README tables match action.yml', () => {
  it('inputs: the same names, and each default as action.yml gives it', () => {
    const rows = table('input');
    expect(rows.map((r) => name(r[0])).sort()).toEqual(Object.keys(action.inputs).sort());
    for (const r of rows) {
      const def = action.inputs[name(r[0])].default ?? '';
      const cell = r[2] ?? '';
      if (def !== '') expect(cell, `default of ${r[0]}`).toBe(`\`${def}\``);
      else {
        // No default in action.yml: the README may say what happens (e.g. "repository default") or
        // name the input it falls back to, but must not show a literal value.
        const literal = /^`([^`]*)`$/.exec(cell);
        if (literal) expect(Object.keys(action.inputs), `default of ${r[0]}`).toContain(literal[1]);
      }
    }
  });

  it('outputs: the same names', () => {
    expect(
      table('output')
        .map((r) => name(r[0]))
        .sort(),
    ).toEqual(Object.keys(action.outputs).sort());
  });
});
