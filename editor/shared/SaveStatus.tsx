/**
 * Where autosave stands, always visible (`SaveStatus`, in the header); a conflict with another tab, a storage failure
 * and the session's notices are shown with their choices across the page (`SaveAlerts`), never swallowed.
 */
import { useEffect, useState } from 'react';
import { messageIn } from '../../engine/diagnostics/Diagnostic.ts';
import { downloadText } from './downloadText.ts';
import { useAutosaveStatus } from './useAutosaveStatus.ts';
import { formatDateTime } from '../i18n/formatDateTime.ts';
import type { Lang } from '../i18n/strings.ts';
import type { SessionNotice, WorkspaceSession } from '../workspace/createWorkspaceSession.ts';
import { text } from '../i18n/text.ts';

export function SaveStatus({ session, lang }: { session: WorkspaceSession; lang: Lang }) {
  const status = useAutosaveStatus(session);
  const label = status.state === 'saved' ? text(lang, 'rules.saved') : status.state === 'saving' ? text(lang, 'rules.saving') : status.state === 'pending' ? text(lang, 'rules.pending') : status.state === 'error' ? text(lang, 'rules.storageError') : text(lang, 'rules.conflictTitle');
  return (
    <span className={`save-status ${status.state}`} role="status" aria-live="polite" data-testid="save-status" data-state={status.state} data-revision={status.revision ?? 0}>
      {label}{session.blocked() ? ` — ${text(lang, 'rules.autosavePaused')}` : ''}
    </span>
  );
}

export function SaveAlerts({ session, lang }: { session: WorkspaceSession; lang: Lang }) {
  const status = useAutosaveStatus(session);
  const [notices, setNotices] = useState<SessionNotice[]>([...session.startupNotices]);
  useEffect(() => session.subscribeNotices((n) => setNotices((old) => [...old, n])), [session]);
  useEffect(() => {
    const flush = () => { void session.autosave.flush(); };
    const hidden = () => { if (document.visibilityState === 'hidden') flush(); };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => { window.removeEventListener('pagehide', flush); document.removeEventListener('visibilitychange', hidden); };
  }, [session]);

  const exportMine = () => downloadText(`${JSON.stringify(session.document(), null, 2)}\n`, 'llct-workspace-cua-toi.json', 'application/json;charset=utf-8');
  const dismiss = (n: SessionNotice) => setNotices((old) => old.filter((x) => x !== n));

  return (
    <div className="save-status-area">
      {status.state === 'conflict' && status.conflict && (
        <div className="alert alert-warning" role="alert" data-testid="conflict">
          <strong>{text(lang, 'rules.conflictTitle')}</strong>
          <p>{text(lang, 'rules.conflictBody', { at: formatDateTime(status.conflict.theirs.savedAt) })}</p>
          <div className="actions">
            <button type="button" data-testid="conflict-load-theirs" onClick={() => { void session.adoptTheirs(); }}>{text(lang, 'rules.loadTheirs')}</button>
            <button type="button" data-testid="conflict-keep-mine" onClick={() => { void session.keepMine(); }}>{text(lang, 'rules.keepMine')}</button>
            <button type="button" data-testid="conflict-export-mine" onClick={exportMine}>{text(lang, 'rules.exportMine')}</button>
          </div>
        </div>
      )}
      {status.state === 'error' && status.error && (
        <div className="alert alert-error" role="alert" data-testid="storage-error" data-code={status.error.code}>
          <p>{status.error.message[lang]}</p>
          <div className="actions">
            <button type="button" onClick={() => { void session.autosave.retry(); }}>{text(lang, 'rules.retry')}</button>
            <button type="button" onClick={exportMine}>{text(lang, 'rules.exportWorkspace')}</button>
          </div>
        </div>
      )}
      {notices.map((n, i) => (
        <div key={i} className={`alert ${n.kind === 'adopted' || n.kind === 'upgraded' ? 'alert-ok' : 'alert-error'}`} role={n.kind === 'adopted' || n.kind === 'upgraded' ? 'status' : 'alert'} data-testid={`notice-${n.kind}`}>
          {n.kind === 'adopted' && <span>{text(lang, 'rules.adoptedQuietly')}</span>}
          {n.kind === 'upgraded' && <span>{text(lang, 'rules.upgraded', { from: n.from, to: n.to })}{n.historyDropped ? ` ${text(lang, 'rules.upgradedHistory')}` : ''}</span>}
          {n.kind === 'load-failed' && <span>{n.error.message[lang]}</span>}
          {n.kind === 'stored-unreadable' && (
            <>
              <p>{text(lang, 'rules.storedUnreadable')}</p>
              <ul>{n.diagnostics.slice(0, 10).map((d, k) => <li key={k}><code>{d.path}</code> {messageIn(d, lang)}</li>)}</ul>
              <button type="button" data-testid="export-stored" onClick={() => downloadText(`${JSON.stringify(n.stored, null, 2)}\n`, 'llct-workspace-da-luu.json', 'application/json;charset=utf-8')}>{text(lang, 'rules.exportStored')}</button>
              <button type="button" onClick={() => { void session.keepMine(); dismiss(n); }}>{text(lang, 'rules.keepMine')}</button>
            </>
          )}
          <button type="button" className="link" onClick={() => dismiss(n)}>{text(lang, 'rules.close')}</button>
        </div>
      ))}
    </div>
  );
}
