/**
 * The words on canvas nodes, in Vietnamese (default) or English: section names, citations, accessible names,
 * badges. Pure; one place so that the node components and `toFlow` say the same thing.
 */
import { LABELS, type Confidence, type Label, type RuleKind, type TrainingLevel } from '../../../engine/documents/enums.ts';
import { ASSUMED_NUMBERING_MARK, numberingRead, type Citation } from '../../../engine/documents/ruleset.ts';
import type { Lang } from '../../../engine/rules/messages.ts';


export const CANVAS_TEXT = {
  rule: { vi: 'Quy tắc', en: 'Rule' },
  condition: { vi: 'Điều kiện', en: 'Condition' },
  group: { vi: 'Nhóm', en: 'Group' },
  section: { vi: 'Mục', en: 'Section' },
  ruleset: { vi: 'Bộ quy tắc', en: 'Ruleset' },
  rules: { vi: 'quy tắc', en: 'rules' },
  items: { vi: 'mục', en: 'items' },
  hidden: { vi: 'đang thu gọn', en: 'collapsed' },
  passed: { vi: 'đạt', en: 'passed' },
  failed: { vi: 'không đạt', en: 'failed' },
  value: { vi: 'Giá trị', en: 'Value' },
  errors: { vi: 'lỗi', en: 'errors' },
  warnings: { vi: 'cảnh báo', en: 'warnings' },
  notes: { vi: 'ghi chú', en: 'notes' },
  collapse: { vi: 'Thu gọn', en: 'Collapse' },
  expand: { vi: 'Mở rộng', en: 'Expand' },
  untitled: { vi: 'chưa có tiêu đề', en: 'no title' },
} as const satisfies Record<string, Label>;

/** First letter upper-cased (Vietnamese-safe). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/**
 * "Điều 5 khoản 2 điểm a" / "Art. 5(2)(a)", without the regulation code, followed by "(số điều giả định)" /
 * "(article number assumed)" unless the numbering was read in the text.
 */
export function citationText(c: Citation, lang: Lang): string {
  const text = ARTICLE_IN[lang](c);
  return numberingRead(c) ? text : `${text} ${ASSUMED_NUMBERING_MARK[lang]}`;
}

/** How each language writes an article, clause and point: the word order differs, so each has its own formatter. */
const ARTICLE_IN: Readonly<Record<Lang, (c: Citation) => string>> = {
  vi: (c) => [`Điều ${c.article}`, c.clause ? `khoản ${c.clause}` : '', c.point ? `điểm ${c.point}` : ''].filter(Boolean).join(' '),
  en: (c) => `Art. ${c.article}${c.clause ? `(${c.clause})` : ''}${c.point ? `(${c.point})` : ''}`,
};

export function sectionLabel(level: TrainingLevel, kind: RuleKind, lang: Lang): string {
  return `${capitalize(LABELS.ruleKind[kind][lang])} · ${LABELS.theoryLevel[level][lang]}`;
}

/** The badge word of a confidence that needs one ("giả định", "theo một nguồn"); none for confirmed rules. */
export function confidenceBadge(confidence: Confidence, lang: Lang): string | undefined {
  return confidence === 'confirmed' ? undefined : LABELS.confidence[confidence][lang];
}

/** "2 lỗi", "1 cảnh báo". */
export function diagnosticsText(count: number, severity: 'error' | 'warning' | 'info', lang: Lang): string {
  const word = severity === 'error' ? CANVAS_TEXT.errors : severity === 'warning' ? CANVAS_TEXT.warnings : CANVAS_TEXT.notes;
  return `${count} ${word[lang]}`;
}

/** Texts of the canvas chrome (controls, minimap, keyboard help), per language. */
export const CANVAS_CHROME = {
  canvas: { vi: 'Khung vẽ quy tắc', en: 'Rules canvas' },
  autoLayout: { vi: 'Tự động sắp xếp', en: 'Auto-layout' },
  keyboardHelp: {
    vi: 'Nhấn Enter hoặc phím cách để chọn nút. Phím mũi tên chuyển giữa các nút: trái về nút cha, phải sang nút con đầu tiên, lên và xuống sang nút cùng cấp.',
    en: 'Press Enter or Space to select a node. Arrow keys move between nodes: left to the parent, right to the first child, up and down to siblings.',
  },
  edgeHelp: { vi: 'Cạnh nối nút cha với nút con.', en: 'Edge from a parent node to a child node.' },
  edgeLabel: { vi: 'Cạnh từ {from} đến {to}', en: 'Edge from {from} to {to}' },
  controls: { vi: 'Điều khiển khung vẽ', en: 'Canvas controls' },
  zoomIn: { vi: 'Phóng to', en: 'Zoom in' },
  zoomOut: { vi: 'Thu nhỏ', en: 'Zoom out' },
  fitView: { vi: 'Vừa khung nhìn', en: 'Fit view' },
  interactive: { vi: 'Khoá hoặc mở khoá tương tác', en: 'Toggle interactivity' },
  minimap: { vi: 'Bản đồ thu nhỏ', en: 'Mini map' },
  handle: { vi: 'Điểm nối', en: 'Handle' },
} as const satisfies Record<string, Label>;
