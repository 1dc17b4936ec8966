/**
 * The page is split by tab (issue 21): from the entry (editor/main.tsx) no view module and no heavy library is reached
 * through static imports; each view is reached only through App.tsx's dynamic `import()`, so the build puts it and
 * what only it uses in a chunk of its own. Read from the sources with the TypeScript parser (no build), following
 * static imports as the bundler does (`import type` is erased and not followed).
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);

interface Imports { statics: string[]; dynamics: string[] }

const parsed = new Map<string, Imports>();

/** The module specifiers a file loads statically and dynamically (each file parsed once). */
function importsOf(file: string): Imports {
  const known = parsed.get(file);
  if (known) return known;
  const text = readFileSync(new URL(file, ROOT), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const statics: string[] = [];
  const dynamics: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly === true : node.isTypeOnly;
      if (!typeOnly) statics.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const first = node.arguments[0];
      dynamics.push(first && ts.isStringLiteralLike(first) ? first.text : '<computed>');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  parsed.set(file, { statics, dynamics });
  return { statics, dynamics };
}

const resolve = (from: string, specifier: string) => posix.normalize(posix.join(posix.dirname(from), specifier));
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Every source file and package script reached from `start` through static imports (CSS and JSON files count as files). */
function staticGraph(start: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    if (!existsSync(new URL(file, ROOT))) throw new Error(`${file} does not exist`);
    files.add(file);
    if (!/\.tsx?$/.test(file)) return;
    for (const s of importsOf(file).statics) {
      if (s.startsWith('.')) visit(resolve(file, s));
      else if (!s.endsWith('.css')) packages.add(packageOf(s)); // a package's stylesheet is CSS, not its script
    }
  };
  visit(start);
  return { files, packages };
}

const VIEWS = [
  'editor/rules/RuleEditorPage.tsx',
  'editor/lifecycles/LifecycleEditorPage.tsx',
  'editor/check/CheckView.tsx',
  'editor/diff/DiffPage.tsx',
  'editor/simulation/SimulationPage.tsx',
];
const HEAVY = ['@xyflow/react', '@dagrejs/dagre', 'chart.js'];

describe('the page split by tab', () => {
  const entry = staticGraph('editor/main.tsx');

  it('loads each of the five views through a dynamic import from App.tsx', () => {
    expect(importsOf('editor/App.tsx').dynamics.map((s) => resolve('editor/App.tsx', s)).sort()).toEqual([...VIEWS].sort());
  });

  it('reaches no view, no React Flow, dagre or Chart.js from the entry through static imports', () => {
    expect(entry.files.has('editor/App.tsx')).toBe(true);
    expect(VIEWS.filter((v) => entry.files.has(v))).toEqual([]);
    expect(HEAVY.filter((p) => entry.packages.has(p))).toEqual([]);
    expect([...entry.files].filter((f) => /^editor\/(rules\/canvas\/|lifecycles\/LifecycleCanvas).*\.tsx?$/.test(f))).toEqual([]);
  });

  it('reaches no shipped JSON file from the entry or any view through static imports: the page fetches them as data', () => {
    const json = (files: Set<string>) => [...files].filter((f) => f.endsWith('.json'));
    expect(json(entry.files)).toEqual([]);
    expect(VIEWS.flatMap((v) => json(staticGraph(v).files))).toEqual([]);
    expect(json(staticGraph('engine/builtin.ts').files).length).toBeGreaterThan(0);
  });

  it('finds the heavy libraries in the views that use them (the walk sees what a view loads)', () => {
    // The rules canvas lays its trees out itself (editor/canvas/tidyTree.ts): dagre loads with the lifecycle canvas only.
    // The rules tab paints without it: React Flow comes with the canvas module, which the tab imports dynamically.
    expect(HEAVY.filter((p) => staticGraph('editor/rules/RuleEditorPage.tsx').packages.has(p))).toEqual([]);
    expect(importsOf('editor/rules/RuleEditorPage.tsx').dynamics.map((s) => resolve('editor/rules/RuleEditorPage.tsx', s))).toContain('editor/rules/canvas/RulesCanvas.tsx');
    expect(HEAVY.filter((p) => staticGraph('editor/rules/canvas/RulesCanvas.tsx').packages.has(p)).sort()).toEqual(['@xyflow/react']);
    expect(HEAVY.filter((p) => staticGraph('editor/lifecycles/LifecycleEditorPage.tsx').packages.has(p)).sort()).toEqual(['@dagrejs/dagre', '@xyflow/react']);
    expect(HEAVY.filter((p) => staticGraph('editor/simulation/SimulationPage.tsx').packages.has(p))).toEqual(['chart.js']);
    expect(HEAVY.filter((p) => staticGraph('editor/check/CheckView.tsx').packages.has(p))).toEqual([]);
  });
});
