/** The inspector of a leaf condition: fact (with its Vietnamese label), operator for the fact's type, typed value. */
import type { Position } from '../../../engine/documents/catalogue.ts';
import { describeCondition } from '../../../engine/rules/describeCondition.ts';
import { FACT_NAMES } from '../../../engine/rules/facts.ts';
import type { Lang } from '../../i18n/strings.ts';
import { SelectField } from '../../shared/SelectField.tsx';
import { updateLeaf } from '../../workspace/commands/conditionCommands.ts';
import type { Command } from '../../workspace/createWorkspaceStore.ts';
import type { CondRecord, LeafData } from '../../workspace/records.ts';
import { defaultValueFor, factSpec, OPERATOR_LABELS, operatorsFor, valueEditorFor, type OperatorName } from './factOptions.ts';
import { ValueEditor } from './ValueEditor.tsx';
import { text } from '../../i18n/text.ts';

export interface LeafEditorProps {
  record: CondRecord & { node: { op: 'leaf' } & LeafData };
  positions: readonly Position[];
  positionName: (code: string) => { vi: string; en: string } | undefined;
  lang: Lang;
  onCommand: (c: Command) => void;
}

export function LeafEditor({ record, positions, positionName, lang, onCommand }: LeafEditorProps) {
  const { fact, operator, value } = record.node;
  const spec = factSpec(fact);
  const operators = operatorsFor(fact);
  const factOptions = FACT_NAMES.map((f) => ({ value: f, label: `${factSpec(f)!.label[lang]} (${f})` }));
  const operatorOptions = operators.map((o) => ({ value: o, label: OPERATOR_LABELS[o][lang] }));

  const setFact = (next: string) => {
    const ops = operatorsFor(next);
    const op = ops.includes(operator as OperatorName) ? operator : ops[0]!;
    const keep = valueEditorFor(next, op, value).kind !== 'json' && next !== 'onOrdinal' && fact !== 'onOrdinal';
    onCommand(updateLeaf(record.id, { fact: next, operator: op, value: keep ? value : defaultValueFor(next, op) }, 'fact'));
  };
  const setOperator = (op: string) => {
    const fits = valueEditorFor(fact, op, value).kind !== 'json' || valueEditorFor(fact, operator, value).kind === 'json';
    onCommand(updateLeaf(record.id, fits ? { operator: op } : { operator: op, value: defaultValueFor(fact, op) }, 'operator'));
  };

  return (
    <div className="leaf-editor" data-testid="leaf-editor">
      <p className="leaf-summary" data-testid="leaf-summary">{describeCondition({ fact, operator, value }, lang, { positionName })}</p>
      <SelectField label={text(lang, 'rules.fact')} testId="leaf-fact" value={fact} onChange={setFact} options={factOptions} />
      {spec?.nullable && <p className="hint">{text(lang, 'rules.nullableFact')}</p>}
      <SelectField label={text(lang, 'rules.operator')} testId="leaf-operator" value={operator} onChange={setOperator} options={operatorOptions} />
      <ValueEditor key={`${record.id}:${fact}:${operator}`} fact={fact} operator={operator} value={value} positions={positions} lang={lang}
        onChange={(v) => onCommand(updateLeaf(record.id, { value: v }, 'value'))} />
    </div>
  );
}
