/**
 * The inspector of a whole ruleset (its node on the canvas): the regulation it encodes — code, title, signing and
 * effective dates (DD/MM/YYYY), the confidence of the effective date, note — and, for a ruleset the user imported or
 * created, deleting it; for a copy of a shipped ruleset, going back to the shipped original.
 */
import { builtinDocuments } from '../../shipped/builtin.ts';
import { CONFIDENCES, LABELS, TRAINING_LEVELS, type Confidence, type TrainingLevel } from '../../../engine/documents/enums.ts';
import { ConfidenceBadge } from '../../shared/ConfidenceBadge.tsx';
import type { Lang } from '../../i18n/strings.ts';
import { DateField } from '../../shared/DateField.tsx';
import { SelectField } from '../../shared/SelectField.tsx';
import { deleteRuleset, replaceRulesetContents, updateRulesetMeta } from '../../workspace/commands/rulesetCommands.ts';
import type { Command } from '../../workspace/createWorkspaceStore.ts';
import type { RulesetRecord } from '../../workspace/records.ts';
import { TextInput } from './TextInput.tsx';
import { text } from '../../i18n/text.ts';

export function RulesetMetaEditor({ record, lang, onCommand }: { record: RulesetRecord; lang: Lang; onCommand: (c: Command) => void }) {
  const reg = record.meta.regulation;
  const set = (patch: Partial<typeof reg>, field: string) => onCommand(updateRulesetMeta(record.id, { regulation: { ...reg, ...patch } }, `regulation.${field}`));
  const levels = new Set<TrainingLevel>(reg.levels ?? TRAINING_LEVELS);
  const shipped = record.origin === 'builtin' ? builtinDocuments().rulesets.find((r) => r.id === record.meta.id) : undefined;
  return (
    <div className="rule-fields" data-testid="ruleset-meta">
      <TextInput label={text(lang, 'rules.regulationCode')} testId="ruleset-code" value={reg.code} onChange={(v) => { if (v.trim()) set({ code: v }, 'code'); }} />
      <TextInput label={text(lang, 'rules.regulationTitle')} testId="ruleset-title" multiline value={reg.title} onChange={(v) => { if (v.trim()) set({ title: v }, 'title'); }} />
      <div className="field-row">
        <DateField label={text(lang, 'rules.signedOn')} testId="ruleset-signed" value={reg.signedOn} lang={lang} onChange={(iso) => set({ signedOn: iso }, 'signedOn')} />
        <DateField label={text(lang, 'rules.effectiveFrom')} testId="ruleset-effective" value={reg.effectiveFrom} lang={lang} onChange={(iso) => set({ effectiveFrom: iso }, 'effectiveFrom')} />
      </div>
      <SelectField label={text(lang, 'rules.effectiveConfidence')} testId="ruleset-effective-confidence" value={reg.effectiveConfidence}
        onChange={(v) => set({ effectiveConfidence: v as Confidence }, 'effectiveConfidence')}
        options={CONFIDENCES.map((c) => ({ value: c, label: LABELS.confidence[c][lang] }))} />
      <fieldset className="checklist inline" data-testid="ruleset-levels">
        <legend>{text(lang, 'rules.regulatedLevels')}</legend>
        {TRAINING_LEVELS.map((l) => (
          <label key={l}>
            <input type="checkbox" checked={levels.has(l)} disabled={levels.has(l) && levels.size === 1}
              onChange={(e) => {
                const next = TRAINING_LEVELS.filter((x) => (x === l ? e.target.checked : levels.has(x)));
                const { levels: _levels, ...rest } = reg;
                onCommand(updateRulesetMeta(record.id, { regulation: next.length === TRAINING_LEVELS.length ? rest : { ...rest, levels: next } }, 'regulation.levels'));
              }} />
            {LABELS.theoryLevel[l][lang]}
          </label>
        ))}
        <p className="hint">{text(lang, 'rules.regulatedLevelsHint')}</p>
      </fieldset>
      {reg.outOfScope && levels.size < TRAINING_LEVELS.length && (
        <div className="field" data-testid="ruleset-out-of-scope">
          <span className="label">{text(lang, 'rules.outOfScopeReason')}</span>
          <p>{reg.outOfScope.message[lang]}</p>
          <p className="citation">{reg.outOfScope.citation[lang]} <ConfidenceBadge confidence={reg.outOfScope.confidence} lang={lang} /></p>
        </div>
      )}
      <TextInput label={text(lang, 'rules.rulesetNote')} testId="ruleset-note" multiline value={reg.note ?? ''}
        onChange={(v) => { const { note: _note, ...rest } = reg; onCommand(updateRulesetMeta(record.id, { regulation: v.trim() ? { ...rest, note: v } : rest }, 'regulation.note')); }} />
      <div className="actions">
        {shipped && (
          <button type="button" data-testid="restore-shipped" onClick={() => onCommand(replaceRulesetContents(record.id, structuredClone(shipped)))}>
            {text(lang, 'rules.restoreShippedOriginal')}
          </button>
        )}
        {record.origin !== 'builtin' && (
          <button type="button" className="danger" data-testid="delete-ruleset" onClick={() => onCommand(deleteRuleset(record.id))}>
            {text(lang, 'rules.deleteRuleset')}
          </button>
        )}
      </div>
    </div>
  );
}
