/** The pure core must stay runnable without GitHub: no `@actions/*` imports outside the I/O edges. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;
const EDGES = ['main.ts', 'inputs.ts', 'index.ts', 'github/'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('no @actions/* import outside main.ts, inputs.ts and src/github', () => {
    const offenders = files(src)
      .map((p) => relative(src, p))
      .filter((rel) => !EDGES.some((e) => rel === e || rel.startsWith(e)))
      .filter((rel) => /(from\s+|import\()\s*['"]@actions\//.test(readFileSync(join(src, rel), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('src/index.ts only calls run()', () => {
    const code = readFileSync(join(src, 'index.ts'), 'utf8')
      .replace(/\/\*\*[\s\S]*?\*\/\s*/g, '')
      .trim();
    expect(code).toBe("import { run } from './main.js';\n\nvoid run();");
  });
});
