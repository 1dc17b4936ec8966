/**
 * `llct coverage --format html`: one self-contained page (no script, no external file) with the coverage map of
 * each regulation — counts by status, the provisions as an indented table with their quote, sources, confidence and
 * rules (golden cases passing / failing), then the lists that need attention. Text is escaped. Pure.
 */
import { LABELS, type Label } from '../documents/enums.ts';
import { PROVISION_STATUSES, type Coverage } from './buildCoverage.ts';
import { COVERAGE_STATUS_LABELS, COVERAGE_STATUS_MARKS, provisionNumber } from './provisionNumber.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const WORDS = {
  title: { vi: 'Độ phủ quy định', en: 'Regulation coverage' },
  lead: {
    vi: 'Mỗi điều khoản của quy định (theo các nguồn), các quy tắc mã hóa nó, các ca kiểm thử chuẩn mà mỗi quy tắc đạt và không đạt, và độ tin cậy.',
    en: 'Each provision of the regulation (as the sources give it), the rules that encode it, the golden cases each rule passes and fails, and the confidence.',
  },
  cases: { vi: 'ca kiểm thử chuẩn', en: 'golden cases' },
  provision: { vi: 'Điều khoản', en: 'Provision' },
  status: { vi: 'Trạng thái', en: 'Status' },
  quote: { vi: 'Trích nguồn', en: 'Quoted from the sources' },
  rules: { vi: 'Quy tắc', en: 'Rules' },
  confidence: { vi: 'Độ tin cậy', en: 'Confidence' },
  sources: { vi: 'Nguồn', en: 'Sources' },
  passing: { vi: 'đạt', en: 'passing' },
  failing: { vi: 'không đạt', en: 'failing' },
  data: { vi: 'mã hóa bằng dữ liệu', en: 'encoded by data' },
  notEncoded: { vi: 'Điều khoản chưa quy tắc nào mã hóa', en: 'Provisions no rule encodes' },
  uncited: { vi: 'Quy tắc không nêu điều khoản nào', en: 'Rules citing no provision' },
  unknown: { vi: 'Quy tắc nêu điều khoản không có trong đề cương', en: 'Rules citing a provision the outline lacks' },
  untested: { vi: 'Quy tắc thiếu ca kiểm thử', en: 'Rules without a golden case' },
  outOfScope: { vi: 'Quy tắc ở trình độ quy định không điều chỉnh (không tính)', en: 'Rules of a level the regulation does not regulate (not counted)' },
  none: { vi: 'không có', en: 'none' },
} as const satisfies Record<string, Label>;

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6}.mark{white-space:nowrap;font-weight:600}.tested{color:#1b5e20}.encoded{color:#0d47a1}.assumed{color:#8a5a00}.not-encoded{color:#b71c1c}.group{color:#555}
q{font-style:italic}.key{font-family:ui-monospace,monospace;font-size:.85em;color:#555}.note{font-size:.9em;color:#444}.counts span{display:inline-block;margin-right:1rem}
@media (max-width:600px){table,thead,tbody,tr,td,th{display:block}thead{display:none}td{border:0;padding:.15rem 0}tr{border-bottom:1px solid #ddd;padding:.4rem 0}}`;

export function renderCoverageHtml(coverages: readonly Coverage[], lang: 'vi' | 'en'): string {
  const w = (k: keyof typeof WORDS) => esc(WORDS[k][lang]);
  const sections = coverages.map((c) => {
    const rules = new Map(c.rules.map((r) => [r.rule, r]));
    const rows = c.provisions.map((p) => {
      const v = p.provision;
      const number = provisionNumber(v, lang);
      const ruleCells = p.rules.map((id) => {
        const r = rules.get(id)!;
        return `<li><code>${esc(id)}</code> (${esc(LABELS.confidence[r.confidence][lang])}): ${r.passedIn.length} ${w('passing')}, ${r.failedIn.length} ${w('failing')}</li>`;
      }).join('');
      return `<tr id="${esc(`${c.ruleset}-${v.key}`)}"><td class="mark ${esc(p.status)}">${esc(COVERAGE_STATUS_MARKS[p.status])} ${esc(COVERAGE_STATUS_LABELS[p.status][lang])}</td>
<td style="padding-left:${0.5 + p.depth * 1.25}rem"><strong>${esc(v.label[lang])}</strong><br><span class="key">${esc(v.key)}</span>${number ? ` · ${esc(number)}` : ''}</td>
<td>${v.quote ? `<q lang="vi">${esc(v.quote)}</q>` : '—'}${v.note ? `<div class="note" lang="vi">${esc(v.note)}</div>` : ''}</td>
<td>${esc(LABELS.confidence[v.confidence][lang])}<br><span class="key">${esc(v.sources.join(', '))}</span></td>
<td>${ruleCells ? `<ul>${ruleCells}</ul>` : v.scopeOnly ? `${w('data')}: <code>${esc(v.scopeOnly)}</code>` : '—'}</td></tr>`;
    }).join('\n');
    const list = (label: string, items: readonly string[]) => `<h3>${label} (${items.length})</h3><p>${items.length ? items.map((i) => `<code>${esc(i)}</code>`).join(', ') : w('none')}</p>`;
    return `<section aria-labelledby="h-${esc(c.ruleset)}"><h2 id="h-${esc(c.ruleset)}">${esc(c.regulation)} <span class="key">${esc(c.ruleset)}</span></h2>
<p class="counts">${PROVISION_STATUSES.map((s) => `<span class="${s}">${esc(COVERAGE_STATUS_MARKS[s])} ${esc(COVERAGE_STATUS_LABELS[s][lang])}: <strong>${c.counts[s]}</strong></span>`).join('')}<span>${c.cases} ${w('cases')}</span></p>
<table><thead><tr><th>${w('status')}</th><th>${w('provision')}</th><th>${w('quote')}</th><th>${w('confidence')} · ${w('sources')}</th><th>${w('rules')}</th></tr></thead>
<tbody>${rows}</tbody></table>
${list(w('notEncoded'), c.notEncoded)}${list(w('uncited'), c.uncitedRules)}${list(w('unknown'), c.unknownCitations.map((u) => `${u.rule} → ${u.key}`))}
${list(w('untested'), c.untestedRules.map((u) => `${u.rule} (${u.missing.map((m) => WORDS[m][lang]).join(', ')})`))}${c.outOfScopeRules.length ? list(w('outOfScope'), c.outOfScopeRules) : ''}</section>`;
  }).join('\n');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<link rel="icon" href="data:,"><title>${w('title')}</title><style>${STYLE}</style></head>
<body><h1>${w('title')}</h1><p>${w('lead')}</p>
${sections}
</body></html>
`;
}
