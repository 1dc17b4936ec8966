import { describe, expect, it } from 'vitest';
import { formatCheckCsv } from '../../cli/format/formatCheckCsv.ts';
import { formatCheckJson } from '../../cli/format/formatCheckJson.ts';
import { formatCheckJunit } from '../../cli/format/formatCheckJunit.ts';
import { formatCheckTable } from '../../cli/format/formatCheckTable.ts';
import type { CheckRun } from '../../cli/runCheck.ts';
import { rowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import { parseCsv } from '../../engine/io/parseCsv.ts';
import { xmlProblems } from './xmlWellFormed.ts';

const verdict = (id: string, eligible: boolean): Verdict => ({
  id, level: 'intermediate', mode: 'part-time', on: '2024-03-01', regulation: '57-QĐ/TW', ruleset: '57-qd-tw', eligible,
  failures: eligible ? [] : [{
    rule: 'tc-part-time-age', kind: 'standard', citation: '57-QĐ/TW Điều 5 khoản 2', confidence: 'confirmed',
    message: '32 tuổi (nữ) < 33, "tập trung" & <không tập trung>', messageEn: 'age 32 (female) < 33',
  }],
  subjects: [], passed: [], checked: [],
  institution: { id: 'le-hong-phong', name: { vi: 'Trường Đào tạo cán bộ Lê Hồng Phong', en: 'Lê Hồng Phong School' }, rule: 'x', citation: 'y', confidence: 'confirmed' },
  assumed: [], notes: [],
});

const run: CheckRun = {
  file: 'a&b<1>.csv',
  results: [{ row: 1, verdict: verdict('HN-1 & "co"', true) }, { row: 3, verdict: verdict("HN-3 <'x'>", false) }],
  errors: [rowDiagnostic({ file: 'a&b<1>.csv', row: 2, line: 3, id: 'HN-2' }, 'cadre/unknown-value', 'error', 'sex', { vi: 'giá trị "femal" \u0007 không hợp lệ', en: '"femal" is not allowed' })],
  warnings: [],
  summary: { total: 3, eligible: 1, ineligible: 1, outOfScope: 0, invalid: 1 },
};

describe('check output formats', () => {
  it('JSON names the institution with name (Vietnamese) and nameEn in either page language, as the contract shows', () => {
    for (const lang of ['vi', 'en'] as const) {
      const doc = JSON.parse(formatCheckJson(run, lang)) as { results: { institution: unknown }[] };
      expect(doc.results[0]!.institution).toEqual({
        id: 'le-hong-phong', name: 'Trường Đào tạo cán bộ Lê Hồng Phong', nameEn: 'Lê Hồng Phong School', rule: 'x', citation: 'y', confidence: 'confirmed',
      });
    }
  });

  it('JUnit escapes every special character and stays well-formed, one testcase per row in row order', () => {
    const xml = formatCheckJunit(run, 'vi');
    expect(xmlProblems(xml)).toEqual([]);
    expect([...xml.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'HN-1 &amp; &quot;co&quot; (hàng 1)', 'HN-2 (hàng 2)', 'HN-3 &lt;&apos;x&apos;&gt; (hàng 3)',
    ]);
    expect(xml).toContain('<error type="cadre/unknown-value"');
    expect(xml).not.toContain('\u0007');
  });

  it('the table shows Vietnamese labels, DD/MM/YYYY dates, reasons under the row and a summary', () => {
    const text = formatCheckTable(run, 'vi');
    expect(text).toMatch(/^Hàng\s+Mã\s+Cấp học\s+Hình thức\s+Ngày cử\s+Quy định\s+Kết quả\s+Cơ sở đào tạo$/m);
    expect(text).toMatch(/3\s+HN-3 <'x'>\s+trung cấp\s+không tập trung\s+01\/03\/2024\s+57-QĐ\/TW\s+chưa đủ điều kiện/);
    expect(text).toContain('✗ 32 tuổi (nữ) < 33');
    expect(text).toContain('a&b<1>.csv, hàng 2 (dòng 3) [HN-2], trường "sex"');
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 hàng: 1 đủ điều kiện, 1 chưa đủ điều kiện, 1 hàng lỗi');
  });

  it('CSV has one row per verdict that a CSV reader splits back into the same cells', () => {
    const { records } = parseCsv(formatCheckCsv(run, 'vi'));
    expect(records).toHaveLength(3);
    expect(records[1]!.fields.slice(0, 7)).toEqual(['1', 'HN-1 & "co"', 'intermediate', 'part-time', '2024-03-01', '57-QĐ/TW', 'true']);
    expect(records[2]!.fields[9]).toBe('tc-part-time-age');
    expect(records[2]!.fields[11]).toBe('32 tuổi (nữ) < 33, "tập trung" & <không tập trung>');
  });
});
