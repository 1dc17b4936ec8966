/**
 * The ruleset canvas as a projection of the workspace records (React Flow is a view, not the model): ruleset →
 * sections (level × kind) → rules → condition groups → leaves, node ids = record ids. Pure: no React, no DOM; only
 * types come from @xyflow/react. Positions come from the layout record; nodes without one are placed by
 * `placeNodes` and reported in `autoPlaced`. Nothing React Flow adds to a node (measured, dragging…) is read back.
 */
import type { Edge, Node, NodeHandle, Position } from '@xyflow/react';
import { messageIn, type Diagnostic, type Severity } from '../../../engine/diagnostics/Diagnostic.ts';
import type { Confidence, RuleKind, TrainingLevel } from '../../../engine/documents/enums.ts';
import type { LeafCondition } from '../../../engine/documents/ruleset.ts';
import { describeCondition, describeGroup, describeValue, rawValue, type PositionName } from '../../../engine/rules/describeCondition.ts';
import { FACTS, type FactSpec } from '../../../engine/rules/facts.ts';
import type { Lang } from '../../../engine/rules/messages.ts';
import type { Point, RecordId, Records } from '../../workspace/records.ts';
import { buildCanvasTree, NODE_SIZES, type CanvasNodeKind, type CanvasTree, type TreeNode } from './canvasTree.ts';
import { placeNodes } from './layoutTree.ts';
import { worstSeverity } from '../../canvas/severity.ts';
import { fillText } from '../../i18n/fillText.ts';
import { CANVAS_CHROME, CANVAS_TEXT, capitalize, citationText, confidenceBadge, diagnosticsText, sectionLabel } from './nodeText.ts';
import { matchesSearch, normalizeSearch } from './searchText.ts';

/**
 * A test-bench result for one node: passed or not, and for leaves the cadre's value of the fact, raw (`actual`,
 * put in words here) or already in words (`actualText`, as `benchTrace` gives it).
 */
export interface TraceEntry { passed: boolean; actual?: unknown; actualText?: string }

/**
 * What a node component shows. Flat primitives only, so that an unchanged node compares equal field by field and
 * keeps its object identity between projections (React.memo then skips it).
 */
export type CanvasNodeData = {
  kind: CanvasNodeKind;
  lang: Lang;
  /** Main text: rule title, group words, leaf in words, section name, regulation code. */
  label: string;
  /** Second line: the rule id, the ruleset title, the number of rules of a section. */
  detail?: string;
  /** Accessible name of the node. */
  ariaLabel: string;
  ruleKind?: RuleKind;
  level?: TrainingLevel;
  confidence?: Confidence;
  /** "giả định" / "theo một nguồn" (English "assumed" / "reported"); absent for confirmed rules. */
  confidenceLabel?: string;
  /** "Điều 5 khoản 2" (English "Art. 5(2)"). */
  citation?: string;
  /** all / any / not for group nodes. */
  groupOp?: 'all' | 'any' | 'not';
  /** Number of diagnostics on this node (0 when none) and the worst severity. */
  diagnostics: number;
  severity?: Severity;
  /** "2 lỗi", for the badge. */
  diagnosticsLabel?: string;
  /** The diagnostics' messages, one per line (tooltip). */
  diagnosticsText?: string;
  trace?: 'passed' | 'failed';
  /** "Giá trị: 31": the cadre's value next to a leaf's requirement. */
  traceValue?: string;
  match: boolean;
  /** A search is on and this node does not match it. */
  dimmed: boolean;
  collapsible: boolean;
  collapsed: boolean;
  /** Children hidden under a collapsed node. */
  hiddenCount: number;
  /** Placed by auto-layout (no stored position). */
  autoPlaced: boolean;
};

/**
 * React Flow node types: the canvas kinds, but a condition group is `conditionGroup`, because React Flow styles
 * its own built-in `group` type (`.react-flow__node-group`: padding, border, background).
 */
export type FlowNodeType = Exclude<CanvasNodeKind, 'group'> | 'conditionGroup';

export function flowTypeOf(kind: CanvasNodeKind): FlowNodeType {
  return kind === 'group' ? 'conditionGroup' : kind;
}

export type CanvasNode = Node<CanvasNodeData, FlowNodeType>;

export interface ToFlowOptions {
  lang: Lang;
  collapsed: ReadonlySet<string>;
  /** Stored positions (the layout record's `positions`). */
  positions: Readonly<Record<string, Point>>;
  diagnosticsByNode: ReadonlyMap<string, readonly Diagnostic[]>;
  trace?: ReadonlyMap<string, TraceEntry> | undefined;
  search?: string | undefined;
  selectedId?: string | null | undefined;
  /** Further nodes shown selected with `selectedId` (the rules of a provision chosen in the coverage panel). */
  alsoSelected?: ReadonlySet<string> | undefined;
  positionName?: PositionName | undefined;
}

