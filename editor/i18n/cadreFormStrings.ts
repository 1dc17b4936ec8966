/**
 * Words of the cadre form's further fields (career, civil service, teaching, Party dates). The fields of facts take
 * their names from the fact catalogue (`FACTS[…].label`); these are the words around them.
 */
import type { Label } from '../../engine/documents/enums.ts';

export const CADRE_FORM_STRINGS = {
  moreFields: { vi: 'Công tác, ngạch và giảng dạy', en: 'Career, grade and teaching' },
  moreFieldsHint: {
    vi: 'Hiện các trường mà quy tắc của trình độ đã chọn đọc, và các trường đã có giá trị.',
    en: 'Shows the fields the rules of the chosen level read, and those that have a value.',
  },
  showAll: { vi: 'Hiện mọi trường', en: 'Show all fields' },
  gradeSince: { vi: 'Ngày giữ ngạch', en: 'In grade since' },
  teachingSince: { vi: 'Ngày bắt đầu giảng dạy LLCT', en: 'Teaching political theory since' },
  partyJoinedOn: { vi: 'Ngày vào Đảng', en: 'Joined the Party on' },
  partyFullOn: { vi: 'Ngày chính thức', en: 'Full member since' },
  yearsOnNomination: { vi: '{fact}: {n} tại ngày cử đi học', en: '{fact}: {n} on the nomination date' },
  optionalDate: { vi: 'NN/TT/NNNN, để trống nếu không có', en: 'DD/MM/YYYY, leave empty if none' },
  notGiven: { vi: '(không rõ)', en: '(unknown)' },
} as const satisfies Record<string, Label>;
