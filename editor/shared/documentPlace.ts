/**
 * Where a document of the workspace is shown, in words: "bộ quy tắc 57-QĐ/TW" on the "Soạn quy tắc" tab, "kế hoạch
 * «Kế hoạch … 2024»" on "Mô phỏng". Pure; the undo button says it when the latest step is out of its view.
 */
import type { Lang } from '../../engine/rules/messages.ts';
import type { DocumentId } from '../workspace/historyDocuments.ts';
import type { Records } from '../workspace/records.ts';
import { text } from '../i18n/text.ts';

const titleOf = (doc: Record<string, unknown>, lang: Lang): string => {
  const t = doc.title;
  return typeof t === 'object' && t !== null && typeof (t as Record<string, unknown>)[lang] === 'string' ? String((t as Record<string, unknown>)[lang]) : String(doc.id ?? '');
};

export function documentPlace(id: DocumentId, records: Records, lang: Lang): { document: string; view: string } {
  const r = records.get(id);
  if (id.startsWith('ruleset:')) {
    return { document: text(lang, 'history.documentRuleset', { name: r?.type === 'ruleset' ? r.meta.regulation.code : id.slice('ruleset:'.length) }), view: text(lang, 'history.viewRules') };
  }
  if (id.startsWith('lifecycle:')) return { document: text(lang, 'history.documentLifecycle', { name: r?.type === 'lifecycle' ? titleOf(r.meta, lang) : id }), view: text(lang, 'history.viewLifecycles') };
  if (id.startsWith('plan:')) return { document: text(lang, 'history.documentPlan', { name: r?.type === 'plan' ? titleOf(r.meta, lang) : id }), view: text(lang, 'history.viewSimulation') };
  if (r?.type === 'cadres') return { document: text(lang, 'history.documentSamples'), view: text(lang, 'history.viewRules') };
  return { document: text(lang, 'history.documentOther', { name: id }), view: text(lang, 'history.viewRules') };
}
