/**
 * Where a view loaded on demand waits for its chunk: a loading line in the page's language (a polite status, so a
 * screen reader hears it once), replaced by the view when it arrives. The tabs keep keyboard focus meanwhile.
 */
import { Suspense, type ReactNode } from 'react';
import type { Lang } from '../i18n/strings.ts';
import { text } from '../i18n/text.ts';

export function LazyView({ lang, children }: { lang: Lang; children: ReactNode }) {
  return (
    <Suspense fallback={<p className="muted view-loading" role="status" data-testid="view-loading">{text(lang, 'page.viewLoading')}</p>}>
      {children}
    </Suspense>
  );
}
