/**
 * Ruleset diagnostics: everything that would make a rule misfire, reported with its path inside the document and a
 * hint — unknown facts and operators ("did you mean"), values of the wrong type or outside a fact's enum, string values
 * given to `in` (json-rules-engine then matches substrings), tier rules without a known institution, misspelt message
 * placeholders, levels without subject or tier rules. The catalogues the codes are checked against are inputs (the
 * shipped ones come from engine/builtin.ts; the editor may pass edited ones); pure.
 */
import type { InstitutionCatalogue, PositionCatalogue } from '../documents/catalogue.ts';
import { TRAINING_LEVELS, LABELS, type Label } from '../documents/enums.ts';
import { loadDocument } from '../documents/loadDocument.ts';
import { RULESET_KIND, type Condition, type LeafCondition, type Ruleset } from '../documents/ruleset.ts';
import { FACTS, FACT_NAMES, type FactSpec } from '../rules/facts.ts';
import { own } from '../documents/own.ts';
import { factShape, literalShape, operatorShapeProblem } from './checkOperatorShapes.ts';
import { unknownPlaceholders } from '../rules/messages.ts';
import { NUMERIC_OPERATORS, OPERATOR_NAMES, baseOperator, isKnownOperator } from '../rules/operators.ts';
import { closest, diagnostic, type Diagnostic } from './Diagnostic.ts';

export interface ValidateRulesetOptions {
  /** Catalogue whose institutions (and provincial schools) tier rules may name. */
  institutions: Pick<InstitutionCatalogue, 'institutions' | 'provinces'>;
  /** Catalogue whose codes `position` and `planning` conditions may name. */
  positions: Pick<PositionCatalogue, 'positions'>;
  /** The file the ruleset was read from, set on every diagnostic. */
  file?: string;
}

/** Facts whose values are position codes, checked against the position catalogue. */
const POSITION_FACTS = new Set(['position', 'planning']);

const SPECIAL_INSTITUTIONS = ['@provincial-school', '@district-centre'];

/**
 * Loads `raw` as a ruleset (schema diagnostics, unknown keys included) and, when it loads, checks its rules against
 * the given catalogues. Never throws on bad input.
 */
export function validateRuleset(raw: unknown, options: ValidateRulesetOptions): Diagnostic[] {
  const loaded = loadDocument(RULESET_KIND, raw);
  const out = loaded.ok ? [...loaded.diagnostics, ...checkRuleset(loaded.value, options)] : loaded.diagnostics;
  const { file } = options;
  return file === undefined ? out : out.map((d) => ({ ...d, file }));
}

