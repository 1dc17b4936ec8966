import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'editor/storage';
const sources = readdirSync(DIR).map((f) => join(DIR, f));
const specifiersIn = (text: string) => [
  ...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm),
].map((m) => m[1]!);
const specifiers = (file: string) => specifiersIn(readFileSync(file, 'utf8'));

describe('editor/storage architecture', () => {
  it('is headless: no .tsx file and no import of React or a React binding, static or dynamic', () => {
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((f) => f.endsWith('.tsx'))).toEqual([]);
    const bad = sources.flatMap((f) => specifiers(f)
      .filter((s) => /^react(-dom)?(\/|$)/.test(s) || /^@[^/]+\/react(\/|$)/.test(s))
      .map((s) => `${f} imports ${s}`));
    expect(bad).toEqual([]);
  });

  it('reaches outside itself only into engine/ and its two libraries', () => {
    const bad = sources.flatMap((f) => specifiers(f)
      .filter((s) => !s.startsWith('./') && !s.startsWith('../../engine/') && !['zod/mini', 'localforage'].includes(s))
      .map((s) => `${f} imports ${s}`));
    expect(bad).toEqual([]);
  });

  it('reads static, side-effect and dynamic imports alike', () => {
    const sample = "const m = await import('react');\nimport { x } from '@xyflow/react';\nimport 'react-dom/client';";
    expect(specifiersIn(sample)).toEqual(['react', '@xyflow/react', 'react-dom/client']);
  });
});
