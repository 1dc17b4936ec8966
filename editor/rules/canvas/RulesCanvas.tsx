/**
 * The ruleset canvas: a React Flow view of `toFlow(records)`. Nothing here is the model: positions and collapsed
 * nodes go back as layout commands (`moveNodes` once per drag, `setCollapsed`, `setLayout` for auto-layout) through
 * `onCommand`; selection goes up through `onSelect`. A drag is drawn on the DOM outside React by the canvas layer
 * (editor/canvas/nodeDrag.ts), with the nodes placed from the dragged one moving along; the records change once, on drop.
 * Keyboard: nodes are focusable; Enter/Space selects, arrows move focus along the tree. Delete is the page's.
 */
import '@xyflow/react/dist/style.css';
import './canvas.css';
import {
  Background, ControlButton, Controls, getSmoothStepPath, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow,
  useStoreApi, type AriaLabelConfig, type Edge, type NodeChange, type NodeMouseHandler, type NodeTypes, type OnNodeDrag, type Position,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import type { PositionName } from '../../../engine/rules/describeCondition.ts';
import type { Lang } from '../../../engine/rules/messages.ts';
import { moveNodes, setCollapsed, setLayout } from '../../workspace/commands/layoutCommands.ts';
import type { Command } from '../../workspace/createWorkspaceStore.ts';
import { layoutIdOf, type Point, type RecordId, type Records } from '../../workspace/records.ts';
import { CanvasActionsContext, type CanvasActions } from './CanvasActions.tsx';
import { bringIntoView, centredOn } from '../../canvas/bringIntoView.ts';
import { createDragPreview, type PathOf } from '../../canvas/dragPreview.ts';
import { previewNodeOf } from '../../canvas/previewNodeOf.ts';
import { createNodeDrag } from '../../canvas/nodeDrag.ts';
import { planDrag } from '../../canvas/planDrag.ts';
import { reactFlowDom } from '../../canvas/reactFlowDom.ts';
import { isArrowKey, neighbourOf } from './canvasNavigation.ts';
import { NODE_SIZES } from './canvasTree.ts';
import { GroupNode } from './GroupNode.tsx';
import { autoLayout, treePlacer } from './layoutTree.ts';
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
  /** Further nodes shown selected (a provision's rules, chosen in the coverage panel); brought into view together. */
  alsoSelected?: ReadonlySet<RecordId> | undefined;
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
/** A node selected from outside is shown at this zoom at least, and brought closer when on screen below 0.6. */
const BRING_INTO_VIEW = { readableZoom: 0.9, keepZoomFrom: 0.6 };
const smoothStep: PathOf = (ends) => getSmoothStepPath({ ...ends, sourcePosition: ends.sourcePosition as Position, targetPosition: ends.targetPosition as Position });

/** React Flow's accessible names and help in the page language (shared by the lifecycle canvas). */
export function canvasAria(lang: Lang): Partial<AriaLabelConfig> {
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
const ARIA = { vi: canvasAria('vi'), en: canvasAria('en') } as const;

function minimapColor(node: CanvasNode): string {
  if (node.data.trace === 'passed') return '#2e7d32';
  if (node.data.trace === 'failed') return '#c62828';
  if (node.data.match) return '#f9a825';
  return node.type === 'rule' ? '#3f51b5' : node.type === 'section' ? '#6d4c41' : '#90a4ae';
}

function RulesCanvasView(props: RulesCanvasProps) {
  const { records, rulesetId, lang, selectedId, alsoSelected, onSelect, diagnosticsByNode, trace, search, positionName, onCommand } = props;
  const flow = useReactFlow<CanvasNode, Edge>();
  // The stored layout, or the same empty one on every render (a fresh one would rebuild the whole graph each time).
  const stored = records.get(layoutIdOf(rulesetId));
  const layout = stored?.type === 'layout' ? stored : EMPTY_LAYOUT;
  const collapsed = useMemo(() => new Set(layout.collapsed), [layout.collapsed]);
  const previous = useRef<FlowGraph | undefined>(undefined);
  const graph = useMemo(() => {
    const next = toFlow(records, rulesetId, {
      lang, collapsed, positions: layout.positions, diagnosticsByNode, trace, search, selectedId, alsoSelected, positionName,
    }, previous.current);
    previous.current = next;
    return next;
  }, [records, rulesetId, lang, collapsed, layout.positions, diagnosticsByNode, trace, search, selectedId, alsoSelected, positionName]);

  // A drag is drawn straight on the DOM (the canvas layer's preview); the records change once, on drop.
  const store = useStoreApi<CanvasNode, Edge>();
  const graphRef = useRef(graph);
  useLayoutEffect(() => { graphRef.current = graph; }, [graph]);
  const storedRef = useRef(layout.positions);
  useLayoutEffect(() => { storedRef.current = layout.positions; }, [layout.positions]);
  const wrapper = useRef<HTMLDivElement>(null);
  const [drag] = useState(() => createNodeDrag({
    positionOf: (id) => graphRef.current.nodes.find((n) => n.id === id)?.position,
    // What the drag carries along (the nodes placed from the dragged one) and what the drop pins.
    plan: (ids) => planDrag(treePlacer(graphRef.current.tree), storedRef.current, ids),
  }, createDragPreview({
    dom: () => (wrapper.current ? reactFlowDom(wrapper.current) : null),
    edges: () => graphRef.current.edges,
    node: (id, moving) => previewNodeOf(store.getState().nodeLookup.get(id), moving),
    pathOf: smoothStep,
  })));
  useEffect(() => () => drag.cancel(), [drag]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const moved: Record<string, Point> = {};
    for (const c of changes) if (c.type === 'position' && c.position && c.dragging) moved[c.id] = c.position;
    drag.move(moved);
    // Selection, dimensions and removals are not the canvas's to apply: selection goes through onSelect,
    // sizes are fixed per kind, and deletion is a page command.
  }, [drag]);

  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback((_event, _node, dragged) => {
    // The DOM goes back to what React rendered; the command (handled synchronously) renders the drop. Nodes the
    // drop would otherwise shift (siblings stacked under the dragged one) are stored where they are.
    const positions = drag.drop(Object.fromEntries(dragged.map((n) => [n.id, n.position])));
    if (positions) onCommand(moveNodes(rulesetId, positions));
  }, [onCommand, rulesetId, drag]);

  const onNodeClick: NodeMouseHandler<CanvasNode> = useCallback((_e, node) => onSelect(node.id), [onSelect]);
  const onPaneClick = useCallback(() => onSelect(null), [onSelect]);

  const actions = useMemo<CanvasActions>(() => ({
    setCollapsed: (id, value) => onCommand(setCollapsed(rulesetId, id, value)),
  }), [onCommand, rulesetId]);

  const runAutoLayout = useCallback(() => {
    onCommand(setLayout(rulesetId, autoLayout(records, rulesetId, collapsed)));
  }, [onCommand, records, rulesetId, collapsed]);

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
    const { width, height, transform: [, , zoom] } = store.getState();
    void flow.setViewport(centredOn(node.position.x + size.width / 2, node.position.y + size.height / 2, zoom, { width, height })).then(() => {
      requestAnimationFrame(() => find()?.focus());
    });
  }, [flow, store]);

  // A node selected from outside the canvas (search, the inspector's outline, a golden case) is brought into view
  // at a readable zoom; a node selected on the canvas is already in view.
  useEffect(() => {
    if (!selectedId) return;
    if (alsoSelected && alsoSelected.size > 1) {
      // Several rules at once: fit them all (they may sit in different sections).
      void flow.fitView({ nodes: [...alsoSelected].map((id) => ({ id })), maxZoom: 1, padding: 0.2, duration: 0 });
      return;
    }
    const node = flow.getNode(selectedId);
    if (!node) return;
    // From the viewport and pane size React Flow keeps, not from element boxes (which would lay the page out again).
    const { width, height, transform: [x, y, zoom] } = store.getState();
    const next = bringIntoView({ ...node.position, ...NODE_SIZES[node.data.kind] }, { x, y, zoom }, { width, height }, BRING_INTO_VIEW);
    if (next) void flow.setViewport(next, { duration: 0 });
  }, [selectedId, alsoSelected, flow, store]);

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

  // The canvas chrome as stable elements: a change of records re-renders this component, not the controls and minimap.
  const chrome = useMemo(() => (
    <>
      <Background />
      <Controls showInteractive={false}>
        <ControlButton onClick={runAutoLayout} title={CANVAS_CHROME.autoLayout[lang]} aria-label={CANVAS_CHROME.autoLayout[lang]}>
          <span aria-hidden="true">⇶</span>
        </ControlButton>
      </Controls>
      <MiniMap<CanvasNode> pannable zoomable nodeColor={minimapColor} ariaLabel={CANVAS_CHROME.minimap[lang]} />
    </>
  ), [runAutoLayout, lang]);

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
          nodes={graph.nodes}
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
