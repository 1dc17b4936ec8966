/**
 * The recorded special decision of a nomination (trường hợp đặc biệt, cấp có thẩm quyền xem xét, quyết định): which
 * rules may be waived, whether a nomination's record may be used under the ruleset its date selects, and the words
 * a verdict is read with ("Đủ điều kiện theo quyết định đặc biệt"). Pure.
 */
import { closest, diagnostic, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import type { Nomination } from '../documents/cadre.ts';
import { formatDate } from '../documents/dates.ts';
import { LABELS, type Label } from '../documents/enums.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import type { Lang } from './messages.ts';

/** The ids of the rules a ruleset lets a special decision waive. */
export function waivableRules(ruleset: Ruleset): string[] {
  return ruleset.rules.filter((r) => r.waivable === true).map((r) => r.id);
}

const FIELD = 'nomination.specialDecision';

/**
 * Why the nomination's special decision cannot be used under `ruleset`, or `undefined` when it can (or there is
 * none): the rule must exist, be marked `waivable`, apply to the nomination's level and mode, and the decision must
 * not postdate the nomination. Each diagnostic names the field at fault.
 */
export function checkSpecialDecision(ruleset: Ruleset, nomination: Nomination): Diagnostic | undefined {
  const decision = nomination.specialDecision;
  if (!decision) return undefined;
  const code = ruleset.regulation.code;
  const waivable = waivableRules(ruleset);
  const which: Label = waivable.length > 0
    ? { vi: `Quy tắc được miễn theo ${code}: ${waivable.join(', ')}.`, en: `Rules ${code} lets be waived: ${waivable.join(', ')}.` }
    : { vi: `${code} không có quy tắc nào được miễn bằng quyết định đặc biệt.`, en: `${code} has no rule a special decision may waive.` };
  const rule = ruleset.rules.find((r) => r.id === decision.waives);
  if (!rule) {
    const guess = closest(decision.waives, waivable.length > 0 ? waivable : ruleset.rules.map((r) => r.id));
    return diagnostic('nomination/special-decision-unknown-rule', 'error', `${FIELD}.waives`,
      { vi: `Quyết định đặc biệt miễn quy tắc "${decision.waives}", không có trong ${code}.`, en: `The special decision waives rule "${decision.waives}", which ${code} does not have.` },
      guess ? { vi: `Có phải "${guess}"? ${which.vi}`, en: `Did you mean "${guess}"? ${which.en}` } : which);
  }
  if (rule.waivable !== true) {
    return diagnostic('nomination/special-decision-not-waivable', 'error', `${FIELD}.waives`,
      { vi: `Quy tắc "${rule.id}" (${rule.title.vi}) không được miễn: quy định không cho cấp có thẩm quyền xét trường hợp đặc biệt ở quy tắc này.`, en: `Rule "${rule.id}" (${rule.title.en}) cannot be waived: the regulation lets no special case be decided for it.` }, which);
  }
  if (rule.level !== nomination.level || (rule.modes && !rule.modes.includes(nomination.mode))) {
    const modes = rule.modes ? `, ${rule.modes.map((m) => LABELS.mode[m].vi).join('/')}` : '';
    const modesEn = rule.modes ? `, ${rule.modes.map((m) => LABELS.mode[m].en).join('/')}` : '';
    return diagnostic('nomination/special-decision-not-applicable', 'error', `${FIELD}.waives`,
      { vi: `Quyết định đặc biệt miễn quy tắc "${rule.id}", quy tắc này chỉ áp dụng cho ${LABELS.theoryLevel[rule.level].vi}${modes}, không áp dụng cho lần cử học này (${LABELS.theoryLevel[nomination.level].vi}, ${LABELS.mode[nomination.mode].vi}).`, en: `The special decision waives rule "${rule.id}", which applies to ${LABELS.theoryLevel[rule.level].en}${modesEn} only, not to this nomination (${LABELS.theoryLevel[nomination.level].en}, ${LABELS.mode[nomination.mode].en}).` });
  }
  if (decision.on > nomination.on) {
    return diagnostic('nomination/special-decision-after-nomination', 'error', `${FIELD}.on`,
      { vi: `Quyết định đặc biệt ngày ${formatDate(decision.on)} sau ngày cử đi học ${formatDate(nomination.on)}.`, en: `The special decision of ${formatDate(decision.on)} postdates the nomination of ${formatDate(nomination.on)}.` },
      { vi: 'Quyết định phải có trước hoặc đúng ngày cử đi học; kiểm tra lại ngày quyết định.', en: 'The decision must come on or before the nomination date; check its date.' });
  }
  return undefined;
}

/** The verdict in words, Vietnamese first: eligible, eligible by special decision, or not eligible. */
export function verdictWords(v: { eligible: boolean; outOfScope?: true; regulation?: string; specialDecision?: { applied: boolean } | null | undefined }, lang: Lang): string {
  if (v.outOfScope) return `${VERDICT_WORDS.notEligible[lang]} (${VERDICT_WORDS.outOfScope[lang]}${v.regulation ? ` ${v.regulation}` : ''})`;
  if (!v.eligible) return VERDICT_WORDS.notEligible[lang];
  return v.specialDecision?.applied ? VERDICT_WORDS.bySpecialDecision[lang] : VERDICT_WORDS.eligible[lang];
}

export const VERDICT_WORDS = {
  eligible: { vi: 'Đủ điều kiện', en: 'Eligible' },
  bySpecialDecision: { vi: 'Đủ điều kiện theo quyết định đặc biệt', en: 'Eligible by special decision' },
  notEligible: { vi: 'Chưa đủ điều kiện', en: 'Not eligible' },
  /** Followed by the regulation's code: "không thuộc phạm vi 350-QĐ/TW". */
  outOfScope: { vi: 'không thuộc phạm vi', en: 'outside the scope of' },
} as const satisfies Record<string, Label>;

/**
 * A recorded special decision in one sentence: what it waived (or that it was not needed), by whose decision, its
 * number and date (DD/MM/YYYY).
 */
export function describeSpecialDecision(
  sd: { waives: string; decidedBy: string; number: string; on: string; applied: boolean; title: Label; citation: string },
  lang: Lang,
): string {
  const rule = `${sd.waives} (${sd.title[lang]}${sd.citation ? `; ${sd.citation}` : ''})`;
  if (lang === 'en') {
    return sd.applied
      ? `Rule ${rule} waived by decision no. ${sd.number} of ${formatDate(sd.on)}, ${sd.decidedBy} (special case)`
      : `Decision no. ${sd.number} of ${formatDate(sd.on)}, ${sd.decidedBy}, waives rule ${rule}, but it was not needed: the rule is met`;
  }
  return sd.applied
    ? `Miễn quy tắc ${rule} theo Quyết định số ${sd.number} ngày ${formatDate(sd.on)} của ${sd.decidedBy} (trường hợp đặc biệt)`
    : `Quyết định số ${sd.number} ngày ${formatDate(sd.on)} của ${sd.decidedBy} miễn quy tắc ${rule}, nhưng không cần dùng: quy tắc đã đạt`;
}
