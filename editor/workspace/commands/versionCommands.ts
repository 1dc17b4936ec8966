/** Named versions of a workspace ruleset: save the current state under a name, delete, restore. */
import type { Command } from '../createWorkspaceStore.ts';
import type { Ruleset } from '../../../engine/documents/ruleset.ts';
import type { RecordId, RulesetRecord } from '../records.ts';
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

/**
 * Puts a saved version's rules back into its ruleset (undoable like any edit). The ruleset's publication record
 * (`revision`, `decisions`, `published`) stays as it is now: restoring old rules never unpublishes a later revision.
 */
export function restoreVersion(versionId: RecordId): Command {
  return {
    type: 'version/restore',
    label: { vi: 'Khôi phục phiên bản', en: 'Restore version' },
    run(records, ctx) {
      const v = recordOr(records, versionId, 'version', VERSION_NOT_FOUND);
      if (isRefusal(v)) return v;
      const now = records.get(v.ruleset);
      const snapshot = now?.type === 'ruleset' ? withPublicationOf(v.snapshot, now.meta) : v.snapshot;
      return replaceRulesetContents(v.ruleset, snapshot).run(records, ctx);
    },
  };
}

const PUBLICATION_KEYS = new Set(['revision', 'decisions', 'published']);

/** `ruleset` with the publication fields of `meta` instead of its own, each key where `ruleset` has it (else at the end). */
function withPublicationOf(ruleset: Ruleset, meta: RulesetRecord['meta']): Ruleset {
  const from = meta as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ruleset)) {
    if (!PUBLICATION_KEYS.has(k)) out[k] = v;
    else if (from[k] !== undefined) out[k] = from[k];
  }
  for (const k of PUBLICATION_KEYS) if (from[k] !== undefined && !(k in out)) out[k] = from[k];
  return out as unknown as Ruleset;
}
