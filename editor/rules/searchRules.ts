/**
 * The search box's result list: rules and conditions of a workspace ruleset that match the query by rule id,
 * title (both languages), article ("Điều 5") or fact (name or label), diacritics ignored. Pure.
 */
import { formatCitation } from '../../engine/documents/ruleset.ts';
import { describeCondition } from '../../engine/rules/describeCondition.ts';
import type { Lang } from '../i18n/strings.ts';
import type { RecordId, Records } from '../workspace/records.ts';
import { subtreeIds, toRuleset } from '../workspace/rulesetRecords.ts';
import { factSpec } from './inspector/factOptions.ts';
import { matchesSearch, normalizeSearch } from './canvas/searchText.ts';

export interface SearchHit { id: RecordId; kind: 'rule' | 'condition'; text: string; ruleId: string }

export function searchRules(records: Records, rulesetId: RecordId, query: string, lang: Lang, limit = 30): SearchHit[] {
  const q = normalizeSearch(query);
  if (q === '') return [];
  const rs = records.get(rulesetId);
  if (rs?.type !== 'ruleset') return [];
  const code = toRuleset(records, rulesetId).ruleset.regulation.code;
  const out: SearchHit[] = [];
  for (const ruleRecordId of rs.rules) {
    const rule = records.get(ruleRecordId);
    if (rule?.type !== 'rule') continue;
    const d = rule.data;
    const citation = formatCitation(code, d.citation);
    if (matchesSearch(q, [d.id, d.title.vi, d.title.en, citation])) out.push({ id: rule.id, kind: 'rule', text: `${d.id} — ${d.title[lang]} (${citation})`, ruleId: d.id });
    for (const id of subtreeIds(records, rule.root)) {
      const c = records.get(id);
      if (c?.type !== 'cond' || c.node.op !== 'leaf') continue;
      const spec = factSpec(c.node.fact);
      if (matchesSearch(q, [c.node.fact, spec?.label.vi ?? '', spec?.label.en ?? ''])) {
        out.push({ id, kind: 'condition', text: `${d.id}: ${describeCondition({ fact: c.node.fact, operator: c.node.operator, value: c.node.value }, lang)}`, ruleId: d.id });
      }
    }
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}
