/**
 * Commands on a rule's conditions: add, edit, delete, duplicate, move into another group, wrap in all/any/not,
 * unwrap, switch a group between all and any. Each says what changes; the store records the inverse.
 */
import type { Label } from '../../../engine/documents/enums.ts';
import type { Condition } from '../../../engine/documents/ruleset.ts';
import type { Command } from '../createWorkspaceStore.ts';
import { recordOf, type CondNode, type CondRecord, type GroupOp, type LeafData, type RecordId, type Records, type WorkspaceRecord } from '../records.ts';
import { condRecords, subtreeIds } from '../rulesetRecords.ts';
import { mergeKey, refuse } from './kit.ts';

const cond = (records: Records, id: RecordId) => recordOf(records, id, 'cond');

/** The children of a group or the child of a `not`, as a list. */
export function childrenOf(node: CondNode): RecordId[] {
  return node.op === 'all' || node.op === 'any' ? node.children : node.op === 'not' ? [node.child] : [];
}

/** The parent record with `child` replaced by `by` (or removed when `by` is undefined). */
function replaceChild(records: Records, parentId: RecordId, child: RecordId, by: RecordId | undefined): WorkspaceRecord | undefined {
  const parent = records.get(parentId);
  if (!parent) return undefined;
  if (parent.type === 'rule') return by === undefined ? undefined : { ...parent, root: by };
  if (parent.type !== 'cond') return undefined;
  const n = parent.node;
  if (n.op === 'not') return by === undefined ? undefined : { ...parent, node: { op: 'not', child: by } };
  if (n.op === 'leaf') return undefined;
  const children = by === undefined ? n.children.filter((c) => c !== child) : n.children.map((c) => (c === child ? by : c));
  return { ...parent, node: { op: n.op, children } };
}

export function addCondition(parentId: RecordId, condition: Condition, index?: number): Command {
  return {
    type: 'cond/add',
    label: { vi: 'Thêm điều kiện', en: 'Add condition' },
    run(records, ctx) {
      const parent = cond(records, parentId);
      if (!parent || (parent.node.op !== 'all' && parent.node.op !== 'any')) {
        return refuse('Chỉ thêm được điều kiện vào nhóm "tất cả" hoặc "ít nhất một".', 'Conditions can only be added to an "all" or "any" group.');
      }
      const put: WorkspaceRecord[] = [];
      const id = condRecords(condition, parent.rule, parentId, ctx.ids, put);
      const children = [...parent.node.children];
      children.splice(index ?? children.length, 0, id);
      put.push({ ...parent, node: { op: parent.node.op, children } });
      return { put };
    },
  };
}

/** Edits a leaf's fact, operator or value; one history entry per run of edits to the same field. */
export function updateLeaf(id: RecordId, patch: Partial<LeafData>, field = Object.keys(patch).join(',')): Command {
  return {
    type: 'cond/update',
    label: { vi: 'Sửa điều kiện', en: 'Edit condition' },
    mergeKey: mergeKey('cond/update', id, field),
    run(records) {
      const c = cond(records, id);
      if (!c || c.node.op !== 'leaf') return refuse('Không tìm thấy điều kiện.', 'Condition not found.');
      const node = { ...c.node, ...patch, op: 'leaf' as const };
      for (const k of ['path', 'params'] as const) if (node[k] === undefined) delete node[k];
      return { put: [{ ...c, node }] };
    },
  };
}

export function setGroupOp(id: RecordId, op: GroupOp): Command {
  return {
    type: 'cond/set-group',
    label: { vi: 'Đổi loại nhóm', en: 'Change group type' },
    run(records) {
      const c = cond(records, id);
      if (!c || (c.node.op !== 'all' && c.node.op !== 'any')) return refuse('Chỉ nhóm "tất cả"/"ít nhất một" mới đổi được.', 'Only an all/any group can be switched.');
      return { put: [{ ...c, node: { op, children: c.node.children } }] };
    },
  };
}

export function deleteCondition(id: RecordId): Command {
  return {
    type: 'cond/delete',
    label: { vi: 'Xoá điều kiện', en: 'Delete condition' },
    run(records) {
      const c = cond(records, id);
      if (!c) return refuse('Không tìm thấy điều kiện.', 'Condition not found.');
      const parent = records.get(c.parent);
      if (!parent || parent.type === 'rule') return refuse('Không xoá được nhóm gốc của quy tắc; hãy xoá quy tắc.', "A rule's top group cannot be deleted; delete the rule instead.");
      if (parent.type === 'cond' && parent.node.op === 'not') return refuse('Điều kiện này nằm trong "không phải": hãy xoá hoặc gỡ nhóm "không phải".', 'This condition is inside a "not": delete or unwrap the "not" instead.');
      const updated = replaceChild(records, c.parent, id, undefined);
      return { put: updated ? [updated] : [], remove: subtreeIds(records, id) };
    },
  };
}

/** Copies a condition (with its subtree) right after itself in the same group. */
export function duplicateCondition(id: RecordId): Command {
  return {
    type: 'cond/duplicate',
    label: { vi: 'Nhân bản điều kiện', en: 'Duplicate condition' },
    run(records, ctx) {
      const c = cond(records, id);
      const parent = c && cond(records, c.parent);
      if (!c || !parent || (parent.node.op !== 'all' && parent.node.op !== 'any')) {
        return refuse('Chỉ nhân bản được điều kiện nằm trong một nhóm.', 'Only a condition inside a group can be duplicated.');
      }
      const put: WorkspaceRecord[] = [];
      const copy = copySubtree(records, id, c.parent, ctx.ids, put);
      const children = [...parent.node.children];
      children.splice(children.indexOf(id) + 1, 0, copy);
      put.push({ ...parent, node: { op: parent.node.op, children } });
      return { put };
    },
  };
}

