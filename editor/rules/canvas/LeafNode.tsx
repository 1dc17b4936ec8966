/** A leaf condition in words; under a test-bench trace, the cadre's value beside it ("Giá trị: 31"). */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeFrame } from './NodeFrame.tsx';
import type { CanvasNode } from './toFlow.ts';

export const LeafNode = memo(function LeafNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeFrame id={id} data={data} selected={selected} source={false}>
      <div className="llct-node__title llct-leaf" title={data.label}>{data.label}</div>
      {data.traceValue && <div className="llct-node__value">{data.traceValue}</div>}
    </NodeFrame>
  );
});
