/**
 * `llct coverage --format table`: per regulation, one line per provision (indented by depth) with its mark, its
 * number, its confidence and the rules that encode it (cases passing/failing each), then the counts by status and
 * the lists that need attention.
 */
import type { Coverage } from '../../engine/coverage/buildCoverage.ts';
import { PROVISION_STATUSES } from '../../engine/coverage/buildCoverage.ts';
import { COVERAGE_STATUS_LABELS, COVERAGE_STATUS_MARKS, provisionNumber } from '../../engine/coverage/provisionNumber.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import type { Lang } from '../parseArgs.ts';
import { textTable } from './textTable.ts';

const WORDS = {
  cases: { vi: 'ca kiểm thử chuẩn', en: 'golden cases' },
  status: { vi: 'Trạng thái', en: 'Status' },
  provision: { vi: 'Điều khoản', en: 'Provision' },
  number: { vi: 'Số điều', en: 'Number' },
  confidence: { vi: 'Độ tin cậy', en: 'Confidence' },
  rules: { vi: 'Quy tắc (ca đạt/không đạt)', en: 'Rules (cases passing/failing)' },
  counts: { vi: 'Số điều khoản theo trạng thái', en: 'Provisions by status' },
  notEncoded: { vi: 'Điều khoản chưa quy tắc nào mã hóa', en: 'Provisions no rule encodes' },
  uncited: { vi: 'Quy tắc không nêu điều khoản nào', en: 'Rules citing no provision' },
  unknown: { vi: 'Quy tắc nêu điều khoản không có trong đề cương', en: 'Rules citing a provision the outline lacks' },
  untested: { vi: 'Quy tắc thiếu ca kiểm thử', en: 'Rules without a golden case' },
  passing: { vi: 'đạt', en: 'passing' },
  failing: { vi: 'không đạt', en: 'failing' },
  outOfScope: { vi: 'Quy tắc ở trình độ quy định không điều chỉnh (không tính)', en: 'Rules of a level the regulation does not regulate (not counted)' },
  scopeOnly: { vi: 'dữ liệu', en: 'data' },
} as const;

export function formatCoverageTable(coverages: readonly Coverage[], lang: Lang): string {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const out: string[] = [];
  for (const c of coverages) {
    out.push(`${c.regulation} (${c.ruleset}) — ${c.cases} ${w('cases')}`, '');
    const rules = new Map(c.rules.map((r) => [r.rule, r]));
    const rows = c.provisions.map((p) => [
      `${COVERAGE_STATUS_MARKS[p.status]} ${COVERAGE_STATUS_LABELS[p.status][lang]}`,
      `${'  '.repeat(p.depth)}${p.provision.key} — ${p.provision.label[lang]}`,
      provisionNumber(p.provision, lang) ?? '—',
      LABELS.confidence[p.provision.confidence][lang],
      p.rules.length > 0
        ? p.rules.map((id) => { const r = rules.get(id)!; return `${id}${r.confidence === 'assumed' ? '*' : ''} (${r.passedIn.length}/${r.failedIn.length})`; }).join(', ')
        : p.provision.scopeOnly ? `${w('scopeOnly')}: ${p.provision.scopeOnly}` : '',
    ]);
    out.push(...textTable([w('status'), w('provision'), w('number'), w('confidence'), w('rules')], rows), '');
    out.push(`${w('counts')}: ${PROVISION_STATUSES.map((s) => `${COVERAGE_STATUS_LABELS[s][lang]} ${c.counts[s]}`).join(', ')}`);
    const list = (label: string, items: readonly string[]) => { if (items.length > 0) out.push(`${label} (${items.length}): ${items.join(', ')}`); };
    list(w('notEncoded'), c.notEncoded);
    list(w('uncited'), c.uncitedRules);
    list(w('unknown'), c.unknownCitations.map((u) => `${u.rule} → ${u.key}`));
    list(w('untested'), c.untestedRules.map((u) => `${u.rule} (${u.missing.map((m) => w(m)).join(', ')})`));
    list(w('outOfScope'), c.outOfScopeRules);
    out.push('');
  }
  if (lang === 'vi') out.push('* quy tắc giả định. (a/b): số ca kiểm thử chuẩn mà quy tắc đạt / không đạt.');
  else out.push('* assumed rule. (a/b): golden cases in which the rule passes / fails.');
  return `${out.join('\n')}\n`;
}
