/**
 * The chrome every canvas node shares: connection handles, the search/trace/dim state as classes, the diagnostics
 * badge, the ✓/✗ trace mark and the collapse toggle. The node kinds fill in the body.
 */
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { NODE_SIZES } from './canvasTree.ts';
import { useCanvasActions } from './CanvasActions.tsx';
import { CANVAS_TEXT } from './nodeText.ts';
import type { CanvasNodeData } from './toFlow.ts';

interface NodeFrameProps {
  id: string;
  data: CanvasNodeData;
  selected: boolean;
  children: ReactNode;
  /** Draw the incoming handle (all but the ruleset node). */
  target?: boolean;
  /** Draw the outgoing handle (all but leaves). */
  source?: boolean;
}

export function NodeFrame({ id, data, selected, children, target = true, source = true }: NodeFrameProps) {
  const { setCollapsed } = useCanvasActions();
  const size = NODE_SIZES[data.kind];
  const classes = [
    'llct-node', `llct-node--${data.kind}`,
    selected && 'is-selected', data.match && 'is-match', data.dimmed && 'is-dimmed',
    data.trace && `is-${data.trace}`, data.severity && `has-${data.severity}`,
  ].filter(Boolean).join(' ');
  const toggle = data.collapsed ? CANVAS_TEXT.expand[data.lang] : CANVAS_TEXT.collapse[data.lang];
  return (
    <div className={classes} style={{ width: size.width, height: size.height }} lang={data.lang}>
      {target && <Handle type="target" position={Position.Left} isConnectable={false} />}
      {data.trace && (
        <span className={`llct-trace llct-trace--${data.trace}`} aria-hidden="true">{data.trace === 'passed' ? '✓' : '✗'}</span>
      )}
      <div className="llct-node__body">{children}</div>
      {data.diagnostics > 0 && (
        <span className={`llct-badge llct-badge--${data.severity}`} title={data.diagnosticsText} aria-hidden="true">{data.diagnostics}</span>
      )}
      {data.collapsible && (
        <button
          type="button"
          className="llct-node__toggle nodrag"
          aria-expanded={!data.collapsed}
          aria-label={`${toggle}${data.collapsed ? ` (${data.hiddenCount})` : ''}`}
          title={toggle}
          onClick={(e) => {
            e.stopPropagation();
            setCollapsed(id, !data.collapsed);
          }}
        >
          {data.collapsed ? `+${data.hiddenCount}` : '−'}
        </button>
      )}
      {source && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
}
