/**
 * A workspace copy of a shipped ruleset that differs from the copy this build ships: the user's edits, or a shipped
 * update the stored workspace does not have (a workspace saved before 350-QĐ/TW's scope was settled keeps judging sơ
 * cấp with its own rules). Closed by default: the count, what restoring would change in words, and the undoable
 * restore. Nothing shows for an imported ruleset or an identical copy.
 */
import { useMemo } from 'react';
import { builtinDocuments } from '../shipped/builtin.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { diffRulesets, lines } from '../../engine/rules/diffRulesets.ts';
import type { Lang } from '../i18n/strings.ts';
import { replaceRulesetContents } from '../workspace/commands/rulesetCommands.ts';
import type { Command } from '../workspace/createWorkspaceStore.ts';
import type { RulesetRecord } from '../workspace/records.ts';
import { text } from '../i18n/text.ts';

/** Lines of the difference listed before "… and n more". */
const SHOWN = 12;

export function ShippedDifference({ record, ruleset, lang, onCommand }: { record: RulesetRecord; ruleset: Ruleset; lang: Lang; onCommand: (c: Command) => void }) {
  const shipped = record.origin === 'builtin' ? builtinDocuments().rulesets.find((r) => r.id === ruleset.id) : undefined;
  // From the workspace copy to the shipped one: the lines say what restoring would do.
  const diff = useMemo(() => (shipped ? diffRulesets(ruleset, shipped) : undefined), [shipped, ruleset]);
  if (!shipped || !diff || diff.summary.identical) return null;
  const changes = lines(diff, lang);
  return (
    <details className="shipped-difference card" data-testid="shipped-difference" data-count={changes.length}>
      <summary>{text(lang, 'rules.shippedDiffers', { code: ruleset.regulation.code, count: changes.length })}</summary>
      <p className="small">{text(lang, 'rules.shippedDiffersWhy')}</p>
      <ul className="small">{changes.slice(0, SHOWN).map((line, i) => <li key={i}>{line}</li>)}</ul>
      {changes.length > SHOWN && <p className="muted small">{text(lang, 'rules.shippedDiffersMore', { count: changes.length - SHOWN })}</p>}
      <button type="button" data-testid="restore-shipped-copy" onClick={() => onCommand(replaceRulesetContents(record.id, structuredClone(shipped)))}>
        {text(lang, 'rules.restoreShipped')}
      </button>
    </details>
  );
}
