/**
 * Named versions of the ruleset being edited: save one, restore or delete it, and compare any two of the current
 * draft, the shipped original and the saved versions — the rules that changed, in words (thresholds old → new),
 * next to their effect on the golden cases.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { builtinDocuments } from '../shipped/builtin.ts';
import { formatDateTime } from '../i18n/formatDateTime.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { diffRulesets, lines } from '../../engine/rules/diffRulesets.ts';
import type { Lang } from '../i18n/strings.ts';
import { SelectField } from '../shared/SelectField.tsx';
import { goldenEffect, type CaseOutcome, type GoldenEffect } from '../workspace/goldenEffect.ts';
import type { Catalogues } from '../workspace/analyseRuleset.ts';
import { deleteVersion, restoreVersion, saveVersion } from '../workspace/commands/versionCommands.ts';
import type { ApplyResult, Command } from '../workspace/createWorkspaceStore.ts';
import { PublishSection } from '../publish/PublishSection.tsx';
import { VersionMark, versionSideLabel } from '../publish/VersionMark.tsx';
import { recordsOfType, type RecordId, type Records } from '../workspace/records.ts';
import { toRuleset } from '../workspace/rulesetRecords.ts';
import { TextInput } from './inspector/TextInput.tsx';
import { text } from '../i18n/text.ts';

export interface VersionsPanelProps {
  records: Records;
  rulesetId: RecordId;
  catalogues: Catalogues;
  lang: Lang;
  onCommand: (c: Command) => ApplyResult | void;
  positionName: (code: string) => { vi: string; en: string } | undefined;
}

/** The sides a comparison can take: `current`, `shipped`, or a version record id. */
function sideRuleset(records: Records, rulesetId: RecordId, side: string): Ruleset | undefined {
  if (side === 'current') return toRuleset(records, rulesetId).ruleset;
  if (side === 'shipped') {
    const id = toRuleset(records, rulesetId).ruleset.id;
    return builtinDocuments().rulesets.find((r) => r.id === id);
  }
  const v = records.get(side);
  return v?.type === 'version' ? v.snapshot : undefined;
}

export function VersionsPanel({ records, rulesetId, catalogues, lang, onCommand, positionName }: VersionsPanelProps) {
  const nameId = useId();
  const [name, setName] = useState('');
  const versions = recordsOfType(records, 'version').filter((v) => v.ruleset === rulesetId).sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1));
  const shippedExists = builtinDocuments().rulesets.some((r) => r.id === toRuleset(records, rulesetId).ruleset.id);
  const [a, setA] = useState(shippedExists ? 'shipped' : versions[0]?.id ?? 'current');
  const [b, setB] = useState('current');
  const sides = [
    { value: 'current', label: text(lang, 'rules.current') },
    ...(shippedExists ? [{ value: 'shipped', label: text(lang, 'rules.shipped') }] : []),
    ...versions.map((v) => ({ value: v.id, label: versionSideLabel(v, lang) })),
  ];
  const before = sideRuleset(records, rulesetId, a);
  const after = sideRuleset(records, rulesetId, b);
  const diffLines = useMemo(() => (before && after ? lines(diffRulesets(before, after, { positionName }), lang) : []), [before, after, lang, positionName]);
  const [effect, setEffect] = useState<GoldenEffect | undefined>();
  useEffect(() => {
    let live = true;
    if (before && after) void goldenEffect(records, before, after, catalogues).then((e) => { if (live) setEffect(e); });
    return () => { live = false; };
  }, [records, rulesetId, before, after, catalogues]);

  return (
    <div className="versions" data-testid="versions">
      <PublishSection records={records} documentId={rulesetId} lang={lang} onCommand={onCommand} />
      <form className="version-save" onSubmit={(e) => { e.preventDefault(); onCommand(saveVersion(rulesetId, name)); setName(''); }}>
        <TextInput label={text(lang, 'rules.versionName')} testId="version-name" value={name} onChange={setName} />
        <button type="submit" data-testid="version-save" disabled={!name.trim()}>{text(lang, 'rules.saveVersion')}</button>
      </form>
      {versions.length === 0 ? <p className="muted">{text(lang, 'rules.noVersions')}</p> : (
        <ul className="version-list" aria-labelledby={nameId}>
          {versions.map((v) => (
            <li key={v.id} data-testid="version">
              <strong>{v.name}</strong> <span className="muted">{formatDateTime(v.savedAt)}</span> <VersionMark snapshot={v.snapshot} lang={lang} />{' '}
              <button type="button" onClick={() => onCommand(restoreVersion(v.id))}>{text(lang, 'rules.restore')}</button>{' '}
              <button type="button" className="danger" onClick={() => onCommand(deleteVersion(v.id))}>{text(lang, 'rules.delete')}</button>
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <SelectField label={text(lang, 'rules.compareWith')} testId="compare-a" value={a} onChange={setA} options={sides} />
        <SelectField label="→" testId="compare-b" value={b} onChange={setB} options={sides} />
      </div>
      <div className="version-diff">
        <section aria-label={text(lang, 'rules.structuralDiff')}>
          <h3>{text(lang, 'rules.structuralDiff')}</h3>
          {diffLines.length === 0 ? <p className="muted" data-testid="no-changes">{text(lang, 'rules.noChanges')}</p>
            : <ul data-testid="diff-lines">{diffLines.map((l, i) => <li key={i}>{l}</li>)}</ul>}
        </section>
        <section aria-label={text(lang, 'rules.effectDiff')}>
          <h3>{text(lang, 'rules.effectDiff')}</h3>
          {!effect || effect.changed.length === 0 ? <p className="muted">{text(lang, 'rules.effectNone')}</p> : (
            <ul data-testid="effect-lines">
              {effect.changed.map((c) => (
                <li key={c.id}><strong>{c.id}</strong> — {c.title}: {outcomeText(c.before, lang)} → {outcomeText(c.after, lang)}</li>
              ))}
            </ul>
          )}
          <p className="muted small">{text(lang, 'rules.effectCohort')}</p>
        </section>
      </div>
    </div>
  );
}

function outcomeText(o: CaseOutcome, lang: Lang): string {
  if ('codes' in o) return o.codes.join(', ');
  const head = text(lang, o.eligible ? 'rules.verdictEligible' : 'rules.verdictNotEligible');
  return o.failures.length ? `${head} [${o.failures.join(', ')}]` : head;
}
