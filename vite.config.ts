import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The editor app. The engine is bundled into it: rulesets run in the browser. */
export default defineConfig({
  root: 'editor',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/editor', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  preview: { port: 5173, strictPort: true },
});
