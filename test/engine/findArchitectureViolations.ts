/**
 * The architecture rules of the engineering guide, checked on one file's text, so that the architecture test can run
 * them over the repository and over synthetic samples that prove each rule can fail:
 * - the arrows point one way: nothing outside editor/ imports editor/, nothing outside cli/ imports cli/ (test/
 *   excepted), whether the import is static, dynamic (`import('…')`), a `require(…)` or a type import;
 * - engine/ imports no Node built-in and no React, reads no clock (`Date.now()`, `new Date()` with no argument)
 *   and no unseeded random source (`Math.random()`); a `Date` built from a given value is fine;
 * - engine/ takes its documents as inputs: no engine module imports the loaders of the shipped files
 *   (`SHIPPED_LOADERS`: engine/builtin.ts, engine/lifecycle/builtinLifecycles.ts) but those loaders themselves; only
 *   the faces (cli/, editor/) and test/ and bench/ call them; and no other engine module imports a shipped file
 *   (rulesets/, fixtures/) itself, as engine/generate/provinceProfiles.ts did with rulesets/institutions.json;
 * - inside editor/, a view's folder (`VIEW_FOLDERS`: check/, diff/, rules/, lifecycles/, simulation/) is imported
 *   only by views and by the page's shell (the files at editor/'s top, App.tsx, main.tsx): the workspace, storage,
 *   shared (the widgets and hooks several views use), i18n, the canvas layer and any other such room do not import a
 *   view's file (type imports included: the type's home is in the wrong room too);
 * - the headless editor code (editor/workspace/, editor/storage/, the canvas layer editor/canvas/, the `.ts` files of
 *   editor/rules/ and of editor/lifecycles/, hooks `useX.ts` excepted) loads no React package, so that it runs in a
 *   worker and in the headless test harness. `import type` is allowed there (a pure `toFlow` returns React Flow's
 *   `Node`/`Edge` types): it is erased. `import { type X }` is not, since under `verbatimModuleSyntax` it still loads
 *   the module.
 * Files are parsed with the TypeScript compiler, so comments and strings never count.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';

/** React and the React bindings that headless code and the engine must not load. */
export const REACT_PACKAGES = ['react', 'react-dom', '@xyflow/react', '@xstate/react'] as const;

/** The engine modules that load the shipped files (rulesets/, fixtures/); the faces call them, no other engine module does. */
export const SHIPPED_LOADERS = ['engine/builtin.ts', 'engine/lifecycle/builtinLifecycles.ts', 'engine/generate/generateBuiltinCohort.ts'] as const;

/** The editor's view folders (one tab each, or a tab's part): only views and the page's shell import them. */
export const VIEW_FOLDERS = ['check', 'diff', 'rules', 'lifecycles', 'simulation'] as const;

/** editor/ folders that are neither views nor fenced from them yet. */
const UNFENCED_EDITOR_FOLDERS: string[] = [];


/** What a file imports: every module specifier, with how it is imported (`type`: erased, loads nothing). */
export interface ImportSite { specifier: string; how: 'static' | 'dynamic' | 'require' | 'type' }

/** Every call, `new` and import of interest in a file. */
interface Scan { imports: ImportSite[]; clockReads: string[] }

function scan(file: string, text: string): Scan {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const imports: ImportSite[] = [];
  const clockReads: string[] = [];
  const literal = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : undefined);
  const at = (node: ts.Node) => `line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const s = literal(node.moduleSpecifier);
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly === true : node.isTypeOnly;
      if (s !== undefined) imports.push({ specifier: s, how: typeOnly ? 'type' : 'static' });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const s = literal(node.moduleReference.expression);
      if (s !== undefined) imports.push({ specifier: s, how: 'require' });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const s = literal(node.argument.literal);
      if (s !== undefined) imports.push({ specifier: s, how: 'type' });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const first = node.arguments[0];
      if (callee.kind === ts.SyntaxKind.ImportKeyword) {
        imports.push({ specifier: literal(first) ?? `<computed at ${at(node)}>`, how: 'dynamic' });
      } else if (ts.isIdentifier(callee) && callee.text === 'require') {
        imports.push({ specifier: literal(first) ?? `<computed at ${at(node)}>`, how: 'require' });
      } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
        const name = `${callee.expression.text}.${callee.name.text}`;
        if (name === 'Date.now' || name === 'Math.random') clockReads.push(`${name}() at ${at(node)}`);
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date'
      && (node.arguments === undefined || node.arguments.length === 0)) {
      clockReads.push(`new Date() at ${at(node)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, clockReads };
}

