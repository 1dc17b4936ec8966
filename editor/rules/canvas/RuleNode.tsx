/** A rule: title, id, citation ("Điều 5 khoản 2") and, for assumed/reported rules, a coloured confidence badge. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeFrame } from './NodeFrame.tsx';
import type { CanvasNode } from './toFlow.ts';

export const RuleNode = memo(function RuleNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeFrame id={id} data={data} selected={selected}>
      <div className="llct-node__title" title={data.label}>{data.label}</div>
      <div className="llct-node__meta">
        <span className="llct-node__id">{data.detail}</span>
        <span className="llct-node__citation">{data.citation}</span>
        {data.confidenceLabel && (
          <span className={`llct-confidence llct-confidence--${data.confidence}`}>{data.confidenceLabel}</span>
        )}
      </div>
    </NodeFrame>
  );
});