function copySubtree(records: Records, id: RecordId, parent: RecordId, ids: (p: 'cond') => RecordId, out: WorkspaceRecord[], rule?: RecordId): RecordId {
  const c = records.get(id) as CondRecord;
  const next = ids('cond');
  const n = c.node;
  const node: CondNode = n.op === 'all' || n.op === 'any'
    ? { op: n.op, children: n.children.map((x) => copySubtree(records, x, next, ids, out, rule)) }
    : n.op === 'not' ? { op: 'not', child: copySubtree(records, n.child, next, ids, out, rule) } : { ...n };
  out.push({ id: next, type: 'cond', rule: rule ?? c.rule, parent, node });
  return next;
}

/** Moves a condition into another all/any group of the same ruleset, at `index` (the end by default). */
export function moveCondition(id: RecordId, targetGroup: RecordId, index?: number): Command {
  return {
    type: 'cond/move',
    label: { vi: 'Chuyển điều kiện sang nhóm khác', en: 'Move condition to another group' },
    run(records) {
      const c = cond(records, id);
      const target = cond(records, targetGroup);
      if (!c || !target || (target.node.op !== 'all' && target.node.op !== 'any')) return refuse('Nhóm đích phải là nhóm "tất cả" hoặc "ít nhất một".', 'The target must be an "all" or "any" group.');
      if (subtreeIds(records, id).includes(targetGroup)) return refuse('Không chuyển được một nhóm vào bên trong chính nó.', 'A group cannot be moved into itself.');
      const oldParent = records.get(c.parent);
      if (!oldParent || oldParent.type === 'rule') return refuse('Không chuyển được nhóm gốc của quy tắc.', "A rule's top group cannot be moved.");
      if (oldParent.type === 'cond' && oldParent.node.op === 'not') return refuse('Điều kiện nằm trong "không phải": hãy gỡ nhóm "không phải" trước.', 'The condition is inside a "not": unwrap it first.');
      const ruleChanges = target.rule !== c.rule;
      const put = new Map<RecordId, WorkspaceRecord>();
      if (ruleChanges) for (const x of subtreeIds(records, id)) put.set(x, { ...(records.get(x) as CondRecord), rule: target.rule });
      put.set(id, { ...((put.get(id) as CondRecord | undefined) ?? c), parent: targetGroup });
      const source = c.parent === targetGroup ? target : (replaceChild(records, c.parent, id, undefined) as CondRecord);
      if (c.parent !== targetGroup) put.set(source.id, source);
      const base = c.parent === targetGroup ? (target.node as { children: RecordId[] }).children.filter((x) => x !== id) : (target.node as { children: RecordId[] }).children;
      const children = [...base];
      children.splice(Math.min(index ?? children.length, children.length), 0, id);
      put.set(targetGroup, { ...target, node: { op: target.node.op, children } });
      return { put: [...put.values()] };
    },
  };
}

/** Wraps a condition in a new group: `any` (an alternative), `all`, or `not` (negation). */
export function wrapCondition(id: RecordId, op: GroupOp | 'not'): Command {
  const label: Label = op === 'not' ? { vi: 'Bọc trong "không phải"', en: 'Wrap in "not"' } : op === 'any' ? { vi: 'Bọc trong nhóm "ít nhất một"', en: 'Wrap in an "any" group' } : { vi: 'Bọc trong nhóm "tất cả"', en: 'Wrap in an "all" group' };
  return {
    type: 'cond/wrap',
    label,
    run(records, ctx) {
      const c = cond(records, id);
      if (!c) return refuse('Không tìm thấy điều kiện.', 'Condition not found.');
      // The top of a rule may become a `not` too: json-rules-engine allows it.
      const wrapper = ctx.ids('cond');
      const node: CondNode = op === 'not' ? { op: 'not', child: id } : { op, children: [id] };
      const updatedParent = replaceChild(records, c.parent, id, wrapper);
      if (!updatedParent) return refuse('Không bọc được điều kiện này.', 'This condition cannot be wrapped.');
      return { put: [{ id: wrapper, type: 'cond', rule: c.rule, parent: c.parent, node }, { ...c, parent: wrapper }, updatedParent] };
    },
  };
}

/** Replaces a group that has exactly one condition, or a `not`, by that condition. */
export function unwrapCondition(id: RecordId): Command {
  return {
    type: 'cond/unwrap',
    label: { vi: 'Gỡ nhóm', en: 'Unwrap group' },
    run(records) {
      const c = cond(records, id);
      if (!c) return refuse('Không tìm thấy điều kiện.', 'Condition not found.');
      const kids = childrenOf(c.node);
      if (kids.length !== 1) return refuse('Chỉ gỡ được nhóm có đúng một điều kiện.', 'Only a group with exactly one condition can be unwrapped.');
      const child = cond(records, kids[0]!)!;
      const parent = records.get(c.parent);
      if (parent?.type === 'rule' && child.node.op === 'leaf') return refuse('Nhóm gốc của quy tắc phải là một nhóm.', "A rule's top condition must be a group.");
      const updatedParent = replaceChild(records, c.parent, id, child.id);
      if (!updatedParent) return refuse('Không gỡ được nhóm này.', 'This group cannot be unwrapped.');
      return { put: [{ ...child, parent: c.parent }, updatedParent], remove: [id] };
    },
  };
}

export { copySubtree };
