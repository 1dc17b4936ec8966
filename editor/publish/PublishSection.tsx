/**
 * Where a document stands (published under which decision, a draft — after which publication —, or edited since
 * publication) and the "Publish version…" button that opens the publish form: the top of a ruleset's versions panel,
 * and a section of the lifecycle and simulation pages (loaded there on demand).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { decisionText } from '../../engine/documents/decision.ts';
import type { Lang } from '../i18n/strings.ts';
import '../i18n/publishStrings.ts';
import { text } from '../i18n/text.ts';
import { publishDocument } from '../workspace/commands/publishCommands.ts';
import { isPublishable, publicationMeta, revisionToPublish } from '../workspace/publication.ts';
import type { ApplyResult, Command } from '../workspace/createWorkspaceStore.ts';
import type { RecordId, Records } from '../workspace/records.ts';
import { PublishForm } from './PublishForm.tsx';
import { documentStanding, type RulesetStanding } from './publicationState.ts';

export interface PublishSectionProps {
  records: Records;
  /** The head record of the document: a ruleset, a lifecycle or a plan. */
  documentId: RecordId;
  lang: Lang;
  onCommand: (c: Command) => ApplyResult | void;
  /** Shows the section's own heading ("Ban hành"): on a page, where it is a section of its own. */
  heading?: boolean;
}

export function PublishSection({ records, documentId, lang, onCommand, heading }: PublishSectionProps) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const head = records.get(documentId);
  const meta = isPublishable(head) ? publicationMeta(head) : undefined;
  const standing = documentStanding(records, documentId);
  const wasOpen = useRef(false);
  // Closing the form gives the focus back to the button that opened it (keyboard users stay where they were).
  useLayoutEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const close = () => setOpen(false);
  if (!meta || !standing) return null;
  const carried = Array.isArray(meta.decisions) ? meta.decisions : [];
  return (
    <div className={heading ? 'publish-section on-page' : 'publish-section'} data-testid="publish-section" data-document={documentId}>
      {heading && <h2 className="inline-heading">{text(lang, 'publish.sectionTitle')}</h2>}
      <p data-testid="publish-standing" data-status={standing.status}>
        <span className={`badge ${standing.status === 'published' ? 'badge-ok' : 'badge-draft'}`}>
          {text(lang, standing.status === 'published' ? 'publish.published' : 'publish.draft')}
        </span>{' '}
        {standingText(standing, lang)}
      </p>
      {open
        ? <PublishForm name={String(meta.id)} carried={carried} revision={revisionToPublish(meta)} versioned={head?.type === 'ruleset'} lang={lang} onCancel={close}
            onPublish={(input) => onCommand(publishDocument(documentId, input))?.ok === true} />
        : <button type="button" ref={opener} data-testid="publish-open" onClick={() => setOpen(true)}>{text(lang, 'publish.open')}</button>}
    </div>
  );
}

function standingText(s: RulesetStanding, lang: Lang): string {
  if (s.status === 'draft') {
    return s.last
      ? text(lang, 'publish.currentDraftAfter', { revision: s.revision, last: s.last.revision, decision: decisionText(s.last.decision, lang) })
      : text(lang, 'publish.currentDraft', { revision: s.revision });
  }
  if (s.status === 'edited') return text(lang, 'publish.currentEdited', { revision: s.publication.revision, next: s.next });
  return text(lang, 'publish.currentPublished', { revision: s.publication.revision, decision: decisionText(s.publication.decision, lang) });
}
