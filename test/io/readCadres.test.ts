import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { readCadresFromText, detectCadreFormat } from '../../engine/io/readCadres.ts';

const positions = builtinDocuments().positions;
const HEADER = 'id,fullName,sex,birthDate,education,party.status,workplace.province,position,planning,ratings,civilService.since,civilService.grade,ethnicMinority';
const GOOD = 'HN-1,Nguyễn Văn An,male,1980-01-02,university,full,Hà Nội,deputy-head-of-division,head-of-division,2022:good;2023:excellent,01/03/2015,specialist,không';

function read(text: string, file = 'cadres.csv') {
  return readCadresFromText(text, { file, positions });
}

function errorsOf(r: ReturnType<typeof read>) {
  return r.errors.filter((e) => e.severity === 'error');
}

describe('readCadresFromText: CSV', () => {
  it('reads a good row into a profile with typed values, normalised dates and defaults', () => {
    const r = read(`${HEADER}\n${GOOD}\n`);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    const { profile, row, line } = r.rows[0]!;
    expect([row, line]).toEqual([1, 2]);
    expect(profile).toMatchObject({
      id: 'HN-1', sex: 'male', birthDate: '1980-01-02', education: 'university', party: { status: 'full' },
      workplace: { province: 'Hà Nội' }, position: 'deputy-head-of-division', planning: ['head-of-division'],
      ratings: [{ year: 2022, rating: 'good' }, { year: 2023, rating: 'excellent' }],
      civilService: { since: '2015-03-01', grade: 'specialist', candidatePool: false }, ethnicMinority: false, difficultArea: false,
    });
  });

  it('reads a semicolon-separated file with CRLF and a BOM, lists quoted or written with |', () => {
    const text = `\uFEFF${HEADER.replaceAll(',', ';')}\r\n${GOOD.replaceAll(',', ';').replace('2022:good;2023:excellent', '"2022:good;2023:excellent"')}\r\n`
      + 'HN-2;B;female;02/01/1985;college;probationary;Hà Nội;;head-of-division|deputy-director;2023:good|2022:good;;;có\r\n';
    const r = read(text);
    expect(errorsOf(r)).toEqual([]);
    expect(r.rows.map((x) => x.profile.ratings.length)).toEqual([2, 2]);
    expect(r.rows[1]!.profile).toMatchObject({ planning: ['head-of-division', 'deputy-director'], ethnicMinority: true, birthDate: '1985-01-02' });
  });

  it('keeps a quoted comma inside a field', () => {
    const r = read('id,fullName,sex,birthDate,education,workplace.agency\nA,"Lê, Thị B",female,1990-05-05,college,"Bộ Tư pháp, Vụ Pháp chế"\n');
    expect(r.rows[0]!.profile.fullName).toBe('Lê, Thị B');
    expect(r.rows[0]!.profile.workplace.agency).toBe('Bộ Tư pháp, Vụ Pháp chế');
  });

  it('names file, row and field for an unknown enum value, lists the allowed values and guesses', () => {
    const r = read(`${HEADER}\n${GOOD.replace(',male,', ',femal,')}\n`);
    expect(r.rows).toEqual([]);
    const [e] = errorsOf(r);
    expect(e).toMatchObject({ code: 'cadre/unknown-value', file: 'cadres.csv', row: 1, path: 'sex' });
    expect(e!.message).toContain('cadres.csv, hàng 1');
    expect(e!.message).toContain('trường "sex"');
    expect(e!.message).toContain('male, female');
    expect(e!.message).toContain('Có phải "female"?');
    expect(e!.messageEn).toContain('Did you mean "female"?');
  });

  it('accepts Vietnamese labels and other letter cases for enum values', () => {
    const r = read('id,sex,birthDate,education,party.status\nA,Nữ,1990-05-05,Đại học,đảng viên chính thức\n');
    expect(errorsOf(r)).toEqual([]);
    expect(r.rows[0]!.profile).toMatchObject({ sex: 'female', education: 'university', party: { status: 'full' } });
  });

  it('rejects an impossible date such as 31/02', () => {
    const r = read(`${HEADER}\n${GOOD.replace('1980-01-02', '31/02/1980')}\n`);
    expect(errorsOf(r)).toMatchObject([{ code: 'cadre/impossible-date', row: 1, path: 'birthDate' }]);
    expect(errorsOf(r)[0]!.message).toContain('31/02/1980');
  });

  it('reports each missing required field', () => {
    const r = read('id,fullName,sex,birthDate,education\nA,X,,1990-01-01,\n');
    expect(errorsOf(r).map((e) => [e.code, e.path])).toEqual([['cadre/missing-field', 'sex'], ['cadre/missing-field', 'education']]);
  });

  it('reports a duplicate id on the second row, naming the first, and keeps the first', () => {
    const r = read(`${HEADER}\n${GOOD}\n${GOOD}\n`);
    expect(r.rows.map((x) => x.row)).toEqual([1]);
    expect(errorsOf(r)).toMatchObject([{ code: 'cadre/duplicate-id', row: 2, path: 'id' }]);
    expect(errorsOf(r)[0]!.message).toContain('trùng với hàng 1');
  });

  it('checks position and planning codes against the catalogue, with a guess', () => {
    const r = read(`${HEADER}\n${GOOD.replace(',head-of-division,', ',head-of-divison,')}\n`);
    expect(errorsOf(r)).toMatchObject([{ code: 'cadre/unknown-position', path: 'planning' }]);
    expect(errorsOf(r)[0]!.message).toContain('Có phải "head-of-division"?');
  });

  it('warns once per file about an unknown column, and ignores a forbidden column name', () => {
    const r = read(`${HEADER},party.stauts,__proto__\n${GOOD},x,y\n${GOOD.replace('HN-1', 'HN-2')},x,y\n`);
    expect(r.rows).toHaveLength(2);
    expect(r.errors.filter((e) => e.code === 'cadre/unknown-column')).toHaveLength(1);
    expect(r.errors.find((e) => e.code === 'cadre/unknown-column')!.message).toContain('Có phải "party.status"?');
    expect(r.errors.filter((e) => e.code === 'cadre/forbidden-key')).toMatchObject([{ severity: 'error', path: '__proto__' }]);
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });

  it('reports an unterminated quote on its row and still reads the rows after it', () => {
    const r = read(`${HEADER}\n${GOOD.replace('Nguyễn Văn An', '"Nguyễn Văn An')}\n${GOOD.replace('HN-1', 'HN-2')}\n`);
    expect(errorsOf(r)).toMatchObject([{ code: 'csv/unterminated-quote', row: 1, line: 2, path: 'fullName' }]);
    expect(r.rows.map((x) => x.profile.id)).toEqual(['HN-2']);
    expect([r.total, r.invalid]).toEqual([2, 1]);
  });

  it('returns the row nomination separately from the profile', () => {
    const r = read('id,sex,birthDate,education,nomination.level,nomination.on\nA,male,1980-01-01,college,advanced,01/03/2024\n');
    expect(r.rows[0]!.nomination).toEqual({ level: 'advanced', on: '2024-03-01' });
  });

  it('reports an empty file', () => {
    expect(read('').errors).toMatchObject([{ code: 'csv/empty', severity: 'error' }]);
  });
});

