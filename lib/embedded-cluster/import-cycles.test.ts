import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A runtime import cycle makes module initialisation order-dependent: whichever module of the cycle loads first
// sees the others' exports as undefined (e.g. `SCENARIOS` spreading an undefined `FAILURE_SCENARIOS`). ESLint's
// import/no-cycle isn't installed, so this walks the simulator's own import graph. Type-only imports are erased
// by the compiler and can't cause that, so they are ignored.

const ROOT = dirname(new URL(import.meta.url).pathname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

// `import x from`, `import { a, type B } from`, `export { a } from`, `export * from`; not `import type`/`export type`.
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;

export function runtimeImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1];
    if (!spec) continue;
    // `import { type A, type B } from` is erased too.
    const onlyNamed = /^\s*(?:import|export)\s*\{([^}]*)\}\s*from\s/.exec(m[0]);
    if (onlyNamed?.[1]?.split(',').every((s) => !s.trim() || /^\s*type\s/.test(s))) continue;
    const base = resolve(dirname(file), spec);
    for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
      try {
        if (statSync(candidate).isFile()) { out.push(candidate); break; }
      } catch { /* not this one */ }
    }
  }
  return out;
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') return [...stack.slice(stack.indexOf(m)), m];
      if (!state.has(m)) {
        const c = visit(m);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of graph.keys()) {
    if (state.has(n)) continue;
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

describe('lib/embedded-cluster import graph', () => {
  it('has no runtime import cycle', () => {
    const graph = new Map(sourceFiles(ROOT).map((f) => [f, runtimeImports(f, readFileSync(f, 'utf8'))]));
    expect(graph.size).toBeGreaterThan(100);
    expect(findCycle(graph)?.map((f) => relative(ROOT, f))).toBeUndefined();
  });

  it('finds the cycle it is meant to catch', () => {
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('ignores type-only imports and keeps mixed ones', () => {
    const f = join(ROOT, 'scenarios/x.ts');
    const text = [
      "import type { A } from './scale';",
      "import { type B } from './seed';",
      "import { createAll, type Scenario } from './scenario';",
      "export { SEED } from './index';",
    ].join('\n');
    expect(runtimeImports(f, text).map((p) => relative(ROOT, p))).toEqual(['scenarios/scenario.ts', 'scenarios/index.ts']);
  });
});