function checkRuleset(rs: Ruleset, options: ValidateRulesetOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const catalogue = options.institutions;
  const institutionIds = new Set([
    ...SPECIAL_INSTITUTIONS, ...catalogue.institutions.map((i) => i.id), ...catalogue.provinces.map((p) => p.school.id),
  ]);
  const positionCodes = options.positions.positions.map((p) => p.code);
  const seen = new Map<string, number>();
  rs.rules.forEach((rule, i) => {
    const at = `rules[${i}]`;
    const first = seen.get(rule.id);
    if (first !== undefined) {
      out.push(diagnostic('ruleset/duplicate-rule-id', 'error', `${at}.id`, { vi: `Mã quy tắc "${rule.id}" trùng với rules[${first}].`, en: `Rule id "${rule.id}" duplicates rules[${first}].` }, { vi: 'Đặt một mã khác cho quy tắc này.', en: 'Give this rule an id of its own.' }));
    } else seen.set(rule.id, i);
    walk(rule.conditions, `${at}.conditions`, out, positionCodes);
    if (rule.kind === 'tier') {
      if (!rule.institution) {
        out.push(diagnostic('ruleset/tier-without-institution', 'error', `${at}.institution`, { vi: `Quy tắc phân cấp "${rule.id}" chưa nêu cơ sở đào tạo.`, en: `Tier rule "${rule.id}" names no institution.` },
          { vi: `Dùng một mã trong danh mục hoặc ${SPECIAL_INSTITUTIONS.join(', ')}.`, en: `Use an institution id from the catalogue, or ${SPECIAL_INSTITUTIONS.join(', ')}.` }));
      } else if (!institutionIds.has(rule.institution)) {
        const guess = closest(rule.institution, [...institutionIds]);
        out.push(diagnostic('ruleset/unknown-institution', 'error', `${at}.institution`, { vi: `Không có cơ sở đào tạo "${rule.institution}" trong danh mục.`, en: `Unknown institution "${rule.institution}".` }, didYouMean(guess)));
      }
    } else if (rule.institution) {
      out.push(diagnostic('ruleset/institution-ignored', 'warning', `${at}.institution`, { vi: `Chỉ quy tắc phân cấp (tier) mới dùng "institution"; bị bỏ qua ở "${rule.id}".`, en: `Only tier rules use "institution"; ignored on "${rule.id}".` }));
    }
    for (const lang of ['vi', 'en'] as const) {
      for (const name of unknownPlaceholders(rule.message[lang])) {
        out.push(diagnostic('ruleset/unknown-placeholder', 'error', `${at}.message.${lang}`, { vi: `Thông điệp dùng biến không tồn tại {${name}}.`, en: `Message uses an unknown placeholder {${name}}.` }, closestHint(name)));
      }
    }
    if (rule.confidence === 'assumed') {
      out.push(diagnostic('ruleset/assumed-rule', 'info', at, { vi: `Quy tắc "${rule.id}" là ${LABELS.confidence.assumed.vi}: cần đối chiếu văn bản.`, en: `Rule "${rule.id}" is assumed: check it against the text.` }));
    }
  });
  for (const level of TRAINING_LEVELS) {
    const rules = rs.rules.filter((r) => r.level === level);
    if (rules.length === 0) {
      out.push(diagnostic('ruleset/no-rule-for-level', 'info', 'rules', { vi: `Không có quy tắc nào cho trình độ ${LABELS.theoryLevel[level].vi}: llct check từ chối cử học trình độ này theo bộ quy tắc này.`, en: `No rule for the ${level} level: llct check refuses nominations at this level under this ruleset.` }));
      continue;
    }
    if (!rules.some((r) => r.kind === 'subject')) {
      out.push(diagnostic('ruleset/no-subject-rule', 'warning', 'rules', { vi: `Trình độ ${LABELS.theoryLevel[level].vi} không có quy tắc đối tượng: không ai đủ điều kiện.`, en: `Level ${level} has no subject rule: nobody can be eligible.` }));
    }
    if (!rules.some((r) => r.kind === 'tier')) {
      out.push(diagnostic('ruleset/no-tier-rule', 'warning', 'rules', { vi: `Trình độ ${LABELS.theoryLevel[level].vi} không có quy tắc phân cấp: không xác định được cơ sở đào tạo.`, en: `Level ${level} has no tier rule: no institution can be named.` }));
    }
  }
  if (rs.regulation.effectiveFrom < rs.regulation.signedOn) {
    out.push(diagnostic('ruleset/effective-before-signed', 'warning', 'regulation.effectiveFrom', { vi: 'Ngày hiệu lực sớm hơn ngày ký.', en: 'Effective date is before the signing date.' }));
  }
  return out;
}

function closestHint(name: string): Label | undefined {
  const guess = closest(name, ['age', 'sexLabel', 'partyStatusLabel', 'educationLabel', 'positionLabel', 'planningLabel', 'yearsInGrade', 'yearsTeaching', 'province']);
  return guess ? { vi: `Có phải {${guess}}?`, en: `Did you mean {${guess}}?` } : undefined;
}

function didYouMean(guess: string | undefined): Label | undefined {
  return guess ? { vi: `Có phải "${guess}"?`, en: `Did you mean "${guess}"?` } : undefined;
}

/** "Did you mean" (when something is close) followed by the whole list of valid names. */
function validNames(guess: string | undefined, what: Label, names: readonly string[]): Label {
  const list = names.join(', ');
  return guess
    ? { vi: `Có phải "${guess}"? ${what.vi} hợp lệ: ${list}.`, en: `Did you mean "${guess}"? Valid ${what.en}: ${list}.` }
    : { vi: `${what.vi} hợp lệ: ${list}.`, en: `Valid ${what.en}: ${list}.` };
}

function walk(c: Condition, path: string, out: Diagnostic[], positionCodes: readonly string[]): void {
  if ('all' in c) c.all.forEach((x, i) => walk(x, `${path}.all[${i}]`, out, positionCodes));
  else if ('any' in c) c.any.forEach((x, i) => walk(x, `${path}.any[${i}]`, out, positionCodes));
  else if ('not' in c) walk(c.not, `${path}.not`, out, positionCodes);
  else checkLeaf(c, path, out, positionCodes);
}

function checkFactName(name: string, path: string, out: Diagnostic[]): FactSpec | undefined {
  const spec = own(FACTS as Record<string, FactSpec>, name);
  if (!spec) {
    const guess = closest(name, FACT_NAMES);
    out.push(diagnostic('ruleset/unknown-fact', 'error', path, { vi: `Không có dữ kiện "${name}".`, en: `Unknown fact "${name}".` },
      validNames(guess, { vi: 'Dữ kiện', en: 'facts' }, FACT_NAMES)));
  }
  return spec;
}

