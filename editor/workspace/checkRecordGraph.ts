/**
 * That a set of records hangs together: every rule belongs to the ruleset that lists it, every condition to the
 * group that lists it, no condition is listed twice or left over, no cycle. A workspace file that fails this would
 * make the canvas and the exported ruleset disagree, so it is refused.
 */
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Label } from '../../engine/documents/enums.ts';
import { checkLifecycleGraph } from './checkLifecycleGraph.ts';
import { planGraphProblems } from './planRecords.ts';
import type { RecordId, WorkspaceRecord } from './records.ts';

export function checkRecordGraph(records: readonly WorkspaceRecord[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map<RecordId, WorkspaceRecord>();
  const bad = (id: string, message: Label) => out.push(diagnostic('workspace/broken-record', 'error', id, message));
  for (const r of records) {
    if (byId.has(r.id)) bad(r.id, { vi: `Bản ghi "${r.id}" xuất hiện hai lần.`, en: `Record "${r.id}" appears twice.` });
    byId.set(r.id, r);
  }
  if (!records.some((r) => r.type === 'ruleset')) {
    out.push(diagnostic('workspace/no-ruleset', 'error', 'records', { vi: 'Không gian làm việc không có bộ quy tắc nào.', en: 'The workspace has no ruleset.' },
      { vi: 'Xuất lại từ LLCT Studio, hoặc nhập từng bộ quy tắc bằng "Nhập bộ quy tắc…".', en: 'Export it again from LLCT Studio, or import rulesets one by one with "Import ruleset…".' }));
  }
  const reached = new Set<RecordId>();
  const walk = (id: RecordId, parent: RecordId, rule: RecordId, depth: number) => {
    const c = byId.get(id);
    if (!c || c.type !== 'cond') return bad(id, { vi: `Thiếu điều kiện "${id}" (được "${parent}" tham chiếu).`, en: `Missing condition "${id}" (referenced by "${parent}").` });
    if (reached.has(id)) return bad(id, { vi: `Điều kiện "${id}" được tham chiếu nhiều lần.`, en: `Condition "${id}" is referenced more than once.` });
    if (depth > 100) return bad(id, { vi: `Điều kiện lồng quá sâu (trên 100 mức) ở "${id}".`, en: `Conditions nested deeper than 100 levels at "${id}".` });
    reached.add(id);
    if (c.parent !== parent || c.rule !== rule) bad(id, { vi: `Điều kiện "${id}" ghi sai cha hoặc quy tắc.`, en: `Condition "${id}" names the wrong parent or rule.` });
    const n = c.node;
    if (n.op === 'all' || n.op === 'any') n.children.forEach((x) => walk(x, id, rule, depth + 1));
    else if (n.op === 'not') walk(n.child, id, rule, depth + 1);
  };
  for (const rs of records) {
    if (rs.type !== 'ruleset') continue;
    if (rs.rules.length === 0) bad(rs.id, { vi: `Bộ quy tắc "${rs.id}" không có quy tắc nào.`, en: `Ruleset "${rs.id}" has no rule.` });
    for (const ruleId of rs.rules) {
      const rule = byId.get(ruleId);
      if (!rule || rule.type !== 'rule' || rule.ruleset !== rs.id) { bad(ruleId, { vi: `Quy tắc "${ruleId}" thiếu hoặc không thuộc "${rs.id}".`, en: `Rule "${ruleId}" is missing or does not belong to "${rs.id}".` }); continue; }
      if (reached.has(ruleId)) { bad(ruleId, { vi: `Quy tắc "${ruleId}" được liệt kê hai lần.`, en: `Rule "${ruleId}" is listed twice.` }); continue; }
      reached.add(ruleId);
      const root = byId.get(rule.root);
      if (root?.type === 'cond' && root.node.op === 'leaf') bad(rule.root, { vi: `Điều kiện gốc của "${ruleId}" phải là một nhóm.`, en: `The top condition of "${ruleId}" must be a group.` });
      walk(rule.root, ruleId, ruleId, 0);
    }
  }
  for (const r of records) {
    if ((r.type === 'rule' || r.type === 'cond') && !reached.has(r.id)) bad(r.id, { vi: `Bản ghi "${r.id}" không thuộc bộ quy tắc nào.`, en: `Record "${r.id}" belongs to no ruleset.` });
    const of = r.type === 'layout' ? byId.get(r.owner)?.type : undefined;
    if (r.type === 'layout' && of !== 'ruleset' && of !== 'lifecycle') bad(r.id, { vi: `Bố cục "${r.id}" của một bộ quy tắc hay quy trình không tồn tại.`, en: `Layout "${r.id}" is for a ruleset or lifecycle that does not exist.` });
  }
  out.push(...checkLifecycleGraph(records));
  out.push(...planGraphProblems(records));
  return out;
}
