/**
 * The printable list ("In danh sách"): a cadre list with its verdicts as a board hands it on to be signed — one
 * self-contained HTML page (no script, no external file) styled for A4 landscape, with the heading block of a Party
 * document (the superior body and the issuing body with its number on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the
 * place and date on the right, as Hướng dẫn 36-HD/VPTW on the form of Party documents lays them out), the title,
 * the list grouped by agency (numbered, with verdicts, reasons with their citation and how sure the project is of
 * them, the school), the totals, and the recipients and signature block. The table's heading repeats on every
 * printed page and no row is cut across two. Text is escaped; dates are DD/MM/YYYY; Vietnamese by default. Pure.
 */
import { LABELS, type Confidence, type Label } from '../documents/enums.ts';
import { formatDate } from '../documents/dates.ts';
import type { Lang } from '../rules/messages.ts';
import { PRINTABLE_LIST_STYLE } from './printableListStyle.ts';

/** One cadre of the list, as the faces read it from a check (names and labels already in the list's language). */
export interface PrintableRow {
  /** The row's id in the list (the cadre's `id`). */
  id: string;
  fullName?: string | undefined;
  /** ISO date. */
  birthDate?: string | undefined;
  /** The post, as its label. */
  position?: string | undefined;
  /** The agency the row is grouped under; rows without one are grouped last. */
  agency?: string | undefined;
  /** `invalid`: the row could not be read or judged; `reasons` then say why. */
  verdict: 'eligible' | 'ineligible' | 'invalid';
  reasons: readonly PrintableReason[];
  /** The school that trains the cadre at this level. */
  institution?: string | undefined;
}

export interface PrintableReason {
  text: string;
  /** The provision, as written ("Điều 5 khoản 2 điểm b"). */
  citation?: string | undefined;
  confidence?: Confidence | undefined;
}

/** The document around the list. Every field is printed as given; the number is left for the clerk when absent. */
export interface PrintableHeading {
  /** The superior body, e.g. "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI". */
  superiorBody?: string | undefined;
  /** The issuing body, e.g. "BAN TỔ CHỨC THÀNH ỦY". */
  issuingBody: string;
  /** The number and symbol, e.g. "Số 12-DS/BTCTU"; absent: "Số …-DS/…" to fill in by hand. */
  number?: string | undefined;
  place: string;
  /** ISO date of the document. */
  date: string;
  /** The list's subject, after "DANH SÁCH": e.g. "cán bộ cử đi học trung cấp lý luận chính trị năm 2024". */
  subject: string;
  /** The regulation applied and the nomination, one line under the title. */
  basis?: string | undefined;
  /** The signer's capacity ("T/M BAN THƯỜNG VỤ", "TRƯỞNG BAN") and title; the name is left blank to sign when absent. */
  signer: { capacity?: string | undefined; title: string; name?: string | undefined };
  /** "Nơi nhận" lines. */
  recipients?: readonly string[] | undefined;
}

