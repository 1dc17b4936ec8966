/**
 * The session's set-aside parts (parts of the stored workspace that did not read), shown across the page with their
 * choices. Drop and repair download the part first, so no stored data goes without a copy; a repair is also one
 * undoable step.
 */
import { useEffect, useState } from 'react';
import type { Lang } from '../../engine/rules/messages.ts';
import { downloadText } from './downloadText.ts';
import { partName } from '../i18n/setAsideStrings.ts';
import type { WorkspaceSession } from '../workspace/createWorkspaceSession.ts';
import type { SetAsidePart } from '../workspace/readWorkspace.ts';
import { SetAsidePanel, setAsideFileName, setAsideFileText } from './SetAsidePanel.tsx';
import { text } from '../i18n/text.ts';

const exportPart = (part: SetAsidePart) => downloadText(setAsideFileText(part), setAsideFileName(part), 'application/json;charset=utf-8');

export function WorkspaceSetAside({ session, lang }: { session: WorkspaceSession; lang: Lang }) {
  const [parts, setParts] = useState<readonly SetAsidePart[]>(() => session.setAside());
  const [status, setStatus] = useState<string | undefined>();
  useEffect(() => {
    setParts(session.setAside());
    return session.subscribeSetAside(setParts);
  }, [session]);

  const repair = (part: SetAsidePart) => {
    exportPart(part);
    const r = session.repairSetAside(part.key);
    setStatus(r.ok ? text(lang, 'setAside.repaired', { part: partName(lang, part.kind, part.id) }) : r.reason[lang]);
  };
  const drop = (part: SetAsidePart) => {
    const name = partName(lang, part.kind, part.id);
    if (!window.confirm(text(lang, 'setAside.dropConfirm', { part: name }))) return;
    exportPart(part);
    session.dropSetAside(part.key);
    setStatus(text(lang, 'setAside.dropped', { part: name }));
  };
  return <SetAsidePanel parts={parts} lang={lang} onExport={exportPart} onRepair={repair} onDrop={drop} {...(status ? { status } : {})} />;
}
