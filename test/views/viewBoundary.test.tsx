// @vitest-environment happy-dom
/**
 * A view that throws while rendering shows its failure in its own panel, in the page's language, while the views
 * beside it keep rendering; a change to the workspace gives it another try.
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { text } from '../../editor/i18n/text.ts';
import { ViewBoundary } from '../../editor/shared/ViewBoundary.tsx';
import { updateRule } from '../../editor/workspace/commands/ruleCommands.ts';
import type { WorkspaceSession } from '../../editor/workspace/createWorkspaceSession.ts';
import { recordsOfType } from '../../editor/workspace/records.ts';
import { createHarness } from '../workspace/workspaceHarness.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let broken = true;
function Fragile() {
  if (broken) throw new Error('a document this view cannot show');
  return <p data-testid="fragile">ok</p>;
}

describe('a view with its own error boundary', () => {
  it('fails alone, in words, and tries again after a change', async () => {
    const h = createHarness();
    const session = { store: h.store } as unknown as WorkspaceSession;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await act(async () => {
        root.render(<>
          <ViewBoundary session={session} lang="vi"><Fragile /></ViewBoundary>
          <ViewBoundary session={session} lang="vi"><p data-testid="other">khác</p></ViewBoundary>
        </>);
      });
      expect(host.querySelector('[data-testid=view-error]')?.textContent).toContain(text('vi', 'setAside.viewFailed'));
      expect(host.querySelector('[data-testid=other]')?.textContent).toBe('khác');
      broken = false;
      const rule = recordsOfType(h.store.records(), 'rule')[0]!;
      await act(async () => { h.store.apply(updateRule(rule.id, { note: 'sửa' }, 'note')); });
      expect(host.querySelector('[data-testid=view-error]')).toBeNull();
      expect(host.querySelector('[data-testid=fragile]')?.textContent).toBe('ok');
    } finally {
      console.error = quiet;
      await act(async () => { root.unmount(); });
    }
  });
});
