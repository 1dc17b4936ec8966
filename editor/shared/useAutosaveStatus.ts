/** The workspace's autosave status as React state. */
import { useEffect, useState } from 'react';
import type { AutosaveStatus } from '../storage/createAutosave.ts';
import type { WorkspaceSession } from '../workspace/createWorkspaceSession.ts';

export function useAutosaveStatus(session: WorkspaceSession): AutosaveStatus {
  const [status, setStatus] = useState<AutosaveStatus>(session.autosave.status());
  useEffect(() => session.autosave.subscribe(setStatus), [session]);
  return status;
}
