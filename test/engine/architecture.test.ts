/**
 * The one-way arrows of the engineering guide (editor → engine, cli → engine; nothing imports editor/ or cli/; only
 * the faces load the shipped files; only views and the page's shell import a view's folder), the engine's purity (no Node built-ins, React, clock or unseeded randomness) and the headless editor code's freedom from
 * React, read from every source file; and proof, on synthetic files, that each check can fail.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArchitectureViolations, isHeadlessEditorFile, REACT_PACKAGES, VIEW_FOLDERS } from './findArchitectureViolations.ts';

/** Every .ts/.tsx file under `dir` (repository-relative, `/`-separated); `[]` when the folder does not exist yet. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f).split('\\').join('/');
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}
const violationsIn = (dirs: readonly string[]) => dirs.flatMap(files).flatMap((f) => findArchitectureViolations(f, readFileSync(f, 'utf8')));

describe('architecture of the repository', () => {
  it('keeps engine/ pure: no editor, cli, Node built-ins or React, no clock, no unseeded random source, no shipped file but in its loaders', () => {
    expect(files('engine').length).toBeGreaterThan(50);
    expect(violationsIn(['engine'])).toEqual([]);
  });

  it('lets nothing outside editor/ import editor/, nor outside cli/ import cli/, nor a shared editor folder a view, and keeps React out of headless editor code', () => {
    // editor/workspace/, editor/storage/, editor/canvas/, editor/rules/ and editor/lifecycles/ are checked by the same scan.
    expect(files('editor/canvas').length).toBeGreaterThan(5);
    expect(files('cli').length).toBeGreaterThan(10);
    expect(files('editor').length).toBeGreaterThan(10);
    expect(violationsIn(['cli', 'editor'])).toEqual([]);
  });
});

describe('the architecture checks can fail', () => {
  const caught = (file: string, text: string) => findArchitectureViolations(file, text);

  it('catch an engine module reading the clock, and let a date built from a given value pass', () => {
    expect(caught('engine/rules/x.ts', 'export const today = () => new Date();')).toEqual([
      'engine/rules/x.ts reads the clock or an unseeded random source: new Date() at line 1',
    ]);
    expect(caught('engine/rules/x.ts', 'export const today = () => new Date;')).toHaveLength(1);
    expect(caught('engine/rules/x.ts', 'const a = Date.now();\nconst b = Math.random();')).toHaveLength(2);
    expect(caught('engine/rules/x.ts', [
      "export const d = new Date('2024-03-01T00:00:00Z');",
      'export const e = (y: number) => new Date(Date.UTC(y, 0, 1));',
      '// new Date() in a comment is not code',
      "export const s = 'new Date() in a string is not code';",
    ].join('\n'))).toEqual([]);
  });

  it('catch an engine module reaching cli/ or editor/ by a dynamic import or a require, not only by a static import', () => {
    expect(caught('engine/rules/x.ts', "export const load = () => import('../../cli/main.ts');")).toEqual([
      'engine/rules/x.ts imports ../../cli/main.ts (dynamic): nothing outside cli/ imports cli/',
    ]);
    expect(caught('engine/x.ts', "const m = require('../editor/App.tsx');")).toEqual([
      'engine/x.ts imports ../editor/App.tsx (require): nothing outside editor/ imports editor/',
    ]);
    expect(caught('engine/x.ts', "import { runCli } from '../cli/runCli.ts';")).toHaveLength(1);
    expect(caught('engine/x.ts', "export type T = typeof import('../cli/runCli.ts');")).toHaveLength(1);
    expect(caught('engine/x.ts', "import { readFileSync } from 'node:fs';\nimport { join } from 'path';")).toHaveLength(2);
    expect(caught('engine/x.ts', "import { createChecker } from './rules/createChecker.ts';\nimport type { Ruleset } from './documents/ruleset.ts';")).toEqual([]);
  });

  it('catch an engine module loading the shipped files (as scenarioFromSpec did), and let the loaders and the faces call them', () => {
    // The import engine/simulate/scenarioFromSpec.ts had before it took its catalogues and lifecycles in the spec.
    expect(caught('engine/simulate/scenarioFromSpec.ts', "import { builtinDocuments } from '../builtin.ts';")).toEqual([
      'engine/simulate/scenarioFromSpec.ts imports ../builtin.ts (static): engine/ takes documents as inputs; only the faces load the shipped files',
    ]);
    expect(caught('engine/simulate/scenarioFromSpec.ts', "import { builtinLifecycles } from '../lifecycle/builtinLifecycles.ts';")).toHaveLength(1);
    expect(caught('engine/rules/diff/x.ts', "export const load = () => import('../../builtin.ts');")).toHaveLength(1);
    expect(caught('engine/x.ts', "import type { BuiltinDocuments } from './builtin.ts';")).toHaveLength(1);
    // The import engine/generate/provinceProfiles.ts had before the generator took its provinces as an input.
    expect(caught('engine/generate/provinceProfiles.ts', "import institutionsJson from '../../rulesets/institutions.json' with { type: 'json' };")).toEqual([
      'engine/generate/provinceProfiles.ts imports ../../rulesets/institutions.json (static): engine/ takes documents as inputs; only the loaders read the shipped files',
    ]);
    expect(caught('engine/simulate/x.ts', "import plan from '../../fixtures/plans/ha-noi-2024.json' with { type: 'json' };")).toHaveLength(1);
    expect(caught('engine/builtin.ts', "import rs57 from '../rulesets/57-qd-tw.json' with { type: 'json' };")).toEqual([]);
    // The loaders may use each other; the faces, the tests and the benchmarks call them.
    expect(caught('engine/builtin.ts', "import { builtinLifecycles } from './lifecycle/builtinLifecycles.ts';")).toEqual([]);
    expect(caught('cli/simulate/loadSide.ts', "import { builtinDocuments } from '../../engine/builtin.ts';")).toEqual([]);
    expect(caught('editor/simulation/x.ts', "import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';")).toEqual([]);
    expect(caught('test/simulate/x.ts', "import { builtinDocuments } from '../../engine/builtin.ts';")).toEqual([]);
    // A file of the same name elsewhere is not the loader.
    expect(caught('engine/rules/x.ts', "import { a } from './builtin.ts';")).toEqual([]);
  });

  it('catch the workspace and other non-view editor folders importing a view\'s file (as the workspace imported check/samples.ts)', () => {
    // The imports editor/workspace/ had before the samples moved to editor/workspace/samples.ts.
    expect(caught('editor/workspace/records.ts', "import type { Sample } from '../check/samples.ts';")).toEqual([
      "editor/workspace/records.ts imports ../check/samples.ts (type): only views and the page's shell import a view's file (editor/check/)",
    ]);
    expect(caught('editor/workspace/commands/sampleCommands.ts', "import { SAMPLES } from '../../check/samples.ts';")).toHaveLength(1);
    for (const view of VIEW_FOLDERS) {
      expect(caught('editor/storage/x.ts', `export const load = () => import('../${view}/x.ts');`)).toHaveLength(1);
      expect(caught('editor/shared/X.tsx', `import { x } from '../${view}/x.ts';`)).toHaveLength(1);
      expect(caught('editor/shared/x.ts', `import { x } from '../${view}/x.ts';`)).toHaveLength(1);
    }
    // editor/shared/ is a shared room too (the rule editor's own hook, useRulesetAnalysis, moved into editor/rules/).
    expect(caught('editor/shared/useRulesetAnalysis.ts', "import type { BenchInput } from '../rules/TestBench.tsx';")).toHaveLength(1);
    // Views import each other and the shared rooms; the shell (App.tsx, main.tsx) composes the views.
    expect(caught('editor/rules/TestBench.tsx', "import { SAMPLES } from '../workspace/samples.ts';")).toEqual([]);
    expect(caught('editor/rules/TestBench.tsx', "import type { VerdictState } from '../check/useVerdict.ts';")).toEqual([]);
    expect(caught('editor/App.tsx', "import { RuleEditorPage } from './rules/RuleEditorPage.tsx';")).toEqual([]);
    expect(caught('editor/workspace/x.ts', "import { downloadText } from '../shared/downloadText.ts';")).toEqual([]);
    // A view-named folder inside a shared room is not a view.
    expect(caught('editor/workspace/x.ts', "import { a } from './rules/a.ts';")).toEqual([]);
  });

  it('catch editor/ importing cli/, and let it import the engine', () => {
    expect(caught('editor/diff/x.ts', "import { parseArgs } from '../../cli/parseArgs.ts';")).toEqual([
      'editor/diff/x.ts imports ../../cli/parseArgs.ts (static): nothing outside cli/ imports cli/',
    ]);
    expect(caught('editor/diff/x.ts', "export const f = async () => (await import('../../cli/parseArgs.ts')).parseArgs;")).toHaveLength(1);
    expect(caught('editor/diff/x.ts', "import { createChecker } from '../../engine/rules/createChecker.ts';")).toEqual([]);
    // A folder named like a layer inside editor/ is not the cli/ layer.
    expect(caught('editor/diff/x.ts', "import { a } from './cli/a.ts';")).toEqual([]);
  });

  it('catch React in the headless editor folders, statically or dynamically, and allow it in components', () => {
    for (const pkg of REACT_PACKAGES) {
      expect(caught('editor/workspace/x.ts', `import { x } from '${pkg}';`)).toHaveLength(1);
      expect(caught('editor/storage/x.ts', `export const load = () => import('${pkg}');`)).toHaveLength(1);
      expect(caught('editor/rules/x.ts', `const m = require('${pkg}');`)).toHaveLength(1);
    }
    expect(caught('editor/workspace/x.ts', "import { createRoot } from 'react-dom/client';")).toHaveLength(1);
    expect(caught('editor/storage/x.ts', 'export const load = (name: string) => import(name);')).toEqual([
      'editor/storage/x.ts imports <computed at line 1> (dynamic): a computed specifier cannot be checked',
    ]);
    expect([isHeadlessEditorFile('editor/rules/toFlow.ts'), isHeadlessEditorFile('editor/rules/RuleNode.tsx')]).toEqual([true, false]);
    // A hook is React's own; a file that only starts like one is not a hook.
    expect([isHeadlessEditorFile('editor/rules/useRulesetAnalysis.ts'), isHeadlessEditorFile('editor/rules/user.ts'), isHeadlessEditorFile('editor/canvas/useDrag.ts')]).toEqual([false, true, true]);
    // The canvas layer is headless whole (a component there is a mistake); of editor/lifecycles/, the .ts files.
    expect(['editor/canvas/planDrag.ts', 'editor/canvas/Preview.tsx', 'editor/lifecycles/lifecycleFlow.ts', 'editor/lifecycles/run/classRunModel.ts', 'editor/lifecycles/LifecycleCanvas.tsx']
      .map(isHeadlessEditorFile)).toEqual([true, true, true, true, false]);
    expect(caught('editor/canvas/dragPreview.ts', "import { useRef } from 'react';")).toEqual([
      'editor/canvas/dragPreview.ts imports react (static): headless editor code loads no React',
    ]);
    expect(caught('editor/canvas/previewNodeOf.ts', "import { getBezierPath } from '@xyflow/react';")).toHaveLength(1);
    expect(caught('editor/canvas/previewNodeOf.ts', "import type { InternalNode } from '@xyflow/react';")).toEqual([]);
    expect(caught('editor/lifecycles/lifecycleFlow.ts', "export const load = () => import('@xyflow/react');")).toHaveLength(1);
    expect(caught('editor/lifecycles/LifecycleCanvas.tsx', "import { ReactFlow } from '@xyflow/react';")).toEqual([]);
    // The canvas layer is shared: it takes nothing from a view (the rules canvas's or the lifecycle canvas's files).
    expect(caught('editor/canvas/x.ts', "import { NODE_SIZES } from '../rules/canvas/canvasTree.ts';")).toHaveLength(1);
    expect(caught('editor/canvas/x.ts', "import type { StateView } from '../lifecycles/lifecycleFlow.ts';")).toHaveLength(1);
    expect(caught('editor/rules/RuleCanvas.tsx', "import { ReactFlow } from '@xyflow/react';")).toEqual([]);
    // Erased type imports load nothing; an inline `type` specifier still loads the module (verbatimModuleSyntax).
    expect(caught('editor/rules/canvas/toFlow.ts', "import type { Edge, Node } from '@xyflow/react';")).toEqual([]);
    expect(caught('editor/rules/canvas/toFlow.ts', "import { type Edge } from '@xyflow/react';")).toHaveLength(1);
    expect(caught('engine/rules/x.ts', "import type { ReactNode } from 'react';")).toHaveLength(1);
    expect(caught('engine/rules/x.ts', "import type { Command } from '../../cli/Command.ts';")).toHaveLength(1);
    expect(caught('editor/check/Panel.tsx', "import { useState } from 'react';")).toEqual([]);
    expect(caught('editor/workspace/x.ts', "import { createMachine } from 'xstate';\nimport localforage from 'localforage';")).toEqual([]);
  });
});
