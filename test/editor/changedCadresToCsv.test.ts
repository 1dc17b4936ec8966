import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../engine/io/parseCsv.ts';
import type { CadreDiff } from '../../engine/rules/diff/diffVerdicts.ts';
import { changedCadresToCsv, csvCell } from '../../editor/diff/changedCadresToCsv.ts';

const lost: CadreDiff = {
  id: 'HN-0007', change: 'lost', institutionChanged: false, reasonsChanged: false,
  a: { ok: true, regulation: '57-QĐ/TW', ruleset: '57-qd-tw', on: '2024-03-01', eligible: true, failures: [], institution: { id: 'lhp', name: { vi: 'Trường Lê Hồng Phong', en: 'Lê Hồng Phong School' } } },
  b: {
    ok: true, regulation: '350-QĐ/TW', ruleset: '350-qd-tw', on: '2024-03-01', eligible: false,
    failures: [{ rule: 'tc350-ratings', kind: 'standard', citation: '350-QĐ/TW Điều 9 (số điều giả định)', message: 'Xếp loại năm 2023: "hoàn thành", cần "tốt"', messageEn: 'Rating 2023: "completed", needs "good"', confidence: 'assumed' }],
    institution: { id: 'lhp', name: { vi: 'Trường Lê Hồng Phong', en: 'Lê Hồng Phong School' } },
  },
};

describe('the CSV export of changed cadres', () => {
  it('quotes cells holding commas, quotes, semicolons or line breaks (RFC 4180)', () => {
    expect(csvCell('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    expect(csvCell('Bộ Tư pháp, Vụ A')).toBe('"Bộ Tư pháp, Vụ A"');
    expect(csvCell('nói "không"')).toBe('"nói ""không"""');
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+84')).toBe("'+84");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('starts with a byte-order mark, ends lines with CRLF and reads back cell for cell', () => {
    const csv = changedCadresToCsv([{ row: 7, fullName: 'Lê Thị "Hoa", Hà Nội', diff: lost }], 'vi');
    expect(csv.startsWith('\uFEFFMã cán bộ,Hàng,Họ và tên,Thay đổi,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const { records } = parseCsv(csv.slice(1));
    expect(records).toHaveLength(2);
    const [header, row] = records.map((r) => r.fields);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('Mã cán bộ')).toBe('HN-0007');
    expect(cell('Hàng')).toBe('7');
    expect(cell('Họ và tên')).toBe('Lê Thị "Hoa", Hà Nội');
    expect(cell('Thay đổi')).toBe('Mất điều kiện');
    expect(cell('Bên A')).toBe('đủ điều kiện');
    expect(cell('Bên B')).toBe('chưa đủ điều kiện');
    expect(cell('Lý do chưa đủ bên B')).toBe('Xếp loại năm 2023: "hoàn thành", cần "tốt" (350-QĐ/TW Điều 9 (số điều giả định))');
    expect(cell('Lý do chính')).toBe('Xếp loại năm 2023: "hoàn thành", cần "tốt" (350-QĐ/TW Điều 9 (số điều giả định))');
  });

  it('writes the header, the change and the reasons in English when the page is in English', () => {
    const csv = changedCadresToCsv([{ row: 7, diff: lost }], 'en');
    const { records } = parseCsv(csv.slice(1));
    const [header, row] = records.map((r) => r.fields);
    expect(header![0]).toBe('Cadre id');
    expect(row![header!.indexOf('Change')]).toBe('Lost');
    expect(row![header!.indexOf('Main reason')]).toBe('Rating 2023: "completed", needs "good" (Regulation 350-QĐ/TW, Art. 9 (article number assumed))');
  });
});
