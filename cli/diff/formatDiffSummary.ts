/**
 * The summary block `llct diff --format table` opens with, for a policy officer: what was compared, how many
 * cadres gain and lose eligibility (with percentages), and the rules behind the losses and gains with their
 * citations. Dates DD/MM/YYYY, decimal comma in Vietnamese.
 */
import { citationIn } from '../../engine/documents/ruleset.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import type { NominationDefaults } from '../runCheck.ts';
import type { DiffSummary, RuleCount } from '../../engine/rules/diff/createCohortDiff.ts';
import type { Lang } from '../parseArgs.ts';
import type { SideHeader } from './resolveDiffSides.ts';

/** Rules listed under each "why" heading. */
const TOP_RULES = 5;

export interface DiffReportHead {
  file: string;
  a: SideHeader;
  b: SideHeader;
  defaults: NominationDefaults;
}

/** `part` of `whole` as a percentage with one decimal (`4,8%` in Vietnamese). */
export function percent(part: number, whole: number, lang: Lang): string {
  const text = whole === 0 ? '0.0' : ((part * 100) / whole).toFixed(1);
  return `${lang === 'en' ? text : text.replace('.', ',')}%`;
}

/** The lines of the summary block. `summary` is the engine's; `unreadable` rows could not be compared at all. */
export function diffSummaryLines(head: DiffReportHead, summary: DiffSummary, unreadable: number, lang: Lang): string[] {
  const en = lang === 'en';
  const label = (s: SideHeader) => (en ? s.labelEn : s.label);
  const { total, changes } = summary;
  const pct = (n: number) => percent(n, total, lang);
  const lines = [
    en ? `Eligibility comparison — file ${head.file}` : `So sánh điều kiện cử đi học — tệp ${head.file}`,
    `  A: ${label(head.a)}`,
    `  B: ${label(head.b)}`,
  ];
  const nomination = nominationText(head, lang);
  if (nomination) lines.push(`  ${nomination}`);
  const rows: [string, string][] = en
    ? [
      ['Eligible', `A ${summary.a.eligible} (${pct(summary.a.eligible)}), B ${summary.b.eligible} (${pct(summary.b.eligible)})`],
      ['Gained (not eligible on A, eligible on B)', `${changes.gained} (${pct(changes.gained)})`],
      ['Lost (eligible on A, not on B)', `${changes.lost} (${pct(changes.lost)})`],
      ['Still eligible', String(changes['still-eligible'])],
      ['Still not eligible', `${changes['still-ineligible']} (reasons changed: ${summary.reasonsChanged})`],
      ['Institution changed', String(summary.institutionChanged)],
      ['Not comparable (a side refused)', String(changes.invalid)],
      ['Rows that could not be read', String(unreadable)],
    ]
    : [
      ['Đủ điều kiện', `A ${summary.a.eligible} (${pct(summary.a.eligible)}), B ${summary.b.eligible} (${pct(summary.b.eligible)})`],
      ['Được thêm (A chưa đủ, B đủ)', `${changes.gained} (${pct(changes.gained)})`],
      ['Mất điều kiện (A đủ, B chưa đủ)', `${changes.lost} (${pct(changes.lost)})`],
      ['Vẫn đủ điều kiện', String(changes['still-eligible'])],
      ['Vẫn chưa đủ điều kiện', `${changes['still-ineligible']} (lý do khác đi: ${summary.reasonsChanged})`],
      ['Đổi cơ sở đào tạo', String(summary.institutionChanged)],
      ['Không so sánh được (một bên từ chối)', String(changes.invalid)],
      ['Hàng không đọc được', String(unreadable)],
    ];
  if (summary.a.outOfScope > 0 || summary.b.outOfScope > 0) {
    // Not eligible, but not for a reason of the cadre: the side's regulation does not regulate the level.
    rows.splice(1, 0, en
      ? ["Outside the regulation's scope (not eligible)", `A ${summary.a.outOfScope} (${pct(summary.a.outOfScope)}), B ${summary.b.outOfScope} (${pct(summary.b.outOfScope)})`]
      : ['Không thuộc phạm vi quy định (chưa đủ điều kiện)', `A ${summary.a.outOfScope} (${pct(summary.a.outOfScope)}), B ${summary.b.outOfScope} (${pct(summary.b.outOfScope)})`]);
  }
  const sd = summary.specialDecisions;
  if (sd.recorded > 0) {
    const uses = (c: typeof sd.a) => (en
      ? `applied ${c.applied}, not needed ${c['not-needed']}, not applicable ${c['not-applicable']}`
      : `áp dụng ${c.applied}, không cần ${c['not-needed']}, không áp dụng được ${c['not-applicable']}`);
    rows.push(en
      ? ['With a special decision', `${sd.recorded} (A: ${uses(sd.a)}; B: ${uses(sd.b)})`]
      : ['Có quyết định đặc biệt', `${sd.recorded} (A: ${uses(sd.a)}; B: ${uses(sd.b)})`]);
    rows.push(en
      ? ['Changed by the special decision alone', `gained ${sd.gained}, lost ${sd.lost}`]
      : ['Thay đổi chỉ do quyết định đặc biệt', `được thêm ${sd.gained}, mất ${sd.lost}`]);
  }
  const width = Math.max(...rows.map(([k]) => [...k].length)) + 2;
  lines.push('', en ? `${total} cadres compared` : `${total} cán bộ được so sánh`);
  for (const [k, v] of rows) lines.push(`  ${`${k}:`.padEnd(width + 1)}${v}`);
  lines.push(...ruleLines(en ? 'Why cadres lose (rules of side B they fail)' : 'Vì sao mất điều kiện (quy định bên B không đạt)', summary.byRule.lost, lang, decisionLine(sd.lost, 'A', lang)));
  lines.push(...ruleLines(en ? 'Why cadres gain (rules of side A they no longer fail)' : 'Vì sao được thêm (quy định bên A nay không còn vướng)', summary.byRule.gained, lang, decisionLine(sd.gained, 'B', lang)));
  return lines;
}

