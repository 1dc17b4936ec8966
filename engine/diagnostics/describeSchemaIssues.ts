/**
 * Schema problems in words a policy officer reads: "Tiêu đề (tiếng Việt): đang để trống." rather than zod's
 * "Quá nhỏ: mong đợi string có >=1 ký tự". The field is named from the last keys of the issue's path (a table of
 * the names the documents use); the problem from the issue's code and its figures. A custom check keeps its own
 * message (Vietnamese) and its `params.en`. Pure; the same words for the editor, the CLI and imports.
 */
import type { z } from 'zod/mini';
import type { Label } from '../documents/enums.ts';

/** One schema issue, described in both languages; `unknownKeys` as in `safeParseBilingual`. */
export interface DescribedIssue { path: PropertyKey[]; vi: string; en: string; unknownKeys?: string[] }

/** Names of the fields the documents use (ruleset, rule, condition, lifecycle, plan, workspace records). */
const FIELD_NAMES: Readonly<Record<string, Label>> = {
  id: { vi: 'Mã', en: 'Id' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  name: { vi: 'Tên', en: 'Name' },
  label: { vi: 'Nhãn', en: 'Label' },
  description: { vi: 'Mô tả', en: 'Description' },
  message: { vi: 'Thông điệp', en: 'Message' },
  source: { vi: 'Nguồn', en: 'Source' },
  note: { vi: 'Ghi chú', en: 'Note' },
  level: { vi: 'Cấp học', en: 'Level' },
  kind: { vi: 'Loại quy tắc', en: 'Rule kind' },
  mode: { vi: 'Hình thức học', en: 'Mode' },
  modes: { vi: 'Hình thức học', en: 'Modes' },
  confidence: { vi: 'Độ tin cậy', en: 'Confidence' },
  citation: { vi: 'Căn cứ', en: 'Citation' },
  article: { vi: 'Điều', en: 'Article' },
  clause: { vi: 'Khoản', en: 'Clause' },
  point: { vi: 'Điểm', en: 'Point' },
  institution: { vi: 'Cơ sở đào tạo', en: 'Institution' },
  waivable: { vi: 'Cho phép quyết định đặc biệt', en: 'Waivable' },
  conditions: { vi: 'Điều kiện', en: 'Conditions' },
  fact: { vi: 'Dữ kiện', en: 'Fact' },
  operator: { vi: 'Toán tử', en: 'Operator' },
  value: { vi: 'Giá trị', en: 'Value' },
  rules: { vi: 'Danh sách quy tắc', en: 'Rules' },
  regulation: { vi: 'Văn bản quy định', en: 'Regulation' },
  code: { vi: 'Số hiệu', en: 'Code' },
  signedOn: { vi: 'Ngày ký', en: 'Signed on' },
  effectiveFrom: { vi: 'Ngày hiệu lực', en: 'Effective from' },
  effectiveConfidence: { vi: 'Độ tin cậy của ngày hiệu lực', en: 'Confidence of the effective date' },
  subjectGroups: { vi: 'Nhóm đối tượng', en: 'Subject groups' },
  states: { vi: 'Trạng thái', en: 'States' },
  events: { vi: 'Sự kiện', en: 'Events' },
  initial: { vi: 'Trạng thái đầu', en: 'Initial state' },
  target: { vi: 'Trạng thái đích', en: 'Target state' },
  guard: { vi: 'Điều kiện chuyển', en: 'Guard' },
  actions: { vi: 'Hành động', en: 'Actions' },
  parameters: { vi: 'Tham số', en: 'Parameters' },
  classes: { vi: 'Danh sách lớp', en: 'Classes' },
  minSize: { vi: 'Sĩ số tối thiểu', en: 'Minimum size' },
  maxSize: { vi: 'Sĩ số tối đa', en: 'Maximum size' },
  opensOn: { vi: 'Ngày khai giảng', en: 'Opening date' },
  durationMonths: { vi: 'Thời gian học (tháng)', en: 'Duration (months)' },
  quota: { vi: 'Chỉ tiêu', en: 'Quota' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  positions: { vi: 'Vị trí trên sơ đồ', en: 'Canvas positions' },
  x: { vi: 'Toạ độ x', en: 'x coordinate' },
  y: { vi: 'Toạ độ y', en: 'y coordinate' },
  collapsed: { vi: 'Nút thu gọn', en: 'Collapsed nodes' },
  snapshot: { vi: 'Bản lưu', en: 'Snapshot' },
  savedAt: { vi: 'Thời điểm lưu', en: 'Saved at' },
  items: { vi: 'Danh sách', en: 'Items' },
  profile: { vi: 'Hồ sơ', en: 'Profile' },
  nomination: { vi: 'Đề cử', en: 'Nomination' },
  on: { vi: 'Ngày', en: 'Date' },
  decisions: { vi: 'Văn bản ban hành', en: 'Decisions' },
  decision: { vi: 'Văn bản', en: 'Decision' },
  published: { vi: 'Phiên bản đã ban hành', en: 'Published versions' },
  revision: { vi: 'Số phiên bản', en: 'Revision' },
  number: { vi: 'Số hiệu văn bản', en: 'Number' },
  issuedBy: { vi: 'Cơ quan ban hành', en: 'Issued by' },
  signer: { vi: 'Người ký', en: 'Signer' },
  appliesFrom: { vi: 'Ngày áp dụng', en: 'Applies from' },
  appliesUntil: { vi: 'Ngày hết áp dụng', en: 'Applies until' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  illustrative: { vi: 'Minh họa', en: 'Illustrative' },
  extends: { vi: 'Bộ quy tắc gốc', en: 'Base ruleset' },
  jurisdiction: { vi: 'Phạm vi áp dụng', en: 'Jurisdiction' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  changes: { vi: 'Thay đổi', en: 'Changes' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  expects: { vi: 'Điều kiện đối chiếu với bộ gốc', en: 'Expected base' },
};

/** Names that depend on the field's owner (`decisions[0].kind` is an act's kind, not a rule's). */
const FIELD_NAMES_IN: Readonly<Record<string, Label>> = {
  'decisions.kind': { vi: 'Loại văn bản', en: 'Kind of act' },
  'decisions.title': { vi: 'Trích yếu văn bản', en: 'Title of the act' },
  'changes.rule': { vi: 'Quy tắc được thay đổi', en: 'Rule changed' },
};

const LANGUAGE: Readonly<Record<string, Label>> = { vi: { vi: 'tiếng Việt', en: 'Vietnamese' }, en: { vi: 'tiếng Anh', en: 'English' } };

const TYPE_NAMES: Readonly<Record<string, Label>> = {
  string: { vi: 'văn bản', en: 'text' }, number: { vi: 'một số', en: 'a number' }, int: { vi: 'một số nguyên', en: 'a whole number' },
  boolean: { vi: 'có/không', en: 'yes/no' }, array: { vi: 'một danh sách', en: 'a list' }, object: { vi: 'một nhóm trường', en: 'a group of fields' },
  record: { vi: 'một nhóm trường', en: 'a group of fields' }, undefined: { vi: 'bỏ trống', en: 'nothing' }, null: { vi: 'rỗng', en: 'empty' },
};

const typeName = (t: string): Label => TYPE_NAMES[t] ?? { vi: t, en: t };

function received(input: unknown): Label {
  if (input === undefined) return { vi: 'chưa có', en: 'missing' };
  if (input === null) return typeName('null');
  if (Array.isArray(input)) return typeName('array');
  if (typeof input === 'number' && !Number.isInteger(input)) return { vi: 'một số thập phân', en: 'a decimal number' };
  return typeName(typeof input);
}

/** The field an issue path names, for messages: "Tiêu đề (tiếng Việt)", "Điều kiện › Giá trị", or the key itself. */
export function fieldName(path: readonly PropertyKey[]): Label {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const last = keys[keys.length - 1];
  if (last === undefined) return { vi: 'Tài liệu', en: 'Document' };
  const lang = LANGUAGE[last];
  if (lang && keys.length >= 2) {
    const owner = FIELD_NAMES[keys[keys.length - 2]!] ?? { vi: keys[keys.length - 2]!, en: keys[keys.length - 2]! };
    return { vi: `${owner.vi} (${lang.vi})`, en: `${owner.en} (${lang.en})` };
  }
  const owner = keys[keys.length - 2];
  const inContext = owner === undefined ? undefined : FIELD_NAMES_IN[`${owner}.${last}`];
  return inContext ?? FIELD_NAMES[last] ?? { vi: `Trường "${last}"`, en: `Field "${last}"` };
}

/** What is wrong, by zod issue code, in both languages (no field name). */
function problem(issue: z.core.$ZodIssue, input: unknown): Label {
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { vi: 'đang để trống', en: 'is empty' } : { vi: `cần ít nhất ${min} ký tự`, en: `needs at least ${min} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? { vi: 'cần ít nhất một mục', en: 'needs at least one item' } : { vi: `cần ít nhất ${min} mục`, en: `needs at least ${min} items` };
      return issue.inclusive ? { vi: `phải từ ${min} trở lên`, en: `must be ${min} or more` } : { vi: `phải lớn hơn ${min}`, en: `must be more than ${min}` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { vi: `dài quá ${max} ký tự`, en: `is longer than ${max} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { vi: `có quá ${max} mục`, en: `has more than ${max} items` };
      return issue.inclusive ? { vi: `phải từ ${max} trở xuống`, en: `must be ${max} or less` } : { vi: `phải nhỏ hơn ${max}`, en: `must be less than ${max}` };
    }
    case 'invalid_type': {
      if (input === undefined) return { vi: 'chưa có (bắt buộc)', en: 'is missing (required)' };
      const want = typeName(issue.expected);
      const got = received(input);
      return { vi: `không hợp lệ: cần ${want.vi}, đang là ${got.vi}`, en: `expected ${issue.expected === 'string' ? 'string' : want.en}, got ${got.en}` };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      return values.length === 1
        ? { vi: `phải là ${values[0]}`, en: `must be ${values[0]}` }
        : { vi: `phải là một trong: ${values.join(', ')}`, en: `must be one of: ${values.join(', ')}` };
    }
    case 'invalid_format': return { vi: 'không đúng dạng (mã viết thường, nối bằng gạch ngang; ngày dạng YYYY-MM-DD)', en: 'is not in the expected form (lower-case id joined by hyphens; dates as YYYY-MM-DD)' };
    case 'not_multiple_of': return { vi: `phải là bội của ${String(issue.divisor)}`, en: `must be a multiple of ${String(issue.divisor)}` };
    case 'invalid_union': return { vi: 'không đúng một dạng nào được phép', en: 'matches none of the allowed forms' };
    case 'invalid_key': return { vi: 'có một khoá không hợp lệ', en: 'has an invalid key' };
    case 'invalid_element': return { vi: 'có một phần tử không hợp lệ', en: 'has an invalid element' };
    case 'unrecognized_keys': return { vi: `có khoá không được phép: ${issue.keys.join(', ')}`, en: `has keys that are not allowed: ${issue.keys.join(', ')}` };
    default: return { vi: 'không hợp lệ', en: 'is not valid' };
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** A custom check's message (Vietnamese, the schema's own words) and its English from `params.en`. */
function customText(issue: z.core.$ZodIssue): Label {
  const en = issue.code === 'custom' && typeof issue.params?.en === 'string' ? issue.params.en as string : issue.message;
  return { vi: issue.message, en };
}

/**
 * Validates `data` with `schema`; on failure each issue in words naming the field. Issues about keys a strict object
 * does not allow carry them as `unknownKeys` (the caller points at each key).
 */
export function describeSchemaIssues<S extends z.ZodMiniType>(schema: S, data: unknown):
  | { success: true; data: z.infer<S> }
  | { success: false; issues: DescribedIssue[] } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { success: true, data: parsed.data };
  return {
    success: false,
    issues: parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const p = problem(issue, undefined);
        return { path: issue.path, vi: p.vi, en: p.en, unknownKeys: issue.keys };
      }
      const field = fieldName(issue.path);
      const text = issue.code === 'custom' ? customText(issue) : problem(issue, valueAt(data, issue.path));
      // "Sự kiện không hợp lệ: cần …" reads better than "Sự kiện: không hợp lệ: cần …".
      const vi = text.vi.startsWith('không hợp lệ') ? `${field.vi} ${text.vi}` : `${field.vi}: ${text.vi}`;
      return { path: issue.path, vi: `${vi.replace(/\.$/, '')}.`, en: `${field.en}: ${text.en.replace(/\.$/, '')}.` };
    }),
  };
}
