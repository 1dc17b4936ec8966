/**
 * Commands on whole rulesets: import a ruleset as a new workspace ruleset, delete one, edit its regulation
 * metadata, and put a saved version back.
 */
import type { Ruleset } from '../../../engine/documents/ruleset.ts';
import type { Command } from '../createWorkspaceStore.ts';
import { layoutIdOf, type RecordId, type Records, type RulesetOrigin, type RulesetRecord } from '../records.ts';
import { recordsFromRuleset, subtreeIds } from '../rulesetRecords.ts';
import { isRefusal, mergeKey, recordOr, refuse } from './kit.ts';

/** The refusal of a command on a ruleset the workspace does not have (any more). */
export const RULESET_NOT_FOUND = refuse('Không tìm thấy bộ quy tắc.', 'Ruleset not found.');

/** Every record of a workspace ruleset: the ruleset, its rules and conditions (not its layout or versions). */
export function rulesetRecordIds(records: Records, rulesetId: RecordId): RecordId[] {
  const rs = records.get(rulesetId) as RulesetRecord | undefined;
  if (!rs || rs.type !== 'ruleset') return [];
  const out = [rulesetId];
  for (const ruleId of rs.rules) {
    const r = records.get(ruleId);
    out.push(ruleId);
    if (r?.type === 'rule') out.push(...subtreeIds(records, r.root));
  }
  return out;
}

/** Adds a ruleset to the workspace under a new record id; returns the command and the id it will have. */
export function addRuleset(ruleset: Ruleset, origin: RulesetOrigin, rulesetId: RecordId): Command {
  return {
    type: 'ruleset/add',
    label: { vi: 'Thêm bộ quy tắc', en: 'Add ruleset' },
    run(records, ctx) {
      if (records.has(rulesetId)) return refuse('Đã có bộ quy tắc với mã này.', 'A ruleset with this id exists already.');
      return { put: recordsFromRuleset(ruleset, rulesetId, origin, ctx.ids) };
    },
  };
}

export function deleteRuleset(rulesetId: RecordId): Command {
  return {
    type: 'ruleset/delete',
    label: { vi: 'Xoá bộ quy tắc', en: 'Delete ruleset' },
    run(records) {
      const ids = rulesetRecordIds(records, rulesetId);
      if (ids.length === 0) return RULESET_NOT_FOUND;
      if (![...records.values()].some((r) => r.type === 'ruleset' && r.id !== rulesetId)) return refuse('Không gian làm việc cần ít nhất một bộ quy tắc.', 'The workspace needs at least one ruleset.');
      return { remove: [...ids, layoutIdOf(rulesetId)] };
    },
  };
}

/** Edits the regulation part (code, title, dates, note) or the subject groups of a ruleset. */
export function updateRulesetMeta(rulesetId: RecordId, patch: Partial<RulesetRecord['meta']>, field = Object.keys(patch).join(',')): Command {
  return {
    type: 'ruleset/update',
    label: { vi: 'Sửa thông tin bộ quy tắc', en: 'Edit ruleset details' },
    mergeKey: mergeKey('ruleset/update', rulesetId, field),
    run(records) {
      const rs = recordOr(records, rulesetId, 'ruleset', RULESET_NOT_FOUND);
      if (isRefusal(rs)) return rs;
      return { put: [{ ...rs, meta: { ...rs.meta, ...patch } }] };
    },
  };
}

/** Replaces a workspace ruleset's contents by a plain ruleset (a saved version, or a re-imported file). */
export function replaceRulesetContents(rulesetId: RecordId, ruleset: Ruleset): Command {
  return {
    type: 'ruleset/replace',
    label: { vi: 'Khôi phục phiên bản', en: 'Restore version' },
    run(records, ctx) {
      const rs = recordOr(records, rulesetId, 'ruleset', RULESET_NOT_FOUND);
      if (isRefusal(rs)) return rs;
      return { remove: rulesetRecordIds(records, rulesetId), put: recordsFromRuleset(ruleset, rulesetId, rs.origin, ctx.ids) };
    },
  };
}
