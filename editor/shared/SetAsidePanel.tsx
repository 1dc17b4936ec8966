/**
 * The parts of stored data that did not read and are kept aside (see readWorkspace.ts): each with its reasons, in
 * the page's language, and its choices — export as a file, repair in place when the problem is a field that can be
 * left out, drop. Every button is a real button, in reading order, so Tab reaches each of them.
 */
import { useId } from 'react';
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import type { Lang } from '../../engine/rules/messages.ts';
import { partName } from '../i18n/setAsideStrings.ts';
import type { SetAsidePart } from '../workspace/readWorkspace.ts';
import { text } from '../i18n/text.ts';

const MAX_REASONS = 5;

export interface SetAsidePanelProps {
  parts: readonly SetAsidePart[];
  lang: Lang;
  title?: string;
  onExport(part: SetAsidePart): void;
  onRepair?(part: SetAsidePart): void;
  onDrop(part: SetAsidePart): void;
  status?: string;
}

export function SetAsidePanel({ parts, lang, title, onExport, onRepair, onDrop, status }: SetAsidePanelProps) {
  const headingId = useId();
  if (parts.length === 0 && !status) return null;
  return (
    <section className="alert alert-warning set-aside" role="region" aria-labelledby={headingId} data-testid="set-aside">
      {parts.length > 0 && (
        <>
          <h2 id={headingId} className="set-aside-title">{title ?? text(lang, 'setAside.title', { count: parts.length })}</h2>
          <p>{text(lang, 'setAside.body')}</p>
          <ul className="set-aside-parts">
            {parts.map((part) => {
              const name = partName(lang, part.kind, part.id);
              return (
                <li key={part.key} data-testid="set-aside-part" data-key={part.key} data-kind={part.kind}>
                  <strong>{name}</strong>
                  <span className="muted"> — {text(lang, 'setAside.reasons')}</span>
                  <ul>
                    {part.reasons.slice(0, MAX_REASONS).map((d, i) => (
                      <li key={i}>{d.path && <code>{d.path}</code>} {messageIn(d, lang)}</li>
                    ))}
                    {part.reasons.length > MAX_REASONS && <li>{text(lang, 'setAside.moreReasons', { count: part.reasons.length - MAX_REASONS })}</li>}
                  </ul>
                  {part.repair && onRepair && (
                    <p className="small">{text(lang, 'setAside.repairWhat', { what: part.repair.dropped.map((d) => d[lang]).join('; ') })}</p>
                  )}
                  <div className="actions">
                    <button type="button" data-testid="set-aside-export" onClick={() => onExport(part)}>{text(lang, 'setAside.exportPart')}</button>
                    {part.repair && onRepair && <button type="button" data-testid="set-aside-repair" onClick={() => onRepair(part)}>{text(lang, 'setAside.repairPart')}</button>}
                    <button type="button" data-testid="set-aside-drop" onClick={() => onDrop(part)}>{text(lang, 'setAside.dropPart')}</button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {status && <p role="status" data-testid="set-aside-status">{status}</p>}
    </section>
  );
}

/** The file a part is exported as: its kind, id and reasons, and the stored values exactly as they were read. */
export function setAsideFileText(part: SetAsidePart): string {
  const reasons = part.reasons.map((d) => ({ code: d.code, path: d.path, message: d.message, messageEn: d.messageEn }));
  return `${JSON.stringify({ schema: 'llct/set-aside', kind: part.kind, id: part.id, reasons, values: part.raw }, null, 2)}\n`;
}

/** A file name for a part: `llct-de-rieng-ruleset-57-qd-tw.json`. */
export function setAsideFileName(part: SetAsidePart): string {
  const slug = `${part.kind}-${part.id}`.replace(/[^a-zA-Z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  return `llct-de-rieng-${slug || part.kind}.json`;
}
