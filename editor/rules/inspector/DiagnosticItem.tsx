/** One diagnostic in the page's language: severity, message, and the hint when there is one. */
import { messageIn, hintIn, type Diagnostic } from '../../../engine/diagnostics/Diagnostic.ts';
import { text } from '../../i18n/text.ts';
import type { Lang } from '../../i18n/strings.ts';

const SEVERITY = { error: 'rules.severityError', warning: 'rules.severityWarning', info: 'rules.severityInfo' } as const;

export function DiagnosticItem({ d, lang, onOpen }: { d: Diagnostic; lang: Lang; onOpen?: () => void }) {
  const hint = hintIn(d, lang);
  const body = (
    <>
      <span className={`severity ${d.severity}`}>{text(lang, SEVERITY[d.severity])}</span>{' '}
      <span data-testid="diagnostic-message">{messageIn(d, lang)}</span>
      {hint && <span className="hint"> — {hint}</span>}
      <code className="path">{d.path}</code>
    </>
  );
  return (
    <li className={`diagnostic ${d.severity}`} data-testid="diagnostic" data-code={d.code}>
      {onOpen ? <button type="button" className="link" onClick={onOpen}>{body}</button> : body}
    </li>
  );
}
