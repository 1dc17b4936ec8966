import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('architecture', () => {
  it('keeps engine/ pure: no editor, cli, Node built-ins or React', () => {
    const bad = files('engine').flatMap((f) => imports(f)
      .filter((i) => /(^|\/)(editor|cli)\//.test(i) || i.startsWith('node:') || ['fs', 'path', 'react', 'react-dom', 'worker_threads'].includes(i))
      .map((i) => `${f} imports ${i}`));
    expect(bad).toEqual([]);
  });

  it('never reads the clock or an unseeded random source in engine/', () => {
    const bad = files('engine').filter((f) => /\b(Date\.now|Math\.random)\s*\(/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });

  it('lets nothing outside editor/ import editor/, and nothing outside cli/ import cli/', () => {
    const bad = ['engine', 'cli'].flatMap((d) => files(d)).flatMap((f) => imports(f)
      .filter((i) => (i.includes('/editor/') && !f.startsWith('editor')) || (i.includes('/cli/') && !f.startsWith('cli')))
      .map((i) => `${f} imports ${i}`));
    expect(bad).toEqual([]);
  });
});