export interface FlowGraph {
  nodes: CanvasNode[];
  edges: Edge[];
  /** Ids of the nodes placed by auto-layout (no stored position); every other node sits where it was stored. */
  autoPlaced: ReadonlySet<string>;
  /** The visible tree (keyboard navigation walks it). */
  tree: CanvasTree;
}

function factSpec(fact: string): FactSpec | undefined {
  return Object.hasOwn(FACTS, fact) ? (FACTS as Record<string, FactSpec>)[fact] : undefined;
}

/** Texts a search looks in, per node (both languages, so the search works whatever the display language). */
function searchTexts(n: TreeNode, options: ToFlowOptions): string[] {
  if (n.kind === 'rule' && n.rule) {
    const d = n.rule.data;
    return [d.id, d.title.vi, d.title.en, citationText(d.citation, 'vi'), citationText(d.citation, 'en')];
  }
  if (n.kind === 'leaf' && n.cond?.node.op === 'leaf') {
    const leaf = n.cond.node;
    const label = factSpec(leaf.fact)?.label;
    const words = (lang: Lang) => describeCondition(leaf as LeafCondition, lang, { positionName: options.positionName });
    return [leaf.fact, label?.vi ?? '', label?.en ?? '', words('vi'), words('en')];
  }
  return [];
}

function nodeData(records: Records, n: TreeNode, options: ToFlowOptions, query: string, autoPlaced: boolean): CanvasNodeData {
  const { lang } = options;
  let label = '';
  let detail: string | undefined;
  let ariaLabel = '';
  const extra: Partial<CanvasNodeData> = {};
  switch (n.kind) {
    case 'ruleset': {
      const rs = records.get(n.id);
      const regulation = rs?.type === 'ruleset' ? rs.meta.regulation : { code: n.id, title: '' };
      label = regulation.code;
      detail = regulation.title;
      ariaLabel = `${CANVAS_TEXT.ruleset[lang]} ${regulation.code}: ${regulation.title}`;
      break;
    }
    case 'section': {
      label = sectionLabel(n.level!, n.ruleKind!, lang);
      detail = `${n.childCount} ${CANVAS_TEXT.rules[lang]}`;
      ariaLabel = `${CANVAS_TEXT.section[lang]} ${label}: ${detail}`;
      Object.assign(extra, { level: n.level, ruleKind: n.ruleKind });
      break;
    }
    case 'rule': {
      const d = n.rule!.data;
      // A title emptied while editing is a diagnostic; the node still says which rule it is.
      label = d.title[lang] || `(${CANVAS_TEXT.untitled[lang]} — ${d.id})`;
      detail = d.id;
      const citation = citationText(d.citation, lang);
      const badge = confidenceBadge(d.confidence, lang);
      ariaLabel = `${CANVAS_TEXT.rule[lang]} ${d.id}: ${label}, ${citation}${badge ? `, ${badge}` : ''}`;
      Object.assign(extra, { level: d.level, ruleKind: d.kind, confidence: d.confidence, confidenceLabel: badge, citation });
      break;
    }
    case 'group': {
      const op = n.cond!.node.op as 'all' | 'any' | 'not';
      label = capitalize(describeGroup(op, lang));
      detail = `${n.childCount} ${CANVAS_TEXT.items[lang]}`;
      ariaLabel = `${CANVAS_TEXT.group[lang]}: ${describeGroup(op, lang)}, ${detail}`;
      extra.groupOp = op;
      break;
    }
    case 'leaf': {
      const leaf = n.cond!.node as LeafCondition & { op: 'leaf' };
      label = describeCondition(leaf, lang, { positionName: options.positionName });
      ariaLabel = `${CANVAS_TEXT.condition[lang]}: ${label}`;
      break;
    }
  }

  const diags = options.diagnosticsByNode.get(n.id) ?? [];
  const severity = worstSeverity(diags);
  if (severity) {
    extra.severity = severity;
    extra.diagnosticsLabel = diagnosticsText(diags.length, severity, lang);
    extra.diagnosticsText = diags.map((d) => messageIn(d, lang)).join('\n');
    ariaLabel += `, ${extra.diagnosticsLabel}`;
  }

  const t = options.trace?.get(n.id);
  if (t) {
    extra.trace = t.passed ? 'passed' : 'failed';
    ariaLabel += `, ${(t.passed ? CANVAS_TEXT.passed : CANVAS_TEXT.failed)[lang]}`;
    if (n.kind === 'leaf' && (t.actualText !== undefined || t.actual !== undefined)) {
      const fact = (n.cond!.node as LeafCondition).fact;
      const words = t.actualText ?? describeValue(fact, t.actual, lang, { positionName: options.positionName }) ?? rawValue(t.actual);
      extra.traceValue = `${CANVAS_TEXT.value[lang]}: ${words}`;
      ariaLabel += `, ${extra.traceValue}`;
    }
  }
  if (n.collapsed) ariaLabel += `, ${CANVAS_TEXT.hidden[lang]} ${n.childCount} ${CANVAS_TEXT.items[lang]}`;

  const match = query !== '' && matchesSearch(query, searchTexts(n, options));
  const data: CanvasNodeData = {
    kind: n.kind, lang, label, ariaLabel, diagnostics: diags.length, match, dimmed: query !== '' && !match,
    collapsible: n.childCount > 0 && n.kind !== 'leaf', collapsed: n.collapsed, hiddenCount: n.collapsed ? n.childCount : 0, autoPlaced,
  };
  if (detail !== undefined) data.detail = detail;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (data as Record<string, unknown>)[k] = v;
  return data;
}

