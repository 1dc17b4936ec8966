/**
 * Property tests of the readers and document loaders on hostile input: random bytes, random JSON, and structures
 * nested thousands of levels deep. Never an uncaught error; what comes back is bounded by the input's size
 * (counted, never timed): no more rows than lines, no more diagnostics than characters. Seeded (fast-check's seed
 * pinned), so every run tries the same cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalogues, builtinDocuments } from '../../engine/builtin.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { GOLDEN_CASES_KIND } from '../../engine/documents/goldenCases.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { createCsvParser } from '../../engine/io/parseCsv.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { loadLifecycle } from '../../engine/lifecycle/loadLifecycle.ts';

const SEED = 20261203;
const RUNS = 300;
const positions = builtinDocuments().positions;
const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length;
/** How many cases each property ran (reported in the notes of the change that added them). */
const ran: Record<string, number> = {};
const count = (name: string) => { ran[name] = (ran[name] ?? 0) + 1; };

/** Text built from bytes as a reader would see a damaged file (invalid UTF-8 decoded with replacement characters). */
const bytesText = fc.uint8Array({ maxLength: 400 }).map((b) => new TextDecoder().decode(b));
/** Text made of the characters that matter to CSV and JSON syntax, so that quotes, brackets and breaks collide. */
const syntaxText = fc.array(fc.constantFrom('"', ',', ';', '\n', '\r', '[', ']', '{', '}', ':', 'id', 'sex', '1', ' ', '\\', '=', 'x'), { maxLength: 200 }).map((a) => a.join(''));
const anyText = fc.oneof(bytesText, syntaxText, fc.string({ maxLength: 200 }));

/** A value nested `depth` levels deep, objects and arrays alternating as `shape` says. */
function deep(depth: number, shape: 'object' | 'array' | 'mixed'): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const array = shape === 'array' || (shape === 'mixed' && i % 2 === 1);
    open += array ? '[' : '{"a":';
    close = (array ? ']' : '}') + close;
  }
  return `${open}1${close}`;
}
const deepValue = fc.record({ depth: fc.integer({ min: 0, max: 5000 }), shape: fc.constantFrom('object' as const, 'array' as const, 'mixed' as const) });

describe('the cadre readers on hostile text', () => {
  for (const format of ['csv', 'json', 'jsonl'] as const) {
    it(`read any text as ${format} without throwing, with rows and diagnostics bounded by its size`, () => {
      fc.assert(fc.property(anyText, (text) => {
        count(`readCadres ${format}`);
        const r = readCadresFromText(text, { file: 'x', positions, format });
        expect(r.rows.length).toBeLessThanOrEqual(r.total);
        if (format !== 'json') expect(r.total).toBeLessThanOrEqual(lineCount(text));
        expect(r.errors.length).toBeLessThanOrEqual(text.length + 2);
      }), { seed: SEED, numRuns: RUNS });
    });
  }

  it('parse CSV fed in chunks of any size to the same records as the whole text', () => {
    fc.assert(fc.property(syntaxText, fc.integer({ min: 1, max: 17 }), (text, size) => {
      count('parseCsv chunks');
      const whole = createCsvParser();
      const all = [...whole.push(text), ...whole.end()];
      const chunked = createCsvParser();
      const parts = [];
      for (let i = 0; i < text.length; i += size) parts.push(...chunked.push(text.slice(i, i + size)));
      parts.push(...chunked.end());
      expect(parts).toEqual(all);
      expect(all.length).toBeLessThanOrEqual(lineCount(text));
    }), { seed: SEED, numRuns: RUNS });
  });

  it('refuse a row nested thousands of levels deep on its own row, and read the rows around it', () => {
    fc.assert(fc.property(deepValue, fc.constantFrom('json' as const, 'jsonl' as const), ({ depth, shape }, format) => {
      count('deep cadre rows');
      const row = (id: string, extra = '') => `{"id":"${id}","sex":"male","birthDate":"1980-01-01","education":"university"${extra}}`;
      const rows = [row('A'), row('B', `,"workplace":${deep(depth, shape)}`), row('C')];
      const text = format === 'json' ? `[${rows.join(',')}]` : rows.join('\n');
      const r = readCadresFromText(text, { file: 'x', positions, format });
      expect(r.total).toBe(3);
      expect(r.rows.map((x) => x.profile.id)).toEqual(expect.arrayContaining(['A', 'C']));
      if (depth > 32) expect(r.errors.filter((e) => e.code === 'cadre/too-deep').map((e) => e.row)).toEqual([2]);
    }), { seed: SEED, numRuns: 60 });
  });
});

describe('the document loaders on hostile values', () => {
  const registry = createLifecycleRegistry();
  const loaders: [string, (raw: unknown) => unknown][] = [
    ['ruleset', (raw) => validateRuleset(raw, { ...builtinCatalogues(), file: 'x' })],
    ['ruleset load', (raw) => loadDocument(RULESET_KIND, raw)],
    ['golden cases', (raw) => loadDocument(GOLDEN_CASES_KIND, raw)],
    ['lifecycle', (raw) => loadLifecycle(raw, { registry })],
  ];
  for (const [name, load] of loaders) {
    it(`load any JSON value as a ${name} without throwing`, () => {
      fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (raw) => {
        count(`${name} json`);
        expect(() => load(raw)).not.toThrow();
      }), { seed: SEED, numRuns: RUNS });
    });

    it(`refuse a ${name} nested thousands of levels deep with its path and the limit`, () => {
      fc.assert(fc.property(deepValue, (d) => {
        count(`${name} deep`);
        const raw = JSON.parse(`{"schema":"x","rules":[${deep(d.depth, d.shape)}],"states":${deep(d.depth, d.shape)}}`) as unknown;
        const out = load(raw) as { ok?: boolean; diagnostics?: { code: string; message: string }[] } | { code: string; message: string }[];
        const diagnostics = Array.isArray(out) ? out : out.diagnostics ?? [];
        if (d.depth > 100) {
          const tooDeep = diagnostics.find((x) => x.code === 'document/too-deep');
          expect(tooDeep?.message).toContain('100');
        }
      }), { seed: SEED, numRuns: 40 });
    });
  }
});

describe('the property runs', () => {
  it('ran every property the number of times asked', () => {
    // Vitest runs a file's tests in order: by now every property above has run.
    expect(ran['readCadres csv']).toBe(RUNS);
    expect(ran['lifecycle deep']).toBe(40);
  });
});
