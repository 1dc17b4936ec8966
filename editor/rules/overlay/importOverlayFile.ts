/**
 * The import button's path for an overlay file: read it (importOverlayText), add it to the workspace (one undoable
 * step) and say what happened. Loaded on demand, the first time an overlay is imported.
 */
import { text } from '../../i18n/text.ts';
import type { Lang } from '../../i18n/strings.ts';
import type { Catalogues } from '../../workspace/analyseRuleset.ts';
import { workspaceRulesets } from '../../workspace/analyseRuleset.ts';
import { addOverlay } from '../../workspace/commands/overlayCommands.ts';
import type { WorkspaceSession } from '../../workspace/createWorkspaceSession.ts';
import { importOverlayText } from '../../workspace/importOverlayText.ts';
import { overlayRecordId, type RecordId } from '../../workspace/records.ts';
import type { ImportNotice } from '../WorkspaceFiles.tsx';

/** Imports an overlay file into the session's workspace; `id` is the new record's when it was added. */
export function importOverlayFile(session: WorkspaceSession, content: string, file: string, catalogues: Catalogues, lang: Lang): { notice: ImportNotice; id?: RecordId } {
  const records = session.store.records();
  const bases = [...workspaceRulesets(records, (o) => o === 'builtin'), ...workspaceRulesets(records, (o) => o !== 'builtin')].map((r) => r.ruleset);
  const r = importOverlayText(content, file, bases, catalogues);
  if (!r.ok) return { notice: { ok: false, file, diagnostics: r.diagnostics } };
  const applied = session.store.apply(addOverlay(r.value));
  if (!applied.ok) {
    return { notice: { ok: false, file, diagnostics: [{ code: 'import/refused', severity: 'error', path: '', segments: [], file, message: applied.reason.vi, messageEn: applied.reason.en }] } };
  }
  return { notice: { ok: true, text: text(lang, 'overlay.imported', { file }), warnings: r.warnings }, id: overlayRecordId(r.value.id) };
}
