import type { Autosave, AutosaveState, AutosaveStatus } from '../../editor/storage/createAutosave.ts';

/** Resolves with the first status of `state` that `autosave` reports after this call. */
export function nextStatus(autosave: Autosave, state: AutosaveState): Promise<AutosaveStatus> {
  return new Promise((resolve) => {
    let primed = false;
    const stop = autosave.subscribe((status) => {
      if (!primed || status.state !== state) return;
      stop();
      resolve(status);
    });
    primed = true;
  });
}
