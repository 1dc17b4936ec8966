import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built app runs under a strict Content-Security-Policy: no eval, no inline script. Rulesets come from users, so
 * the page never turns them into code: its compiled evaluator builds closures (only the CLI runs the source
 * engine/rules/compile/generateBitsSource.ts writes, whose ruleset values are all constants, never code). Dev mode
 * keeps Vite's inline HMR preamble working by adding the policy to production builds only.
 */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'llct-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/**
 * The shipped data files the page fetches (editor/shipped/shippedJson.ts) are emitted as assets; the repository keeps
 * them indented for people, the page gets them without the whitespace (same JSON values, a third fewer bytes).
 */
function minifyJsonAssets(): Plugin {
  return {
    name: 'llct-minify-json-assets',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.startsWith('assets/') || !file.fileName.endsWith('.json')) continue;
        const text = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        file.source = JSON.stringify(JSON.parse(text));
      }
    },
  };
}

/**
 * The page's script resolves `engine/rules/compile/jsonPathQuery.ts` to `editor/shared/jsonPathOnDemand.ts`, which
 * fetches jsonpath-plus beside the shipped data rather than inside the first script (main.tsx waits for both before
 * anything is judged). Build only, and not in the workers (they keep the library in their own script); the dev server
 * and the tests use the engine's module as it is.
 */
function jsonPathOnDemand(): Plugin {
  const onDemand = fileURLToPath(new URL('./editor/shared/jsonPathOnDemand.ts', import.meta.url));
  return {
    name: 'llct-json-path-on-demand',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer) {
      if (source === './jsonPathQuery.ts' && importer?.replace(/\\/g, '/').endsWith('/engine/rules/compile/compilePath.ts')) return onDemand;
      return null;
    },
  };
}

/** The editor app. The engine is bundled into it: rulesets run in the browser. */
export default defineConfig({
  root: 'editor',
  base: './',
  plugins: [react(), contentSecurityPolicy(), minifyJsonAssets(), jsonPathOnDemand()],
  // The Simulation view's worker is a module worker (`new Worker(url, { type: 'module' })`): bundled as an ES module,
  // served from 'self', which the policy's script-src (worker-src falls back to it) allows.
  worker: { format: 'es' },
  build: { outDir: '../dist/editor', emptyOutDir: true, chunkSizeWarningLimit: 2000, manifest: true },
  preview: { port: 5173, strictPort: true },
});