describe('readCadresFromText: JSON', () => {
  const good = { id: 'J1', sex: 'female', birthDate: '1985-06-01', education: 'master', party: { status: 'full' } };

  it('reads an array and a { cadres } object alike', () => {
    expect(read(JSON.stringify([good]), 'c.json').rows[0]!.profile.id).toBe('J1');
    expect(read(JSON.stringify({ cadres: [good] }), 'c.json').rows[0]!.profile.id).toBe('J1');
  });

  it('reads JSON lines, numbering rows by record and naming the line of a broken one', () => {
    const text = `${JSON.stringify(good)}\n\n{"id": "J2",\n${JSON.stringify({ ...good, id: 'J3' })}\n`;
    const r = read(text, 'c.jsonl');
    expect(r.rows.map((x) => [x.profile.id, x.row, x.line])).toEqual([['J1', 1, 1], ['J3', 3, 4]]);
    expect(errorsOf(r)).toMatchObject([{ code: 'json/syntax', row: 2, line: 3 }]);
  });

  it('rejects a row with a __proto__ or constructor key, never touching any prototype', () => {
    const text = `[{"id":"P1","sex":"male","birthDate":"1980-01-01","education":"college","__proto__":{"polluted":true}},
      {"id":"P2","sex":"male","birthDate":"1980-01-01","education":"college","party":{"constructor":{"prototype":1}}},
      ${JSON.stringify(good)}]`;
    const r = read(text, 'c.json');
    expect(r.rows.map((x) => x.profile.id)).toEqual(['J1']);
    expect(errorsOf(r)).toMatchObject([
      { code: 'cadre/forbidden-key', row: 1, path: '__proto__' },
      { code: 'cadre/forbidden-key', row: 2, path: 'party.constructor' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.rows[0]!.profile)).toBe(Object.prototype);
  });

  it('reports malformed JSON with its line and column and still reads the good elements', () => {
    const text = `[\n  ${JSON.stringify(good)},\n  {"id": "J2" "sex": "male"},\n  ${JSON.stringify({ ...good, id: 'J3' })}\n]`;
    const r = read(text, 'c.json');
    expect(r.rows.map((x) => x.profile.id)).toEqual(['J1', 'J3']);
    const [e] = errorsOf(r);
    expect(e).toMatchObject({ code: 'json/syntax', row: 2, line: 3 });
    expect(e!.message).toMatch(/dòng 3, cột 15/);
  });

  it('reports a truncated file at its end', () => {
    const r = read(`[${JSON.stringify(good)},{"id":"J2"`, 'c.json');
    expect(r.rows.map((x) => x.profile.id)).toEqual(['J1']);
    expect(errorsOf(r)).toMatchObject([{ code: 'json/syntax', row: 2 }]);
  });

  it('reports a top level that is not a list', () => {
    expect(errorsOf(read('{"id": 1}', 'c.json'))).toMatchObject([{ code: 'json/not-a-list' }]);
  });

  it('refuses a group that is not an object instead of dropping its fields', () => {
    const r = read(JSON.stringify([{ ...good, party: 'full' }]), 'c.json');
    expect(errorsOf(r)).toMatchObject([{ code: 'cadre/wrong-type', path: 'party' }]);
  });

  it('warns about an unknown key once per file', () => {
    const r = read(JSON.stringify([{ ...good, extra: 1 }, { ...good, id: 'J2', extra: 2 }]), 'c.json');
    expect(r.rows).toHaveLength(2);
    expect(r.errors.filter((e) => e.code === 'cadre/unknown-field')).toHaveLength(1);
  });
});

describe('detectCadreFormat', () => {
  it('goes by extension first, then by content', () => {
    expect(detectCadreFormat('[', 'a.csv')).toBe('csv');
    expect(detectCadreFormat('id,sex', 'a.ndjson')).toBe('jsonl');
    expect(detectCadreFormat('[{}]')).toBe('json');
    expect(detectCadreFormat('{"id":1}\n{"id":2}\n')).toBe('jsonl');
    expect(detectCadreFormat('{"cadres":[]}')).toBe('json');
    expect(detectCadreFormat('id,sex\n')).toBe('csv');
  });
});
