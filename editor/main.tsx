import './pageStyles.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type Loaded } from './App.tsx';
import { jsonPathReady } from './shared/jsonPathOnDemand.ts';
import { fetchShippedJson, installShippedJson } from './shipped/shippedJson.ts';
import { createWorkspaceStorage } from './storage/createWorkspaceStorage.ts';
import { createWorkspaceSession } from './workspace/createWorkspaceSession.ts';
import { randomIds } from './workspace/randomIds.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * Fetches the shipped data files (and the JSONPath library, beside them), then opens the workspace stored in this
 * browser (or the default one); a failure becomes a message, not a blank page.
 */
async function boot(): Promise<Loaded> {
  try {
    const [json] = await Promise.all([fetchShippedJson(), jsonPathReady]);
    installShippedJson(json);
    return { ok: true, session: await createWorkspaceSession({ storage: createWorkspaceStorage(), ids: randomIds() }) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

void boot().then((loaded) => {
  createRoot(root).render(<StrictMode><App loaded={loaded} /></StrictMode>);
});
