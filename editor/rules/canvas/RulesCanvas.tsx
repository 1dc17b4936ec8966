/**
 * The ruleset canvas: a React Flow view of `toFlow(records)`. Nothing here is the model: positions and collapsed
 * nodes go back as layout commands (`moveNodes` once per drag, `setCollapsed`, `setLayout` for auto-layout) through
 * `onCommand`; selection goes up through `onSelect`. During a drag the moving positions live in local state only.
 * Keyboard: nodes are focusable; Enter/Space selects, arrows move focus along the tree. Delete is the page's.
 */
import '@xyflow/react/dist/style.css';
import './canvas.css';
import {
  Background, ControlButton, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow,
  type AriaLabelConfig, type Edge, type NodeChange, type NodeMouseHandler, type NodeTypes, type OnNodeDrag,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import type { PositionName } from '../../../engine/rules/describeCondition.ts';
import type { Lang } from '../../../engine/rules/messages.ts';
import { moveNodes, setCollapsed, setLayout } from '../../workspace/commands/layoutCommands.ts';
import type { Command } from '../../workspace/createWorkspaceStore.ts';
import { layoutIdOf, type Point, type RecordId, type Records } from '../../workspace/records.ts';
import { CanvasActionsContext, type CanvasActions } from './CanvasActions.tsx';
import { isArrowKey, neighbourOf } from './canvasNavigation.ts';
import { NODE_SIZES } from './canvasTree.ts';
import { GroupNode } from './GroupNode.tsx';
import { autoLayout } from './layoutGraph.ts';
import { LeafNode } from './LeafNode.tsx';
import { CANVAS_CHROME } from './nodeText.ts';
import { RuleNode } from './RuleNode.tsx';
import { RulesetNode } from './RulesetNode.tsx';
import { SectionNode } from './SectionNode.tsx';
import { toFlow, type CanvasNode, type FlowGraph, type TraceEntry } from './toFlow.ts';

export interface RulesCanvasProps {
  records: Records;
  rulesetId: RecordId;
  lang: Lang;
  selectedId: RecordId | null;
  onSelect(id: RecordId | null): void;
  diagnosticsByNode: ReadonlyMap<RecordId, readonly Diagnostic[]>;
  trace?: ReadonlyMap<RecordId, TraceEntry> | undefined;
  search: string;
  positionName?: PositionName | undefined;
  onCommand(command: Command): void;
}

// Module scope: a new object per render would make React Flow remount every node.
const nodeTypes: NodeTypes = { ruleset: RulesetNode, section: SectionNode, rule: RuleNode, conditionGroup: GroupNode, leaf: LeafNode };
/** Above this many nodes the first view fits only the top of the tree, not all of it (fitting all renders all). */
const FIT_ALL_LIMIT = 60;
const EMPTY_LAYOUT: { positions: Readonly<Record<string, Point>>; collapsed: readonly string[] } = Object.freeze({ positions: Object.freeze({}), collapsed: Object.freeze([]) as readonly string[] });
const FIT_VIEW_OPTIONS = { maxZoom: 1 };

function ariaConfig(lang: Lang): Partial<AriaLabelConfig> {
  const t = (k: keyof typeof CANVAS_CHROME) => CANVAS_CHROME[k][lang];
  return {
    'node.a11yDescription.default': t('keyboardHelp'),
    'node.a11yDescription.keyboardDisabled': t('keyboardHelp'),
    'edge.a11yDescription.default': t('edgeHelp'),
    'controls.ariaLabel': t('controls'),
    'controls.zoomIn.ariaLabel': t('zoomIn'),
    'controls.zoomOut.ariaLabel': t('zoomOut'),
    'controls.fitView.ariaLabel': t('fitView'),
    'controls.interactive.ariaLabel': t('interactive'),
    'minimap.ariaLabel': t('minimap'),
    'handle.ariaLabel': t('handle'),
  };
}
const ARIA = { vi: ariaConfig('vi'), en: ariaConfig('en') } as const;

function minimapColor(node: CanvasNode): string {
  if (node.data.trace === 'passed') return '#2e7d32';
  if (node.data.trace === 'failed') return '#c62828';
  if (node.data.match) return '#f9a825';
  return node.type === 'rule' ? '#3f51b5' : node.type === 'section' ? '#6d4c41' : '#90a4ae';
}

function RulesCanvasView(props: RulesCanvasProps) {
  const { records, rulesetId, lang, selectedId, onSelect, diagnosticsByNode, trace, search, positionName, onCommand } = props;
  const flow = useReactFlow<CanvasNode, Edge>();
  // The stored layout, or the same empty one on every render (a fresh one would rebuild the whole graph each time).
  const stored = records.get(layoutIdOf(rulesetId));
  const layout = stored?.type === 'layout' ? stored : EMPTY_LAYOUT;
  const collapsed = useMemo(() => new Set(layout.collapsed), [layout.collapsed]);
  const previous = useRef<FlowGraph | undefined>(undefined);
  const graph = useMemo(() => {
    const next = toFlow(records, rulesetId, {
      lang, collapsed, positions: layout.positions, diagnosticsByNode, trace, search, selectedId, positionName,
    }, previous.current);
    previous.current = next;
    return next;
  }, [records, rulesetId, lang, collapsed, layout.positions, diagnosticsByNode, trace, search, selectedId, positionName]);

  // Positions of the nodes being dragged, until the drag ends and the command lands in the records.
  const [dragging, setDragging] = useState<Readonly<Record<string, Point>> | null>(null);
  const nodes = useMemo(() => {
    if (!dragging) return graph.nodes;
    return graph.nodes.map((n) => (dragging[n.id] ? { ...n, position: dragging[n.id]!, dragging: true } : n));
  }, [graph.nodes, dragging]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    let moved: Record<string, Point> | undefined;
    for (const c of changes) {
      if (c.type === 'position' && c.position && c.dragging) (moved ??= {})[c.id] = c.position;
    }
    if (moved) {
      const m = moved;
      setDragging((d) => ({ ...d, ...m }));
    }
    // Selection, dimensions and removals are not the canvas's to apply: selection goes through onSelect,
    // sizes are fixed per kind, and deletion is a page command.
  }, []);

  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback((_event, _node, dragged) => {
    const positions: Record<string, Point> = {};
    for (const n of dragged) positions[n.id] = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
    if (Object.keys(positions).length > 0) onCommand(moveNodes(rulesetId, positions));
    setDragging(null);
  }, [onCommand, rulesetId]);

  const onNodeClick: NodeMouseHandler<CanvasNode> = useCallback((_e, node) => onSelect(node.id), [onSelect]);
  const onPaneClick = useCallback(() => onSelect(null), [onSelect]);

  const actions = useMemo<CanvasActions>(() => ({
    setCollapsed: (id, value) => onCommand(setCollapsed(rulesetId, id, value)),
  }), [onCommand, rulesetId]);

  const runAutoLayout = useCallback(() => {
    onCommand(setLayout(rulesetId, autoLayout(records, rulesetId, collapsed)));
  }, [onCommand, records, rulesetId, collapsed]);

  const wrapper = useRef<HTMLDivElement>(null);
  const focusNode = useCallback((id: string) => {
    const find = () => wrapper.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    const el = find();
    if (el) {
      el.focus();
      return;
    }
    // Off-screen nodes are not rendered (onlyRenderVisibleElements): bring the node into view, then focus it.
    const node = flow.getNode(id);
    if (!node) return;
    const size = NODE_SIZES[node.data.kind];
    void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: flow.getZoom() }).then(() => {
      requestAnimationFrame(() => find()?.focus());
    });
  }, [flow]);

  // A node selected from outside the canvas (search, the inspector's outline, a golden case) is brought into view
  // at a readable zoom; a node selected on the canvas is already in view.
  useEffect(() => {
    if (!selectedId) return;
    const node = flow.getNode(selectedId);
    if (!node) return;
    const el = wrapper.current?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(selectedId)}"]`);
    const box = wrapper.current?.getBoundingClientRect();
    const shown = el && box && (() => { const r = el.getBoundingClientRect(); return r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom; })();
    if (shown && flow.getZoom() >= 0.6) return;
    const size = NODE_SIZES[node.data.kind];
    void flow.setCenter(node.position.x + size.width / 2, node.position.y + size.height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 0 });
  }, [selectedId, flow]);

  // Capture phase: React Flow's own node key handler (arrows move the node) must not see these keys.
  const onKeyDownCapture = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!target.classList.contains('react-flow__node')) return;
    const id = target.dataset.id;
    if (!id) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      onSelect(id);
    } else if (isArrowKey(e.key)) {
      e.preventDefault();
      e.stopPropagation();
      const next = neighbourOf(graph.tree, id, e.key);
      if (next) focusNode(next);
    }
  }, [graph.tree, focusNode, onSelect]);

  // The canvas chrome as stable elements: a pointer move re-renders this component, not the controls and minimap.
  const minimapShown = !dragging;
  const chrome = useMemo(() => (
    <>
      <Background />
      <Controls showInteractive={false}>
        <ControlButton onClick={runAutoLayout} title={CANVAS_CHROME.autoLayout[lang]} aria-label={CANVAS_CHROME.autoLayout[lang]}>
          <span aria-hidden="true">⇶</span>
        </ControlButton>
      </Controls>
      {/* The minimap draws every node of the ruleset; while a node is dragged it would redraw them all on each move. */}
      {minimapShown && <MiniMap<CanvasNode> pannable zoomable nodeColor={minimapColor} ariaLabel={CANVAS_CHROME.minimap[lang]} />}
    </>
  ), [runAutoLayout, lang, minimapShown]);

  // The first view only; later changes keep the user's viewport. A small canvas is fitted whole; a large one opens
  // on its first rules at a readable zoom (fitting thousands of nodes would render them all at a tiny scale).
  const [initialView] = useState(() => {
    if (graph.nodes.length <= FIT_ALL_LIMIT) return { fitView: true as const };
    const firstRule = graph.nodes.find((n) => n.type === 'rule');
    const sectionId = firstRule && graph.tree.byId.get(firstRule.id)?.parent;
    const section = graph.nodes.find((n) => n.id === sectionId);
    const zoom = 0.8;
    const x = section ? 20 - section.position.x * zoom : 20;
    const y = firstRule ? 40 - firstRule.position.y * zoom : 20;
    return { fitView: false as const, defaultViewport: { x, y, zoom } };
  });

  return (
    <div ref={wrapper} className="llct-canvas" onKeyDownCapture={onKeyDownCapture} role="region" aria-label={CANVAS_CHROME.canvas[lang]} lang={lang}>
      <CanvasActionsContext.Provider value={actions}>
        <ReactFlow<CanvasNode, Edge>
          nodes={nodes}
          edges={graph.edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop}
          onNodeClick={onNodeClick}
          onPaneClick={onPaneClick}
          nodesFocusable
          edgesFocusable={false}
          nodesConnectable={false}
          elementsSelectable
          deleteKeyCode={null}
          onlyRenderVisibleElements
          minZoom={0.05}
          maxZoom={2}
          fitView={initialView.fitView}
          fitViewOptions={FIT_VIEW_OPTIONS}
          {...(initialView.fitView ? {} : { defaultViewport: initialView.defaultViewport })}
          ariaLabelConfig={ARIA[lang]}
        >
          {chrome}
        </ReactFlow>
      </CanvasActionsContext.Provider>
    </div>
  );
}

/** The ruleset canvas. Give it a sized container (React Flow fills its parent; `.llct-canvas` is 100% × 100%). */
export function RulesCanvas(props: RulesCanvasProps) {
  return (
    <ReactFlowProvider>
      <RulesCanvasView {...props} />
    </ReactFlowProvider>
  );
}
