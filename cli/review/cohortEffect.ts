/**
 * The effect of a ruleset change on a cohort: every cadre checked under the base and the head version of the
 * ruleset (each applied whatever the date) with the engine's cohort diff (`createCohortDiff`, the one `llct diff`
 * and the diff page use), for each nomination (level, mode) the head version regulates.
 */
import type { InstitutionCatalogue, PositionCatalogue } from '../../engine/documents/catalogue.ts';
import { citationIn, type Ruleset } from '../../engine/documents/ruleset.ts';
import { LABELS, MODES, TRAINING_LEVELS, type Label, type Mode, type TrainingLevel } from '../../engine/documents/enums.ts';
import type { CadreRow } from '../../engine/io/readCadres.ts';
import { createCohortDiff, type DiffSide, type RuleCount } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { nominationFor } from '../runCheck.ts';
import type { NominationEffect, RuleTally } from './reviewModel.ts';

export interface CohortInput {
  file: string;
  rows: readonly CadreRow[];
  /** Nomination date (ISO) for rows without their own. */
  on: string;
  /** `--level`, `--mode`: only this level or mode; otherwise every level the head regulates, in both modes. */
  level?: TrainingLevel;
  mode?: Mode;
  positions: PositionCatalogue;
  institutions: InstitutionCatalogue;
}

function tallies(byRule: Record<string, RuleCount>): RuleTally[] {
  return Object.entries(byRule).map(([rule, c]) => ({
    rule, count: c.count, citation: { vi: citationIn(c.citation, 'vi'), en: citationIn(c.citation, 'en') },
    ...(c.title ? { title: c.title } : {}),
  }));
}

/** The nominations compared: one per (level, mode), or fewer with `--level` / `--mode`. */
export function nominationsOf(head: Ruleset, level?: TrainingLevel, mode?: Mode): Array<{ level: TrainingLevel; mode: Mode }> {
  const levels = level ? [level] : TRAINING_LEVELS.filter((l) => (head.regulation.levels ?? TRAINING_LEVELS).includes(l));
  const modes = mode ? [mode] : MODES;
  return levels.flatMap((l) => modes.map((m) => ({ level: l, mode: m })));
}

/** The effect of `base` → `head` on the cohort, per nomination; the count of rows without a usable nomination. */
export function cohortEffect(base: Ruleset, head: Ruleset, input: CohortInput): { nominations: NominationEffect[]; invalidRows: number } {
  const documents = { rulesets: [base, head], positions: input.positions, institutions: input.institutions };
  const a = createDiffSide({ ruleset: base }, documents, input.on);
  const b = createDiffSide({ ruleset: head }, documents, input.on);
  if (!a.ok || !b.ok) return { nominations: [], invalidRows: 0 };
  return cohortEffectOfSides(a.side, b.side, head, input);
}

/** The effect of judging the cohort by side `a` then by side `b`, per nomination `head` regulates. */
export function cohortEffectOfSides(a: DiffSide, b: DiffSide, head: Ruleset, input: Omit<CohortInput, 'positions' | 'institutions'>): { nominations: NominationEffect[]; invalidRows: number } {
  const nominations: NominationEffect[] = [];
  const invalid = new Set<number>();
  for (const { level, mode } of nominationsOf(head, input.level, input.mode)) {
    const diff = createCohortDiff({ a, b });
    for (const row of input.rows) {
      const n = nominationFor(row, { level, mode, on: input.on }, { file: input.file, row: row.row, id: row.profile.id });
      if (!n.ok) { invalid.add(row.row); continue; }
      diff.add(row.profile, n.nomination);
    }
    const s = diff.summary();
    const label: Label = { vi: `${LABELS.theoryLevel[level].vi}, ${LABELS.mode[mode].vi}`, en: `${LABELS.theoryLevel[level].en}, ${LABELS.mode[mode].en}` };
    nominations.push({
      level, mode, label, compared: s.total,
      eligible: { base: s.a.eligible, head: s.b.eligible },
      gained: s.changes.gained, lost: s.changes.lost,
      gainedBy: tallies(s.byRule.gained), lostBy: tallies(s.byRule.lost),
    });
  }
  return { nominations, invalidRows: invalid.size };
}