const HANDLE = 8;

/**
 * Where the node components draw their handles, known without the DOM: 8 × 8 squares inside the left (in) and right
 * (out) edges at mid-height, so an edge meets the node's border. canvas.css places the DOM handles at the same boxes.
 */
function handlesOf(n: TreeNode, width: number, height: number): NodeHandle[] {
  const y = height / 2 - HANDLE / 2;
  const out: NodeHandle[] = [];
  if (n.kind !== 'ruleset') out.push({ type: 'target', position: 'left' as Position, x: 0, y, width: HANDLE, height: HANDLE });
  if (n.kind !== 'leaf') out.push({ type: 'source', position: 'right' as Position, x: width - HANDLE, y, width: HANDLE, height: HANDLE });
  return out;
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

/**
 * React Flow nodes and edges for one workspace ruleset. With `previous` (the last result), nodes whose data,
 * position and selection are unchanged keep their previous object, so memoized node components skip re-rendering.
 */
export function toFlow(records: Records, rulesetId: RecordId, options: ToFlowOptions, previous?: FlowGraph): FlowGraph {
  const tree = buildCanvasTree(records, rulesetId, options.collapsed);
  const { positions, autoPlaced } = placeNodes(tree, options.positions);
  const query = normalizeSearch(options.search ?? '');
  const prevById = new Map(previous?.nodes.map((n) => [n.id, n]));
  const nodes: CanvasNode[] = [];
  const edges: Edge[] = [];
  const ariaById = new Map<RecordId, string>();
  for (const n of tree.order) {
    const data = nodeData(records, n, options, query, autoPlaced.has(n.id));
    const position = positions.get(n.id)!;
    const selected = options.selectedId === n.id || options.alsoSelected?.has(n.id) === true;
    const prev = prevById.get(n.id);
    if (prev && prev.type === flowTypeOf(n.kind) && prev.position.x === position.x && prev.position.y === position.y && !!prev.selected === selected && shallowEqual(prev.data, data)) {
      nodes.push(prev);
    } else {
      const { width, height } = NODE_SIZES[n.kind];
      nodes.push({
        id: n.id, type: flowTypeOf(n.kind), position, data, selected, ariaLabel: data.ariaLabel,
        // Sizes are fixed per kind (the components use the same numbers), so React Flow needs no measuring pass.
        width, height, measured: { width, height }, handles: handlesOf(n, width, height),
      });
    }
    ariaById.set(n.id, data.ariaLabel);
    if (n.parent !== undefined) {
      // Read in the page's language ("Cạnh từ Quy tắc … đến Điều kiện …"), not React Flow's "Edge from <id> to <id>".
      const ariaLabel = fillText(CANVAS_CHROME.edgeLabel, options.lang, { from: ariaById.get(n.parent) ?? n.parent, to: data.ariaLabel });
      edges.push({ id: `edge:${n.parent}->${n.id}`, source: n.parent, target: n.id, type: 'smoothstep', ariaLabel });
    }
  }
  const prevEdges = previous && previous.edges.length === edges.length && previous.edges.every((e, i) => e.id === edges[i]!.id && e.ariaLabel === edges[i]!.ariaLabel);
  return { nodes, edges: prevEdges ? previous.edges : edges, autoPlaced, tree };
}

