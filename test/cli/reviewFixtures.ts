/**
 * Documents for the `llct review` tests: the shipped 350-QĐ/TW ruleset as a published revision 1, and an
 * illustrative provincial change (revision 2) that tightens one threshold — the part-time intermediate age for
 * women, 28 → 30 — and adds one subject group (civil servants without a leadership post), published under an
 * illustrative decision. The golden cases are worked out by hand from the rule texts, not from the engine's output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import shipped350 from '../../rulesets/350-qd-tw.json' with { type: 'json' };
import golden350 from '../../fixtures/golden/350-qd-tw.cases.json' with { type: 'json' };

type Json = Record<string, unknown>;
type Label = { vi: string; en: string };
const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Quy định 350-QĐ/TW as the decision revision 1 is published under (signing date from regulation.md). */
export const DECISION_350 = {
  id: 'qd-350', kind: 'quy-dinh', number: '350-QĐ/TW', issuedBy: 'Ban Bí thư', signer: '(chưa đọc được trong nguồn)',
  title: 'Quy định về đối tượng, tiêu chuẩn và phân cấp đào tạo lý luận chính trị', signedOn: '2025-08-29', appliesFrom: '2025-08-29',
  summary: 'Đối tượng, tiêu chuẩn trung cấp và cao cấp lý luận chính trị', source: 'shared/domain/regulation.md',
};

/** The illustrative provincial decision of revision 2: not a real act. */
export const DECISION_PROVINCE = {
  id: 'qd-tinh-minh-hoa', kind: 'quy-dinh', number: '01-QĐ/TU', issuedBy: 'Ban Thường vụ Tỉnh ủy (ví dụ minh họa)', signer: 'Bí thư Tỉnh ủy (minh họa)',
  title: 'Quy định cụ thể hóa 350-QĐ/TW (ví dụ minh họa)', signedOn: '2025-12-01', appliesFrom: '2026-01-01',
  summary: 'Nữ học trung cấp không tập trung từ 30 tuổi; thêm nhóm công chức, viên chức không giữ chức vụ lãnh đạo', source: 'ví dụ kiểm thử, không phải văn bản thật',
  illustrative: true,
};

/** The added subject group's rule. */
export const ADDED_GROUP = {
  id: 'tc-tinh-civil-servant', level: 'intermediate', kind: 'subject',
  title: { vi: 'Công chức, viên chức không giữ chức vụ lãnh đạo (minh họa)', en: 'Civil servants without a leadership post (illustrative)' },
  citation: { article: 2, clause: 1, numbering: 'assumed' }, confidence: 'assumed', source: 'ví dụ kiểm thử',
  conditions: { all: [{ fact: 'position', operator: 'equal', value: 'civil-servant' }] },
  message: { vi: 'Không phải công chức, viên chức', en: 'Not a civil servant' },
};

/** Revision 1: the shipped 350-QĐ/TW, published under it. */
export function revision1(): Json {
  return { ...copy(shipped350) as Json, revision: 1, decisions: [DECISION_350], published: [{ revision: 1, on: '2025-08-29', decision: 'qd-350' }] };
}

/** Revision 2: women's part-time intermediate age 28 → 30 and the added group; `publish: false` leaves it a draft. */
export function revision2(publish = true): Json {
  const r = revision1() as { rules: Json[] } & Json;
  const age = r.rules.find((x) => x.id === 'tc350-part-time-age') as { title: Label; message: Label; conditions: { any: Array<{ all: Array<{ fact: string; value: unknown }> }> } };
  age.title = { vi: 'Tuổi học hệ không tập trung: nữ từ 30, nam từ 30 (minh họa)', en: 'Part-time study age: women 30+, men 30+ (illustrative)' };
  age.message = { vi: age.message.vi.replace('nữ từ 28 tuổi', 'nữ từ 30 tuổi'), en: age.message.en.replace('women aged 28+', 'women aged 30+') };
  const women = age.conditions.any.find((g) => g.all.some((c) => c.value === 'female'))!;
  const threshold = women.all.find((c) => c.fact === 'age')!;
  if (threshold.value !== 28) throw new Error('the shipped 350 ruleset no longer says 28 for women: update the fixture');
  threshold.value = 30;
  const lastSubject = r.rules.map((x) => x.id).lastIndexOf('tc350-lecturer');
  r.rules.splice(lastSubject + 1, 0, copy(ADDED_GROUP));
  return {
    ...r, revision: 2, decisions: [DECISION_350, DECISION_PROVINCE],
    published: [{ revision: 1, on: '2025-08-29', decision: 'qd-350' }, ...(publish ? [{ revision: 2, on: '2025-12-05', decision: 'qd-tinh-minh-hoa' }] : [])],
  };
}

/**
 * Golden cases on the 350 base profile (a provincial deputy head of division, eligible at intermediate part-time:
 * shipped case 350-19), nominated 01/10/2025. `nu-29`: a woman of 29 — eligible from 28 (revision 1), not from 30
 * (revision 2); `nu-30`: a woman of exactly 30 — eligible under both.
 */
export function goldenCases(forRevision: 1 | 2): Json {
  return {
    schema: 'llct/golden-cases', version: 1, ruleset: '350-qd-tw', description: 'Tuổi nữ học trung cấp không tập trung (ví dụ minh họa)',
    base: copy(golden350.base),
    cases: [
      { id: 'nu-29', title: 'Nữ 29 tuổi, trung cấp không tập trung', citation: '350-QĐ/TW Điều 5 khoản 2', profile: { sex: 'female', birthDate: '1996-06-01' },
        expect: forRevision === 1 ? { eligible: true, failures: [] } : { eligible: false, failures: ['tc350-part-time-age'] } },
      { id: 'nu-30', title: 'Nữ tròn 30 tuổi, trung cấp không tập trung', citation: '350-QĐ/TW Điều 5 khoản 2', profile: { sex: 'female', birthDate: '1995-10-01' },
        expect: { eligible: true, failures: [] } },
    ],
  };
}

/** Writes `files` (path → JSON) under `root`. */
export function writeTree(root: string, files: Record<string, unknown>): void {
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `${JSON.stringify(value, null, 2)}\n`);
  }
}

export const RULESET_PATH = 'rulesets/350-qd-tw.json';
export const GOLDEN_PATH = 'fixtures/golden/tinh-minh-hoa.cases.json';
