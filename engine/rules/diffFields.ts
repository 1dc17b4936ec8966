/**
 * Field-level changes of a ruleset diff (regulation details, subject groups, rule metadata) in words: labels of the
 * fields and of their values, "Mức tin cậy: đã xác nhận → giả định". Pure.
 */
import { citationIn, formatCitation, type Citation } from '../documents/ruleset.ts';
import { LABELS, type Label } from '../documents/enums.ts';
import { sameValue, type Path } from './diffConditions.ts';
import type { Lang } from './messages.ts';

/** A field whose value changed; `before`/`after` are the values as written (`undefined` when absent). */
export interface FieldChange<F extends string = string> {
  field: F;
  before: unknown;
  after: unknown;
  path: Path;
  text: Label;
}

export type RegulationField = 'id' | 'code' | 'title' | 'signedOn' | 'effectiveFrom' | 'effectiveConfidence' | 'note' | 'sources' | 'levels';
export type SubjectGroupField = 'citation' | 'title.vi' | 'title.en' | 'confidence';
export type RuleField = 'title.vi' | 'title.en' | 'citation' | 'confidence' | 'source' | 'note' | 'modes' | 'kind' | 'level'
  | 'message.vi' | 'message.en' | 'institution' | 'waivable' | 'provisions' | 'carriedOverFrom';

const NONE: Label = { vi: '(không có)', en: '(none)' };
const ALL_MODES: Label = { vi: 'mọi hình thức', en: 'all modes' };
const ALL_LEVELS: Label = { vi: 'cả ba trình độ', en: 'all three levels' };
const YES: Label = { vi: 'có', en: 'yes' };
const NO: Label = { vi: 'không', en: 'no' };

const FIELD_LABELS: Record<RegulationField | SubjectGroupField | RuleField, Label> = {
  id: { vi: 'Mã bộ quy tắc', en: 'Ruleset id' },
  code: { vi: 'Số hiệu văn bản', en: 'Regulation code' },
  title: { vi: 'Tên văn bản', en: 'Regulation title' },
  signedOn: { vi: 'Ngày ký', en: 'Signed on' },
  effectiveFrom: { vi: 'Ngày có hiệu lực', en: 'Effective from' },
  effectiveConfidence: { vi: 'Mức tin cậy của ngày hiệu lực', en: 'Confidence of the effective date' },
  note: { vi: 'Ghi chú', en: 'Note' },
  sources: { vi: 'Nguồn', en: 'Sources' },
  'title.vi': { vi: 'Tên (tiếng Việt)', en: 'Title (Vietnamese)' },
  'title.en': { vi: 'Tên (tiếng Anh)', en: 'Title (English)' },
  citation: { vi: 'Trích dẫn', en: 'Citation' },
  confidence: { vi: 'Mức tin cậy', en: 'Confidence' },
  source: { vi: 'Nguồn', en: 'Source' },
  modes: { vi: 'Hình thức học áp dụng', en: 'Study modes' },
  kind: { vi: 'Loại quy tắc', en: 'Rule kind' },
  level: { vi: 'Trình độ', en: 'Training level' },
  'message.vi': { vi: 'Thông báo (tiếng Việt)', en: 'Message (Vietnamese)' },
  'message.en': { vi: 'Thông báo (tiếng Anh)', en: 'Message (English)' },
  institution: { vi: 'Cơ sở đào tạo', en: 'Institution' },
  levels: { vi: 'Trình độ quy định điều chỉnh', en: 'Levels the regulation regulates' },
  waivable: { vi: 'Miễn được bằng quyết định đặc biệt', en: 'Waivable by special decision' },
  provisions: { vi: 'Điều khoản mã hóa', en: 'Provisions encoded' },
  carriedOverFrom: { vi: 'Mang sang từ', en: 'Carried over from' },
};

function label(table: Readonly<Record<string, Label>>, v: unknown, lang: Lang): string {
  return typeof v === 'string' && Object.hasOwn(table, v) ? table[v]![lang] : `"${String(v)}"`;
}

/** Whether a value is a citation object. */
export function isCitation(v: unknown): v is Citation {
  return typeof v === 'object' && v !== null && typeof (v as Citation).article === 'number';
}

/** A field's value in words; `code` is the regulation code citations are read under. */
function fieldValue(field: string, v: unknown, lang: Lang, code: string): string {
  if (v === undefined || v === null || v === '') return field === 'modes' ? ALL_MODES[lang] : field === 'levels' ? ALL_LEVELS[lang] : field === 'waivable' ? NO[lang] : NONE[lang];
  switch (field) {
    case 'confidence': case 'effectiveConfidence': return label(LABELS.confidence, v, lang);
    case 'kind': return label(LABELS.ruleKind, v, lang);
    case 'level': return label(LABELS.theoryLevel, v, lang);
    case 'citation': return isCitation(v) ? citationIn(formatCitation(code, v), lang) : JSON.stringify(v);
    case 'waivable': return v === true ? YES[lang] : NO[lang];
    case 'levels': return Array.isArray(v) ? v.map((l) => label(LABELS.theoryLevel, l, lang)).join('; ') : String(v);
    case 'provisions': return Array.isArray(v) ? v.map((p) => `"${String(p)}"`).join('; ') : String(v);
    case 'signedOn': case 'effectiveFrom': return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && lang === 'vi' ? v.split('-').reverse().join('/') : String(v);
    case 'modes': case 'sources': return Array.isArray(v) ? v.map((m) => (field === 'modes' ? label(LABELS.mode, m, lang) : `"${String(m)}"`)).join('; ') : String(v);
    default: return typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v);
  }
}

/** The change of one field, or `undefined` when its values are equal; `codes` are the regulation codes for citations. */
export function fieldChange<F extends RegulationField | SubjectGroupField | RuleField>(
  field: F, before: unknown, after: unknown, path: Path, codes: { before: string; after: string },
): FieldChange<F> | undefined {
  if (sameValue(before, after)) return undefined;
  const text = (lang: Lang) => `${FIELD_LABELS[field][lang]}: ${field === 'sources' && Array.isArray(before) && Array.isArray(after)
    ? listEdit(before, after, lang)
    : `${fieldValue(field, before, lang, codes.before)} → ${fieldValue(field, after, lang, codes.after)}`}`;
  return { field, before, after, path, text: { vi: text('vi'), en: text('en') } };
}

/** "thêm "a"; bỏ "b"" for a list of texts that gained and lost items (a reorder alone: the new order). */
function listEdit(before: unknown[], after: unknown[], lang: Lang): string {
  const quote = (xs: unknown[]) => xs.map((x) => `"${String(x)}"`).join('; ');
  const add = after.filter((x) => !before.some((y) => sameValue(x, y)));
  const rem = before.filter((x) => !after.some((y) => sameValue(x, y)));
  if (!add.length && !rem.length) return `${lang === 'vi' ? 'đổi thứ tự' : 'reordered'}: ${quote(after)}`;
  return [add.length ? `${lang === 'vi' ? 'thêm' : 'added'} ${quote(add)}` : '', rem.length ? `${lang === 'vi' ? 'bỏ' : 'removed'} ${quote(rem)}` : ''].filter(Boolean).join('; ');
}
