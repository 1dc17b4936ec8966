/**
 * One view (tab) kept from blanking the page: a view that throws while rendering (a document it cannot show) shows
 * its failure in its own panel, the other tabs keep working, and any change to the workspace (an undo, a repair, a
 * drop) gives the view another try.
 */
import type { ReactNode } from 'react';
import type { Lang } from '../../engine/rules/messages.ts';
import { useWorkspaceRecords } from './useWorkspaceRecords.ts';
import type { WorkspaceSession } from '../workspace/createWorkspaceSession.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { text } from '../i18n/text.ts';

export function ViewBoundary({ session, lang, children }: { session: WorkspaceSession; lang: Lang; children: ReactNode }) {
  const records = useWorkspaceRecords(session.store);
  return (
    <ErrorBoundary lang={lang} resetKey={records} message={text(lang, 'setAside.viewFailed')} detailsLabel={text(lang, 'setAside.viewFailedDetails')} testId="view-error">
      {children}
    </ErrorBoundary>
  );
}
