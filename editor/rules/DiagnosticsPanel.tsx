/** Every diagnostic of the ruleset being edited, errors first; each opens the rule or condition it concerns. */
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { worstFirst } from '../canvas/severity.ts';
import type { Lang } from '../i18n/strings.ts';
import type { RecordId } from '../workspace/records.ts';
import { DiagnosticItem } from './inspector/DiagnosticItem.tsx';
import { text } from '../i18n/text.ts';

export function DiagnosticsPanel({ byNode, lang, onSelect }: { byNode: ReadonlyMap<RecordId, readonly Diagnostic[]>; lang: Lang; onSelect: (id: RecordId) => void }) {
  const items = [...byNode].flatMap(([id, ds]) => ds.map((d) => ({ id, d }))).sort((a, b) => worstFirst(a.d.severity, b.d.severity));
  if (items.length === 0) return <p className="muted" data-testid="no-diagnostics">{text(lang, 'rules.noDiagnostics')}</p>;
  return (
    <ul className="diagnostics" data-testid="diagnostics-list">
      {items.map(({ id, d }, i) => <DiagnosticItem key={`${id}:${i}`} d={d} lang={lang} onOpen={() => onSelect(id)} />)}
    </ul>
  );
}
