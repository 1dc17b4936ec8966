/** The words of publishing a version under a decision (the versions panel's form and list), Vietnamese first. */
import type { Label } from '../../engine/documents/enums.ts';
import { provideTextTable } from './textTables.ts';

export const PUBLISH_STRINGS = {
  open: { vi: 'Ban hành phiên bản…', en: 'Publish version…' },
  title: { vi: 'Ban hành phiên bản', en: 'Publish version' },
  lead: {
    vi: 'Ban hành trạng thái hiện tại của {name} theo một văn bản (quy định, quyết định, hướng dẫn, công văn). Bản không gắn văn bản nào vẫn là bản nháp.',
    en: 'Publish the current state of {name} under an act (a regulation, decision, guidance or official letter). A version with no act stays a draft.',
  },
  submit: { vi: 'Ban hành', en: 'Publish' },
  cancel: { vi: 'Huỷ', en: 'Cancel' },
  which: { vi: 'Văn bản', en: 'Act' },
  newDecision: { vi: 'Văn bản mới (nhập bên dưới)', en: 'A new act (enter it below)' },
  kind: { vi: 'Loại văn bản', en: 'Kind of act' },
  number: { vi: 'Số hiệu', en: 'Number' },
  numberHint: { vi: 'Như ghi trên văn bản, ví dụ 10-QĐ/TU, 350-QĐ/TW, 25-HD/BTCTW', en: 'As written on the act, e.g. 10-QĐ/TU, 350-QĐ/TW, 25-HD/BTCTW' },
  issuedBy: { vi: 'Cơ quan ban hành', en: 'Issued by' },
  signer: { vi: 'Người ký (không bắt buộc)', en: 'Signed by (optional)' },
  decisionTitle: { vi: 'Trích yếu', en: 'Title' },
  signedOn: { vi: 'Ngày ký', en: 'Signed on' },
  appliesFrom: { vi: 'Áp dụng từ ngày', en: 'Applies from' },
  appliesUntil: { vi: 'Áp dụng đến ngày (không bắt buộc)', en: 'Applies until (optional)' },
  summary: { vi: 'Tóm tắt nội dung', en: 'Summary' },
  source: { vi: 'Nguồn (địa chỉ hoặc tệp)', en: 'Source (address or file)' },
  versionName: { vi: 'Tên phiên bản (không bắt buộc)', en: 'Version name (optional)' },
  note: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  required: { vi: '{field}: chưa nhập.', en: '{field}: not filled in.' },
  badDate: { vi: '{field}: chưa phải một ngày có thật dạng NN/TT/NNNN.', en: '{field}: not a real date as DD/MM/YYYY.' },
  fromBeforeSigned: {
    vi: '{field} ({from}) sớm hơn ngày ký ({signed}): văn bản không áp dụng trước khi ký.',
    en: '{field} ({from}) is before the signing date ({signed}): an act does not apply before it is signed.',
  },
  untilNotAfter: { vi: '{field} ({until}) phải sau ngày áp dụng ({from}).', en: '{field} ({until}) must be after the date it applies from ({from}).' },
  numberCarried: { vi: 'văn bản này đã có trong tài liệu — hãy chọn nó ở ô «Văn bản».', en: 'this act is already in the document — pick it under “Act”.' },
  fieldProblem: { vi: '{field}: {message}', en: '{field}: {message}' },
  problems: { vi: 'Chưa ban hành được — hãy sửa:', en: 'Not published yet — please fix:' },
  defaultName: { vi: 'Bản {revision}', en: 'Revision {revision}' },
  published: { vi: 'Đã ban hành', en: 'Published' },
  draft: { vi: 'Bản nháp', en: 'Draft' },
  underDecision: { vi: 'Bản {revision} — theo {decision}', en: 'Revision {revision} — under {decision}' },
  decisionDates: { vi: 'ký ngày {signed}, áp dụng từ {from}', en: 'signed {signed}, applies from {from}' },
  decisionDatesUntil: { vi: 'ký ngày {signed}, áp dụng từ {from} đến {until}', en: 'signed {signed}, applies from {from} until {until}' },
  currentPublished: { vi: 'Hiện tại: bản {revision}, đã ban hành theo {decision}.', en: 'Now: revision {revision}, published under {decision}.' },
  currentEdited: {
    vi: 'Hiện tại: đã sửa sau khi ban hành bản {revision} — bản nháp, chưa ban hành. Ban hành sẽ tạo bản {next}.',
    en: 'Now: edited since revision {revision} was published — a draft, not published. Publishing makes revision {next}.',
  },
  currentDraft: { vi: 'Hiện tại: bản {revision} — bản nháp, chưa ban hành.', en: 'Now: revision {revision} — a draft, not published.' },
  currentDraftAfter: {
    vi: 'Hiện tại: bản {revision} — bản nháp, chưa ban hành (đã sửa sau bản {last}, ban hành theo {decision}).',
    en: 'Now: revision {revision} — a draft, not published (edited since revision {last}, published under {decision}).',
  },
  sectionTitle: { vi: 'Ban hành', en: 'Publication' },
  nextRevision: { vi: 'Sẽ ban hành thành bản {revision}.', en: 'Will be published as revision {revision}.' },
  sidePublished: { vi: '{name} — bản {revision}, theo {decision}', en: '{name} — revision {revision}, under {decision}' },
  sideDraft: { vi: '{name} (bản nháp, {saved})', en: '{name} (draft, {saved})' },
} as const satisfies Record<string, Label>;

provideTextTable('publish', PUBLISH_STRINGS);
