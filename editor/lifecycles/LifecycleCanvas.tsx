/**
 * The lifecycle canvas: states as nodes (initial and final marked, problems badged), one arrow per pair of states
 * with the events that move between them. Positions go back as layout commands (one `moveNodes` per drag, `setLayout`
 * for auto-layout); selection goes up through `onSelect` (a state record id or a pair id). Nodes and arrows are focusable;
 * Enter or Space selects the focused one. A drag is drawn on the DOM outside React by the canvas layer
 * (editor/canvas/nodeDrag.ts), as on the rules canvas: no render per pointer move, and the drop stores the dragged
 * states and only those others that would move otherwise.
 */
import '@xyflow/react/dist/style.css';
import './lifecycles.css';
import {
  Background, ControlButton, Controls, getBezierPath, Handle, MarkerType, Position, ReactFlow, ReactFlowProvider, useReactFlow,
  useStore, useStoreApi, type Connection, type Edge, type ReactFlowState, type Node, type NodeChange, type NodeProps, type OnNodeDrag,
} from '@xyflow/react';
import { createContext, memo, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Lang } from '../../engine/rules/messages.ts';
import { bringIntoView } from '../canvas/bringIntoView.ts';
import { createDragPreview, type PathOf } from '../canvas/dragPreview.ts';
import { createNodeDrag } from '../canvas/nodeDrag.ts';
import { pinFollowers, planDrag } from '../canvas/planDrag.ts';
import { previewNodeOf } from '../canvas/previewNodeOf.ts';
import { reactFlowDom } from '../canvas/reactFlowDom.ts';
import { canvasAria } from '../rules/canvas/RulesCanvas.tsx';
import { moveNodes, setLayout } from '../workspace/commands/layoutCommands.ts';
import { addTransition, reconnectArrow } from '../workspace/commands/lifecycleTransitionCommands.ts';
import type { ApplyResult, Command } from '../workspace/createWorkspaceStore.ts';
import type { Point, RecordId } from '../workspace/records.ts';
import { autoLayoutStates, pairId, pairText, STATE_SIZE, stateAria, statePlacer, type LifecycleGraph, type StateView } from './lifecycleFlow.ts';
import { LIFECYCLE_STRINGS } from '../i18n/lifecycleStrings.ts';
import { text } from '../i18n/text.ts';

interface StateNodeData extends Record<string, unknown> { view: StateView; lang: Lang }

/**
 * The state a class being run is in. View state, read by the state nodes themselves rather than put in their data:
 * a new node object makes React Flow drop that node's measurements and measure it again (and hide its arrows until
 * then), so lighting another state on every step of a run would re-measure every state and redraw every arrow.
 */
const CurrentState = createContext<string | null>(null);

/**
 * While a connection goes from a source (a new arrow, or an arrow's target end dragged), the whole state takes the
 * drop, not just its left dot. Read from React Flow's own connection state, so nothing here has to follow it.
 */
const placingTarget = (s: ReactFlowState) => s.connection.inProgress && s.connection.fromHandle?.type === 'source';
type StateNode = Node<StateNodeData, 'state'>;

