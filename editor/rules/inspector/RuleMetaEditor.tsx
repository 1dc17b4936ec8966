/**
 * The inspector of a rule: titles, kind, level, modes, whether a special decision may waive it (standard rules),
 * citation (and whether its numbering was read), carry-over, confidence, source, note, messages, the outline
 * provisions it encodes, institution.
 *
 * What is refused at once and what is kept: article and clause take only a whole number from 1 (anything else is
 * refused as it is typed, with its reason under the field, and the rule keeps its number); every text — titles,
 * id, source, messages — is kept as typed, even empty or malformed, and its problem is a diagnostic on the rule,
 * so a draft saves and reopens as it is.
 */
import { useState } from 'react';
import type { Institution } from '../../../engine/documents/catalogue.ts';
import { CONFIDENCES, LABELS, MODES, RULE_KINDS, TRAINING_LEVELS, type Confidence, type Mode, type RuleKind, type TrainingLevel } from '../../../engine/documents/enums.ts';
import { CITATION_NUMBERINGS, type CitationNumbering } from '../../../engine/documents/ruleset.ts';
import type { Lang } from '../../i18n/strings.ts';
import { SelectField } from '../../shared/SelectField.tsx';
import { updateRule } from '../../workspace/commands/ruleCommands.ts';
import type { Command } from '../../workspace/createWorkspaceStore.ts';
import type { RuleData, RuleRecord } from '../../workspace/records.ts';
import { TextInput } from './TextInput.tsx';
import { text } from '../../i18n/text.ts';

export interface RuleMetaEditorProps {
  record: RuleRecord;
  institutions: readonly Pick<Institution, 'id' | 'name'>[];
  lang: Lang;
  onCommand: (c: Command) => void;
}

