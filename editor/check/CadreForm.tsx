/**
 * The key fields of the cadre profile, editable. Values are the contract's codes; what a person sees are the labels
 * of `LABELS` and of the catalogues.
 */
import { useId, useState } from 'react';
import type { CadreProfileInput } from '../../engine/documents/cadre.ts';
import type { Position, Province } from '../../engine/documents/catalogue.ts';
import { formatDate, parseIsoDate, wholeYearsBetween, yearOf } from '../../engine/documents/dates.ts';
import { EDUCATION_LEVELS, LABELS, PARTY_STATUSES, RATINGS, SEXES, THEORY_LEVELS, WORKPLACE_TIERS, type Education, type Label, type PartyStatus, type Rating, type Sex, type TheoryLevel, type WorkplaceTier } from '../../engine/documents/enums.ts';
import type { Lang } from '../i18n/strings.ts';
import { DateField } from '../shared/DateField.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { MoreCadreFields } from './MoreCadreFields.tsx';
import './cadreForm.css';
import { text } from '../i18n/text.ts';

export interface CadreFormProps {
  profile: CadreProfileInput;
  onChange: (next: CadreProfileInput) => void;
  /** ISO nomination date: age is shown on it, and the ratings asked for are those of the two years before it. */
  nominationOn: string;
  positions: readonly Position[];
  provinces: readonly Province[];
  lang: Lang;
  /**
   * Facts the rules in play read (see factsInPlay.ts): the further fields behind them are shown, the others on
   * demand ("Hiện mọi trường"). Without it every field is shown.
   */
  facts?: ReadonlySet<string>;
}

function options<K extends string>(values: readonly K[], table: Record<K, Label>, lang: Lang) {
  return values.map((v) => ({ value: v, label: table[v][lang] }));
}

