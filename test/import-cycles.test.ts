import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * No import runs in a circle inside a subgraph: a cycle (server -> resolvers -> helper -> server, as
 * when a helper took its context type from server.ts) makes load order decide what is still
 * undefined at import time. Type-only imports count too: they are the ones that start such cycles.
 */
const root = path.resolve(__dirname, '..');

type ImportGraph = Map<string, string[]>;

function importGraph(files: string[], read: (file: string) => string): ImportGraph {
  const known = new Set(files);
  const resolve = (from: string, specifier: string): string | undefined => {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
    return [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => known.has(candidate));
  };
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(read(file), true, true);
    graph.set(
      file,
      importedFiles.flatMap(({ fileName }) => resolve(file, fileName) ?? []),
    );
  }
  return graph;
}

/** Every import cycle, as the files on it (Tarjan's strongly connected components of size > 1). */
function cycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const imported of graph.get(file) ?? []) {
      if (!index.has(imported)) {
        visit(imported);
        lowLink.set(file, Math.min(lowLink.get(file)!, lowLink.get(imported)!));
      } else if (onStack.has(imported)) {
        lowLink.set(file, Math.min(lowLink.get(file)!, index.get(imported)!));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('import cycles', () => {
  it('no subgraph file imports itself through others', () => {
    const files = execFileSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', 'subgraphs/*.ts'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((file) => file !== '' && existsSync(path.join(root, file)));
    expect(files).toContain('subgraphs/quoting/server.ts');
    const graph = importGraph(files, (file) => readFileSync(path.join(root, file), 'utf8'));
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle made by a type-only import', () => {
    const sources: Record<string, string> = {
      'a/server.ts': "import { resolvers } from './resolvers';",
      'a/resolvers.ts': "import { helper } from './helper';",
      'a/helper.ts': "import type { Context } from './server';",
      'a/context.ts': '',
    };
    const graph = importGraph(Object.keys(sources), (file) => sources[file] ?? '');
    expect(cycles(graph)).toEqual([['a/helper.ts', 'a/resolvers.ts', 'a/server.ts']]);
  });
});