function nominationText(head: DiffReportHead, lang: Lang): string | undefined {
  const { level, mode, on } = head.defaults;
  const parts: string[] = [];
  if (level) parts.push(LABELS.theoryLevel[level][lang]);
  if (mode) parts.push(LABELS.mode[mode][lang]);
  const dates: string[] = [];
  if (on) dates.push(formatDate(on));
  if (head.b.on && head.b.on !== on) dates.push(`${lang === 'en' ? 'side B' : 'bên B'} ${formatDate(head.b.on)}`);
  if (dates.length > 0) parts.push(`${lang === 'en' ? 'nominated on' : 'ngày cử'} ${dates.join(', ')}`);
  if (parts.length === 0) return undefined;
  return `${lang === 'en' ? 'Nomination' : 'Cử học'}: ${parts.join(', ')}`;
}

/** The line under a "why" heading for the changes that rest on a special decision alone (not counted per rule). */
function decisionLine(count: number, side: 'A' | 'B', lang: Lang): string | undefined {
  if (count === 0) return undefined;
  return lang === 'en'
    ? `  ${count}  Eligible on side ${side} by special decision only (the other side cannot use it or still fails) — see the list`
    : `  ${count}  Chỉ đủ điều kiện ở bên ${side} nhờ quyết định đặc biệt (bên kia không áp dụng được hoặc còn vướng) — xem danh sách`;
}

function ruleLines(title: string, rules: Record<string, RuleCount>, lang: Lang, decision?: string): string[] {
  const entries = Object.entries(rules);
  if (entries.length === 0 && !decision) return [];
  const lines = ['', `${title}:`];
  if (decision) lines.push(decision);
  if (entries.length === 0) return lines;
  const width = Math.max(...entries.slice(0, TOP_RULES).map(([, r]) => String(r.count).length));
  for (const [id, r] of entries.slice(0, TOP_RULES)) {
    const name = r.title ? r.title[lang] : id;
    lines.push(`  ${String(r.count).padStart(width)}  ${name} — ${citationIn(r.citation, lang)} [${id}]`);
  }
  if (entries.length > TOP_RULES) {
    lines.push(lang === 'en' ? `  … and ${entries.length - TOP_RULES} more rules (see --format json)` : `  … và ${entries.length - TOP_RULES} quy định khác (xem --format json)`);
  }
  lines.push(lang === 'en' ? '  (a cadre may fail several rules)' : '  (một cán bộ có thể vướng nhiều quy định)');
  return lines;
}
