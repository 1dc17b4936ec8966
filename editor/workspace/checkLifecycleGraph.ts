/**
 * That a lifecycle's records hang together (see lifecycleRecords.ts): every state it lists is a state record of it,
 * listed once, its names distinct; every transition a state lists belongs to that state and lifecycle, listed once;
 * the initial state and every target that names a state record name one of its states; no state or transition is
 * left over. A lifecycle that fails this would make the canvas and the exported document disagree. Pure.
 */
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { RecordId, StateRef, WorkspaceRecord } from './records.ts';

export function checkLifecycleGraph(records: readonly WorkspaceRecord[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = (id: string, vi: string, en: string) => out.push(diagnostic('workspace/broken-record', 'error', id, { vi, en }));
  const byId = new Map<RecordId, WorkspaceRecord>(records.map((r) => [r.id, r]));
  const reached = new Set<RecordId>();
  for (const lc of records) {
    if (lc.type !== 'lifecycle') continue;
    const own = new Set<RecordId>();
    const names = new Set<string>();
    for (const sid of lc.states) {
      const s = byId.get(sid);
      if (s?.type !== 'state' || s.lifecycle !== lc.id) { bad(sid, `Trạng thái "${sid}" thiếu hoặc không thuộc "${lc.id}".`, `State "${sid}" is missing or does not belong to "${lc.id}".`); continue; }
      if (reached.has(sid)) { bad(sid, `Trạng thái "${sid}" được liệt kê hai lần.`, `State "${sid}" is listed twice.`); continue; }
      if (names.has(s.name)) bad(sid, `Hai trạng thái của "${lc.id}" cùng tên "${s.name}".`, `Two states of "${lc.id}" are named "${s.name}".`);
      names.add(s.name);
      reached.add(sid);
      own.add(sid);
    }
    const refOk = (ref: StateRef | undefined) => !ref || !('state' in ref) || own.has(ref.state);
    if (!refOk(lc.initial)) bad(lc.id, `Trạng thái đầu của "${lc.id}" không phải một trạng thái của nó.`, `The initial state of "${lc.id}" is not one of its states.`);
    for (const sid of own) {
      const s = byId.get(sid);
      if (s?.type !== 'state') continue;
      for (const tid of s.on ?? []) {
        const t = byId.get(tid);
        if (t?.type !== 'transition' || t.lifecycle !== lc.id || t.from !== sid) { bad(tid, `Chuyển tiếp "${tid}" thiếu hoặc không thuộc "${sid}".`, `Transition "${tid}" is missing or does not belong to "${sid}".`); continue; }
        if (reached.has(tid)) { bad(tid, `Chuyển tiếp "${tid}" được liệt kê hai lần.`, `Transition "${tid}" is listed twice.`); continue; }
        reached.add(tid);
        if (!refOk(t.target)) bad(tid, `Đích của chuyển tiếp "${tid}" không phải một trạng thái của "${lc.id}".`, `The target of transition "${tid}" is not a state of "${lc.id}".`);
      }
    }
  }
  for (const r of records) {
    if ((r.type === 'state' || r.type === 'transition') && !reached.has(r.id)) bad(r.id, `Bản ghi "${r.id}" không thuộc quy trình nào.`, `Record "${r.id}" belongs to no lifecycle.`);
  }
  return out;
}
