/**
 * What the comparison can put on each side, read from the workspace: the regulation in force on the date (the
 * workspace's copies of the shipped rulesets), each workspace ruleset as it is now (an edit shows at once), the
 * shipped originals, and every saved version. Pure.
 */
import { builtinDocuments } from '../shipped/builtin.ts';
import type { InstitutionCatalogue, PositionCatalogue } from '../../engine/documents/catalogue.ts';
import { formatDateTime } from '../i18n/formatDateTime.ts';
import type { Label } from '../../engine/documents/enums.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { rulesetsByDate } from '../workspace/analyseRuleset.ts';
import { recordsOfType, type Records } from '../workspace/records.ts';
import { toRuleset } from '../workspace/rulesetRecords.ts';

export interface SideOption {
  /** `57-qd-tw` for the workspace copy of a shipped ruleset, `shipped:57-qd-tw`, `ws:<record>`, `version:<record>`. */
  id: string;
  label: Label;
  ruleset: Ruleset;
}

export interface DiffSources {
  /** The rulesets a nomination date chooses from (side "in force"). */
  byDate: readonly Ruleset[];
  options: readonly SideOption[];
  positions: PositionCatalogue;
  institutions: InstitutionCatalogue;
}

/** The shipped rulesets only (no workspace): the comparison as it was before the editor. */
export function shippedSources(): DiffSources {
  const docs = builtinDocuments();
  return {
    byDate: docs.rulesets,
    options: docs.rulesets.map((r) => ({ id: r.id, label: { vi: r.regulation.code, en: r.regulation.code }, ruleset: r })),
    positions: docs.positions, institutions: docs.institutions,
  };
}

export function diffSources(records: Records): DiffSources {
  const docs = builtinDocuments();
  const options: SideOption[] = [];
  for (const r of recordsOfType(records, 'ruleset')) {
    const rs = toRuleset(records, r.id).ruleset;
    const builtin = r.origin === 'builtin' && r.id === `ruleset:${rs.id}`;
    options.push({
      id: builtin ? rs.id : `ws:${r.id}`,
      label: builtin
        ? { vi: `${rs.regulation.code} (không gian làm việc)`, en: `${rs.regulation.code} (workspace)` }
        : { vi: `${rs.regulation.code} — ${rs.id} (đã nhập)`, en: `${rs.regulation.code} — ${rs.id} (imported)` },
      ruleset: rs,
    });
  }
  for (const rs of docs.rulesets) {
    options.push({ id: `shipped:${rs.id}`, label: { vi: `${rs.regulation.code} (bản gốc đi kèm)`, en: `${rs.regulation.code} (shipped original)` }, ruleset: rs });
  }
  for (const v of recordsOfType(records, 'version')) {
    const when = formatDateTime(v.savedAt);
    options.push({ id: `version:${v.id}`, label: { vi: `Phiên bản "${v.name}" của ${v.snapshot.regulation.code} (${when})`, en: `Version "${v.name}" of ${v.snapshot.regulation.code} (${when})` }, ruleset: v.snapshot });
  }
  return { byDate: rulesetsByDate(records), options, positions: docs.positions, institutions: docs.institutions };
}
