/**
 * The review as the blocks a reader sees — a title, a one-paragraph summary, the policy failures, one section per
 * document, the golden cases — in one language. Markdown and HTML are written from these blocks, so they carry the
 * same content. Text in blocks is plain (the renderers escape it).
 */
import { formatDate } from '../../engine/documents/dates.ts';
import { LABELS } from '../../engine/documents/enums.ts';
import { DECISION_KIND_LABELS, type Decision } from './decisionsOf.ts';
import type { CaseOutcome, CohortEffect, DocumentReview, Review, RuleMention, RuleTally } from './reviewModel.ts';

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

type Lang = 'vi' | 'en';

const KIND_NAMES: Readonly<Record<string, { vi: string; en: string }>> = {
  'llct/ruleset': { vi: 'bộ quy tắc', en: 'ruleset' },
  'llct/ruleset-overlay': { vi: 'lớp bổ sung (overlay)', en: 'ruleset overlay' },
  'llct/lifecycle': { vi: 'quy trình', en: 'lifecycle' },
  'llct/plan': { vi: 'kế hoạch', en: 'plan' },
  'llct/golden-cases': { vi: 'ca kiểm thử chuẩn', en: 'golden cases' },
  'llct/positions': { vi: 'danh mục chức vụ', en: 'position catalogue' },
  'llct/institutions': { vi: 'danh mục cơ sở đào tạo', en: 'institution catalogue' },
};

const CHANGE_NAMES = { added: { vi: 'Thêm mới', en: 'Added' }, removed: { vi: 'Xoá', en: 'Removed' }, modified: { vi: 'Sửa đổi', en: 'Modified' } } as const;

const assumedMark = (c: string, l: Lang) => (c === 'assumed' ? ` (${LABELS.confidence.assumed[l]})` : '');

function decisionName(d: Decision, l: Lang): string {
  const kind = DECISION_KIND_LABELS[d.kind][l];
  const mark = d.illustrative ? (l === 'vi' ? ' — minh họa, không phải văn bản thật' : ' — illustrative, not a real act') : '';
  return l === 'vi'
    ? `${kind} số ${d.number} ngày ${formatDate(d.signedOn)} của ${d.issuedBy}${mark}`
    : `${kind} No. ${d.number} of ${formatDate(d.signedOn)}, issued by ${d.issuedBy}${mark}`;
}

function decisionBlocks(doc: DocumentReview, l: Lang): Block[] {
  if (doc.decisions.length === 0) return [];
  const head = l === 'vi'
    ? ['Văn bản', 'Trích yếu', 'Người ký', 'Áp dụng từ', 'Đến', 'Tóm tắt', 'Nguồn']
    : ['Act', 'Title', 'Signed by', 'Applies from', 'Until', 'Summary', 'Source'];
  return [
    { kind: 'heading', level: 3, text: l === 'vi' ? 'Căn cứ ban hành' : 'Decisions cited' },
    { kind: 'table', head, rows: doc.decisions.map((d) => [decisionName(d, l), d.title, d.signer ?? '—', formatDate(d.appliesFrom), d.appliesUntil ? formatDate(d.appliesUntil) : '—', d.summary, d.source]) },
  ];
}

function statusLine(doc: DocumentReview, l: Lang): string {
  const parts = [CHANGE_NAMES[doc.change][l], KIND_NAMES[doc.kind]?.[l] ?? doc.kind];
  if (doc.id) parts.push(doc.id);
  const { base, head } = doc.revision;
  if (base !== undefined || head !== undefined) parts.push(`${l === 'vi' ? 'bản' : 'revision'} ${base ?? '—'} → ${head ?? '—'}`);
  const p = doc.publication;
  if (p?.state === 'published') {
    const d = doc.decisions.find((x) => x.id === p.decision);
    parts.push(l === 'vi'
      ? `ban hành ngày ${formatDate(p.on)} theo ${d ? d.number : p.decision}`
      : `published on ${formatDate(p.on)} under ${d ? d.number : p.decision}`);
  } else if (p?.state === 'draft') {
    parts.push(l === 'vi' ? `BẢN NHÁP: ${p.reason.vi}` : `DRAFT: ${p.reason.en}`);
  }
  parts.push(doc.valid ? (l === 'vi' ? 'hợp lệ' : 'valid') : (l === 'vi' ? 'KHÔNG HỢP LỆ' : 'NOT VALID'));
  return parts.join(' · ');
}

