/**
 * The nomination of rows that carry none of their own: level, mode and date, with the check page's controls (their
 * radio groups and test ids are prefixed `diff-` so both views can live in one document).
 */
import type { Nomination } from '../../engine/documents/cadre.ts';
import { LABELS, MODES, TRAINING_LEVELS } from '../../engine/documents/enums.ts';
import { DateField } from '../shared/DateField.tsx';
import { Segmented } from '../shared/Segmented.tsx';
import type { Lang } from '../i18n/strings.ts';
import { text } from '../i18n/text.ts';
import '../i18n/diffStrings.ts';

type Defaults = Pick<Nomination, 'level' | 'mode' | 'on'>;

export function DiffDefaultsForm({ value, onChange, lang }: { value: Defaults; onChange: (next: Defaults) => void; lang: Lang }) {
  return (
    <fieldset className="card">
      <legend>{text(lang, 'diff.diffDefaults')}</legend>
      <Segmented name="diff-level" legend={text(lang, 'page.level')} value={value.level}
        options={TRAINING_LEVELS.map((v) => ({ value: v, label: LABELS.theoryLevel[v][lang] }))}
        onChange={(level) => onChange({ ...value, level })} />
      <Segmented name="diff-mode" legend={text(lang, 'page.mode')} value={value.mode}
        options={MODES.map((v) => ({ value: v, label: LABELS.mode[v][lang] }))}
        onChange={(mode) => onChange({ ...value, mode })} />
      <DateField label={text(lang, 'page.nominationDate')} testId="diff-nomination-date" value={value.on} lang={lang}
        onChange={(on) => onChange({ ...value, on })} />
      <p className="muted small">{text(lang, 'diff.diffDefaultsHint')}</p>
    </fieldset>
  );
}