const StateNodeView = memo(function StateNodeView({ data, selected }: NodeProps<StateNode>) {
  const { view, lang } = data;
  const current = useContext(CurrentState) === view.id;
  const dropTarget = useStore(placingTarget);
  const classes = ['lc-state', current && 'is-current', view.initial && 'is-initial', view.final && 'is-final', selected && 'is-selected', view.severity && `has-${view.severity}`].filter(Boolean).join(' ');
  return (
    <div className={classes} style={{ width: STATE_SIZE.width, height: STATE_SIZE.height }} lang={lang} data-state={view.name}>
      <Handle type="target" position={Position.Left} isConnectableStart={false} className={dropTarget ? 'lc-drop-target' : undefined} />
      <div className="lc-state__title" title={view.label}>{view.initial && <span aria-hidden="true">▶ </span>}{view.label}</div>
      <div className="lc-state__meta">
        <code>{view.name}</code>
        {view.final && <span className="lc-tag">{text(lang, 'lifecycle.final')}</span>}
        {view.internal.length > 0 && <span className="lc-tag" title={view.internal.map((t) => t.event).join(', ')}>↻ {view.internal.length}</span>}
        {view.severity && <span className={`lc-badge lc-badge--${view.severity}`} aria-hidden="true">{view.diagnostics.length || '!'}</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={!view.final} isConnectableEnd={!view.final} title={view.final ? undefined : text(lang, 'lifecycle.dragToConnect')} />
    </div>
  );
});

const nodeTypes = { state: StateNodeView };
const ARIA = { vi: canvasAria('vi'), en: canvasAria('en') } as const;
/** A state selected or lit from outside is shown at this zoom at least when the view has to move. */
const BRING_INTO_VIEW = { readableZoom: 0.8 };
/** React Flow's default edge (a bezier), for the drag preview. */
const bezier: PathOf = (ends) => getBezierPath({ ...ends, sourcePosition: ends.sourcePosition as Position, targetPosition: ends.targetPosition as Position });
const ARIA_TEXT = { state: LIFECYCLE_STRINGS.state, initial: LIFECYCLE_STRINGS.initial, final: LIFECYCLE_STRINGS.final, problems: LIFECYCLE_STRINGS.problems };

export interface LifecycleCanvasProps {
  recordId: RecordId;
  title: string;
  graph: LifecycleGraph;
  lang: Lang;
  selectedId: string | null;
  onSelect(id: string | null): void;
  onCommand(command: Command): ApplyResult;
  /** The state (record id) a class being run is in: lit on the canvas. */
  currentState?: string | null;
  /** The event a new arrow drawn from the state record `from` starts with (the inspector then lets it be changed). */
  eventForNewArrow(from: string): string | undefined;
}

function CanvasView({ recordId, title, graph, lang, selectedId, onSelect, onCommand, currentState = null, eventForNewArrow }: LifecycleCanvasProps) {
  // A state's box has a fixed size, so its measurements are given: a node rebuilt (selected, moved, relabelled)
  // keeps the handle positions React Flow measured instead of being measured again with its arrows hidden meanwhile.
  const nodes = useMemo<StateNode[]>(() => graph.states.map((s) => ({
    id: s.id, type: 'state', position: graph.positions.get(s.id)!, data: { view: s, lang },
    selected: selectedId === s.id, width: STATE_SIZE.width, height: STATE_SIZE.height, measured: STATE_SIZE, ariaLabel: stateAria(s, lang, ARIA_TEXT),
  })), [graph, lang, selectedId]);
  const edges = useMemo<Edge[]>(() => graph.pairs.map((p) => ({
    id: p.id, source: p.from, target: p.to, label: pairText(p), selected: selectedId === p.id,
    className: ['lc-edge', p.severity && `has-${p.severity}`].filter(Boolean).join(' '),
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    ariaLabel: `${p.fromName} → ${p.toName}: ${p.transitions.map((t) => t.eventLabel).join(', ')}`,
    labelBgPadding: [4, 2] as [number, number], labelBgBorderRadius: 3, reconnectable: true,
  })), [graph, selectedId]);

  // Drawing an arrow from a state's right dot adds a transition; dragging an arrow's end moves every transition it
  // carries (one undo step); a start end is dropped on a state's right dot. Arrows leaving one state share their
  // start point: the selected arrow is drawn on top, so selecting it first picks which one moves. The inspector does
  // the same from the keyboard ("from" and "to").
  const onConnect = useCallback((c: Connection) => {
    const event = eventForNewArrow(c.source);
    if (!event || c.source === c.target) return;
    if (onCommand(addTransition(c.source, event, c.target)).ok) onSelect(pairId(c.source, c.target));
  }, [eventForNewArrow, onCommand, onSelect]);
  const onReconnect = useCallback((old: Edge, c: Connection) => {
    const pair = graph.pairs.find((p) => p.id === old.id);
    if (!pair || (c.source === pair.from && c.target === pair.to)) return;
    const to = { ...(c.source !== pair.from ? { from: c.source } : {}), ...(c.target !== pair.to ? { target: c.target } : {}) };
    if (onCommand(reconnectArrow(pair.transitions.map((t) => t.id), to)).ok) onSelect(pairId(c.source, c.target));
  }, [graph, onCommand, onSelect]);

  // A drag is drawn straight on the DOM (the canvas layer's preview, as on the rules canvas); the layout changes once,
  // on drop. Neighbours placed from a dragged state are pinned rather than carried: in a graph they are its peers.
  const store = useStoreApi<StateNode, Edge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const graphRef = useRef(graph);
  useLayoutEffect(() => { graphRef.current = graph; }, [graph]);
  const edgesRef = useRef(edges);
  useLayoutEffect(() => { edgesRef.current = edges; }, [edges]);
  const [drag] = useState(() => createNodeDrag({
    positionOf: (id) => graphRef.current.positions.get(id),
    plan: (ids) => pinFollowers(planDrag(statePlacer(graphRef.current.states, graphRef.current.pairs), graphRef.current.stored, ids)),
  }, createDragPreview({
    dom: () => (wrapper.current ? reactFlowDom(wrapper.current) : null),
    edges: () => edgesRef.current,
    node: (id, moving) => previewNodeOf(store.getState().nodeLookup.get(id), moving),
    pathOf: bezier,
  })));
  useEffect(() => () => drag.cancel(), [drag]);

  const onNodesChange = useCallback((changes: NodeChange<StateNode>[]) => {
    const moved: Record<string, Point> = {};
    for (const c of changes) if (c.type === 'position' && c.position && c.dragging) moved[c.id] = c.position;
    drag.move(moved);
  }, [drag]);
  const onNodeDragStop: OnNodeDrag<StateNode> = useCallback((_e, _n, dragged) => {
    const positions = drag.drop(Object.fromEntries(dragged.map((n) => [n.id, n.position])));
    if (positions) onCommand(moveNodes(recordId, positions));
  }, [drag, onCommand, recordId]);

  const onKeyDownCapture = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const target = e.target as HTMLElement;
    const id = target.dataset.id ?? target.closest<HTMLElement>('.react-flow__edge')?.dataset.id;
    if (!id || !(target.classList.contains('react-flow__node') || target.classList.contains('react-flow__edge'))) return;
    e.preventDefault();
    e.stopPropagation();
    onSelect(id);
  }, [onSelect]);

  // The first view shows the start of the lifecycle at a readable size (fitting a long one whole would shrink its
  // text below reading size): the states within the first ~1,000 px from the left, less on a narrow screen.
  const [fitOptions] = useState(() => {
    const xs = [...graph.positions.values()].map((p) => p.x);
    const left = Math.min(...xs);
    const reach = Math.max(250, Math.min(1000, window.innerWidth - 380));
    const first = graph.states.filter((s) => graph.positions.get(s.id)!.x <= left + reach).map((s) => ({ id: s.id }));
    return { maxZoom: 1, minZoom: 0.6, padding: 0.08, nodes: first };
  });

  // A state selected outside the canvas (the list, a new state) or reached by a class being run is brought into view.
  // Whether the state is in view is worked out from the viewport and the pane's size that React Flow keeps, not read
  // from the page: reading boxes would lay the page out again (the run panel's learner table with it) on every step.
  const flow = useReactFlow<StateNode, Edge>();
  const shown = useCallback((id: string | null) => {
    const at = id ? graph.positions.get(id) : undefined;
    if (!id || !at) return;
    const { width, height, transform: [x, y, zoom] } = store.getState();
    const next = bringIntoView({ ...at, ...STATE_SIZE }, { x, y, zoom }, { width, height }, BRING_INTO_VIEW);
    if (next) void flow.setViewport(next, { duration: 0 });
  }, [graph, flow, store]);
  useEffect(() => shown(selectedId), [selectedId, shown]);
  useEffect(() => shown(currentState), [currentState, shown]);

  // Stable handlers: React Flow copies its props into its store, and a new function there redraws every arrow.
  const onNodeClick = useCallback((_e: unknown, n: StateNode) => onSelect(n.id), [onSelect]);
  const onEdgeClick = useCallback((_e: unknown, ed: Edge) => onSelect(ed.id), [onSelect]);
  const onPaneClick = useCallback(() => onSelect(null), [onSelect]);

  const autoLayout = useCallback(() => onCommand(setLayout(recordId, Object.fromEntries(autoLayoutStates(graph.states, graph.pairs)))), [graph, onCommand, recordId]);

  return (
    <div ref={wrapper} className="lc-canvas" role="region" aria-label={text(lang, 'lifecycle.canvas', { title })} onKeyDownCapture={onKeyDownCapture} lang={lang} data-testid="lifecycle-canvas">
      <CurrentState.Provider value={currentState}>
      <ReactFlow<StateNode, Edge>
        nodes={nodes} edges={edges} nodeTypes={nodeTypes}
        onNodesChange={onNodesChange} onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick} onEdgeClick={onEdgeClick} onPaneClick={onPaneClick}
        nodesFocusable edgesFocusable nodesConnectable edgesReconnectable elementsSelectable deleteKeyCode={null}
        onConnect={onConnect} onReconnect={onReconnect} elevateEdgesOnSelect
        fitView fitViewOptions={fitOptions} minZoom={0.2} maxZoom={2}
        ariaLabelConfig={ARIA[lang]}
      >
        <Background />
        <Controls showInteractive={false}>
          <ControlButton onClick={autoLayout} title={text(lang, 'lifecycle.autoLayout')} aria-label={text(lang, 'lifecycle.autoLayout')} data-testid="lifecycle-auto-layout">
            <span aria-hidden="true">⇶</span>
          </ControlButton>
        </Controls>
      </ReactFlow>
      </CurrentState.Provider>
    </div>
  );
}

export function LifecycleCanvas(props: LifecycleCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasView {...props} />
    </ReactFlowProvider>
  );
}