function mentions(title: string, ms: readonly RuleMention[], l: Lang): Block[] {
  if (ms.length === 0) return [];
  return [{ kind: 'paragraph', text: title }, { kind: 'list', items: ms.map((m) => `${m.title[l]}${assumedMark(m.confidence, l)} — ${m.citation[l]}; ${m.scope[l]} [${m.rule}]`) }];
}

function tallyLine(t: RuleTally, l: Lang): string {
  return `${t.count} × ${t.title?.[l] ?? t.rule} — ${t.citation[l]} [${t.rule}]`;
}

function cohortBlocks(c: CohortEffect, l: Lang): Block[] {
  const from = { flag: { vi: 'theo --on', en: 'from --on' }, decision: { vi: 'ngày áp dụng của quyết định', en: 'the date the decision applies from' }, ruleset: { vi: 'ngày hiệu lực của bộ quy tắc', en: "the ruleset's effective date" }, overlay: { vi: 'ngày muộn nhất mà một thay đổi của lớp phủ áp dụng', en: 'the latest date a change of the overlay applies from' } }[c.onFrom][l];
  const judged = c.jurisdiction === undefined
    ? (l === 'vi' ? 'mỗi cán bộ được xét theo bản cũ và bản mới của bộ quy tắc' : 'each judged under the old and the new version of the ruleset')
    : (l === 'vi' ? `mỗi cán bộ được xét theo bộ gốc với lớp phủ cũ và lớp phủ mới; lớp phủ chỉ áp dụng cho cán bộ công tác tại ${c.jurisdiction}` : `each judged by the base with the old and the new overlay; the overlay applies only to cadres working in ${c.jurisdiction}`);
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: l === 'vi' ? 'Ảnh hưởng trên danh sách cán bộ' : 'Effect on the cohort' },
    { kind: 'paragraph', text: l === 'vi'
      ? `${c.cadres}: ${c.rows} cán bộ, cử đi học ngày ${formatDate(c.on)} (${from}); ${judged}${c.invalidRows ? `; ${c.invalidRows} hàng không xét được` : ''}.`
      : `${c.cadres}: ${c.rows} cadres, nominated on ${formatDate(c.on)} (${from}); ${judged}${c.invalidRows ? `; ${c.invalidRows} rows could not be judged` : ''}.` },
    { kind: 'table', head: l === 'vi' ? ['Cử học', 'Đủ điều kiện (cũ → mới)', 'Được thêm', 'Mất điều kiện'] : ['Nomination', 'Eligible (old → new)', 'Gained', 'Lost'],
      rows: c.nominations.map((n) => [n.label[l], `${n.eligible.base} → ${n.eligible.head}`, String(n.gained), String(n.lost)]) },
  ];
  for (const n of c.nominations) {
    if (n.lostBy.length) blocks.push({ kind: 'paragraph', text: l === 'vi' ? `Vì sao mất điều kiện (${n.label.vi}), theo quy tắc bản mới không đạt:` : `Why cadres lose (${n.label.en}), by the new rule they fail:` }, { kind: 'list', items: n.lostBy.map((t) => tallyLine(t, l)) });
    if (n.gainedBy.length) blocks.push({ kind: 'paragraph', text: l === 'vi' ? `Vì sao được thêm (${n.label.vi}), theo quy tắc bản cũ nay không còn vướng:` : `Why cadres gain (${n.label.en}), by the old rule they no longer fail:` }, { kind: 'list', items: n.gainedBy.map((t) => tallyLine(t, l)) });
  }
  return blocks;
}

function overlayBlocks(o: NonNullable<DocumentReview['overlay']>, l: Lang): Block[] {
  const vi = l === 'vi';
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: vi ? 'Lớp phủ: các thay đổi và căn cứ' : 'Overlay: its changes and their decisions' },
    { kind: 'paragraph', text: vi
      ? `Lớp phủ trên bộ quy tắc ${o.extends}${o.baseFound ? '' : ' (KHÔNG có ở bản mới)'}, áp dụng cho ${o.jurisdiction}${o.illustrative ? '. MINH HỌA: không phải nội dung thật của văn bản.' : '.'}`
      : `Overlay on the ruleset ${o.extends}${o.baseFound ? '' : ' (NOT on head)'}, applying to ${o.jurisdiction}${o.illustrative ? '. ILLUSTRATIVE: not the act’s real content.' : '.'}` },
  ];
  if (o.changes.length) blocks.push({ kind: 'list', items: o.changes.map((c) => `${c.text[l]}${c.illustrative ? (vi ? ' (minh họa)' : ' (illustrative)') : ''}`) });
  else blocks.push({ kind: 'paragraph', text: vi ? 'Không thay đổi nào được thêm, bỏ hay sửa.' : 'No change was added, withdrawn or altered.' });
  return blocks;
}

