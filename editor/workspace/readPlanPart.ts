/**
 * How `readWorkspace` reads one plan: its head record and its class records are one part, taken together when every
 * one of them holds and they hang together (planRecords.ts `planGraphProblems`), else set aside together with their
 * reasons (the Simulation view then offers to add the shipped plan). Pure.
 */
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { unsplitPlanProblems } from './migrations/planV3.ts';
import { planGraphProblems } from './planRecords.ts';
import type { WorkspaceRecord } from './records.ts';
import type { SetAsidePart } from './readWorkspace.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored record as read: its raw value, the record when it holds, and why not otherwise. */
export interface ReadMember { raw: unknown; record?: WorkspaceRecord; reasons: readonly Diagnostic[] }

/** The records of plan `planId` to take, or the part to set aside. */
export function planPart(planId: string, members: readonly ReadMember[]): { records: WorkspaceRecord[] } | { setAside: SetAsidePart } {
  const held = members.flatMap((m) => (m.record ? [m.record] : []));
  const hasHead = held.some((r) => r.type === 'plan' && r.id === planId);
  // A class that does not hold is already reported; that its plan then lacks it says nothing more.
  const unread = new Set(members.flatMap((m) => (m.record || !isObject(m.raw) || typeof m.raw.id !== 'string' ? [] : [m.raw.id])));
  const graph = hasHead ? planGraphProblems(held).filter((d) => !unread.has(d.path)) : [];
  // A version-2 plan the migration left as it was: its reasons are those of its document, not of the new record shape.
  const own = (m: ReadMember) => {
    const stale = unsplitPlanProblems(m.raw);
    return stale.length === 0 ? m.reasons : stale.map((d) => ({ ...d, path: `${planId}: ${d.path}` }));
  };
  const reasons = [...members.flatMap(own), ...graph];
  if (hasHead && reasons.length === 0) return { records: held };
  if (!hasHead) reasons.push(diagnostic('workspace/missing-plan', 'error', planId, { vi: `Không đọc được bản ghi kế hoạch "${planId}".`, en: `The plan record "${planId}" does not read.` }));
  const seen = new Set<string>();
  const unique = reasons.filter((d) => { const k = `${d.code} ${d.path} ${d.message}`; if (seen.has(k)) return false; seen.add(k); return true; });
  return { setAside: { key: `records:${planId}`, kind: 'plan', id: planId, raw: members.map((m) => m.raw), reasons: unique } };
}
