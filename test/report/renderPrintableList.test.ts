/**
 * The printable list: every cadre once, numbered through the agency groups in the list's order, the group and list
 * totals equal to the checker's own verdicts, text escaped, the Party document's heading and signature blocks,
 * dates as DD/MM/YYYY, assumed reasons marked and the list saying so.
 */
import { describe, expect, it } from 'vitest';
import { countVerdicts, groupByAgency, renderPrintableList, type PrintableRow } from '../../engine/report/renderPrintableList.ts';
import { HEADING, hanoiRows } from './printableListKit.ts';

const rowIds = (html: string) => [...html.matchAll(/<tr class="row v-(\w+)" data-id="([^"]+)"><td class="num">(\d+)<\/td>/g)].map((m) => ({ verdict: m[1], id: m[2], n: Number(m[3]) }));

describe('the printable list', () => {
  const { profiles, rows } = hanoiRows();
  const html = renderPrintableList(rows, HEADING);

  it('prints every cadre of the Hà Nội list once, numbered 1… through the agency groups, agencies in the order they first appear', () => {
    const printed = rowIds(html);
    expect(printed.map((r) => r.n)).toEqual(profiles.map((_, i) => i + 1));
    expect(new Set(printed.map((r) => r.id))).toEqual(new Set(profiles.map((p) => p.id)));
    const agencies = [...html.matchAll(/<tr class="agency"><td colspan="7">([^<]+?) — /g)].map((m) => m[1]);
    const firstSeen = [...new Set(profiles.map((p) => p.workplace!.agency!))];
    expect(agencies).toEqual(firstSeen);
    expect(agencies.length).toBeGreaterThan(5);
    // Within a group the list's own order is kept.
    const order = new Map(profiles.map((p, i) => [p.id, i]));
    for (const g of groupByAgency(rows)) for (let i = 1; i < g.rows.length; i++) expect(order.get(g.rows[i]!.id)!).toBeGreaterThan(order.get(g.rows[i - 1]!.id)!);
  });

  it('totals what the checker said, cadre by cadre, in the list and in each group', () => {
    const eligible = rows.filter((r) => r.verdict === 'eligible').length;
    const ineligible = rows.filter((r) => r.verdict === 'ineligible').length;
    expect(eligible).toBeGreaterThan(0);
    expect(ineligible).toBeGreaterThan(0);
    expect(html).toContain(`Tổng cộng: ${profiles.length} người (Đủ điều kiện: ${eligible}; Chưa đủ điều kiện: ${ineligible})`);
    for (const g of groupByAgency(rows)) {
      const c = countVerdicts(g.rows);
      expect(html).toContain(`${g.agency} — ${c.total} người (Đủ điều kiện: ${c.eligible}; Chưa đủ điều kiện: ${c.ineligible})`);
    }
    const printed = rowIds(html);
    const byId = new Map(rows.map((r) => [r.id, r.verdict]));
    for (const p of printed) expect(p.verdict).toBe(byId.get(p.id!));
  });

  it('carries the heading of a Party document, the title, the basis, the recipients and the signature block', () => {
    expect(html).toMatch(/ĐẢNG BỘ THÀNH PHỐ HÀ NỘI<\/div><div class="body-name">BAN TỔ CHỨC THÀNH ỦY<\/div><div class="star">\*<\/div><div>Số …-DS\/…<\/div>/);
    expect(html).toContain('<div class="party">ĐẢNG CỘNG SẢN VIỆT NAM</div><div class="dated">Hà Nội, ngày 16 tháng 05 năm 2024</div>');
    expect(html).toContain('<h1><span>DANH SÁCH</span><small>cán bộ cử đi học trung cấp lý luận chính trị, hệ không tập trung, năm 2024</small></h1>');
    expect(html).toContain('Nơi nhận:');
    expect(html).toContain('<div>- Lưu.</div>');
    expect(html).toContain('<div class="cap">K/T TRƯỞNG BAN</div><div class="title">PHÓ TRƯỞNG BAN</div>');
    expect(renderPrintableList(rows, { ...HEADING, number: 'Số 12-DS/BTCTU' })).toContain('<div>Số 12-DS/BTCTU</div>');
    expect(html).toContain('size:A4 landscape');
  });

  it('shows birth dates as DD/MM/YYYY and failing reasons with their citation, marking the assumed ones', () => {
    const first = profiles[0]!;
    const [y, m, d] = first.birthDate.split('-');
    expect(html).toContain(`<td class="date">${d}/${m}/${y}</td>`);
    const failing = rows.find((r) => r.reasons.some((x) => x.citation))!;
    const reason = failing.reasons.find((x) => x.citation)!;
    expect(html).toContain(`${reason.text.replace(/&/g, '&#38;').replace(/"/g, '&#34;').replace(/'/g, '&#39;')} <span class="cite">(${reason.citation})</span>`);
    const assumed = rows.some((r) => r.reasons.some((x) => x.confidence === 'assumed'));
    expect(html.includes('[giả định]')).toBe(assumed);
    expect(html.includes('chưa được đọc từ văn bản gốc')).toBe(assumed);
    const none = renderPrintableList(rows.map((r) => ({ ...r, reasons: r.reasons.map((x) => ({ ...x, confidence: 'confirmed' as const })) })), HEADING);
    expect(none).not.toContain('chưa được đọc từ văn bản gốc');
  });

  it('reads in English, the date as DD/MM/YYYY', () => {
    const en = renderPrintableList(hanoiRows('en').rows, HEADING, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Hà Nội, 16/05/2024');
    expect(en).toMatch(/<th>Full name<\/th>.*<th>School<\/th>/);
    expect(en).toContain('Total: 210 people (Eligible: ');
    // Citations and reasons in English too: "Art. 5(2)", never "Điều 5 khoản 2".
    expect(en).toMatch(/<span class="cite">\([^)]*Art\. \d/);
    expect(en).not.toMatch(/<span class="cite">\([^)]*Điều /);
  });

  it('escapes every text, and prints a row that could not be judged with its reason, rows without an agency last', () => {
    const hostile: PrintableRow[] = [
      { id: 'x"1', fullName: '<script>alert(1)</script>', agency: 'A & B', verdict: 'eligible', reasons: [] },
      { id: 'x2', fullName: 'Không cơ quan', verdict: 'invalid', reasons: [{ text: 'Thiếu ngày sinh <b>' }] },
      { id: 'x3', fullName: 'Người thứ ba', agency: 'A & B', verdict: 'ineligible', reasons: [{ text: 'Quá tuổi', citation: 'Điều 5', confidence: 'reported' }] },
    ];
    const out = renderPrintableList(hostile, { ...HEADING, issuingBody: '</div><img src=x onerror=alert(1)>' });
    expect(out).not.toMatch(/<script>|<img/);
    expect(out).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(rowIds(out).map((r) => [r.id, r.n])).toEqual([['x&#34;1', 1], ['x3', 2], ['x2', 3]]);
    expect(out).toContain('<td class="verdict">Không đọc được</td><td class="reasons"><ul><li>Thiếu ngày sinh &#60;b&#62;</li></ul>');
    expect(out).toContain('Chưa ghi cơ quan, đơn vị — 1 người (Đủ điều kiện: 0; Chưa đủ điều kiện: 0; Không đọc được: 1)');
    expect(out).toContain('[theo một nguồn]');
  });
});
