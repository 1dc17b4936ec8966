/**
 * The recorded special decision of a nomination (trường hợp đặc biệt, cấp có thẩm quyền quyết định): off by
 * default; when on, the rule it waives (only the rules the regulation in force marks waivable), who decided, the
 * decision's number and date. Nothing is waived without the record.
 */
import { useId } from 'react';
import type { Nomination, SpecialDecision } from '../../engine/documents/cadre.ts';
import type { Label } from '../../engine/documents/enums.ts';
import type { Lang } from '../i18n/strings.ts';
import { DateField } from '../shared/DateField.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { text } from '../i18n/text.ts';

export interface WaivableRule { id: string; title: Label }

export interface SpecialDecisionFieldsProps {
  nomination: Nomination;
  onChange: (next: Nomination) => void;
  /** The rules the regulation in force on the nomination date lets be waived. */
  waivable: readonly WaivableRule[];
  lang: Lang;
  prefix: string;
}

export function SpecialDecisionFields({ nomination, onChange, waivable, lang, prefix }: SpecialDecisionFieldsProps) {
  const toggleId = useId();
  const byId = useId();
  const numberId = useId();
  const decision = nomination.specialDecision;
  const set = (next: SpecialDecision | undefined) => {
    const { specialDecision: _old, ...rest } = nomination;
    onChange(next ? { ...rest, specialDecision: next } : rest);
  };
  const start = (): SpecialDecision => ({ waives: waivable[0]?.id ?? '', decidedBy: '', number: '', on: nomination.on });
  return (
    <div className="special-decision" data-testid={`${prefix}special-decision`}>
      <div className="field field-inline">
        <input id={toggleId} type="checkbox" data-testid={`${prefix}special-decision-toggle`} checked={decision !== undefined}
          disabled={decision === undefined && waivable.length === 0}
          onChange={(e) => set(e.target.checked ? start() : undefined)} />
        <label htmlFor={toggleId}>{text(lang, 'page.specialDecision')}</label>
      </div>
      {decision === undefined && waivable.length === 0 && <p className="muted small">{text(lang, 'page.specialDecisionNone')}</p>}
      {decision !== undefined && (
        <>
          <SelectField label={text(lang, 'page.specialDecisionWaives')} value={decision.waives} testId={`${prefix}special-decision-waives`}
            options={waivable.map((r) => ({ value: r.id, label: `${r.title[lang]} (${r.id})` }))}
            onChange={(waives) => set({ ...decision, waives })} />
          <div className="field">
            <label htmlFor={byId}>{text(lang, 'page.specialDecisionBy')}</label>
            <input id={byId} type="text" data-testid={`${prefix}special-decision-by`} value={decision.decidedBy}
              onChange={(e) => set({ ...decision, decidedBy: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={numberId}>{text(lang, 'page.specialDecisionNumber')}</label>
            <input id={numberId} type="text" data-testid={`${prefix}special-decision-number`} value={decision.number}
              onChange={(e) => set({ ...decision, number: e.target.value })} />
          </div>
          <DateField label={text(lang, 'page.specialDecisionOn')} value={decision.on} lang={lang} testId={`${prefix}special-decision-on`}
            onChange={(on) => set({ ...decision, on })} />
        </>
      )}
    </div>
  );
}
