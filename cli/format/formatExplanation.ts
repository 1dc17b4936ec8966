/**
 * The readable explanation of one verdict (`llct explain`): the regulation applied and why (the nomination date),
 * every subject and standard rule checked with ✓/✗, its citation and confidence (assumed rules flagged), the
 * cadre's values the rules read, the institution and the notes.
 */
import type { CadreProfile, Nomination } from '../../engine/documents/cadre.ts';
import type { PositionCatalogue } from '../../engine/documents/catalogue.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS, type Label } from '../../engine/documents/enums.ts';
import { citationIn, formatCitation, type Rule, type Ruleset } from '../../engine/documents/ruleset.ts';
import { basisText, layerText } from '../../engine/overlays/verdictBasis.ts';
import type { Failure, Verdict } from '../../engine/rules/buildVerdict.ts';
import { failureCitation } from '../../engine/rules/buildFailures.ts';
import { carriedOverText } from '../../engine/rules/carriedOver.ts';
import type { Facts } from '../../engine/rules/facts.ts';
import { describeSpecialDecision } from '../../engine/rules/specialDecision.ts';
import type { Lang } from '../parseArgs.ts';

export interface ExplanationInput {
  profile: CadreProfile;
  nomination: Nomination;
  verdict: Verdict;
  /** The ruleset that judged: the one in force, or the effective ruleset of the overlays applied (its rules carry their layer). */
  ruleset: Ruleset;
  /** All rulesets in use, to say until when the applied one applies. */
  rulesets: readonly Ruleset[];
  facts: Facts;
  positions: PositionCatalogue;
}

