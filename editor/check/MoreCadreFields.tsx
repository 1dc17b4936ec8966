/**
 * The cadre form's further fields: workplace sector, civil-service grade and since when, the candidate pool, years
 * teaching political theory and the Party dates. A field shows when the rules in play read its fact, when it has a
 * value, or when the user asks for every field; labels are the fact catalogue's. Dates are DD/MM/YYYY, optional.
 */
import type { CadreProfileInput } from '../../engine/documents/cadre.ts';
import { parseIsoDate, wholeYearsBetween } from '../../engine/documents/dates.ts';
import { CIVIL_SERVICE_GRADES, LABELS, SECTORS, type CivilServiceGrade, type Sector } from '../../engine/documents/enums.ts';
import { FACTS } from '../../engine/rules/facts.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { DateField } from '../shared/DateField.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { text } from '../i18n/text.ts';

export interface MoreCadreFieldsProps {
  profile: CadreProfileInput;
  onChange: (next: CadreProfileInput) => void;
  nominationOn: string;
  /** Facts the rules in play read; `undefined`: show every field. */
  facts: ReadonlySet<string> | undefined;
  lang: Lang;
}

/** The profile fields of this part and the facts each one feeds. */
export const MORE_FIELD_FACTS = {
  sector: ['sector'], grade: ['civilServiceGrade', 'yearsInGrade'], gradeSince: ['yearsInGrade'], candidatePool: ['candidatePool'],
  teachingSince: ['yearsTeaching'], partyDates: ['partyStatus'],
} as const satisfies Record<string, readonly (keyof typeof FACTS)[]>;

const years = (since: string | undefined, on: string) => (since && parseIsoDate(since) && parseIsoDate(on) ? Math.max(0, wholeYearsBetween(since, on)) : undefined);

export function MoreCadreFields({ profile, onChange, nominationOn, facts, lang }: MoreCadreFieldsProps) {
  const workplace = profile.workplace ?? {};
  const civil = profile.civilService ?? {};
  const party = profile.party ?? { status: 'none' as const };
  const set = (patch: Partial<CadreProfileInput>) => onChange({ ...profile, ...patch });
  const setCivil = (patch: Partial<NonNullable<CadreProfileInput['civilService']>>) => {
    const next: Record<string, unknown> = { ...civil, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined) delete next[k];
    set({ civilService: next as CadreProfileInput['civilService'] });
  };
  const shown = (field: keyof typeof MORE_FIELD_FACTS, hasValue: boolean) => facts === undefined || hasValue || MORE_FIELD_FACTS[field].some((f) => facts.has(f));
  const inGrade = years(civil.since, nominationOn);
  const teaching = years(profile.lecturer?.teachingSince, nominationOn);
  const partyMember = party.status !== undefined && party.status !== 'none';
  const yearsHint = (fact: 'yearsInGrade' | 'yearsTeaching', n: number | undefined) => (n === undefined ? text(lang, 'cadreForm.optionalDate') : text(lang, 'cadreForm.yearsOnNomination', { fact: FACTS[fact].label[lang], n }));

  return (
    <div className="grid-2" data-testid="more-cadre-fields">
      {shown('sector', workplace.sector !== undefined) && (
        <SelectField label={FACTS.sector.label[lang]} testId="sector" value={workplace.sector ?? ''} emptyLabel={text(lang, 'cadreForm.notGiven')}
          options={SECTORS.map((v) => ({ value: v, label: LABELS.sector[v][lang] }))}
          onChange={(v) => set({ workplace: { ...workplace, sector: v === '' ? undefined : v as Sector } })} />
      )}
      {shown('grade', civil.grade !== undefined) && (
        <SelectField label={FACTS.civilServiceGrade.label[lang]} testId="civil-service-grade" value={civil.grade ?? ''} emptyLabel={text(lang, 'cadreForm.notGiven')}
          options={CIVIL_SERVICE_GRADES.map((v) => ({ value: v, label: LABELS.civilServiceGrade[v][lang] }))}
          onChange={(v) => setCivil({ grade: v === '' ? undefined : v as CivilServiceGrade })} />
      )}
      {shown('gradeSince', civil.since !== undefined) && (
        <DateField label={text(lang, 'cadreForm.gradeSince')} testId="grade-since" value={civil.since ?? ''} lang={lang} optional
          hint={yearsHint('yearsInGrade', inGrade)} onChange={(d) => setCivil({ since: d === '' ? undefined : d })} />
      )}
      {shown('teachingSince', profile.lecturer?.teachingSince !== undefined) && (
        <DateField label={text(lang, 'cadreForm.teachingSince')} testId="teaching-since" value={profile.lecturer?.teachingSince ?? ''} lang={lang} optional
          hint={yearsHint('yearsTeaching', teaching)} onChange={(d) => set({ lecturer: d === '' ? {} : { teachingSince: d } })} />
      )}
      {(facts === undefined || partyMember || party.joinedOn !== undefined) && (
        <>
          <DateField label={text(lang, 'cadreForm.partyJoinedOn')} testId="party-joined-on" value={party.joinedOn ?? ''} lang={lang} optional hint={text(lang, 'cadreForm.optionalDate')}
            onChange={(d) => set({ party: { ...party, joinedOn: d === '' ? undefined : d } })} />
          <DateField label={text(lang, 'cadreForm.partyFullOn')} testId="party-full-on" value={party.fullOn ?? ''} lang={lang} optional hint={text(lang, 'cadreForm.optionalDate')}
            onChange={(d) => set({ party: { ...party, fullOn: d === '' ? undefined : d } })} />
        </>
      )}
      {shown('candidatePool', civil.candidatePool === true) && (
        <label className="inline-check"><input type="checkbox" data-testid="candidate-pool" checked={civil.candidatePool ?? false}
          onChange={(e) => setCivil({ candidatePool: e.target.checked })} /> {FACTS.candidatePool.label[lang]}</label>
      )}
    </div>
  );
}
