/**
 * The top of a ruleset's versions panel: where the ruleset stands (published under which decision, a draft, or edited
 * since publication) and the "Publish version…" button that opens the publish form.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { decisionText } from '../../engine/documents/decision.ts';
import type { Lang } from '../i18n/strings.ts';
import '../i18n/publishStrings.ts';
import { text } from '../i18n/text.ts';
import { publishRuleset, revisionToPublish } from '../workspace/commands/publishCommands.ts';
import type { ApplyResult, Command } from '../workspace/createWorkspaceStore.ts';
import type { RecordId, Records } from '../workspace/records.ts';
import { toRuleset } from '../workspace/rulesetRecords.ts';
import { PublishForm } from './PublishForm.tsx';
import { rulesetStanding, type RulesetStanding } from './publicationState.ts';

export interface PublishSectionProps {
  records: Records;
  rulesetId: RecordId;
  lang: Lang;
  onCommand: (c: Command) => ApplyResult | void;
}

export function PublishSection({ records, rulesetId, lang, onCommand }: PublishSectionProps) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const ruleset = toRuleset(records, rulesetId).ruleset;
  const standing = rulesetStanding(records, rulesetId);
  const wasOpen = useRef(false);
  // Closing the form gives the focus back to the button that opened it (keyboard users stay where they were).
  useLayoutEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = () => setOpen(false);
  return (
    <div className="publish-section">
      <p data-testid="publish-standing" data-status={standing.status}>
        <span className={`badge ${standing.status === 'published' ? 'badge-ok' : 'badge-draft'}`}>
          {text(lang, standing.status === 'published' ? 'publish.published' : 'publish.draft')}
        </span>{' '}
        {standingText(standing, lang)}
      </p>
      {open
        ? <PublishForm name={ruleset.id} carried={ruleset.decisions ?? []} revision={revisionToPublish(ruleset)} lang={lang} onCancel={close}
            onPublish={(input) => onCommand(publishRuleset(rulesetId, input))?.ok === true} />
        : <button type="button" ref={opener} data-testid="publish-open" onClick={() => setOpen(true)}>{text(lang, 'publish.open')}</button>}
    </div>
  );
}

function standingText(s: RulesetStanding, lang: Lang): string {
  if (s.status === 'draft') return text(lang, 'publish.currentDraft', { revision: s.revision });
  if (s.status === 'edited') return text(lang, 'publish.currentEdited', { revision: s.publication.revision, next: s.next });
  return text(lang, 'publish.currentPublished', { revision: s.publication.revision, decision: decisionText(s.publication.decision, lang) });
}
