/** A section of one training level: "Đối tượng · sơ cấp", "Tiêu chuẩn · trung cấp", "Phân cấp · cao cấp". */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeFrame } from './NodeFrame.tsx';
import type { CanvasNode } from './toFlow.ts';

export const SectionNode = memo(function SectionNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeFrame id={id} data={data} selected={selected}>
      <div className={`llct-node__title llct-section llct-section--${data.ruleKind}`}>{data.label}</div>
      <div className="llct-node__meta">{data.detail}</div>
    </NodeFrame>
  );
});
