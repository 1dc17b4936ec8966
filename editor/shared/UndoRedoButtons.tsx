/**
 * The undo and redo buttons of a view. They act on the steps of the documents the view shows (`scope`) and name the
 * step they would undo or redo ("Hoàn tác: Xoá điều kiện «…» trong tc350-ratings"). When the view has nothing to
 * undo but the workspace does, a note says where the latest step is (document and tab) instead of undoing it out
 * of sight. Re-rendered by the page, which re-renders on every change of the store.
 */
import { useId } from 'react';
import type { Lang } from '../../engine/rules/messages.ts';
import type { HistoryScope } from '../workspace/createHistory.ts';
import type { WorkspaceStore } from '../workspace/createWorkspaceStore.ts';
import { documentPlace } from './documentPlace.ts';
import './undoRedo.css';
import { text } from '../i18n/text.ts';

export interface UndoRedoButtonsProps {
  store: Pick<WorkspaceStore, 'undo' | 'redo' | 'history' | 'records'>;
  scope: HistoryScope;
  lang: Lang;
  /** `data-testid` of the buttons (`undo`, `plan-undo`…). */
  testIds: { undo: string; redo: string };
}

export function UndoRedoButtons({ store, scope, lang, testIds }: UndoRedoButtonsProps) {
  const noteId = useId();
  const undoStep = store.history.peekUndo(scope);
  const redoStep = store.history.peekRedo(scope);
  const latest = store.history.latestUndo();
  const elsewhere = !undoStep && latest ? (() => {
    const place = documentPlace(latest.documents[0] ?? '', store.records(), lang);
    return text(lang, 'history.undoElsewhere', { step: latest.label[lang], ...place });
  })() : undefined;
  const undoName = undoStep ? text(lang, 'history.undoStep', { step: undoStep.label[lang] }) : text(lang, 'history.undo');
  const redoName = redoStep ? text(lang, 'history.redoStep', { step: redoStep.label[lang] }) : text(lang, 'history.redo');
  const undoTitle = undoStep ? `${undoName} (${text(lang, 'history.undoKeys')})` : elsewhere ?? text(lang, 'history.nothingToUndo');
  const redoTitle = redoStep ? `${redoName} (${text(lang, 'history.redoKeys')})` : text(lang, 'history.nothingToRedo');
  return (
    <div className="undo-redo" role="group" aria-label={text(lang, 'history.history')}>
      <button type="button" data-testid={testIds.undo} disabled={!undoStep} aria-label={undoName} title={undoTitle}
        aria-describedby={elsewhere ? noteId : undefined} onClick={() => store.undo(scope)}>
        <span className="undo-redo__name">↶ {undoName}</span>
      </button>
      <button type="button" data-testid={testIds.redo} disabled={!redoStep} aria-label={redoName} title={redoTitle} onClick={() => store.redo(scope)}>
        <span className="undo-redo__name">↷ {redoName}</span>
      </button>
      {elsewhere && <p className="undo-redo__elsewhere muted small" id={noteId} data-testid={`${testIds.undo}-elsewhere`}>{elsewhere}</p>}
    </div>
  );
}
