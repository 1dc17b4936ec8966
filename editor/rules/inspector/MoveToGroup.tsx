/**
 * Regrouping: move the selected condition into another "all"/"any" group of its ruleset, named by its rule and
 * its place in words ("tc-part-time-age › ít nhất một › tất cả (2)").
 */
import { useId } from 'react';
import type { Lang } from '../../i18n/strings.ts';
import { moveCondition } from '../../workspace/commands/conditionCommands.ts';
import type { Command } from '../../workspace/createWorkspaceStore.ts';
import type { RecordId, Records } from '../../workspace/records.ts';
import { groupChoices } from './groupChoices.ts';
import { text } from '../../i18n/text.ts';

export function MoveToGroup({ records, condId, lang, onCommand }: { records: Records; condId: RecordId; lang: Lang; onCommand: (c: Command) => void }) {
  const id = useId();
  const choices = groupChoices(records, condId, lang);
  if (choices.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{text(lang, 'rules.moveTo')}</label>
      <select id={id} data-testid="move-to-group" value="" onChange={(e) => { if (e.target.value) onCommand(moveCondition(condId, e.target.value)); }}>
        <option value="">{text(lang, 'rules.moveToPick')}</option>
        {choices.map((g) => <option key={g.id} value={g.id}>{g.label}</option>)}
      </select>
    </div>
  );
}
