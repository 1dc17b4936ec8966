/** The Hà Nội 2024 list checked as its README says (trung cấp, part-time, 01/03/2024), as printable rows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinDocuments } from '../../engine/builtin.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import type { PrintableHeading, PrintableRow } from '../../engine/report/renderPrintableList.ts';
import { printableRowOf } from '../../engine/report/printableRowOf.ts';

export const HANOI_LIST = join(import.meta.dirname, '../../fixtures/cadres/hanoi-2024-central-agencies.json');

export function hanoiRows(lang: Lang = 'vi'): { profiles: CadreProfile[]; rows: PrintableRow[] } {
  const docs = builtinDocuments();
  const profiles = (JSON.parse(readFileSync(HANOI_LIST, 'utf8')) as unknown[]).map((raw) => CadreProfile.parse(raw));
  const checker = createChecker({ rulesets: docs.rulesets, positions: docs.positions, institutions: docs.institutions });
  const names = new Map(docs.positions.positions.map((p) => [p.code, p.name]));
  const rows = profiles.map((p) => printableRowOf(p, checker.checkSync(p, { level: 'intermediate', mode: 'part-time', on: '2024-03-01' }), lang, (c) => names.get(c)));
  return { profiles, rows };
}

export const HEADING: PrintableHeading = {
  superiorBody: 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
  issuingBody: 'BAN TỔ CHỨC THÀNH ỦY',
  place: 'Hà Nội',
  date: '2024-05-16',
  subject: 'cán bộ cử đi học trung cấp lý luận chính trị, hệ không tập trung, năm 2024',
  basis: 'Theo Quy định 57-QĐ/TW; ngày cử đi học 01/03/2024',
  signer: { capacity: 'K/T TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN' },
  recipients: ['- Thường trực Thành ủy (để b/c),', '- Trường Đào tạo cán bộ Lê Hồng Phong,'],
};
