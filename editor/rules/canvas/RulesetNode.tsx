/** The ruleset: its regulation code and title, the root of the canvas. */
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeFrame } from './NodeFrame.tsx';
import type { CanvasNode } from './toFlow.ts';

export const RulesetNode = memo(function RulesetNode({ id, data, selected }: NodeProps<CanvasNode>) {
  return (
    <NodeFrame id={id} data={data} selected={selected} target={false}>
      <div className="llct-node__title llct-ruleset">{data.label}</div>
      <div className="llct-node__meta" title={data.detail}>{data.detail}</div>
    </NodeFrame>
  );
});
