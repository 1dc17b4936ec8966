/**
 * Where a document of the workspace is shown, in words: "bộ quy tắc 57-QĐ/TW" on the "Soạn quy tắc" tab, "kế hoạch
 * «Kế hoạch … 2024»" on "Mô phỏng". Pure; the undo button says it when the latest step is out of its view.
 */
import type { Lang } from '../../engine/rules/messages.ts';
import { ht } from '../i18n/historyStrings.ts';
import type { DocumentId } from '../workspace/historyDocuments.ts';
import type { Records } from '../workspace/records.ts';

const titleOf = (doc: Record<string, unknown>, lang: Lang): string => {
  const t = doc.title;
  return typeof t === 'object' && t !== null && typeof (t as Record<string, unknown>)[lang] === 'string' ? String((t as Record<string, unknown>)[lang]) : String(doc.id ?? '');
};

export function documentPlace(id: DocumentId, records: Records, lang: Lang): { document: string; view: string } {
  const r = records.get(id);
  if (id.startsWith('ruleset:')) {
    return { document: ht(lang, 'documentRuleset', { name: r?.type === 'ruleset' ? r.meta.regulation.code : id.slice('ruleset:'.length) }), view: ht(lang, 'viewRules') };
  }
  if (id.startsWith('lifecycle:')) return { document: ht(lang, 'documentLifecycle', { name: r?.type === 'lifecycle' ? titleOf(r.doc, lang) : id }), view: ht(lang, 'viewLifecycles') };
  if (id.startsWith('plan:')) return { document: ht(lang, 'documentPlan', { name: r?.type === 'plan' ? titleOf(r.meta, lang) : id }), view: ht(lang, 'viewSimulation') };
  if (r?.type === 'cadres') return { document: ht(lang, 'documentSamples'), view: ht(lang, 'viewRules') };
  return { document: ht(lang, 'documentOther', { name: id }), view: ht(lang, 'viewRules') };
}