function documentBlocks(doc: DocumentReview, l: Lang): Block[] {
  const c = doc.changes;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: `${doc.path}${doc.title ? ` — ${doc.title[l]}` : ''}` },
    { kind: 'paragraph', text: statusLine(doc, l) },
    ...decisionBlocks(doc, l),
  ];
  if (doc.notDescribed) blocks.push({ kind: 'paragraph', text: doc.notDescribed[l] });
  if (doc.overlay) blocks.push(...overlayBlocks(doc.overlay, l));
  if (c.thresholds.length) {
    blocks.push({ kind: 'heading', level: 3, text: l === 'vi' ? 'Ngưỡng thay đổi' : 'Thresholds changed' },
      { kind: 'table', head: l === 'vi' ? ['Quy tắc', 'Áp dụng', 'Cũ', 'Mới', 'Điều kiện'] : ['Rule', 'Applies to', 'Old', 'New', 'Condition'],
        rows: c.thresholds.map((t) => [`${t.ruleTitle[l]}${assumedMark(t.confidence, l)} [${t.rule}]`, t.scope[l], String(t.before), String(t.after), t.text[l]]) });
  }
  blocks.push(
    ...mentions(l === 'vi' ? 'Nhóm đối tượng thêm:' : 'Subject groups added:', c.groupsAdded, l),
    ...mentions(l === 'vi' ? 'Nhóm đối tượng bỏ:' : 'Subject groups removed:', c.groupsRemoved, l),
    ...mentions(l === 'vi' ? 'Quy tắc thêm:' : 'Rules added:', c.rulesAdded, l),
    ...mentions(l === 'vi' ? 'Quy tắc bỏ:' : 'Rules removed:', c.rulesRemoved, l),
    ...mentions(l === 'vi' ? 'Quy tắc bị vô hiệu:' : 'Rules disabled:', c.rulesDisabled, l),
  );
  const lines = (title: string, items: readonly string[]): Block[] => (items.length ? [{ kind: 'paragraph', text: title }, { kind: 'list', items: [...items] }] : []);
  blocks.push(
    ...lines(l === 'vi' ? 'Trích dẫn thay đổi:' : 'Citations changed:', c.citations.map((x) => x.text[l])),
    ...lines(l === 'vi' ? 'Mức tin cậy thay đổi:' : 'Confidence changed:', c.confidence.map((x) => x.text[l])),
    ...lines(l === 'vi' ? 'Thay đổi khác:' : 'Other changes:', c.other.map((x) => x[l])),
    ...lines(l === 'vi' ? 'Lỗi và cảnh báo của bản mới:' : 'Errors and warnings on head:',
      doc.diagnostics.map((d) => `${d.severity === 'error' ? (l === 'vi' ? 'lỗi' : 'error') : (l === 'vi' ? 'cảnh báo' : 'warning')} ${d.path || '—'} (${d.code}): ${d.message[l]}`)),
  );
  if (doc.cohort) blocks.push(...cohortBlocks(doc.cohort, l));
  return blocks;
}

function outcomeText(o: CaseOutcome | undefined, l: Lang): string {
  if (!o) return '—';
  const verdict = o.eligible === undefined ? (l === 'vi' ? 'không có kết luận' : 'no verdict') : o.eligible ? (l === 'vi' ? 'đủ điều kiện' : 'eligible') : (l === 'vi' ? 'chưa đủ' : 'not eligible');
  const failures = o.failures.length ? ` [${o.failures.join(', ')}]` : '';
  return `${o.passed ? (l === 'vi' ? 'ca đạt' : 'passes') : (l === 'vi' ? 'CA SAI' : 'FAILS')}: ${verdict}${failures}`;
}

