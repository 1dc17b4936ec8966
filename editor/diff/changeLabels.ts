/** How each change kind and each table filter is named on the page and in the export. */
import type { Label } from '../../engine/documents/enums.ts';
import type { ChangeKind } from '../../engine/rules/diff/diffVerdicts.ts';
import type { ChangeFilter } from './changedCadre.ts';

export const CHANGE_LABELS: Record<ChangeKind, Label> = {
  gained: { vi: 'Được thêm', en: 'Gained' },
  lost: { vi: 'Mất điều kiện', en: 'Lost' },
  'still-eligible': { vi: 'Vẫn đủ điều kiện', en: 'Still eligible' },
  'still-ineligible': { vi: 'Vẫn chưa đủ điều kiện', en: 'Still not eligible' },
  invalid: { vi: 'Không so sánh được', en: 'Not comparable' },
};

export const FILTER_LABELS: Record<ChangeFilter, Label> = {
  all: { vi: 'Mọi thay đổi', en: 'All changes' },
  gained: CHANGE_LABELS.gained,
  lost: CHANGE_LABELS.lost,
  institution: { vi: 'Đổi cơ sở đào tạo', en: 'Institution changed' },
  reasons: { vi: 'Đổi lý do', en: 'Reasons changed' },
  invalid: CHANGE_LABELS.invalid,
};