function checkLeaf(c: LeafCondition, path: string, out: Diagnostic[], positionCodes: readonly string[]): void {
  const known = checkFactName(c.fact, `${path}.fact`, out);
  const spec = known && POSITION_FACTS.has(c.fact) ? { ...known, values: positionCodes } : known;
  if (!isKnownOperator(c.operator)) {
    const guess = closest(baseOperator(c.operator), OPERATOR_NAMES);
    out.push(diagnostic('ruleset/unknown-operator', 'error', `${path}.operator`, { vi: `Không có toán tử "${c.operator}".`, en: `Unknown operator "${c.operator}".` },
      validNames(guess, { vi: 'Toán tử', en: 'operators' }, OPERATOR_NAMES)));
    return;
  }
  const value = c.value;
  const reference = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'fact')
    ? value as { fact: unknown; path?: unknown } : undefined;
  const referenced = reference ? checkFactName(String(reference.fact), `${path}.value.fact`, out) : undefined;
  if (known && (!reference || referenced)) {
    const problem = operatorShapeProblem(c.operator, factShape(spec, c.path),
      reference ? factShape(referenced, reference.path) : literalShape(value));
    if (problem) {
      out.push(diagnostic('ruleset/operator-shape', 'error', `${path}.value`, { vi: `${problem.vi}; json-rules-engine sẽ dừng với lỗi khi đánh giá.`, en: `${problem.en}; json-rules-engine would stop with an error when evaluating it.` },
        { vi: 'Viết giá trị dưới dạng mảng, ví dụ ["a", "b"], hoặc chọn toán tử khác.', en: 'Write the value as an array, e.g. ["a", "b"], or choose another operator.' }));
    }
  }
  if (reference) return;
  if (!spec || c.path !== undefined || c.operator.includes(':')) return;
  const op = c.operator;
  if (NUMERIC_OPERATORS.has(op) && typeof value !== 'number') {
    out.push(diagnostic('ruleset/value-type', 'error', `${path}.value`, { vi: `Toán tử "${op}" cần một số, nhận ${JSON.stringify(value)}.`, en: `Operator "${op}" needs a number, got ${JSON.stringify(value)}.` }));
  }
  if (NUMERIC_OPERATORS.has(op) && spec.type !== 'number') {
    out.push(diagnostic('ruleset/fact-type', 'warning', `${path}.operator`, { vi: `So sánh số với dữ kiện "${c.fact}" kiểu ${spec.type}.`, en: `Numeric comparison on fact "${c.fact}" of type ${spec.type}.` }));
  }
  if ((op === 'in' || op === 'notIn') && typeof value === 'string') {
    out.push(diagnostic('ruleset/in-string-value', 'warning', `${path}.value`, { vi: `"${op}" với một chuỗi sẽ so khớp chuỗi con (json-rules-engine), không phải danh sách.`, en: `"${op}" with a string value matches substrings (json-rules-engine), not list members.` },
      { vi: 'Viết giá trị dưới dạng mảng, ví dụ ["a", "b"].', en: 'Write the value as an array, e.g. ["a", "b"].' }));
  }
  if ((op === 'contains' || op === 'doesNotContain' || op === 'intersects') && spec.type !== 'string[]') {
    out.push(diagnostic('ruleset/fact-type', 'warning', `${path}.operator`, { vi: `"${op}" cần dữ kiện dạng danh sách; "${c.fact}" là ${spec.type}.`, en: `"${op}" needs a list fact; "${c.fact}" is ${spec.type}.` }));
  }
  if (spec.values) {
    const candidates = op === 'in' || op === 'notIn' || op === 'intersects' ? (Array.isArray(value) ? value : []) : op === 'equal' || op === 'notEqual' || op === 'contains' ? [value] : [];
    candidates.forEach((v) => {
      if (v !== null && !spec.values!.includes(v as string)) {
        const guess = typeof v === 'string' ? closest(v, spec.values!) : undefined;
        out.push(diagnostic('ruleset/unknown-value', 'error', `${path}.value`, { vi: `Giá trị ${JSON.stringify(v)} không có trong "${c.fact}" (${spec.values!.join(', ')}).`, en: `Value ${JSON.stringify(v)} is not a value of "${c.fact}" (${spec.values!.join(', ')}).` }, didYouMean(guess)));
      }
    });
  }
}
