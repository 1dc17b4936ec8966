/**
 * Workspaces saved in version 2 read in version 3, record by record: every part is kept (none set aside), the
 * migration is reported, and the result is a version-3 workspace that reads again unchanged.
 * fixtures/workspace/workspace-v2-edited-lifecycles-and-plan.json was saved by the build of commit 4c080eb after
 * edits a user makes: a class state renamed (in-session → dang-hoc) and moved on the canvas, a learner state added
 * with a transition, a transition described, plan cells and a quota edited, a class duplicated, a parameter set.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { WORKSPACE_VERSION } from '../../editor/workspace/workspaceDocument.ts';

const fixture = (name: string) => JSON.parse(readFileSync(`fixtures/workspace/${name}`, 'utf8')) as Record<string, unknown>;

describe.each(['workspace-v2-edited-lifecycles-and-plan.json', 'workspace-v2-before-350-scope.json', 'workspace-v1.json'])('the stored workspace %s', (name) => {
  it('reads whole in the current version, says it was migrated, and reads again to the same bytes', () => {
    const raw = fixture(name);
    const read = readWorkspace(raw);
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    expect(read.setAside).toEqual([]);
    expect(read.migratedFrom).toBe(raw.version ?? 1);
    expect(read.document.version).toBe(WORKSPACE_VERSION);
    const again = readWorkspace(JSON.parse(JSON.stringify(read.document)));
    if (!again.ok) throw new Error(again.diagnostics[0]!.message);
    expect(again.migratedFrom).toBeUndefined();
    expect(JSON.stringify(again.document)).toBe(JSON.stringify(read.document));
  });

  it('names the document a layout lays out as its owner', () => {
    const read = readWorkspace(fixture(name));
    if (!read.ok) throw new Error(read.diagnostics[0]!.message);
    const layouts = read.document.records.filter((r) => r.type === 'layout');
    for (const l of layouts) {
      expect(l).not.toHaveProperty('ruleset');
      expect(l.id).toBe(`layout:${l.owner}`);
      expect(read.document.records.some((r) => r.id === l.owner)).toBe(true);
    }
  });
});
