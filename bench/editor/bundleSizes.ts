/**
 * The editor's script sizes by tab, read from a production build (`dist/editor`): Vite's manifest
 * (`.vite/manifest.json`) names each chunk and the chunks it imports statically, and the files give the bytes. Sizes
 * are of the minified JavaScript as served (raw) and gzipped at level 9; stylesheets are left out.
 *
 * - `entry`: the entry chunk and everything it imports statically (what loads before any tab);
 * - `tabs.<view>`: what opening that tab adds to the entry: its view chunk and the chunks it imports statically,
 *   minus the entry's (a chunk shared by two tabs counts in both);
 * - `defaultTab`: the entry plus the default tab's own (what the page must run before the tab paints at `/`), against
 *   the 600 kB target;
 * - `defaultTabComplete`: `defaultTab` plus the chunks fetched without being waited for (`DEFAULT_TAB_PRELOADS`: the
 *   rules canvas, the test bench, the shipped-difference banner; `ENTRY_PRELOADS`: jsonpath-plus) — what `/` has
 *   loaded once the tab is whole;
 * - `data`: the shipped JSON files the entry and the default tab fetch at start-up (editor/shipped/shippedJson.ts),
 *   counted apart from the script: they are parsed with `JSON.parse`, not compiled;
 * - `workers`: the module workers, loaded only when used (the simulation's runs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One record of Vite's build manifest (the fields read here). */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  assets?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The page's tabs and the view module (relative to `editor/`) each one loads. */
export const TAB_VIEWS = {
  rules: 'rules/RuleEditorPage.tsx',
  lifecycles: 'lifecycles/LifecycleEditorPage.tsx',
  check: 'check/CheckView.tsx',
  diff: 'diff/DiffPage.tsx',
  simulation: 'simulation/SimulationPage.tsx',
} as const;
export type Tab = keyof typeof TAB_VIEWS;
export const DEFAULT_TAB: Tab = 'rules';

/**
 * The modules (relative to `editor/`) the default tab fetches without waiting for them: the canvas and the test bench,
 * imported when the tab's module is evaluated, and the shipped-difference banner, on the tab's first render
 * (editor/rules/RuleEditorPage.tsx).
 */
export const DEFAULT_TAB_PRELOADS = ['rules/canvas/RulesCanvas.tsx', 'rules/TestBench.tsx', 'rules/ShippedDifference.tsx'] as const;

/** Packages the entry fetches beside the shipped data at start-up (editor/shared/jsonPathOnDemand.ts). */
export const ENTRY_PRELOADS = ['jsonpath-plus'] as const;

/** The default tab's script (entry + default tab), in bytes before compression. */
export const DEFAULT_TAB_TARGET_BYTES = 600_000;

export interface Size { files: string[]; rawBytes: number; gzipBytes: number }

export interface BundleReport {
  entry: Size;
  defaultTab: Size & { tab: Tab; targetRawBytes: number; met: boolean };
  defaultTabComplete: Size;
  /** The JSON data files the default tab's chunks reference (fetched at start-up), not script. */
  data: Size;
  tabs: Record<Tab, Size>;
  workers: Size;
  /** Every script of the build (workers included), for comparison with the single-script page this replaced. */
  allScripts: Size;
}

/** The manifest keys of `key` and of every chunk it imports statically, transitively (dynamic imports not followed). */
export function staticClosure(manifest: Manifest, key: string): string[] {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    const chunk = manifest[k];
    if (!chunk) throw new Error(`the build manifest has no chunk ${k}`);
    seen.add(k);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(key);
  return [...seen];
}

/** The entry's key in the manifest (exactly one). */
export function entryKey(manifest: Manifest): string {
  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry === true);
  if (entries.length !== 1) throw new Error(`the build manifest has ${entries.length} entries, not 1`);
  return entries[0]!;
}

/** Measures the build in `distDir` (the folder holding `index.html` and `.vite/manifest.json`). */
export function measureBundle(distDir: string): BundleReport {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOfFile = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const bytes = readFileSync(join(distDir, file));
      s = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
      sizes.set(file, s);
    }
    return s;
  };
  const sizeOf = (files: Iterable<string>): Size => {
    const list = [...new Set(files)].sort();
    return list.reduce<Size>((acc, f) => {
      const s = sizeOfFile(f);
      return { files: acc.files, rawBytes: acc.rawBytes + s.raw, gzipBytes: acc.gzipBytes + s.gzip };
    }, { files: list, rawBytes: 0, gzipBytes: 0 });
  };
  const fileOf = (key: string) => manifest[key]!.file;

  const entryKeys = staticClosure(manifest, entryKey(manifest));
  const entry = sizeOf(entryKeys.map(fileOf));
  const own = (tab: Tab) => {
    if (!manifest[TAB_VIEWS[tab]]?.isDynamicEntry) throw new Error(`${TAB_VIEWS[tab]} is not loaded by a dynamic import in this build`);
    return staticClosure(manifest, TAB_VIEWS[tab]).filter((k) => !entryKeys.includes(k)).map(fileOf);
  };
  const tabs = Object.fromEntries((Object.keys(TAB_VIEWS) as Tab[]).map((tab) => [tab, sizeOf(own(tab))])) as Record<Tab, Size>;
  const first = sizeOf([...entry.files, ...own(DEFAULT_TAB)]);
  // A preloaded module is its own chunk (keyed by its path), or, when Rollup merged it with modules another tab also
  // uses, a shared chunk the tab imports dynamically (keyed `_Name-hash.js`).
  const tabDynamic = manifest[TAB_VIEWS[DEFAULT_TAB]]?.dynamicImports ?? [];
  const preloaded = DEFAULT_TAB_PRELOADS.flatMap((m) => {
    const name = m.slice(m.lastIndexOf('/') + 1).replace(/\.tsx?$/, '');
    const key = tabDynamic.find((k) => k === m || k.startsWith(`_${name}-`));
    if (!key) throw new Error(`${m} is not loaded by a dynamic import of ${TAB_VIEWS[DEFAULT_TAB]} in this build`);
    return staticClosure(manifest, key).map(fileOf);
  });
  const entryDynamic = entryKeys.flatMap((k) => manifest[k]!.dynamicImports ?? []);
  const packages = ENTRY_PRELOADS.flatMap((p) => {
    const key = entryDynamic.find((k) => k.includes(`node_modules/${p}/`));
    if (!key) throw new Error(`the entry does not import ${p} dynamically in this build`);
    return staticClosure(manifest, key).map(fileOf);
  });
  const complete = sizeOf([...first.files, ...preloaded, ...packages]);
  const firstKeys = [...entryKeys, ...staticClosure(manifest, TAB_VIEWS[DEFAULT_TAB])];
  const data = sizeOf(firstKeys.flatMap((k) => manifest[k]!.assets ?? []).filter((f) => f.endsWith('.json')));
  const workerFiles = Object.values(manifest).flatMap((c) => c.assets ?? []).filter((f) => f.endsWith('.js'));
  const scripts = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'));
  return {
    entry,
    defaultTab: { ...first, tab: DEFAULT_TAB, targetRawBytes: DEFAULT_TAB_TARGET_BYTES, met: first.rawBytes < DEFAULT_TAB_TARGET_BYTES },
    defaultTabComplete: complete,
    data,
    tabs,
    workers: sizeOf(workerFiles),
    allScripts: sizeOf([...scripts, ...workerFiles]),
  };
}
