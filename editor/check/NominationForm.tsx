/** Level, mode and date of the nomination (cử đi học), and its recorded special decision when the caller allows one. */
import type { Nomination } from '../../engine/documents/cadre.ts';
import { LABELS, MODES, TRAINING_LEVELS } from '../../engine/documents/enums.ts';
import { FACTS } from '../../engine/rules/facts.ts';
import type { Lang } from '../i18n/strings.ts';
import { DateField } from '../shared/DateField.tsx';
import { Segmented } from '../shared/Segmented.tsx';
import { SpecialDecisionFields, type WaivableRule } from './SpecialDecisionFields.tsx';
import { text } from '../i18n/text.ts';

export interface NominationFormProps {
  nomination: Nomination;
  onChange: (next: Nomination) => void;
  lang: Lang;
  /** Prefix of the radio group names and test ids, so that two forms on one page stay apart. */
  prefix?: string;
  /** The rules a special decision may waive under the regulation in force; the special-decision fields show when given. */
  waivable?: readonly WaivableRule[];
}

export function NominationForm({ nomination, onChange, lang, prefix = '', waivable }: NominationFormProps) {
  return (
    <fieldset className="card">
      <legend>{text(lang, 'page.nomination')}</legend>
      <Segmented
        name={`${prefix}level`}
        legend={text(lang, 'page.level')}
        options={TRAINING_LEVELS.map((v) => ({ value: v, label: LABELS.theoryLevel[v][lang] }))}
        value={nomination.level}
        onChange={(level) => onChange({ ...nomination, level })}
      />
      <Segmented
        name={`${prefix}mode`}
        legend={text(lang, 'page.mode')}
        options={MODES.map((v) => ({ value: v, label: LABELS.mode[v][lang] }))}
        value={nomination.mode}
        onChange={(mode) => onChange({ ...nomination, mode })}
      />
      <DateField
        label={text(lang, 'page.nominationDate')}
        value={nomination.on}
        onChange={(on) => onChange({ ...nomination, on })}
        lang={lang}
        testId={`${prefix}nomination-date`}
      />
      <label className="inline-check"><input type="checkbox" data-testid={`${prefix}on-request`} checked={nomination.onRequest ?? false}
        onChange={(e) => onChange({ ...nomination, onRequest: e.target.checked })} /> {FACTS.onRequest.label[lang]}</label>
      {waivable && <SpecialDecisionFields nomination={nomination} onChange={onChange} waivable={waivable} lang={lang} prefix={prefix} />}
    </fieldset>
  );
}
