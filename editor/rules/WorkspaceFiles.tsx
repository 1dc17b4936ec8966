/**
 * Import and export: one ruleset (the file `llct validate --ruleset` and `llct check --ruleset` take) or the whole
 * workspace. An import that does not read is refused with its reasons, and the workspace stays as it was.
 */
import { useRef, useState } from 'react';
import { hintIn, messageIn, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { downloadText } from '../shared/downloadText.ts';
import type { Lang } from '../i18n/strings.ts';
import { rulesetDiagnostics, type Catalogues } from '../workspace/analyseRuleset.ts';
import { freeId } from '../workspace/commands/kit.ts';
import { addRuleset } from '../workspace/commands/rulesetCommands.ts';
import type { WorkspaceSession } from '../workspace/createWorkspaceSession.ts';
import { importRulesetText, importWorkspaceText, rulesetFileText } from '../workspace/importFiles.ts';
import { looksLikeOverlay } from '../workspace/looksLikeOverlay.ts';
import type { RecordId } from '../workspace/records.ts';
import { toRuleset } from '../workspace/rulesetRecords.ts';
import { text } from '../i18n/text.ts';

export type ImportNotice = { ok: true; text: string; warnings?: Diagnostic[] } | { ok: false; file: string; diagnostics: Diagnostic[]; refusal?: 'import' | 'export' };

export interface WorkspaceFilesProps {
  session: WorkspaceSession;
  rulesetId: RecordId;
  catalogues: Catalogues;
  lang: Lang;
  onImportedRuleset: (id: RecordId) => void;
  errorCount: number;
}

export function WorkspaceFiles({ session, rulesetId, catalogues, lang, onImportedRuleset, errorCount }: WorkspaceFilesProps) {
  const rulesetInput = useRef<HTMLInputElement>(null);
  const workspaceInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<ImportNotice | undefined>();

  const readFile = (input: HTMLInputElement | null, then: (text: string, name: string) => void) => {
    const file = input?.files?.[0];
    if (!file || !input) return;
    void file.text().then((text) => { input.value = ''; then(text, file.name); });
  };

  const importRuleset = (content: string, file: string) => {
    if (looksLikeOverlay(content)) {
      void import('./overlay/importOverlayFile.ts').then((m) => {
        const r = m.importOverlayFile(session, content, file, catalogues, lang);
        setNotice(r.notice);
        if (r.id) onImportedRuleset(r.id);
      });
      return;
    }
    const r = importRulesetText(content, file, catalogues);
    if (!r.ok) { setNotice({ ok: false, file, diagnostics: r.diagnostics }); return; }
    const records = session.store.records();
    const id = `ruleset:${freeId(r.value.id, (x) => records.has(`ruleset:${x}`))}`;
    const applied = session.store.apply(addRuleset(r.value, 'imported', id));
    if (!applied.ok) { setNotice({ ok: false, file, diagnostics: [] }); return; }
    setNotice({ ok: true, text: text(lang, 'rules.imported', { file }) });
    onImportedRuleset(id);
  };

  const importWorkspace = (content: string, file: string) => {
    const r = importWorkspaceText(content, file, catalogues);
    if (!r.ok) { setNotice({ ok: false, file, diagnostics: r.diagnostics }); return; }
    if (!window.confirm(text(lang, 'rules.importWorkspaceConfirm'))) return;
    session.replace(r.value);
    setNotice({ ok: true, text: r.migratedFrom ? text(lang, 'rules.importedMigrated', { file, version: r.migratedFrom }) : text(lang, 'rules.imported', { file }), warnings: r.warnings });
  };

  const exportRuleset = () => {
    const records = session.store.records();
    const rs = toRuleset(records, rulesetId).ruleset;
    // Refused with the diagnostics `llct validate` would give: the exported file is the one CI trusts.
    if (errorCount > 0) {
      setNotice({ ok: false, file: `${rs.id}.json`, refusal: 'export', diagnostics: rulesetDiagnostics(records, rulesetId, catalogues).all.filter((d) => d.severity === 'error') });
      return;
    }
    downloadText(rulesetFileText(rs), `${rs.id}.json`, 'application/json;charset=utf-8');
  };
  const exportWorkspace = () => {
    downloadText(`${JSON.stringify(session.document(), null, 2)}\n`, 'llct-workspace.json', 'application/json;charset=utf-8');
  };

  return (
    <div className="files" role="group" aria-label={text(lang, 'rules.files')}>
      <button type="button" data-testid="export-ruleset" onClick={exportRuleset}>{text(lang, 'rules.exportRuleset')}</button>
      <button type="button" data-testid="import-ruleset" onClick={() => rulesetInput.current?.click()}>{text(lang, 'rules.importRuleset')}</button>
      <input ref={rulesetInput} type="file" accept=".json,application/json" hidden data-testid="import-ruleset-file" aria-label={text(lang, 'rules.importRuleset')}
        onChange={() => readFile(rulesetInput.current, importRuleset)} />
      <button type="button" data-testid="export-workspace" onClick={exportWorkspace}>{text(lang, 'rules.exportWorkspace')}</button>
      <button type="button" data-testid="import-workspace" onClick={() => workspaceInput.current?.click()}>{text(lang, 'rules.importWorkspace')}</button>
      <input ref={workspaceInput} type="file" accept=".json,application/json" hidden data-testid="import-workspace-file" aria-label={text(lang, 'rules.importWorkspace')}
        onChange={() => readFile(workspaceInput.current, importWorkspace)} />
      {notice && (
        <div className={`alert ${notice.ok ? 'alert-ok' : 'alert-error'}`} role={notice.ok ? 'status' : 'alert'} data-testid={notice.ok ? 'import-ok' : 'import-refused'}>
          {notice.ok ? (
            <>
              <span>{notice.text}</span>
              {notice.warnings && notice.warnings.length > 0 && (
                <>
                  <p>{text(lang, 'rules.importedWithProblems', { count: notice.warnings.length })}</p>
                  <ul>{notice.warnings.slice(0, 10).map((d, i) => <li key={i}><code>{d.path || '—'}</code> {messageIn(d, lang)}</li>)}</ul>
                </>
              )}
            </>
          ) : (
            <>
              <p>{notice.refusal === 'export' ? text(lang, 'rules.exportRefused', { file: notice.file }) : text(lang, 'rules.importRefused', { file: notice.file })}</p>
              <ul>{notice.diagnostics.slice(0, 20).map((d, i) => (
                <li key={i}><code>{d.path || '—'}</code> {messageIn(d, lang)}{hintIn(d, lang) ? ` — ${hintIn(d, lang)}` : ''}</li>
              ))}</ul>
              {notice.diagnostics.length > 20 && <p>… {notice.diagnostics.length - 20}</p>}
            </>
          )}
          <button type="button" className="link" onClick={() => setNotice(undefined)}>{text(lang, 'rules.close')}</button>
        </div>
      )}
    </div>
  );
}