function goldenBlocks(r: Review, l: Lang): Block[] {
  const g = r.golden;
  const side = (s: typeof g.base) => (l === 'vi' ? `${s.passed} đạt, ${s.failed} sai (${s.files} tệp)` : `${s.passed} passed, ${s.failed} failed (${s.files} files)`);
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: l === 'vi' ? 'Ca kiểm thử chuẩn' : 'Golden cases' },
    { kind: 'paragraph', text: l === 'vi' ? `Bản cũ: ${side(g.base)}. Bản mới: ${side(g.head)}.` : `Base: ${side(g.base)}. Head: ${side(g.head)}.` },
  ];
  const table = (cases: typeof g.changed): Block => ({ kind: 'table', head: l === 'vi' ? ['Ca', 'Tệp', 'Bản cũ', 'Bản mới'] : ['Case', 'File', 'Base', 'Head'],
    rows: cases.map((c) => [`${c.id} — ${c.title}`, c.file, outcomeText(c.base, l), outcomeText(c.head, l)]) });
  if (g.changed.length) blocks.push({ kind: 'paragraph', text: l === 'vi' ? 'Ca đổi kết quả:' : 'Cases whose outcome changed:' }, table(g.changed));
  if (g.failingOnHead.length) {
    blocks.push({ kind: 'paragraph', text: l === 'vi' ? 'Ca sai trên bản mới:' : 'Cases failing on head:' }, table(g.failingOnHead),
      { kind: 'list', items: g.failingOnHead.map((c) => `${c.id}: ${c.head?.problems.join('; ') ?? ''}`) });
  }
  return blocks;
}

function summary(r: Review, l: Lang): string {
  const s = r.summary;
  const cohort = r.documents.flatMap((d) => d.cohort?.nominations ?? []);
  const gained = cohort.reduce((n, x) => n + x.gained, 0);
  const lost = cohort.reduce((n, x) => n + x.lost, 0);
  const verdict = r.passed ? (l === 'vi' ? '✅ Đạt.' : '✅ Passed.') : (l === 'vi' ? '❌ Không đạt.' : '❌ Failed.');
  return l === 'vi'
    ? `${verdict} ${s.documents} tài liệu thay đổi (${s.added} thêm, ${s.removed} xoá, ${s.modified} sửa); ${s.goldenChanged} ca kiểm thử chuẩn đổi kết quả, ${s.goldenFailingOnHead} ca sai trên bản mới${cohort.length ? `; trên danh sách cán bộ: ${gained} lượt được thêm, ${lost} lượt mất điều kiện` : ''}; ${s.errors} lỗi chính sách, ${s.warnings} cảnh báo.`
    : `${verdict} ${s.documents} document(s) changed (${s.added} added, ${s.removed} removed, ${s.modified} modified); ${s.goldenChanged} golden case(s) changed outcome, ${s.goldenFailingOnHead} failing on head${cohort.length ? `; on the cohort: ${gained} nomination(s) gained, ${lost} lost` : ''}; ${s.errors} policy failure(s), ${s.warnings} warning(s).`;
}

/** The review as blocks in `l`. */
export function reviewBlocks(r: Review, l: Lang): Block[] {
  const errors = r.problems.filter((p) => p.severity === 'error');
  const warnings = r.problems.filter((p) => p.severity === 'warning');
  const problem = (p: (typeof r.problems)[number]) => `${p.file}: ${p.message[l]} (${p.code})`;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: l === 'vi' ? `Xem xét thay đổi quy tắc: ${r.base} → ${r.head}` : `Rule change review: ${r.base} → ${r.head}` },
    { kind: 'paragraph', text: summary(r, l) },
  ];
  if (errors.length) blocks.push({ kind: 'heading', level: 2, text: l === 'vi' ? 'Lỗi chính sách' : 'Policy failures' }, { kind: 'list', items: errors.map(problem) });
  if (warnings.length) blocks.push({ kind: 'heading', level: 2, text: l === 'vi' ? 'Cảnh báo' : 'Warnings' }, { kind: 'list', items: warnings.map(problem) });
  if (r.documents.length === 0) blocks.push({ kind: 'paragraph', text: l === 'vi' ? 'Không có tài liệu nào thay đổi.' : 'No document changed.' });
  for (const d of r.documents) blocks.push(...documentBlocks(d, l));
  blocks.push(...goldenBlocks(r, l));
  blocks.push({ kind: 'paragraph', text: l === 'vi' ? 'Tạo bởi llct review. Đây không phải tư vấn pháp lý; quy tắc "giả định" cần đối chiếu văn bản.' : 'Written by llct review. Not legal advice; rules marked "assumed" need checking against the text.' });
  return blocks;
}
