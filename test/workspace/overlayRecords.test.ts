/**
 * Overlays in the workspace: an imported overlay file becomes one `overlay` record (one undoable step), is stored and
 * read back as it was, and a file that is not an overlay is refused with its reasons.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { workspaceRulesets } from '../../editor/workspace/analyseRuleset.ts';
import { addOverlay, removeOverlay } from '../../editor/workspace/commands/overlayCommands.ts';
import { importWorkspaceText } from '../../editor/workspace/importFiles.ts';
import { importOverlayText } from '../../editor/workspace/importOverlayText.ts';
import { looksLikeOverlay } from '../../editor/workspace/looksLikeOverlay.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { recordsOfType } from '../../editor/workspace/records.ts';
import { workspaceOverlays } from '../../editor/workspace/workspaceOverlays.ts';
import { createHarness } from './workspaceHarness.ts';

const docs = builtinDocuments();
const catalogues = { positions: docs.positions, institutions: docs.institutions };
const FILE = 'fixtures/overlays/lao-cai-10-qd-tu.illustrative.overlay.json';
const TEXT = readFileSync(FILE, 'utf8');

describe('overlay records', () => {
  it('imports the Lào Cai overlay as written, with no diagnostic against the workspace\'s 350-qd-tw', () => {
    const h = createHarness();
    const bases = workspaceRulesets(h.store.records()).map((r) => r.ruleset);
    expect(looksLikeOverlay(TEXT)).toBe(true);
    const r = importOverlayText(TEXT, 'lao-cai.json', bases, catalogues);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(JSON.parse(TEXT));
    expect(r.warnings).toEqual([]);
  });

  it('is one undoable step, stored and read back byte for byte, and usable by the engine after the reload', () => {
    const h = createHarness();
    const before = h.bytes();
    const doc = JSON.parse(TEXT) as Record<string, unknown> & { id: string };
    expect(h.store.apply(addOverlay(doc)).ok).toBe(true);
    const saved = h.bytes();
    expect(saved).toContain('"type":"overlay"');
    const read = readWorkspace(JSON.parse(saved));
    expect(read.ok && read.setAside).toEqual([]);
    if (!read.ok) return;
    expect(JSON.stringify({ ...JSON.parse(saved), records: read.document.records })).toBe(saved);
    const records = new Map(read.document.records.map((x) => [x.id, x]));
    const [only] = workspaceOverlays(records, workspaceRulesets(records).map((x) => x.ruleset), catalogues);
    expect(only).toMatchObject({ id: 'overlay:lao-cai-10-qd-tu-minh-hoa', usable: true, diagnostics: [] });
    expect(only!.overlay?.changes).toHaveLength(2);
    // The exported workspace imports with the overlay too.
    const again = importWorkspaceText(saved, 'w.json', catalogues);
    expect(again.ok && recordsOfType(new Map(again.value.records.map((x) => [x.id, x])), 'overlay').length).toBe(1);
    // Adding it twice is refused; removing it and undoing both gives the start back.
    expect(h.store.apply(addOverlay(doc)).ok).toBe(false);
    expect(h.store.apply(removeOverlay('overlay:lao-cai-10-qd-tu-minh-hoa')).ok).toBe(true);
    h.store.undo();
    expect(h.bytes()).toBe(saved);
    h.store.undo();
    expect(h.bytes()).toBe(before);
  });

  it('refuses a file that does not read as an overlay, naming the field', () => {
    const bad = JSON.parse(TEXT) as { changes: Array<Record<string, unknown>> };
    bad.changes[0]!.decision = 'khong-co';
    const r = importOverlayText(JSON.stringify(bad), 'bad.json', workspaceRulesets(createHarness().store.records()).map((x) => x.ruleset), catalogues);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.some((d) => d.path === 'changes[0].decision' && d.file === 'bad.json')).toBe(true);
  });

  it('keeps an overlay whose base changed, with the diagnostic the engine gives', () => {
    const h = createHarness();
    const bases = workspaceRulesets(h.store.records()).map((r) => r.ruleset);
    const changed = JSON.parse(TEXT) as { changes: Array<{ expects?: { value?: unknown } }> };
    changed.changes[0]!.expects!.value = 27;
    const r = importOverlayText(JSON.stringify(changed), 'changed.json', bases, catalogues);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings.map((d) => d.code)).toContain('overlay/threshold-changed');
  });
});
