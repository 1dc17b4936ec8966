/**
 * The groups a condition may move into (regrouping): every "all"/"any" group of its ruleset outside its own subtree
 * and other than its parent, named by its rule and its place in words. Pure.
 */
import type { Lang } from '../../i18n/strings.ts';
import type { CondRecord, RecordId, Records } from '../../workspace/records.ts';
import { subtreeIds } from '../../workspace/rulesetRecords.ts';
import { text } from '../../i18n/text.ts';

export interface GroupChoice { id: RecordId; label: string }

export function groupChoices(records: Records, condId: RecordId, lang: Lang): GroupChoice[] {
  const c = records.get(condId);
  if (c?.type !== 'cond') return [];
  const rule = records.get(c.rule);
  const rs = rule?.type === 'rule' ? records.get(rule.ruleset) : undefined;
  if (rs?.type !== 'ruleset') return [];
  const own = new Set(subtreeIds(records, condId));
  const out: GroupChoice[] = [];
  for (const ruleId of rs.rules) {
    const r = records.get(ruleId);
    if (r?.type !== 'rule') continue;
    const walk = (id: RecordId, trail: string[]) => {
      const n = records.get(id) as CondRecord | undefined;
      if (!n || own.has(id)) return;
      const name = n.node.op === 'all' ? text(lang, 'rules.groupAll') : n.node.op === 'any' ? text(lang, 'rules.groupAny') : n.node.op === 'not' ? text(lang, 'rules.groupNot') : '';
      const here = [...trail, name.toLowerCase()];
      if ((n.node.op === 'all' || n.node.op === 'any') && id !== c.parent) out.push({ id, label: `${r.data.id} › ${here.join(' › ')} (${n.node.children.length})` });
      if (n.node.op === 'all' || n.node.op === 'any') n.node.children.forEach((k) => walk(k, here));
      else if (n.node.op === 'not') walk(n.node.child, here);
    };
    walk(r.root, []);
  }
  return out;
}