const WORDS = {
  party: { vi: 'ĐẢNG CỘNG SẢN VIỆT NAM', en: 'COMMUNIST PARTY OF VIET NAM' },
  list: { vi: 'DANH SÁCH', en: 'LIST' },
  numberBlank: { vi: 'Số …-DS/…', en: 'No. …-DS/…' },
  no: { vi: 'STT', en: 'No.' },
  id: { vi: 'Mã', en: 'Id' },
  name: { vi: 'Họ và tên', en: 'Full name' },
  born: { vi: 'Ngày sinh', en: 'Born' },
  position: { vi: 'Chức vụ', en: 'Position' },
  verdict: { vi: 'Kết quả', en: 'Result' },
  reasons: { vi: 'Lý do', en: 'Reasons' },
  institution: { vi: 'Cơ sở đào tạo', en: 'School' },
  eligible: { vi: 'Đủ điều kiện', en: 'Eligible' },
  ineligible: { vi: 'Chưa đủ điều kiện', en: 'Not eligible' },
  invalid: { vi: 'Không đọc được', en: 'Could not be read' },
  noAgency: { vi: 'Chưa ghi cơ quan, đơn vị', en: 'No agency given' },
  people: { vi: 'người', en: 'people' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  recipients: { vi: 'Nơi nhận:', en: 'Recipients:' },
  archive: { vi: '- Lưu.', en: '- Archive.' },
  assumedNote: {
    vi: 'Lý do đánh dấu "giả định" dựa trên nội dung quy định chưa được đọc từ văn bản gốc; cần đối chiếu trước khi ký.',
    en: 'Reasons marked "assumed" rest on provisions not read from the original text; check them before signing.',
  },
  dated: { vi: '{place}, ngày {d} tháng {m} năm {y}', en: '{place}, {date}' },
} as const satisfies Record<string, Label>;

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function dated(place: string, iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return `${place}, ${iso}`;
  return lang === 'vi'
    ? WORDS.dated.vi.replace('{place}', place).replace('{d}', m[3]!).replace('{m}', m[2]!).replace('{y}', m[1]!)
    : WORDS.dated.en.replace('{place}', place).replace('{date}', formatDate(iso));
}

/** The rows by agency, agencies in the order they first appear, rows without an agency last. */
export function groupByAgency(rows: readonly PrintableRow[]): { agency: string | undefined; rows: PrintableRow[] }[] {
  const groups = new Map<string | undefined, PrintableRow[]>();
  for (const r of rows) {
    const key = r.agency?.trim() ? r.agency.trim() : undefined;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  const named = [...groups].filter(([k]) => k !== undefined);
  const none = groups.get(undefined);
  return [...named.map(([agency, rs]) => ({ agency, rows: rs })), ...(none ? [{ agency: undefined, rows: none }] : [])];
}

/** Counts of the list: every row, and by verdict. */
export function countVerdicts(rows: readonly PrintableRow[]): Record<PrintableRow['verdict'] | 'total', number> {
  const out = { total: rows.length, eligible: 0, ineligible: 0, invalid: 0 };
  for (const r of rows) out[r.verdict]++;
  return out;
}

function reasonHtml(r: PrintableReason, lang: Lang): string {
  const cite = r.citation ? ` <span class="cite">(${esc(r.citation)})</span>` : '';
  const sure = r.confidence && r.confidence !== 'confirmed' ? ` <span class="conf conf-${r.confidence}">[${esc(LABELS.confidence[r.confidence][lang])}]</span>` : '';
  return `<li>${esc(r.text)}${cite}${sure}</li>`;
}

function rowHtml(r: PrintableRow, n: number, lang: Lang): string {
  const reasons = r.reasons.length ? `<ul>${r.reasons.map((x) => reasonHtml(x, lang)).join('')}</ul>` : '';
  return `<tr class="row v-${r.verdict}" data-id="${esc(r.id)}"><td class="num">${n}</td><td><b>${esc(r.fullName ?? '')}</b><div class="id">${esc(r.id)}</div></td>`
    + `<td class="date">${r.birthDate ? esc(formatDate(r.birthDate)) : ''}</td><td>${esc(r.position ?? '')}</td>`
    + `<td class="verdict">${esc(WORDS[r.verdict][lang])}</td><td class="reasons">${reasons}</td><td>${esc(r.institution ?? '')}</td></tr>`;
}

function countsText(c: ReturnType<typeof countVerdicts>, lang: Lang): string {
  const parts = [`${WORDS.eligible[lang]}: ${c.eligible}`, `${WORDS.ineligible[lang]}: ${c.ineligible}`];
  if (c.invalid) parts.push(`${WORDS.invalid[lang]}: ${c.invalid}`);
  return `${c.total} ${WORDS.people[lang]} (${parts.join('; ')})`;
}

/** The whole page. `rows` in list order; numbering runs through the groups. */
export function renderPrintableList(rows: readonly PrintableRow[], heading: PrintableHeading, lang: Lang = 'vi'): string {
  const w = (k: keyof typeof WORDS) => esc(WORDS[k][lang]);
  const groups = groupByAgency(rows);
  let n = 0;
  const body = groups.map((g) => {
    const counts = countVerdicts(g.rows);
    const head = `<tr class="agency"><td colspan="7">${esc(g.agency ?? WORDS.noAgency[lang])} — ${esc(countsText(counts, lang))}</td></tr>`;
    return `<tbody>${head}${g.rows.map((r) => rowHtml(r, ++n, lang)).join('')}</tbody>`;
  }).join('');
  const total = countVerdicts(rows);
  const assumed = rows.some((r) => r.reasons.some((x) => x.confidence === 'assumed'));
  const recipients = [...(heading.recipients ?? []), WORDS.archive[lang]];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${w('list')} ${esc(heading.subject)}</title><style>${PRINTABLE_LIST_STYLE}</style></head>
<body><header class="doc-head"><div class="left">${heading.superiorBody ? `<div>${esc(heading.superiorBody)}</div>` : ''}<div class="body-name">${esc(heading.issuingBody)}</div><div class="star">*</div>`
    + `<div>${esc(heading.number ?? WORDS.numberBlank[lang])}</div></div>`
    + `<div class="right"><div class="party">${w('party')}</div><div class="dated">${esc(dated(heading.place, heading.date, lang))}</div></div></header>
<h1><span>${w('list')}</span><small>${esc(heading.subject)}</small></h1>${heading.basis ? `<p class="basis">${esc(heading.basis)}</p>` : ''}
<table><colgroup><col class="c-num"><col class="c-name"><col class="c-date"><col class="c-pos"><col class="c-verdict"><col class="c-reasons"><col class="c-school"></colgroup><thead><tr><th class="num">${w('no')}</th><th>${w('name')}</th><th>${w('born')}</th><th>${w('position')}</th><th>${w('verdict')}</th><th>${w('reasons')}</th><th>${w('institution')}</th></tr></thead>
${body}<tfoot><tr class="total"><td colspan="7">${w('total')}: ${esc(countsText(total, lang))}</td></tr></tfoot></table>
${assumed ? `<p class="note">${w('assumedNote')}</p>` : ''}<footer class="doc-foot"><div class="recipients"><b><i>${w('recipients')}</i></b>${recipients.map((r) => `<div>${esc(r)}</div>`).join('')}</div>`
    + `<div class="signer">${heading.signer.capacity ? `<div class="cap">${esc(heading.signer.capacity)}</div>` : ''}<div class="title">${esc(heading.signer.title)}</div><div class="space"></div><div class="name">${esc(heading.signer.name ?? '')}</div></div></footer>
</body></html>
`;
}
