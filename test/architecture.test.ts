/** The pure core must stay runnable without GitHub: no `@actions/*` imports outside the I/O edges. */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;
/** The only folders allowed to talk to the runner or the GitHub API. */
const EDGES = ['action/', 'github/'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Static and dynamic import specifiers of a source file (type-only imports included). */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

/** Every src file reachable from `entry` through relative imports, plus the bare packages it names. */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const spec of importsOf(f)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const target = resolve(dirname(f), spec.replace(/\.js$/, '.ts'));
      if (target.endsWith('.ts') && existsSync(target)) todo.push(target);
    }
  }
  return { files: seen, packages };
}

describe('architecture', () => {
  it('only src/action and src/github may import @actions/*', () => {
    const all = files(src).map((p) => relative(src, p));
    // The rule must see the edges it exempts, or a rename would make it pass vacuously.
    expect(all.some((rel) => rel.startsWith('action/'))).toBe(true);
    const offenders = all
      .filter((rel) => !EDGES.some((e) => rel.startsWith(e)))
      .filter((rel) => importsOf(join(src, rel)).some((s) => s.startsWith('@actions/')));
    expect(offenders).toEqual([]);
  });

  it('src/action/index.ts only calls run()', () => {
    const code = readFileSync(join(src, 'action/index.ts'), 'utf8')
      .replace(/\/\*\*[\s\S]*?\*\/\s*/g, '')
      .trim();
    expect(code).toBe("import { run } from './main.js';\n\nvoid run();");
  });

  it('the CLI reaches neither src/action, src/github nor any @actions/* or @octokit/* package', () => {
    const { files: reached, packages } = reachable(join(src, 'cli/index.ts'));
    const rel = [...reached].map((p) => relative(src, p));
    expect(rel).toContain('cli/main.ts');
    expect(rel.filter((r) => r.startsWith('action/') || r.startsWith('github/'))).toEqual([]);
    expect([...packages].filter((p) => /^@(actions|octokit)\//.test(p))).toEqual([]);
  });

  it('the action reaches src/github (the walk follows imports)', () => {
    const rel = [...reachable(join(src, 'action/index.ts')).files].map((p) => relative(src, p));
    expect(rel).toContain('github/publisher.ts');
  });
});