/** The repository folder a relative specifier lands in (`editor/diff/x.ts` + `../../cli/a.ts` → `cli/a.ts`). */
function resolveFrom(file: string, specifier: string): string | undefined {
  return specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : undefined;
}

const isPackage = (specifier: string, names: readonly string[]) => names.some((n) => specifier === n || specifier.startsWith(`${n}/`));
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || isPackage(specifier, builtinModules);

/** The editor folder a file lies in (`editor/diff/x.ts` → `diff`); `undefined` for editor/'s top files and outside editor/. */
function editorFolder(file: string): string | undefined {
  const parts = file.split('/');
  return parts[0] === 'editor' && parts.length > 2 ? parts[1] : undefined;
}

const isView = (folder: string | undefined) => folder !== undefined && (VIEW_FOLDERS as readonly string[]).includes(folder);

/** Headless editor code: no React may load with it. The canvas layer is headless whole; elsewhere a hook (`useX.ts`) is React by definition. */
export function isHeadlessEditorFile(file: string): boolean {
  if (file.startsWith('editor/canvas/')) return true;
  if (/\/use[A-Z][^/]*\.ts$/.test(file)) return false;
  return file.startsWith('editor/workspace/') || file.startsWith('editor/storage/')
    || ((file.startsWith('editor/rules/') || file.startsWith('editor/lifecycles/')) && file.endsWith('.ts'));
}

/**
 * The architecture violations in one file, as readable sentences (`engine/a.ts imports ../cli/x.ts (dynamic)`);
 * `[]` when it keeps the rules. `file` is the repository-relative path with `/` separators.
 */
export function findArchitectureViolations(file: string, text: string): string[] {
  const { imports, clockReads } = scan(file, text);
  const out: string[] = [];
  const layer = file.split('/')[0];
  for (const { specifier, how } of imports) {
    const says = `${file} imports ${specifier} (${how})`;
    const target = resolveFrom(file, specifier);
    if (specifier.startsWith('<computed')) {
      if (layer === 'engine' || isHeadlessEditorFile(file)) out.push(`${says}: a computed specifier cannot be checked`);
      continue;
    }
    if (layer !== 'test') {
      if (target?.startsWith('editor/') && layer !== 'editor') out.push(`${says}: nothing outside editor/ imports editor/`);
      if (target?.startsWith('cli/') && layer !== 'cli') out.push(`${says}: nothing outside cli/ imports cli/`);
    }
    if (layer === 'engine' && target !== undefined && (SHIPPED_LOADERS as readonly string[]).includes(target)
      && !(SHIPPED_LOADERS as readonly string[]).includes(file)) {
      out.push(`${says}: engine/ takes documents as inputs; only the faces load the shipped files`);
    }
    if (layer === 'engine' && target !== undefined && /^(rulesets|fixtures)\//.test(target) && !(SHIPPED_LOADERS as readonly string[]).includes(file)) {
      out.push(`${says}: engine/ takes documents as inputs; only the loaders read the shipped files`);
    }
    const from = editorFolder(file);
    if (from !== undefined && !isView(from) && !UNFENCED_EDITOR_FOLDERS.includes(from) && target !== undefined && isView(editorFolder(target))) {
      out.push(`${says}: only views and the page's shell import a view's file (editor/${editorFolder(target)!}/)`);
    }
    if (layer === 'engine' && isNodeBuiltin(specifier)) out.push(`${says}: engine/ uses no Node built-in`);
    if ((layer === 'engine' || (isHeadlessEditorFile(file) && how !== 'type')) && isPackage(specifier, REACT_PACKAGES)) {
      out.push(`${says}: ${layer === 'engine' ? 'engine/' : 'headless editor code'} loads no React`);
    }
  }
  if (layer === 'engine') for (const read of clockReads) out.push(`${file} reads the clock or an unseeded random source: ${read}`);
  return out;
}
