/** Named versions of a workspace ruleset: save the current state under a name, delete, restore. */
import type { Command } from '../createWorkspaceStore.ts';
import type { RecordId } from '../records.ts';
import { toRuleset } from '../rulesetRecords.ts';
import { isRefusal, recordOr, refuse } from './kit.ts';
import { replaceRulesetContents, RULESET_NOT_FOUND } from './rulesetCommands.ts';

const VERSION_NOT_FOUND = refuse('Không tìm thấy phiên bản.', 'Version not found.');

export function saveVersion(rulesetId: RecordId, name: string): Command {
  return {
    type: 'version/save',
    label: { vi: 'Lưu phiên bản', en: 'Save version' },
    run(records, ctx) {
      if (records.get(rulesetId)?.type !== 'ruleset') return RULESET_NOT_FOUND;
      const trimmed = name.trim();
      if (!trimmed) return refuse('Hãy đặt tên cho phiên bản.', 'Give the version a name.');
      return { put: [{ id: ctx.ids('version'), type: 'version', ruleset: rulesetId, name: trimmed, savedAt: ctx.now(), snapshot: toRuleset(records, rulesetId).ruleset }] };
    },
  };
}

export function deleteVersion(versionId: RecordId): Command {
  return {
    type: 'version/delete',
    label: { vi: 'Xoá phiên bản', en: 'Delete version' },
    run: (records) => (records.get(versionId)?.type === 'version' ? { remove: [versionId] } : VERSION_NOT_FOUND),
  };
}

/** Puts a saved version's rules back into its ruleset (undoable like any edit). */
export function restoreVersion(versionId: RecordId): Command {
  return {
    type: 'version/restore',
    label: { vi: 'Khôi phục phiên bản', en: 'Restore version' },
    run(records, ctx) {
      const v = recordOr(records, versionId, 'version', VERSION_NOT_FOUND);
      if (isRefusal(v)) return v;
      return replaceRulesetContents(v.ruleset, v.snapshot).run(records, ctx);
    },
  };
}
