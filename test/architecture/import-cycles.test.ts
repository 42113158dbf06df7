import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/*
 * Issue #11 §1: no import cycles in src, and none between the runtime core's folders. Imports are
 * read with the TypeScript parser (type-only imports count: they still tie the modules' designs
 * together), relative specifiers only (packages cannot import us back).
 */

const SRC = path.resolve(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

/** File -> the src files it imports (import, export ... from, import()). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((ref) => ref.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveImport(file, specifier))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components with more than one node, or a self-import (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
        found.push(component.sort());
      }
    }
  };
  [...graph.keys()].forEach((node) => index.has(node) || visit(node));
  return found;
}

/** The graph of folders: an edge A -> B when a file directly in A imports a file directly in B. */
function folderGraph(graph: ReadonlyMap<string, readonly string[]>, folders: readonly string[]): Map<string, string[]> {
  const folderOf = (file: string): string | undefined => folders.find((folder) => path.dirname(file) === path.join(SRC, folder));
  const result = new Map<string, string[]>(folders.map((folder) => [folder, []]));
  graph.forEach((targets, file) => {
    const from = folderOf(file);
    targets.map(folderOf).forEach((to) => {
      if (from && to && to !== from && !result.get(from)!.includes(to)) result.get(from)!.push(to);
    });
  });
  return result;
}

const relative = (component: string[]): string[] => component.map((file) => path.relative(SRC, file));

describe('import cycles', () => {
  const graph = importGraph();

  test('the reader finds imports (guards the checks below against an empty graph)', () => {
    // GIVEN / WHEN the graph of src
    // THEN a file known to import others has edges, so an empty cycle list means something
    expect(graph.get(path.join(SRC, 'runtime', 'core', 'scheduling', 'scheduler.ts'))!.length).toBeGreaterThan(2);
  });

  test('the cycle finder sees a cycle when there is one', () => {
    // GIVEN a graph with a two-file loop and a leaf
    const loop = new Map([['a', ['b']], ['b', ['a', 'c']], ['c', []]]);

    // WHEN / THEN
    expect(cycles(loop)).toEqual([['a', 'b']]);
  });

  test('issue #11 §1: no file-level import cycle anywhere in src', () => {
    // GIVEN / WHEN
    const found = cycles(graph).map(relative);

    // THEN
    expect(found).toEqual([]);
  });

  test('issue #11 §1: no cycle between core/jobs, core/scheduling, core/model, core/capacity (nor core/types)', () => {
    // GIVEN the folder graph of the runtime core
    const folders = ['jobs', 'scheduling', 'model', 'capacity', 'types'].map((name) => path.join('runtime', 'core', name));

    // WHEN
    const found = cycles(folderGraph(graph, folders));

    // THEN the folders form layers (model < types < jobs < scheduling < capacity)
    expect(found).toEqual([]);
  });

  test('issue #11 §1: the instance catalog is a leaf (no imports outside its folder, no aws-cdk-lib)', () => {
    // GIVEN the catalog's files
    const catalog = path.join(SRC, 'instance-catalog');
    const files = sourceFiles(catalog);

    // WHEN collecting what they import from elsewhere
    const outside = files.flatMap((file) => ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles
      .map((ref) => ref.fileName)
      .filter((specifier) => !specifier.startsWith('./'))
      .map((specifier) => `${path.relative(SRC, file)} -> ${specifier}`));

    // THEN nothing
    expect(files.length).toBeGreaterThan(3);
    expect(outside).toEqual([]);
  });
});
