import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, sourceFiles } from './importCycles';

const root = path.resolve(__dirname, '..');

describe('import cycles', () => {
  it('finds a cycle of three and a self-import, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a', 'f']],
      ['f', []],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
    expect(cycles(new Map([['x', ['y']], ['y', []]]))).toEqual([]);
  });

  it('has none in electron/ and renderer/src', () => {
    const files = [...sourceFiles(path.join(root, 'electron')), ...sourceFiles(path.join(root, 'renderer', 'src'))];
    expect(files.length).toBeGreaterThan(100);
    const graph = importGraph(files);
    // The walk must see real edges, or "no cycles" would prove nothing.
    expect([...graph.values()].reduce((n, deps) => n + deps.length, 0)).toBeGreaterThan(files.length);
    expect(cycles(graph).map((c) => c.map((f) => path.relative(root, f)).join(' → '))).toEqual([]);
  });
});
