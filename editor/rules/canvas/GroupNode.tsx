/** A condition group: "Tất cả các điều kiện sau", "Ít nhất một trong" or "Không phải", with its member count. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeFrame } from './NodeFrame.tsx';
import type { CanvasNode } from './toFlow.ts';

export const GroupNode = memo(function GroupNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeFrame id={id} data={data} selected={selected}>
      <div className={`llct-node__title llct-group llct-group--${data.groupOp}`}>{data.label}</div>
      <div className="llct-node__meta">{data.detail}</div>
    </NodeFrame>
  );
});
