import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import type { CadreProfileInput } from '../../engine/documents/cadre.ts';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { CADRE_COLUMNS } from '../../engine/io/cadreColumns.ts';
import { cadresToCsv, safeCell } from '../../engine/io/cadresToCsv.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';

const positions = builtinDocuments().positions;

const full: CadreProfileInput = {
  id: 'HN-0001', fullName: 'Nguyễn Thị "Hoa", Lê', sex: 'female', birthDate: '1984-02-29', ethnicMinority: true, difficultArea: false,
  party: { status: 'full', joinedOn: '2008-05-19', fullOn: '2009-05-19' }, education: 'master', politicalTheory: 'elementary',
  workplace: { tier: 'central', province: 'Hà Nội', sector: 'state', agency: 'Bộ Tư pháp; Vụ Pháp luật\nhình sự' },
  position: 'deputy-head-of-division', planning: ['head-of-division', 'deputy-director'],
  civilService: { grade: 'principal-specialist', since: '2016-07-01', candidatePool: true }, lecturer: { teachingSince: '2012-09-01' },
  ratings: [{ year: 2022, rating: 'good' }, { year: 2023, rating: 'excellent' }],
  nomination: { level: 'advanced', mode: 'part-time', on: '2024-03-01', onRequest: false },
};

describe('cadresToCsv', () => {
  it('writes a header of every contract column in the reader\'s layout', () => {
    const [header] = cadresToCsv([]).split('\n');
    expect(header!.split(',')).toEqual(CADRE_COLUMNS.map((c) => c.name));
  });

  it('round-trips a profile with every field, quotes, separators and line breaks', () => {
    const r = readCadresFromText(cadresToCsv([full]), { file: 'x.csv', positions });
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.profile).toEqual({ ...full });
    expect(r.rows[0]!.nomination).toEqual(full.nomination);
  });

  it('round-trips with a semicolon delimiter and CRLF', () => {
    const text = cadresToCsv([full], { delimiter: ';', newline: '\r\n' });
    expect(text.split('\r\n')[0]).toContain('id;fullName;sex');
    const r = readCadresFromText(text, { file: 'x.csv', positions });
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.profile.planning).toEqual(['head-of-division', 'deputy-director']);
  });

  it('leaves absent fields empty so the reader applies the same defaults', () => {
    const minimal: CadreProfileInput = { id: 'M', sex: 'male', birthDate: '1990-01-01', education: 'college' };
    const text = cadresToCsv([minimal]);
    const cells = text.split('\n')[1]!.split(',');
    const filled = Object.fromEntries(CADRE_COLUMNS.map((c, i) => [c.name, cells[i]]).filter(([, v]) => v !== ''));
    expect(cells).toHaveLength(CADRE_COLUMNS.length);
    expect(filled).toEqual({ id: 'M', sex: 'male', birthDate: '1990-01-01', education: 'college' });
    const r = readCadresFromText(text, { file: 'x.csv', positions });
    expect(r.rows[0]!.profile).toEqual({
      id: 'M', sex: 'male', birthDate: '1990-01-01', education: 'college', ethnicMinority: false, difficultArea: false,
      party: { status: 'none' }, politicalTheory: 'none', workplace: {}, planning: [], civilService: { candidatePool: false }, ratings: [],
    });
  });

  it('round-trips a generated cohort: the same profiles come back as JSON gives them', () => {
    const cohort = generateBuiltinCohort({ count: 200, seed: 11 });
    const fromCsv = readCadresFromText(cadresToCsv(cohort), { file: 'x.csv', positions });
    const fromJson = readCadresFromText(JSON.stringify(cohort), { file: 'x.json', positions });
    expect(fromCsv.errors).toEqual([]);
    expect(fromJson.errors).toEqual([]);
    expect(fromCsv.rows.map((r) => r.profile)).toEqual(fromJson.rows.map((r) => r.profile));
  });
});

describe('safeCell', () => {
  it('writes control characters as visible escapes, keeping tabs and line breaks as quoted data', () => {
    expect(safeCell('HN-\u001b[31m0001', ',')).toBe('HN-\\x1b[31m0001');
    expect(safeCell('a\u0000b\u202ec\u0085', ',')).toBe('a\\x00b\\u202ec\\x85');
    expect(safeCell('hidden\rshown', ',')).toBe('hidden\\rshown');
    expect(safeCell('two\r\nlines\tand a tab', ',')).toBe('"two\r\nlines\tand a tab"');
  });

  it('defuses a formula after escaping, so an escaped control cannot hide the leading =', () => {
    expect(safeCell('=HYPERLINK("x")', ',')).toBe('"\'=HYPERLINK(""x"")"');
    expect(safeCell('\u001b=1+1', ',')).toBe('\\x1b=1+1');
    expect(safeCell('\t=1', ',')).toBe('\'\t=1');
  });
});
