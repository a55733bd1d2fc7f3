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

/** Relative imports and re-exports of each file in src/, resolved to file paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files(src)) {
    const deps = importsOf(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    graph.set(file, deps);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Cycles that exist and are to be removed (then delete the entry: the test fails while it is stale). */
const KNOWN_CYCLES: string[][] = [];

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

  it('no import cycle among the files of src/ (type-only imports included) but the known ones', () => {
    const graph = importGraph();
    expect(graph.size).toBeGreaterThan(50);
    // The parser must see multi-line and type-only imports, or the check below could not fail.
    expect(graph.get(join(src, 'diagnose/index.ts'))).toContain(join(src, 'diagnose/overall.ts'));
    expect(graph.get(join(src, 'metrics/compute.ts'))).toContain(join(src, 'metrics/classification.ts'));
    const cycles = importCycles(graph).map((c) => c.map((p) => relative(src, p)));
    expect(cycles).toEqual(KNOWN_CYCLES);
  });

  it('the cycle finder finds a type-only cycle through an index file', () => {
    const g = new Map([
      ['index.ts', ['a.ts']],
      ['a.ts', ['index.ts', 'b.ts']],
      ['b.ts', []],
      ['self.ts', ['self.ts']],
    ]);
    expect(importCycles(g)).toEqual([['a.ts', 'index.ts'], ['self.ts']]);
  });
});
