import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { loadDocument, type DocumentKind } from '../../engine/documents/loadDocument.ts';

const Note = z.object({ schema: z.literal('llct/note'), version: z.literal(3), title: z.string(), tags: z.array(z.string()) });
const NOTE: DocumentKind<typeof Note> = {
  kind: 'llct/note',
  version: 3,
  schema: Note,
  migrations: {
    1: (d) => ({ ...d, title: d.name, name: undefined }),
    2: (d) => ({ ...d, tags: typeof d.tag === 'string' ? [d.tag] : [] }),
  },
};

describe('loading a versioned document', () => {
  it('upgrades an old document one version at a time and says from which version', () => {
    const r = loadDocument(NOTE, { schema: 'llct/note', version: 1, name: 'Kế hoạch 215-KH/TU', tag: 'hà-nội' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toEqual({ schema: 'llct/note', version: 3, title: 'Kế hoạch 215-KH/TU', tags: ['hà-nội'] });
      expect(r.migratedFrom).toBe(1);
    }
  });

  it('refuses a document of another kind, a newer version, or a broken one, with diagnostics', () => {
    const codes = (raw: unknown) => { const r = loadDocument(NOTE, raw); return r.ok ? [] : r.diagnostics.map((d) => d.code); };
    expect(codes({ schema: 'llct/ruleset', version: 3 })).toEqual(['document/wrong-kind']);
    expect(codes({ schema: 'llct/note', version: 4, title: 'x', tags: [] })).toEqual(['document/newer-version']);
    expect(codes({ schema: 'llct/note', version: 'ba' })).toEqual(['document/bad-version']);
    expect(codes([1, 2])).toEqual(['document/not-an-object']);
    expect(codes({ schema: 'llct/note', version: 3, title: 7, tags: [] })).toEqual(['document/schema']);
  });
});

describe('schema errors', () => {
  it('are given in Vietnamese and English', () => {
    const r = loadDocument(NOTE, { schema: 'llct/note', version: 3, title: 7, tags: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostics[0]).toMatchObject({ path: 'title' });
      expect(r.diagnostics[0]!.message).toContain('không hợp lệ');
      expect(r.diagnostics[0]!.messageEn).toContain('expected string');
    }
  });
});

describe('unknown keys of a strict document', () => {
  it('are one diagnostic per key, coded by kind, at the key, with the closest allowed key', () => {
    const Strict = z.strictObject({ schema: z.literal('llct/note'), version: z.literal(1), title: z.string(), meta: z.strictObject({ author: z.optional(z.string()) }) });
    const kind: DocumentKind<typeof Strict> = { kind: 'llct/note', version: 1, schema: Strict };
    const r = loadDocument(kind, { schema: 'llct/note', version: 1, title: 'x', titel: 'y', meta: { autor: 'z' } });
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.path, d.segments, d.hint, d.hintEn])).toEqual([
      ['note/unknown-key', 'meta.autor', ['meta', 'autor'], 'Có phải "author"?', 'Did you mean "author"?'],
      ['note/unknown-key', 'titel', ['titel'], 'Có phải "title"?', 'Did you mean "title"?'],
    ]);
  });
});
