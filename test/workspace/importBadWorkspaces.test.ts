/**
 * Imported workspaces that used to blank the page (fixtures/bad-input/workspace-*.json): lifecycle, plan, version and
 * sample-cadre records are checked on import as on load, so a record no view can show refuses the file with its
 * reason (the workspace stays as it was); a ruleset whose operator is unknown comes in with the problem `llct
 * validate` gives, reported by the import and shown on the rule as a diagnostic, as an exported draft would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { importWorkspaceText } from '../../editor/workspace/importFiles.ts';
import { ROOT } from '../cli/runLlct.ts';

const docs = builtinDocuments();
const catalogues = { positions: docs.positions, institutions: docs.institutions };
const read = (file: string) => readFileSync(join(ROOT, 'fixtures/bad-input', file), 'utf8');

describe('an imported workspace', () => {
  for (const [file, path] of [
    ['workspace-lifecycle-states-list.json', 'lifecycle:class-default: doc.states'],
    ['workspace-plan-classes-text.json', 'plan:ha-noi-2024: doc.classes'],
    ['workspace-version-no-rules.json', 'version:1: snapshot.rules'],
    ['workspace-cadres-bad-nomination.json', 'cadres:samples: items[0].nomination.level'],
  ] as const) {
    it(`${file} is refused with the record and field named, in words`, () => {
      const r = importWorkspaceText(read(file), file, catalogues);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.diagnostics.map((d) => d.path)).toContain(path);
      for (const d of r.diagnostics) {
        expect(d.file).toBe(file);
        expect(d.message).not.toMatch(/Invalid input|expected|mong đợi/);
      }
    });
  }

  it('with an unknown operator comes in, its problem reported as llct validate gives it', () => {
    const file = 'workspace-ruleset-unknown-operator.json';
    const r = importWorkspaceText(read(file), file, catalogues);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((d) => [d.code, d.path])).toEqual([['ruleset/unknown-operator', 'ruleset:mini: rules[0].conditions.all[0].operator']]);
    expect(r.warnings[0]!.hint).toContain('greaterThanInclusive');
  });
});