export function CadreForm({ profile, onChange, nominationOn, positions, provinces, lang, facts }: CadreFormProps) {
  const [showAll, setShowAll] = useState(false);
  const nominationYear = yearOf(nominationOn);
  const age = parseIsoDate(profile.birthDate) ? wholeYearsBetween(profile.birthDate, nominationOn) : undefined;
  const nameId = useId();
  const workplace = profile.workplace ?? {};
  const set = (patch: Partial<CadreProfileInput>) => onChange({ ...profile, ...patch });
  const setWorkplace = (patch: Partial<NonNullable<CadreProfileInput['workplace']>>) => set({ workplace: { ...workplace, ...patch } });
  const positionOptions = positions.map((p) => ({ value: p.code, label: p.name[lang] }));
  const provinceOptions = provinces.map((p) => ({
    value: p.name,
    label: p.until ? `${p.name} (${text(lang, 'page.until')} ${formatDate(p.until)})` : p.name,
  }));
  const ratingOf = (year: number) => profile.ratings?.find((r) => r.year === year)?.rating ?? '';
  const setRating = (year: number, rating: string) => {
    const others = (profile.ratings ?? []).filter((r) => r.year !== year);
    const next = rating === '' ? others : [...others, { year, rating: rating as Rating }];
    set({ ratings: next.sort((a, b) => a.year - b.year) });
  };

  return (
    <fieldset className="card">
      <legend>{text(lang, 'page.cadre')}</legend>
      <div className="field">
        <label htmlFor={nameId}>{text(lang, 'page.fullName')}</label>
        <input id={nameId} data-testid="full-name" type="text" value={profile.fullName ?? ''} onChange={(e) => set({ fullName: e.target.value })} />
      </div>
      <div className="grid-2">
        <SelectField label={text(lang, 'page.sex')} testId="sex" value={profile.sex} options={options(SEXES, LABELS.sex, lang)}
          onChange={(v) => set({ sex: v as Sex })} />
        <DateField label={text(lang, 'page.birthDate')} testId="birth-date" value={profile.birthDate} lang={lang}
          hint={age === undefined ? undefined : text(lang, 'page.ageOnNomination', { age })}
          onChange={(birthDate) => set({ birthDate })} />
        <SelectField label={text(lang, 'page.partyStatus')} testId="party-status" value={profile.party?.status ?? 'none'}
          options={options(PARTY_STATUSES, LABELS.partyStatus, lang)}
          onChange={(v) => set({ party: { ...profile.party, status: v as PartyStatus } })} />
        <SelectField label={text(lang, 'page.education')} testId="education" value={profile.education}
          options={options(EDUCATION_LEVELS, LABELS.education, lang)} onChange={(v) => set({ education: v as Education })} />
        <SelectField label={text(lang, 'page.politicalTheory')} testId="political-theory" value={profile.politicalTheory ?? 'none'}
          options={options(THEORY_LEVELS, LABELS.theoryLevel, lang)} onChange={(v) => set({ politicalTheory: v as TheoryLevel })} />
        <SelectField label={text(lang, 'page.position')} testId="position" value={profile.position ?? ''} emptyLabel={text(lang, 'page.noPosition')}
          options={positionOptions} onChange={(v) => set({ position: v === '' ? undefined : v })} />
        <SelectField label={text(lang, 'page.planning')} testId="planning" value={profile.planning?.[0] ?? ''} emptyLabel={text(lang, 'page.noPlanning')}
          options={positionOptions} onChange={(v) => set({ planning: v === '' ? [] : [v] })} />
        <SelectField label={text(lang, 'page.province')} testId="province" value={workplace.province ?? ''} emptyLabel={text(lang, 'page.notGiven')}
          options={provinceOptions} onChange={(v) => setWorkplace({ province: v === '' ? undefined : v })} />
        <SelectField label={text(lang, 'page.workplaceTier')} testId="workplace-tier" value={workplace.tier ?? ''} emptyLabel={text(lang, 'page.notGiven')}
          options={options(WORKPLACE_TIERS, LABELS.workplaceTier, lang)}
          onChange={(v) => setWorkplace({ tier: v === '' ? undefined : v as WorkplaceTier })} />
        {[nominationYear - 1, nominationYear - 2].map((year) => (
          <SelectField key={year} label={`${text(lang, 'page.ratings')} ${year}`} testId={`rating-${year}`} value={ratingOf(year)}
            emptyLabel={text(lang, 'page.noRatings')} options={options(RATINGS, LABELS.rating, lang)} onChange={(v) => setRating(year, v)} />
        ))}
      </div>
      <div className="checks">
        <label><input type="checkbox" data-testid="ethnic-minority" checked={profile.ethnicMinority ?? false}
          onChange={(e) => set({ ethnicMinority: e.target.checked })} /> {text(lang, 'page.ethnicMinority')}</label>
        <label><input type="checkbox" data-testid="difficult-area" checked={profile.difficultArea ?? false}
          onChange={(e) => set({ difficultArea: e.target.checked })} /> {text(lang, 'page.difficultArea')}</label>
      </div>
      <fieldset className="more-fields" aria-describedby={`${nameId}-more-hint`}>
        <legend>{text(lang, 'cadreForm.moreFields')}</legend>
        {facts && (
          <>
            <p className="muted small" id={`${nameId}-more-hint`}>{text(lang, 'cadreForm.moreFieldsHint')}</p>
            <label className="inline-check"><input type="checkbox" data-testid="show-all-fields" checked={showAll}
              onChange={(e) => setShowAll(e.target.checked)} /> {text(lang, 'cadreForm.showAll')}</label>
          </>
        )}
        <MoreCadreFields profile={profile} onChange={onChange} nominationOn={nominationOn} facts={showAll ? undefined : facts} lang={lang} />
      </fieldset>
      {workplace.agency && <p className="muted">{text(lang, 'page.workplace')}: {workplace.agency}</p>}
    </fieldset>
  );
}