export function formatExplanation(input: ExplanationInput, lang: Lang): string {
  const { profile: p, nomination: n, verdict: v, ruleset } = input;
  const t = (vi: string, en: string) => (lang === 'en' ? en : vi);
  const L = (label: Label | undefined, fallback: string) => label?.[lang] ?? fallback;
  const positionName = (code: string) => L(input.positions.positions.find((x) => x.code === code)?.name, code);
  const confidence = (c: keyof typeof LABELS.confidence) => `${LABELS.confidence[c][lang]}${c === 'assumed' ? ' ⚠' : ''}`;
  const rules = new Map(ruleset.rules.map((r) => [r.id, r]));
  const failureOf = new Map<string, Failure>();
  for (const f of v.failures) {
    failureOf.set(f.rule, f);
    for (const a of f.alternatives ?? []) failureOf.set(a.rule, a);
  }
  const code = ruleset.regulation.code;
  const lines: string[] = [];

  lines.push(`${t('Cán bộ', 'Cadre')} ${p.id}${p.fullName ? ` — ${p.fullName}` : ''} (${LABELS.sex[p.sex][lang]}, ${t('sinh', 'born')} ${formatDate(p.birthDate)}; ${input.facts.age} ${t('tuổi tại ngày cử', 'years old on the nomination date')})`);
  lines.push(`${t('Đề nghị', 'Nomination')}: ${t('cử đi học', 'study')} ${LABELS.theoryLevel[n.level][lang]}, ${t('hệ', 'mode')} ${LABELS.mode[n.mode][lang]}, ${t('ngày cử', 'nominated on')} ${formatDate(n.on)}.`);
  lines.push('');

  const next = input.rulesets.map((r) => r.regulation).filter((r) => r.effectiveFrom > ruleset.regulation.effectiveFrom)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  // The regulation's official title exists in Vietnamese only: quoted as a name in English.
  lines.push(`${t('Quy định áp dụng', 'Regulation applied')}: ${code} — ${lang === 'en' ? `"${ruleset.regulation.title}"` : ruleset.regulation.title}`);
  lines.push(`  ${t('vì ngày cử', 'because the nomination date')} ${formatDate(n.on)} ${t('từ', 'is on or after')} ${formatDate(ruleset.regulation.effectiveFrom)} (${t('ngày', 'when')} ${code} ${t('bắt đầu áp dụng', 'applies from')}, ${confidence(ruleset.regulation.effectiveConfidence)})${next ? ` ${t('và trước', 'and before')} ${formatDate(next.effectiveFrom)} (${next.code})` : ''}.`);
  lines.push('');
  const bySpecialDecision = v.eligible && v.specialDecision?.applied === true;
  lines.push(`${t('Kết luận', 'Conclusion')}: ${v.eligible ? (bySpecialDecision ? t('ĐỦ ĐIỀU KIỆN THEO QUYẾT ĐỊNH ĐẶC BIỆT', 'ELIGIBLE BY SPECIAL DECISION') : t('ĐỦ ĐIỀU KIỆN', 'ELIGIBLE')) : t('CHƯA ĐỦ ĐIỀU KIỆN', 'NOT ELIGIBLE')}`);
  if (v.specialDecision) lines.push(`  ⚖ ${describeSpecialDecision(v.specialDecision, lang)}`);
  for (const w of v.warnings ?? []) lines.push(`  ⚠ ${lang === 'en' ? w.messageEn : w.message}`);
  if (v.outOfScope) {
    // No rule of the level is applied: the one reason, its citation and confidence, and the inference behind it.
    const scope = ruleset.regulation.outOfScope;
    for (const f of v.failures) lines.push(`  ✗ ${lang === 'en' ? f.messageEn : f.message} — ${failureCitation(f, lang)} [${confidence(f.confidence)}]`);
    if (scope?.note) lines.push(`  ${scope.note[lang]}`);
    return `${lines.join('\n')}\n`;
  }
  lines.push('');

  const group = ruleset.subjectGroups[n.level];
  const section = (kind: 'subject' | 'standard') => v.checked.filter((c) => c.kind === kind);
  // A rule an overlay added or replaced cites the overlay's act, and every rule an overlay made says so.
  const cite = (r: Rule) => {
    const byOverlay = r.layer?.decision !== undefined && (r.layer.change === 'add' || r.layer.change === 'replace');
    const layer = layerText(r.layer, lang);
    return `${citationIn(formatCitation(byOverlay ? r.layer!.decision! : code, r.citation), lang)}${layer ? ` [${layer}]` : ''}`;
  };
  if (v.basis) lines.push(`${t('Căn cứ áp dụng', 'Judged under')}: ${basisText(v.basis, lang)}`, '');
  lines.push(`${t('Đối tượng', 'Subjects')}${group ? ` (${citationIn(formatCitation(code, group.citation), lang)})` : ''} — ${t('cần thuộc ít nhất một nhóm', 'at least one must match')}:`);
  const subjects = section('subject');
  if (subjects.length === 0) lines.push(`  ${t('(không có quy tắc đối tượng cho cấp học này)', '(no subject rule for this level)')}`);
  const matched = subjects.some((c) => c.passed);
  for (const c of subjects) {
    const r = rules.get(c.rule);
    const reason = !c.passed && !matched ? failureOf.get(c.rule) : undefined;
    lines.push(`  ${c.passed ? '✓' : '✗'} ${r ? r.title[lang] : c.rule} — ${r ? cite(r) : ''} [${r ? confidence(r.confidence) : ''}]${reason ? `: ${lang === 'en' ? reason.messageEn : reason.message}` : ''}`);
  }
  lines.push(`${t('Tiêu chuẩn', 'Standards')} — ${t('phải đạt tất cả', 'all must pass')}:`);
  const standards = section('standard');
  if (standards.length === 0) lines.push(`  ${t('(không có tiêu chuẩn nào áp dụng cho hình thức này)', '(no standard applies to this mode)')}`);
  for (const c of standards) {
    const r = rules.get(c.rule);
    const waived = v.specialDecision?.applied && v.specialDecision.waives === c.rule ? v.specialDecision.waived : undefined;
    const f = failureOf.get(c.rule) ?? waived;
    const mark = waived ? t(' — miễn theo quyết định đặc biệt', ' — waived by special decision') : '';
    lines.push(`  ${c.passed ? '✓' : '✗'} ${r ? r.title[lang] : c.rule} — ${r ? cite(r) : ''} [${r ? confidence(r.confidence) : ''}]${!c.passed && f ? `: ${lang === 'en' ? f.messageEn : f.message}` : ''}${mark}`);
  }
  lines.push('');
  lines.push(v.institution
    ? `${t('Cơ sở đào tạo', 'Institution')}: ${v.institution.name[lang]} — ${t('theo', 'by')} ${citationIn(v.institution.citation, lang)} [${confidence(v.institution.confidence)}]`
    : `${t('Cơ sở đào tạo', 'Institution')}: ${t('không xác định được', 'could not be determined')}`);
  lines.push('');

  const f = input.facts;
  const unknown = t('không rõ', 'unknown');
  const rating = (y: number) => {
    const r = p.ratings.find((x) => x.year === y)?.rating;
    return `${y}: ${r ? LABELS.rating[r][lang] : t('chưa có', 'none')}`;
  };
  const year = Number(n.on.slice(0, 4));
  lines.push(`${t('Thông tin cán bộ được dùng', 'Cadre values used')}:`);
  lines.push(`  ${t('Đảng', 'Party')}: ${LABELS.partyStatus[p.party.status][lang]}${p.party.joinedOn ? ` (${t('vào Đảng', 'joined')} ${formatDate(p.party.joinedOn)})` : ''}`);
  lines.push(`  ${t('Học vấn', 'Education')}: ${LABELS.education[p.education][lang]}; ${t('LLCT đã có', 'political theory held')}: ${LABELS.theoryLevel[p.politicalTheory][lang]}`);
  lines.push(`  ${t('Dân tộc thiểu số', 'Ethnic minority')}: ${p.ethnicMinority ? t('có', 'yes') : t('không', 'no')}; ${t('vùng khó khăn', 'difficult area')}: ${p.difficultArea ? t('có', 'yes') : t('không', 'no')}`);
  lines.push(`  ${t('Nơi công tác', 'Workplace')}: ${[p.workplace.agency, f.province ?? unknown, f.workplaceTier ? LABELS.workplaceTier[f.workplaceTier as keyof typeof LABELS.workplaceTier][lang] : '', f.sector ? LABELS.sector[f.sector as keyof typeof LABELS.sector][lang] : ''].filter(Boolean).join(', ')}`);
  lines.push(`  ${t('Chức vụ', 'Position')}: ${p.position ? positionName(p.position) : t('không', 'none')}; ${t('quy hoạch', 'in planning for')}: ${p.planning.length > 0 ? p.planning.map(positionName).join(', ') : t('không', 'none')}`);
  if (p.civilService.grade) {
    lines.push(`  ${t('Ngạch', 'Grade')}: ${LABELS.civilServiceGrade[p.civilService.grade][lang]}${p.civilService.since ? ` ${t('từ', 'since')} ${formatDate(p.civilService.since)} (${f.yearsInGrade ?? unknown} ${t('năm', 'years')})` : ''}${p.civilService.candidatePool ? `; ${t('trong diện dự nguồn', 'in the candidate pool')}` : ''}`);
  }
  if (p.lecturer?.teachingSince) lines.push(`  ${t('Giảng dạy LLCT từ', 'Teaching political theory since')} ${formatDate(p.lecturer.teachingSince)} (${f.yearsTeaching ?? unknown} ${t('năm', 'years')})`);
  lines.push(`  ${t('Xếp loại', 'Ratings')}: ${rating(year - 1)}; ${rating(year - 2)}`);

  if (v.assumed.length > 0) {
    lines.push('', `⚠ ${t('Kết luận dựa vào quy tắc giả định (chưa đọc được văn bản gốc)', 'The verdict relies on assumed rules (source text not read)')}: ${v.assumed.map((id) => {
      const r = rules.get(id);
      const carried = r ? carriedOverText(r, code) : undefined;
      return `${r?.title[lang] ?? id}${carried ? ` (${carried[lang]})` : ''}`;
    }).join('; ')}`);
  }
  if (v.notes.length > 0) {
    lines.push('', `${t('Ghi chú', 'Notes')}:`);
    for (const note of v.notes) lines.push(`  - ${note}`);
  }
  return `${lines.join('\n')}\n`;
}