export function RuleMetaEditor({ record, institutions, lang, onCommand }: RuleMetaEditorProps) {
  const d = record.data;
  const set = (patch: Partial<RuleData>, field: string) => onCommand(updateRule(record.id, patch, field));
  const optionalText = (text: string) => (text.trim() === '' ? undefined : text);
  const intOrUndefined = (text: string) => (/^\d+$/.test(text.trim()) && Number(text) > 0 ? Number(text) : undefined);
  const modes = new Set<Mode>(d.modes ?? MODES);
  const [refused, setRefused] = useState<{ article?: boolean; clause?: boolean }>({});
  const refuse = (field: 'article' | 'clause', yes: boolean) => setRefused((old) => (old[field] === yes ? old : { ...old, [field]: yes }));

  return (
    <div className="rule-fields" data-testid="rule-meta">
      <TextInput label={text(lang, 'rules.ruleId')} testId="rule-id" value={d.id} onChange={(v) => set({ id: v.trim() }, 'id')} />
      <TextInput label={text(lang, 'rules.titleVi')} testId="rule-title-vi" value={d.title.vi} onChange={(v) => set({ title: { ...d.title, vi: v } }, 'title.vi')} />
      <TextInput label={text(lang, 'rules.titleEn')} testId="rule-title-en" value={d.title.en} onChange={(v) => set({ title: { ...d.title, en: v } }, 'title.en')} />
      <div className="field-row">
        <SelectField label={text(lang, 'rules.kind')} testId="rule-kind" value={d.kind} onChange={(v) => set({ kind: v as RuleKind }, 'kind')}
          options={RULE_KINDS.map((k) => ({ value: k, label: LABELS.ruleKind[k][lang] }))} />
        <SelectField label={text(lang, 'rules.level')} testId="rule-level" value={d.level} onChange={(v) => set({ level: v as TrainingLevel }, 'level')}
          options={TRAINING_LEVELS.map((l) => ({ value: l, label: LABELS.theoryLevel[l][lang] }))} />
      </div>
      <fieldset className="checklist inline" data-testid="rule-modes">
        <legend>{text(lang, 'rules.modes')}</legend>
        {MODES.map((m) => (
          <label key={m}>
            <input type="checkbox" checked={modes.has(m)} disabled={modes.has(m) && modes.size === 1}
              onChange={(e) => {
                const next = MODES.filter((x) => (x === m ? e.target.checked : modes.has(x)));
                set({ modes: next.length === MODES.length ? undefined : next }, 'modes');
              }} />
            {LABELS.mode[m][lang]}
          </label>
        ))}
      </fieldset>
      <div className="field-row three">
        <TextInput label={text(lang, 'rules.article')} testId="rule-article" type="number" value={String(d.citation.article)}
          invalid={refused.article === true} {...(refused.article ? { hint: text(lang, 'rules.wholeNumberRefused') } : {})}
          onChange={(v) => { const n = intOrUndefined(v); refuse('article', !n); if (n) set({ citation: { ...d.citation, article: n } }, 'citation.article'); }} />
        <TextInput label={text(lang, 'rules.clause')} testId="rule-clause" type="number" value={d.citation.clause === undefined ? '' : String(d.citation.clause)}
          invalid={refused.clause === true} {...(refused.clause ? { hint: text(lang, 'rules.wholeNumberRefused') } : {})}
          onChange={(v) => {
            const n = intOrUndefined(v);
            // Empty means "no clause"; anything else that is not a whole number from 1 is refused.
            refuse('clause', v.trim() !== '' && !n);
            if (v.trim() === '' || n) set({ citation: withOptional(d.citation, 'clause', n) }, 'citation.clause');
          }} />
        <TextInput label={text(lang, 'rules.point')} testId="rule-point" value={d.citation.point ?? ''}
          onChange={(v) => set({ citation: withOptional(d.citation, 'point', optionalText(v)?.trim()) }, 'citation.point')} />
      </div>
      <SelectField label={text(lang, 'rules.numbering')} testId="rule-numbering" value={d.citation.numbering ?? 'assumed'} hint={text(lang, 'rules.numberingHint')}
        onChange={(v) => set({ citation: { ...d.citation, numbering: v as CitationNumbering } }, 'citation.numbering')}
        options={CITATION_NUMBERINGS.map((n) => ({ value: n, label: text(lang, n === 'read' ? 'rules.numberingRead' : 'rules.numberingAssumed') }))} />
      <TextInput label={text(lang, 'rules.carriedOverFrom')} testId="rule-carried-over" value={d.carriedOverFrom ?? ''}
        onChange={(v) => set({ carriedOverFrom: optionalText(v)?.trim() }, 'carriedOverFrom')} />
      {(d.kind === 'standard' || d.waivable !== undefined) && (
        <label className="field-inline" data-testid="rule-waivable">
          <input type="checkbox" checked={d.waivable === true} onChange={(e) => set({ waivable: e.target.checked ? true : undefined }, 'waivable')} />
          {text(lang, 'rules.waivable')}
        </label>
      )}
      <SelectField label={text(lang, 'rules.confidence')} testId="rule-confidence" value={d.confidence} onChange={(v) => set({ confidence: v as Confidence }, 'confidence')}
        options={CONFIDENCES.map((c) => ({ value: c, label: LABELS.confidence[c][lang] }))} />
      <TextInput label={text(lang, 'rules.source')} testId="rule-source" multiline value={d.source} onChange={(v) => set({ source: v }, 'source')} />
      <TextInput label={text(lang, 'rules.note')} testId="rule-note" multiline value={d.note ?? ''} onChange={(v) => set({ note: optionalText(v) }, 'note')} />
      <TextInput label={text(lang, 'rules.messageVi')} testId="rule-message-vi" multiline value={d.message.vi} onChange={(v) => set({ message: { ...d.message, vi: v } }, 'message.vi')}
        hint={text(lang, 'rules.placeholders', { examples: '{age}, {sexLabel}' })} />
      <TextInput label={text(lang, 'rules.messageEn')} testId="rule-message-en" multiline value={d.message.en} onChange={(v) => set({ message: { ...d.message, en: v } }, 'message.en')} />
      <TextInput label={text(lang, 'coverage.provisionsField')} testId="rule-provisions" value={(d.provisions ?? []).join(', ')} hint={text(lang, 'coverage.provisionsHint')}
        equivalent={(text, value) => provisionKeys(text).join(', ') === value}
        onChange={(v) => { const keys = provisionKeys(v); set({ provisions: keys.length > 0 ? keys : undefined }, 'provisions'); }} />
      {(d.kind === 'tier' || d.institution !== undefined) && (
        <SelectField label={text(lang, 'rules.institution')} testId="rule-institution" value={d.institution ?? ''} emptyLabel="—"
          onChange={(v) => set({ institution: v === '' ? undefined : v }, 'institution')}
          options={[
            { value: '@provincial-school', label: text(lang, 'rules.provincialSchool') },
            { value: '@district-centre', label: text(lang, 'rules.districtCentre') },
            ...institutions.map((i) => ({ value: i.id, label: i.name[lang] })),
          ]} />
      )}
    </div>
  );
}

/** Outline keys typed as a list: separated by commas or spaces, blanks dropped. */
function provisionKeys(text: string): string[] {
  return text.split(/[\s,]+/).filter((k) => k !== '');
}

function withOptional<T extends object, K extends string>(obj: T, key: K, value: unknown): T {
  const out = { ...obj } as Record<string, unknown>;
  if (value === undefined) delete out[key]; else out[key] = value;
  return out as T;
}
