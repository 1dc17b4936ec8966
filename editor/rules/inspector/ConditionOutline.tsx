/**
 * A rule's conditions as a nested list of buttons, each naming its condition in words: the keyboard and screen
 * reader path to every condition (the canvas shows the same tree as a graph). Lit passed/failed by the test bench.
 */
import type { Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import { describeCondition } from '../../../engine/rules/describeCondition.ts';
import { text } from '../../i18n/text.ts';
import type { Lang } from '../../i18n/strings.ts';
import type { RecordId, Records } from '../../workspace/records.ts';
import type { TraceMark } from '../benchTrace.ts';
import { CANVAS_TEXT } from '../canvas/nodeText.ts';

export interface ConditionOutlineProps {
  records: Records;
  root: RecordId;
  lang: Lang;
  selectedId: RecordId | null;
  onSelect: (id: RecordId) => void;
  trace?: ReadonlyMap<RecordId, TraceMark>;
  diagnosticsByNode: ReadonlyMap<RecordId, readonly Diagnostic[]>;
  positionName: (code: string) => { vi: string; en: string } | undefined;
}

export function ConditionOutline(props: ConditionOutlineProps) {
  return <ul className="outline" data-testid="condition-outline"><OutlineItem {...props} id={props.root} /></ul>;
}

function OutlineItem(props: ConditionOutlineProps & { id: RecordId }) {
  const { records, id, lang, selectedId, onSelect, trace, diagnosticsByNode, positionName } = props;
  const r = records.get(id);
  if (r?.type !== 'cond') return null;
  const n = r.node;
  const words = n.op === 'leaf'
    ? describeCondition({ fact: n.fact, operator: n.operator, value: n.value }, lang, { positionName })
    : text(lang, n.op === 'all' ? 'rules.groupAll' : n.op === 'any' ? 'rules.groupAny' : 'rules.groupNot');
  const mark = trace?.get(id);
  const problems = diagnosticsByNode.get(id)?.filter((d) => d.severity !== 'info') ?? [];
  const kids = n.op === 'all' || n.op === 'any' ? n.children : n.op === 'not' ? [n.child] : [];
  return (
    <li>
      <button type="button" className={`outline-node${selectedId === id ? ' selected' : ''}${mark ? (mark.passed ? ' passed' : ' failed') : ''}`}
        data-testid="outline-node" data-node-id={id} aria-pressed={selectedId === id} onClick={() => onSelect(id)}>
        {/* The mark is read "đạt:" then, after a space, the condition ("đạt: Tuổi …"), never run together. */}
        {mark && <><span className="mark" aria-label={`${CANVAS_TEXT[mark.passed ? 'passed' : 'failed'][lang]}:`}>{mark.passed ? '✓' : '✗'}</span>{' '}</>}
        <span>{words}</span>
        {mark?.actualText !== undefined && <span className="actual"> — {CANVAS_TEXT.value[lang].toLocaleLowerCase(lang)}: {mark.actualText}</span>}
        {problems.length > 0 && <span className={`diag-count ${problems.some((d) => d.severity === 'error') ? 'error' : 'warning'}`}>{problems.length}</span>}
      </button>
      {kids.length > 0 && <ul>{kids.map((k) => <OutlineItem key={k} {...props} id={k} />)}</ul>}
    </li>
  );
}
