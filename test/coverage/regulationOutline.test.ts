import { describe, expect, it } from 'vitest';
import { BUILTIN_OUTLINE_JSON, builtinDocuments, builtinOutlines } from '../../engine/builtin.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { flattenProvisions, REGULATION_OUTLINE_KIND } from '../../engine/documents/regulationOutline.ts';
import { hasVietnameseLetter } from '../vietnameseLetters.ts';

const base = () => ({
  schema: 'llct/regulation-outline', version: 1, regulation: 'T-QĐ/TW', ruleset: 't', title: 'T',
  sources: [{ id: 's1', title: 'Nguồn' }],
  provisions: [{ key: 'a', label: { vi: 'a', en: 'a' }, quote: 'trích', sources: ['s1'], confidence: 'confirmed' }] as Array<Record<string, unknown>>,
});
const codes = (raw: unknown) => { const r = loadDocument(REGULATION_OUTLINE_KIND, raw); return r.ok ? [] : r.diagnostics.map((d) => `${d.code} ${d.path}`); };

describe('regulation outline documents (llct/regulation-outline)', () => {
  it('loads both shipped outlines, one per shipped ruleset, with regulation codes matching the rulesets', () => {
    const outlines = builtinOutlines();
    const rulesets = builtinDocuments().rulesets;
    expect(outlines.map((o) => o.ruleset).sort()).toEqual(rulesets.map((r) => r.id).sort());
    for (const o of outlines) expect(o.regulation).toBe(rulesets.find((r) => r.id === o.ruleset)!.regulation.code);
  });

  it('quotes and labels every shipped provision in Vietnamese, and reads 57 Art. 4 as read and 350 as assumed', () => {
    for (const o of builtinOutlines()) {
      for (const { provision } of flattenProvisions(o)) {
        if (provision.quote) expect(hasVietnameseLetter(provision.quote), provision.key).toBe(true);
        expect(hasVietnameseLetter(provision.label.vi), provision.key).toBe(true);
        expect(provision.label.vi).not.toBe(provision.label.en);
      }
    }
    const [o57, o350] = ['57-qd-tw', '350-qd-tw'].map((id) => builtinOutlines().find((o) => o.ruleset === id)!);
    expect(flattenProvisions(o57!).find((f) => f.provision.key === 'sc')?.provision.numbering).toBe('read');
    expect(flattenProvisions(o57!).find((f) => f.provision.key === 'tc')?.provision.numbering).toBe('assumed');
    expect(flattenProvisions(o350!).filter((f) => f.provision.numbering === 'read')).toEqual([]);
  });

  it('loads a document without a version as version 1, and refuses a newer version rather than misread it', () => {
    const { version: _v, ...noVersion } = base();
    expect(loadDocument(REGULATION_OUTLINE_KIND, noVersion).ok).toBe(true);
    expect(codes({ ...base(), version: 2 })).toEqual(['document/newer-version version']);
    expect(codes({ ...base(), schema: 'llct/ruleset' })).toEqual(['document/wrong-kind schema']);
  });

  it('refuses a misspelt key with a "did you mean", at any depth of the tree', () => {
    const doc = base();
    doc.provisions[0]!.children = [{ key: 'a.b', label: { vi: 'b', en: 'b' }, sources: ['s1'], confidence: 'confirmed', notee: 'x' }];
    const r = loadDocument(REGULATION_OUTLINE_KIND, doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['regulation-outline/unknown-key', 'provisions[0].children[0].notee']]);
    expect(r.diagnostics[0]!.hintEn).toContain('"note"');
  });

  it('refuses duplicate keys, unknown sources, an unsourced provision that is not assumed, and a map naming an unknown key', () => {
    const doc = base();
    doc.provisions.push({ key: 'a', label: { vi: 'a2', en: 'a2' }, sources: ['s9'], confidence: 'confirmed' });
    doc.provisions.push({ key: 'b', label: { vi: 'b', en: 'b' }, sources: [], confidence: 'reported' });
    doc.provisions.push({ key: 'c', label: { vi: 'c', en: 'c' }, sources: [], confidence: 'assumed', clause: 2 });
    expect(codes({ ...doc, rules: { r1: ['a', 'zz'] } })).toEqual([
      'document/schema provisions[1].key',
      'document/schema provisions[1].sources[0]',
      'document/schema provisions[2].sources',
      'document/schema provisions[3].article',
      'document/schema rules.r1[1]',
    ]);
  });

  it('refuses a key that is not lower-case ASCII words', () => {
    const doc = base();
    doc.provisions[0]!.key = 'tc.đối-tượng';
    expect(codes(doc)).toEqual(['document/schema provisions[0].key']);
  });

  it('keeps the shipped JSON and the loaded outline in step (no default silently filled in)', () => {
    for (const [id, raw] of Object.entries(BUILTIN_OUTLINE_JSON)) {
      const loaded = builtinOutlines().find((o) => o.ruleset === id)!;
      expect(JSON.parse(JSON.stringify(loaded))).toEqual(raw);
    }
  });
});
