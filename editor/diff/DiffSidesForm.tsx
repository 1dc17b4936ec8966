/** Side A and side B: the regulation in force on the date, or 57-QĐ/TW or 350-QĐ/TW whatever the date; B's own date. */
import { DateField } from '../widgets/DateField.tsx';
import { SelectField } from '../widgets/SelectField.tsx';
import { t, type Lang } from '../i18n/strings.ts';
import { SIDE_CHOICES, type SideChoice } from './buildDiffSides.ts';

export interface SidesValue {
  a: SideChoice;
  b: SideChoice;
  /** Whether side B has its own date, and that date (ISO; kept while unticked). */
  bOwnDate: boolean;
  bOn: string;
}

const CODES: Record<Exclude<SideChoice, 'in-force'>, string> = { '57-qd-tw': '57-QĐ/TW', '350-qd-tw': '350-QĐ/TW' };

export function DiffSidesForm({ value, onChange, lang }: { value: SidesValue; onChange: (next: SidesValue) => void; lang: Lang }) {
  const options = SIDE_CHOICES.map((c) => ({ value: c, label: c === 'in-force' ? t(lang, 'diffSideInForce') : CODES[c] }));
  return (
    <fieldset className="card">
      <legend>{t(lang, 'diffSides')}</legend>
      <div className="grid-2">
        <SelectField label={t(lang, 'diffSideA')} testId="side-a" value={value.a} options={options}
          onChange={(a) => onChange({ ...value, a: a as SideChoice })} />
        <SelectField label={t(lang, 'diffSideB')} testId="side-b" value={value.b} options={options}
          onChange={(b) => onChange({ ...value, b: b as SideChoice })} />
      </div>
      <p className="muted small">{t(lang, 'diffSidesHint')}</p>
      <div className="checks">
        <label>
          <input type="checkbox" data-testid="side-b-own-date" checked={value.bOwnDate}
            onChange={(e) => onChange({ ...value, bOwnDate: e.target.checked })} /> {t(lang, 'diffBOwnDate')}
        </label>
      </div>
      {value.bOwnDate && (
        <DateField label={t(lang, 'diffBDate')} testId="side-b-date" value={value.bOn} lang={lang} onChange={(bOn) => onChange({ ...value, bOn })} />
      )}
    </fieldset>
  );
}
