/**
 * The view tables of the page's words load with their views (editor/i18n/textTables.ts): a module that reads a key
 * of one of them must import the module that provides it, or `text()` would find no table when that module is used
 * before its view has loaded (a lifecycle label on the rules tab, say). Read from the source: every string literal
 * naming a key of a view table (`'lifecycle.addState'`) in editor/ counts as reading it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../editor/i18n/lifecycleStrings.ts';
import '../../editor/i18n/runStrings.ts';
import '../../editor/i18n/simulationStrings.ts';
import '../../editor/i18n/workbookStrings.ts';
import '../../editor/i18n/diffStrings.ts';
import '../../editor/i18n/publishStrings.ts';
import { textTable, VIEW_TEXT_MODULES, type ViewTextTables } from '../../editor/i18n/textTables.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const NAMESPACES = Object.keys(VIEW_TEXT_MODULES) as (keyof ViewTextTables)[];
const KEY = new RegExp(`['"\`](${NAMESPACES.join('|')})\\.([A-Za-z]\\w*)['"\`]`, 'g');

/** The view-table namespaces whose keys `code` names, keys that exist only (a literal such as 'run.log' elsewhere is no key). */
function namespacesRead(code: string): Set<keyof ViewTextTables> {
  const out = new Set<keyof ViewTextTables>();
  for (const m of code.matchAll(KEY)) {
    const ns = m[1] as keyof ViewTextTables;
    if (Object.hasOwn(textTable(ns), m[2]!)) out.add(ns);
  }
  return out;
}

/** The project-relative paths `code` (at `file`) imports, side-effect imports included. */
function importsOf(file: string, code: string): Set<string> {
  const out = new Set<string>();
  for (const m of code.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
    out.add(relative(ROOT, resolve(ROOT, dirname(file), m[1]!)).split('\\').join('/'));
  }
  return out;
}

describe('the view tables of the page’s words', () => {
  it('are imported by every module of editor/ that reads one of their keys', () => {
    const missing: string[] = [];
    let readers = 0;
    for (const file of sources('editor')) {
      if (Object.values(VIEW_TEXT_MODULES).includes(file)) continue;
      const code = readFileSync(join(ROOT, file), 'utf8');
      const read = namespacesRead(code);
      if (read.size) readers++;
      const imported = importsOf(file, code);
      for (const ns of read) if (!imported.has(VIEW_TEXT_MODULES[ns])) missing.push(`${file} reads ${ns}.* without importing ${VIEW_TEXT_MODULES[ns]}`);
    }
    expect(readers).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('finds a key read without its table, and a side-effect import as enough', () => {
    expect([...namespacesRead("text(lang, 'lifecycle.addState')")]).toEqual(['lifecycle']);
    expect([...namespacesRead("const x = 'run.noSuchKeyAnywhere'")]).toEqual([]);
    expect(importsOf('editor/lifecycles/X.tsx', "import '../i18n/lifecycleStrings.ts';\n")).toEqual(new Set(['editor/i18n/lifecycleStrings.ts']));
  });

  it('throws, naming the module to import, when a view table is read before it loaded', async () => {
    const { vi } = await import('vitest');
    vi.resetModules();
    const fresh = await import('../../editor/i18n/textTables.ts');
    expect(() => fresh.textTable('run')).toThrow(/import editor\/i18n\/runStrings\.ts/);
    expect(fresh.textTable('rules')).toBeTruthy();
  });
});
