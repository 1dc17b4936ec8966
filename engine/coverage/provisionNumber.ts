/**
 * How the coverage map names a provision's place and marks: "Điều 5 khoản 1 điểm a (số điều giả định)", in English
 * "Art. 5(1)(a) (article number assumed)"; and the words for each status. Shared by the CLI and the editor.
 */
import type { Label } from '../documents/enums.ts';
import type { Provision } from '../documents/regulationOutline.ts';
import type { ProvisionStatus } from './buildCoverage.ts';

/** The article, clause and point of a provision in words; undefined when the outline gives no article. */
export function provisionNumber(p: Pick<Provision, 'article' | 'clause' | 'point' | 'numbering'>, lang: 'vi' | 'en'): string | undefined {
  if (p.article === undefined) return undefined;
  const assumed = p.numbering !== 'read';
  if (lang === 'en') {
    return `Art. ${p.article}${p.clause ? `(${p.clause})` : ''}${p.point ? `(${p.point})` : ''}${assumed ? ' (article number assumed)' : ''}`;
  }
  return [`Điều ${p.article}`, p.clause ? `khoản ${p.clause}` : '', p.point ? `điểm ${p.point}` : ''].filter(Boolean).join(' ')
    + (assumed ? ' (số điều giả định)' : '');
}

/** Status words, lower case. */
export const COVERAGE_STATUS_LABELS: Readonly<Record<ProvisionStatus | 'group', Label>> = {
  tested: { vi: 'đã kiểm thử', en: 'tested' },
  encoded: { vi: 'đã mã hóa', en: 'encoded' },
  assumed: { vi: 'giả định', en: 'assumed' },
  'not-encoded': { vi: 'chưa mã hóa', en: 'not encoded' },
  group: { vi: 'nhóm', en: 'heading' },
};

/** A one-character mark per status, for tables and the tree (the words go beside it). */
export const COVERAGE_STATUS_MARKS: Readonly<Record<ProvisionStatus | 'group', string>> = {
  tested: '✓', encoded: '●', assumed: '◐', 'not-encoded': '○', group: '▸',
};
