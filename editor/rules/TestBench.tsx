/**
 * The test bench: a sample cadre (or the edited profile), a nomination, and the verdict under the ruleset being
 * edited — the same checker `llct check --ruleset` builds from the exported file. The canvas is lit from it.
 */
import { useId, useMemo, useState } from 'react';
import type { CadreProfileInput } from '../../engine/documents/cadre.ts';
import type { Position, Province } from '../../engine/documents/catalogue.ts';
import type { GoldenCase } from '../../engine/documents/goldenCases.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import type { Rule } from '../../engine/documents/ruleset.ts';
import { CadreForm } from '../check/CadreForm.tsx';
import { factsInPlay } from '../check/factsInPlay.ts';
import { NominationForm } from '../check/NominationForm.tsx';
import type { WaivableRule } from '../check/SpecialDecisionFields.tsx';
import type { Sample } from '../workspace/samples.ts';
import type { VerdictState } from '../check/useVerdict.ts';
import { VerdictPanel } from '../check/VerdictPanel.tsx';
import type { Lang } from '../i18n/strings.ts';
import { TextInput } from './inspector/TextInput.tsx';
import { text } from '../i18n/text.ts';
import type { BenchInput } from './benchInput.ts';


export interface TestBenchProps {
  input: BenchInput;
  onInput: (next: BenchInput) => void;
  state: VerdictState;
  positions: readonly Position[];
  provinces: readonly Province[];
  lang: Lang;
  /** Adds a golden case built from the bench (the page applies it as a command). */
  onSaveCase?: (c: GoldenCase) => void;
  citationHint: string;
  /** The workspace's sample cadres. */
  samples: readonly Sample[];
  /** Saves the bench's cadre and nomination as a workspace sample. */
  onSaveSample?: (s: Sample) => void;
  /** The rules of the edited ruleset a special decision may waive (the bench's nomination may record one). */
  waivable?: readonly WaivableRule[];
  /** The rules of the edited ruleset: the cadre form shows the fields their conditions read at the chosen level. */
  rules?: readonly Rule[];
}

export function TestBench({ input, onInput, state, positions, provinces, lang, onSaveCase, citationHint, samples, onSaveSample, waivable, rules }: TestBenchProps) {
  const sampleId = useId();
  const facts = useMemo(() => (rules ? factsInPlay(rules, input.nomination.level) : undefined), [rules, input.nomination.level]);
  return (
    <div className="bench" data-testid="bench">
      <p className="muted small">{text(lang, 'rules.benchHint')}</p>
      <div className="bench-grid">
        <div>
          <div className="field">
            <label htmlFor={sampleId}>{text(lang, 'page.sample')}</label>
            <select id={sampleId} data-testid="bench-sample" value={input.sample} onChange={(e) => {
              const s = samples.find((x) => x.id === e.target.value);
              if (s) onInput({ sample: s.id, profile: s.profile, nomination: s.nomination });
            }}>
              {!samples.some((s) => s.id === input.sample) && <option value={input.sample}>{input.profile.fullName ?? input.sample}</option>}
              {samples.map((s) => <option key={s.id} value={s.id}>{s.profile.fullName} — {s.title[lang]}</option>)}
            </select>
          </div>
          {onSaveSample && <SaveSample input={input} lang={lang} onSave={(sample) => { onSaveSample(sample); onInput({ ...input, sample: sample.id }); }} />}
          <NominationForm prefix="bench-" nomination={input.nomination} onChange={(nomination) => onInput({ ...input, nomination })} lang={lang}
            {...(waivable ? { waivable } : {})} />
          <section className="card" aria-label={text(lang, 'rules.benchVerdict')} data-testid="bench-result">
            <VerdictPanel state={state} nomination={input.nomination} lang={lang} />
          </section>
          {onSaveCase && state.status === 'done' && <SaveCase verdict={state.verdict} input={input} lang={lang} onSave={onSaveCase} citationHint={citationHint} />}
        </div>
        <CadreForm profile={input.profile} onChange={(profile) => onInput({ ...input, profile })} nominationOn={input.nomination.on}
          positions={positions} provinces={provinces} lang={lang} {...(facts ? { facts } : {})} />
      </div>
    </div>
  );
}

function SaveSample({ input, lang, onSave }: { input: BenchInput; lang: Lang; onSave: (s: Sample) => void }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  if (!open) return <button type="button" data-testid="save-sample" onClick={() => setOpen(true)}>{text(lang, 'rules.saveAsSample')}</button>;
  return (
    <form className="card save-case" data-testid="save-sample-form" onSubmit={(e) => {
      e.preventDefault();
      const t = title.trim();
      if (!t) return;
      const id = `${input.profile.id ?? 'MAU'}-${input.nomination.level}-${input.nomination.mode}-${input.nomination.on}`;
      onSave({ id, title: { vi: t, en: t }, profile: input.profile, nomination: input.nomination });
      setOpen(false);
      setTitle('');
    }}>
      <TextInput label={text(lang, 'rules.sampleTitle')} testId="sample-title" value={title} onChange={setTitle} />
      <div className="actions">
        <button type="submit" data-testid="sample-save" disabled={!title.trim()}>{text(lang, 'rules.save')}</button>
        <button type="button" onClick={() => setOpen(false)}>{text(lang, 'rules.cancel')}</button>
      </div>
    </form>
  );
}

function SaveCase({ verdict, input, lang, onSave, citationHint }: { verdict: Verdict; input: BenchInput; lang: Lang; onSave: (c: GoldenCase) => void; citationHint: string }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [citation, setCitation] = useState(citationHint);
  const verdictText = verdict.eligible ? text(lang, 'rules.verdictEligible') : text(lang, 'rules.verdictNotEligibleRules', { rules: verdict.failures.map((f) => f.rule).join(', ') });
  if (!open) return <button type="button" data-testid="save-case" onClick={() => { setCitation(citationHint); setOpen(true); }}>{text(lang, 'rules.saveAsCase')}</button>;
  return (
    <form className="card save-case" data-testid="save-case-form" onSubmit={(e) => {
      e.preventDefault();
      if (!title.trim() || !citation.trim()) return;
      const { id: _id, ...profile } = input.profile as CadreProfileInput & { id?: string };
      onSave({
        id: `bench-${input.profile.id ?? 'case'}-${input.nomination.level}-${input.nomination.on}`,
        title: title.trim(), citation: citation.trim(), profile: profile as Record<string, unknown>, nomination: { ...input.nomination },
        expect: { eligible: verdict.eligible, failures: verdict.failures.map((f) => f.rule), institution: verdict.institution?.id ?? null },
      });
      setOpen(false);
      setTitle('');
    }}>
      <p className="hint">{text(lang, 'rules.caseConfirm', { verdict: verdictText })}</p>
      <TextInput label={text(lang, 'rules.caseTitle')} testId="case-title" value={title} onChange={setTitle} />
      <TextInput label={text(lang, 'rules.caseCitation')} testId="case-citation" value={citation} onChange={setCitation} />
      <div className="actions">
        <button type="submit" data-testid="case-save">{text(lang, 'rules.saveCase')}</button>
        <button type="button" onClick={() => setOpen(false)}>{text(lang, 'rules.cancel')}</button>
      </div>
    </form>
  );
}
