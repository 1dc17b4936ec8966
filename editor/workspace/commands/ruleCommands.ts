/**
 * Commands on rules: add, delete, duplicate, reorder, and edit their metadata (titles, citation, confidence,
 * source, note, modes, messages, institution).
 */
import type { Rule } from '../../../engine/documents/ruleset.ts';
import type { Command } from '../createWorkspaceStore.ts';
import { recordOf, type CondRecord, type RecordId, type Records, type RuleData, type RuleRecord, type WorkspaceRecord } from '../records.ts';
import { condRecords, subtreeIds } from '../rulesetRecords.ts';
import { copySubtree } from './conditionCommands.ts';
import { freeId, mergeKey, refuse } from './kit.ts';

const ruleOf = (records: Records, id: RecordId) => recordOf(records, id, 'rule');
const rulesetOf = (records: Records, id: RecordId) => recordOf(records, id, 'ruleset');

/** An id for a copy or a new rule that no rule of the ruleset has yet: `base`, `base-2`, `base-3`… */
export function freeRuleId(records: Records, rulesetId: RecordId, base: string): string {
  const rs = rulesetOf(records, rulesetId);
  return freeId(base, new Set(rs?.rules.map((r) => ruleOf(records, r)?.data.id)));
}

/** Adds a rule (whole, with its conditions) at `index` in the ruleset, the end by default. */
export function addRule(rulesetId: RecordId, rule: Rule, index?: number): Command {
  return {
    type: 'rule/add',
    label: { vi: 'Thêm quy tắc', en: 'Add rule' },
    run(records, ctx) {
      const rs = rulesetOf(records, rulesetId);
      if (!rs) return refuse('Không tìm thấy bộ quy tắc.', 'Ruleset not found.');
      const { conditions, ...data } = rule;
      const put: WorkspaceRecord[] = [];
      const ruleId = ctx.ids('rule');
      const root = condRecords(conditions, ruleId, ruleId, ctx.ids, put);
      put.push({ id: ruleId, type: 'rule', ruleset: rulesetId, data: { ...data, id: freeRuleId(records, rulesetId, data.id) }, root });
      const rules = [...rs.rules];
      rules.splice(index ?? rules.length, 0, ruleId);
      put.push({ ...rs, rules });
      return { put };
    },
  };
}

export function deleteRule(ruleId: RecordId): Command {
  return {
    type: 'rule/delete',
    label: { vi: 'Xoá quy tắc', en: 'Delete rule' },
    run(records) {
      const r = ruleOf(records, ruleId);
      const rs = r && rulesetOf(records, r.ruleset);
      if (!r || !rs) return refuse('Không tìm thấy quy tắc.', 'Rule not found.');
      if (rs.rules.length === 1) return refuse('Bộ quy tắc cần ít nhất một quy tắc.', 'A ruleset needs at least one rule.');
      return { put: [{ ...rs, rules: rs.rules.filter((x) => x !== ruleId) }], remove: [ruleId, ...subtreeIds(records, r.root)] };
    },
  };
}

export function duplicateRule(ruleId: RecordId): Command {
  return {
    type: 'rule/duplicate',
    label: { vi: 'Nhân bản quy tắc', en: 'Duplicate rule' },
    run(records, ctx) {
      const r = ruleOf(records, ruleId);
      const rs = r && rulesetOf(records, r.ruleset);
      if (!r || !rs) return refuse('Không tìm thấy quy tắc.', 'Rule not found.');
      const put: WorkspaceRecord[] = [];
      const copyId = ctx.ids('rule');
      const root = copySubtree(records, r.root, copyId, ctx.ids, put, copyId);
      put.push({ id: copyId, type: 'rule', ruleset: rs.id, data: { ...r.data, id: freeRuleId(records, rs.id, `${r.data.id}-copy`) }, root });
      const rules = [...rs.rules];
      rules.splice(rules.indexOf(ruleId) + 1, 0, copyId);
      put.push({ ...rs, rules });
      return { put };
    },
  };
}

/** Moves a rule to `index` in its ruleset (tier rules: the first that passes names the school). */
export function moveRule(ruleId: RecordId, index: number): Command {
  return {
    type: 'rule/move',
    label: { vi: 'Đổi thứ tự quy tắc', en: 'Reorder rule' },
    run(records) {
      const r = ruleOf(records, ruleId);
      const rs = r && rulesetOf(records, r.ruleset);
      if (!r || !rs) return refuse('Không tìm thấy quy tắc.', 'Rule not found.');
      const rules = rs.rules.filter((x) => x !== ruleId);
      rules.splice(Math.max(0, Math.min(index, rules.length)), 0, ruleId);
      return { put: [{ ...rs, rules }] };
    },
  };
}

/**
 * Edits a rule's metadata. `field` names what is edited (`title.vi`, `citation`…): a run of typing in one field is
 * one history entry. A key set to `undefined` is removed (an emptied note).
 */
export function updateRule(ruleId: RecordId, patch: Partial<RuleData>, field = Object.keys(patch).join(',')): Command {
  return {
    type: 'rule/update',
    label: { vi: 'Sửa quy tắc', en: 'Edit rule' },
    mergeKey: mergeKey('rule/update', ruleId, field),
    run(records) {
      const r = ruleOf(records, ruleId);
      if (!r) return refuse('Không tìm thấy quy tắc.', 'Rule not found.');
      const data = { ...r.data, ...patch } as RuleData & Record<string, unknown>;
      for (const [k, v] of Object.entries(data)) if (v === undefined) delete data[k];
      return { put: [{ ...r, data }] };
    },
  };
}

/** The rule a condition belongs to (for selection and the inspector). */
export function ruleOfCondition(records: Records, condId: RecordId): RuleRecord | undefined {
  const c = records.get(condId) as CondRecord | undefined;
  return c?.type === 'cond' ? ruleOf(records, c.rule) : undefined;
}
