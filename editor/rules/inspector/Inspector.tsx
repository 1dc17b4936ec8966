/** The inspector: the selected rule or condition, its problems, its actions and its typed editors. */
import type { Institution, Position } from '../../../engine/documents/catalogue.ts';
import type { Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import { citationText } from '../../../engine/documents/ruleset.ts';
import type { Lang } from '../../i18n/strings.ts';
import { ConfidenceBadge } from '../../shared/ConfidenceBadge.tsx';
import type { ApplyResult, Command } from '../../workspace/createWorkspaceStore.ts';
import type { RecordId, Records, RulesetRecord } from '../../workspace/records.ts';
import type { TraceMark } from '../benchTrace.ts';
import { createdCondition, selectionActions, type SelectionAction } from '../selectionActions.ts';
import { ConditionOutline } from './ConditionOutline.tsx';
import { DiagnosticItem } from './DiagnosticItem.tsx';
import { LeafEditor } from './LeafEditor.tsx';
import { MoveToGroup } from './MoveToGroup.tsx';
import { RuleMetaEditor } from './RuleMetaEditor.tsx';
import { RulesetMetaEditor } from './RulesetMetaEditor.tsx';
import { text } from '../../i18n/text.ts';

export interface InspectorProps {
  records: Records;
  selectedId: RecordId | null;
  onSelect: (id: RecordId | null) => void;
  /** Applies a command; its result (when given) lets an added condition be selected at once. */
  onCommand: (c: Command) => ApplyResult | void;
  diagnosticsByNode: ReadonlyMap<RecordId, readonly Diagnostic[]>;
  trace?: ReadonlyMap<RecordId, TraceMark>;
  positions: readonly Position[];
  institutions: readonly Pick<Institution, 'id' | 'name'>[];
  positionName: (code: string) => { vi: string; en: string } | undefined;
  lang: Lang;
}

export function Inspector(props: InspectorProps) {
  const { records, selectedId, onCommand, diagnosticsByNode, lang } = props;
  // Choosing another node from inside the inspector moves the keyboard to the top of its new contents.
  const onSelect = (id: RecordId) => {
    props.onSelect(id);
    requestAnimationFrame(() => document.getElementById('inspector-heading')?.focus());
  };
  const run = (a: SelectionAction) => {
    const result = onCommand(a.command);
    const created = a.selectsCreated && result && result.ok ? createdCondition(result.diff) : undefined;
    if (created) onSelect(created);
  };
  const r = selectedId ? records.get(selectedId) : undefined;
  if (r?.type === 'ruleset') {
    return (
      <section className="inspector card" aria-labelledby="inspector-heading" data-testid="inspector" data-selected={r.id}>
        <h2 id="inspector-heading" tabIndex={-1}>{text(lang, 'rules.inspector')}: {text(lang, 'rules.ruleset')} {r.meta.regulation.code}</h2>
        {(diagnosticsByNode.get(r.id) ?? []).length > 0 && (
          <ul className="diagnostics" data-testid="inspector-diagnostics">{diagnosticsByNode.get(r.id)!.map((d, i) => <DiagnosticItem key={i} d={d} lang={lang} />)}</ul>
        )}
        <RulesetMetaEditor record={r} lang={lang} onCommand={onCommand} />
      </section>
    );
  }
  if (!r || (r.type !== 'rule' && r.type !== 'cond')) {
    return <section className="inspector card" aria-labelledby="inspector-heading" data-testid="inspector"><h2 id="inspector-heading">{text(lang, 'rules.inspector')}</h2><p className="muted">{text(lang, 'rules.nothingSelected')}</p></section>;
  }
  const rule = r.type === 'rule' ? r : records.get(r.rule);
  if (rule?.type !== 'rule') return null;
  const rs = records.get(rule.ruleset) as RulesetRecord | undefined;
  const problems = diagnosticsByNode.get(r.id) ?? [];
  const actions = selectionActions(records, r.id);
  const heading = r.type === 'rule' ? `${text(lang, 'rules.rule')} ${rule.data.id}` : text(lang, r.node.op === 'leaf' ? 'rules.condition' : 'rules.group');

  return (
    <section className="inspector card" aria-labelledby="inspector-heading" data-testid="inspector" data-selected={r.id}>
      <h2 id="inspector-heading" tabIndex={-1}>{text(lang, 'rules.inspector')}: {heading}</h2>
      {r.type === 'cond' && (
        <button type="button" className="link" data-testid="back-to-rule" onClick={() => onSelect(rule.id)}>← {text(lang, 'rules.rule')} {rule.data.id}: {rule.data.title[lang]}</button>
      )}
      <p className="rule-cite">
        {rs && <span data-testid="inspector-citation">{citationText(rs.meta.regulation.code, rule.data.citation, lang)}</span>} <ConfidenceBadge confidence={rule.data.confidence} lang={lang} />
      </p>
      {problems.length > 0 && (
        <ul className="diagnostics" data-testid="inspector-diagnostics">{problems.map((d, i) => <DiagnosticItem key={i} d={d} lang={lang} />)}</ul>
      )}
      {actions.length > 0 && (
        <div className="actions" role="toolbar" aria-label={text(lang, 'rules.actions')}>
          {actions.map((a) => (
            <button key={a.id} type="button" className={a.danger ? 'danger' : undefined} data-testid={`action-${a.id}`}
              title={a.shortcut ? `${a.label[lang]} (${a.shortcut})` : undefined} onClick={() => run(a)}>{a.label[lang]}</button>
          ))}
        </div>
      )}
      {r.type === 'cond' && records.get(r.parent)?.type === 'cond' && (records.get(r.parent) as { node: { op: string } }).node.op !== 'not' && (
        <MoveToGroup records={records} condId={r.id} lang={lang} onCommand={onCommand} />
      )}
      {r.type === 'cond' && r.node.op === 'leaf' && (
        <LeafEditor record={r as never} positions={props.positions} positionName={props.positionName} lang={lang} onCommand={onCommand} />
      )}
      {r.type === 'rule' && <RuleMetaEditor record={r} institutions={props.institutions} lang={lang} onCommand={onCommand} />}
      <h3>{text(lang, 'rules.conditions')}</h3>
      <ConditionOutline records={records} root={r.type === 'rule' ? r.root : r.id} lang={lang} selectedId={selectedId} onSelect={onSelect}
        trace={props.trace} diagnosticsByNode={diagnosticsByNode} positionName={props.positionName} />
    </section>
  );
}
