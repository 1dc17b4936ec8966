/**
 * Side A and side B: the regulation in force on the date, or one ruleset whatever the date (a workspace ruleset as
 * edited, a shipped original, a saved version); B's own date.
 */
import { DateField } from '../shared/DateField.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import type { Lang } from '../i18n/strings.ts';
import type { SideChoice } from './buildDiffSides.ts';
import type { SideOption } from './diffSources.ts';
import { text } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

export interface SidesValue {
  a: SideChoice;
  b: SideChoice;
  /** Whether side B has its own date, and that date (ISO; kept while unticked). */
  bOwnDate: boolean;
  bOn: string;
}

export interface DiffSidesFormProps {
  value: SidesValue;
  onChange: (next: SidesValue) => void;
  choices: readonly Pick<SideOption, 'id' | 'label'>[];
  lang: Lang;
}

export function DiffSidesForm({ value, onChange, choices, lang }: DiffSidesFormProps) {
  const options = [{ value: 'in-force', label: text(lang, 'diff.diffSideInForce') }, ...choices.map((c) => ({ value: c.id, label: c.label[lang] }))];
  return (
    <fieldset className="card">
      <legend>{text(lang, 'diff.diffSides')}</legend>
      <div className="grid-2">
        <SelectField label={text(lang, 'diff.diffSideA')} testId="side-a" value={value.a} options={options}
          onChange={(a) => onChange({ ...value, a: a as SideChoice })} />
        <SelectField label={text(lang, 'diff.diffSideB')} testId="side-b" value={value.b} options={options}
          onChange={(b) => onChange({ ...value, b: b as SideChoice })} />
      </div>
      <p className="muted small">{text(lang, 'diff.diffSidesHint')}</p>
      <div className="checks">
        <label>
          <input type="checkbox" data-testid="side-b-own-date" checked={value.bOwnDate}
            onChange={(e) => onChange({ ...value, bOwnDate: e.target.checked })} /> {text(lang, 'diff.diffBOwnDate')}
        </label>
      </div>
      {value.bOwnDate && (
        <DateField label={text(lang, 'diff.diffBDate')} testId="side-b-date" value={value.bOn} lang={lang} onChange={(bOn) => onChange({ ...value, bOn })} />
      )}
    </fieldset>
  );
}
