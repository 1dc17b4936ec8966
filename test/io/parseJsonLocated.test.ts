import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonLocated } from '../../engine/io/parseJsonLocated.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';
import { scanJson } from '../../engine/io/scanJson.ts';
import { importWorkspaceText } from '../../editor/workspace/importFiles.ts';

/** Where `text` fails, as "line:column" and the reason. */
function failure(text: string): string {
  const p = parseJsonLocated(text);
  return p.ok ? 'ok' : `${p.line}:${p.column} ${p.reason}`;
}

describe('JSON syntax errors', () => {
  it('point at the character that breaks the text, including the errors Node reports without a position', () => {
    expect(failure('[1,2,\n]')).toBe("2:1 Unexpected token ']'");
    expect(failure('[\n  {"a": 1},,\n  {"b": 2}\n]')).toBe("2:12 Unexpected token ','");
    expect(failure('{"a": tru}')).toBe("1:10 Unexpected token '}'");
    expect(failure('{"a": 1,\n  x: 2}')).toBe('2:3 Expected double-quoted property name');
    expect(failure('{"a": 1\n "b": 2}')).toBe("2:2 Expected ',' or '}' after property value");
    expect(failure('[1 2]')).toBe("1:4 Expected ',' or ']' after array element");
    expect(failure('{"a": 1}\n}')).toBe('2:1 Unexpected non-whitespace character after JSON');
    expect(failure('["a\nb"]')).toBe('1:4 Bad control character in string literal');
    expect(failure('[1,\n2')).toBe('2:2 Unexpected end of JSON input');
    expect(failure('\r\n\r\n  @')).toBe("3:3 Unexpected token '@'");
  });

  it('locate an error inside an element of a cadre file at its own line and column', () => {
    const text = '[\n  {"id": "A", "sex": "male"},\n  {"id": "B",, "sex": "male"}\n]';
    const r = readCadresFromText(text, { file: 'c.json' });
    expect(r.errors.filter((e) => e.code === 'json/syntax').map((e) => [e.row, e.line, e.column])).toEqual([[2, 3, 14]]);
  });

  it('locate an error in a workspace file the editor imports', () => {
    const r = importWorkspaceText('{\n  "schema": "llct/workspace",\n  "records": [,]\n}', 'w.json');
    expect(r.ok ? '' : r.diagnostics[0]!.messageEn).toBe("Invalid JSON at line 3, column 15: Unexpected token ','");
  });
});

describe('duplicate keys', () => {
  it('are reported with their path and position; the value is still JSON.parse\'s', () => {
    const p = parseJsonLocated('{"a": 1, "b": {"c": 2,\n "c": 3}, "list": [0, {"d": 1, "d": 1}], "a": 4}');
    expect(p.ok && p.value).toEqual({ a: 4, b: { c: 3 }, list: [0, { d: 1 }] });
    expect(p.ok && p.duplicates).toEqual([
      { path: ['b', 'c'], key: 'c', line: 2, column: 2 },
      { path: ['list', 1, 'd'], key: 'd', line: 2, column: 32 },
      { path: ["a"], key: "a", line: 2, column: 42 },
    ]);
  });

  it('are not claimed where a colon sits in a string or the same key is in two objects', () => {
    const p = parseJsonLocated('[{"time": "08:30", "a": 1}, {"a": 2, "b": {"a": 3}}]');
    expect(p.ok && p.duplicates).toBeUndefined();
  });

  it('refuse a workspace file with a key twice, naming the path', () => {
    const r = importWorkspaceText('{"schema": "llct/workspace", "schema": "x"}', 'w.json');
    expect(r.ok ? [] : r.diagnostics.map((d) => [d.code, d.path])).toEqual([['json/duplicate-key', 'schema']]);
  });
});

describe('the JSON scanner', () => {
  it('accepts every text JSON.parse accepts and finds no duplicate in JSON.stringify output (seeded)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
      const text = pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v);
      expect(scanJson(text)).toEqual({ ok: true, duplicates: [] });
      const p = parseJsonLocated(text);
      expect(p.ok && p.duplicates).toBeUndefined();
    }), { seed: 9309, numRuns: 300 });
  });

  it('fails exactly where JSON.parse fails, when JSON.parse gives a position (seeded)', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom(',', ']', '}', ':', 'x', '"', '\u0001'), (v, at, junk) => {
      const text = JSON.stringify(v);
      const cut = at % (text.length + 1);
      const broken = text.slice(0, cut) + junk + text.slice(cut);
      let position: number | undefined;
      try { JSON.parse(broken); return; } catch (e) {
        const m = /at position (\d+)/.exec((e as Error).message);
        position = m ? Number(m[1]) : undefined;
      }
      const s = scanJson(broken);
      expect(s.ok).toBe(false);
      if (position !== undefined && !s.ok && !/Bad escaped|Bad Unicode/.test(s.reason)) expect(s.offset).toBe(position);
    }), { seed: 9310, numRuns: 300 });
  });

  it('scans nesting far deeper than the stack allows', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(scanJson(deep)).toEqual({ ok: true, duplicates: [] });
    expect(scanJson(`${'{"a":'.repeat(100_000)}1${'}'.repeat(99_999)}`)).toMatchObject({ ok: false, reason: 'Unexpected end of JSON input' });
  });
});
