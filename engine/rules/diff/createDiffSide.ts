/**
 * The sides of a cohort diff from what a user names: the id of one of the given rulesets (`57-qd-tw`), a loaded
 * ruleset (their edited file), or nothing (the regulation in force on each nomination date, among the given
 * rulesets). A named ruleset applies whatever the date (what-if: "350-QĐ/TW applied to our 2024 plan"). The rulesets
 * and catalogues are inputs: the CLI and the page pass the shipped ones (`builtinDocuments()`); pure.
 */
import { closest, diagnostic, type Diagnostic } from '../../diagnostics/Diagnostic.ts';
import type { InstitutionCatalogue, PositionCatalogue } from '../../documents/catalogue.ts';
import { formatDate } from '../../documents/dates.ts';
import type { Label } from '../../documents/enums.ts';
import type { Ruleset } from '../../documents/ruleset.ts';
import { createChecker } from '../createChecker.ts';
import type { EvaluatorFactory } from '../RuleEvaluator.ts';
import { selectRuleset } from '../selectRuleset.ts';
import type { DiffSide } from './createCohortDiff.ts';

/** What a side works on; `builtinDocuments()` has this shape. */
export interface DiffDocuments {
  /** The rulesets a side may name by id, and among which the regulation in force on a date is chosen. */
  rulesets: readonly Ruleset[];
  positions: PositionCatalogue;
  institutions: InstitutionCatalogue;
}

export interface DiffSideSpec {
  /** The id of one of the given rulesets, or a loaded ruleset; absent: the regulation in force on the nomination date. */
  ruleset?: string | Ruleset;
  /** Where a loaded ruleset came from (a file name), shown in the label. */
  source?: string;
  /** This side's own nomination date (ISO), overriding every row's. */
  on?: string;
  evaluator?: EvaluatorFactory;
}

export type DiffSideResult = { ok: true; side: DiffSide; ruleset?: Ruleset } | { ok: false; diagnostic: Diagnostic };

/**
 * Builds one side over `documents`. `defaultOn` is the nomination date most rows use (the `--on` flag), used only
 * to word the label ("57-QĐ/TW (hiệu lực ngày 01/03/2024)", "350-QĐ/TW (áp dụng giả định)"). An unknown ruleset id is a diagnostic
 * with a "did you mean".
 */
export function createDiffSide(spec: DiffSideSpec, documents: DiffDocuments, defaultOn?: string): DiffSideResult {
  const rulesets = documents.rulesets;
  const date = spec.on ?? defaultOn;
  const base = {
    positions: documents.positions, institutions: documents.institutions,
    ...(spec.evaluator ? { evaluator: spec.evaluator } : {}),
  };
  const withOn = (side: Omit<DiffSide, 'on'>): DiffSide => (spec.on === undefined ? side : { ...side, on: spec.on });

  if (spec.ruleset === undefined) {
    const checker = createChecker({ ...base, rulesets });
    return { ok: true, side: withOn({ checker, label: inForceLabel(rulesets, date) }) };
  }
  let ruleset: Ruleset;
  if (typeof spec.ruleset === 'string') {
    const id = spec.ruleset;
    const found = rulesets.find((r) => r.id === id);
    if (!found) return { ok: false, diagnostic: unknownRuleset(id, rulesets.map((r) => r.id)) };
    ruleset = found;
  } else {
    ruleset = spec.ruleset;
  }
  const checker = createChecker({ ...base, rulesets: [ruleset], regardlessOfDate: true });
  return { ok: true, side: withOn({ checker, label: namedLabel(ruleset, rulesets, date, spec.source) }), ruleset };
}

function inForceLabel(rulesets: readonly Ruleset[], date: string | undefined): Label {
  if (date === undefined) return { vi: 'Quy định có hiệu lực vào ngày cử đi học', en: 'The regulation in force on each nomination date' };
  const s = selectRuleset(rulesets, date);
  const d = formatDate(date);
  return s.ok
    ? { vi: `${s.ruleset.regulation.code} (hiệu lực ngày ${d})`, en: `${s.ruleset.regulation.code} (in force on ${d})` }
    : { vi: `Không có quy định hiệu lực ngày ${d}`, en: `No regulation in force on ${d}` };
}

/** A named ruleset's label: its code, its file, and "hypothetical" when another regulation is in force on the date. */
function namedLabel(ruleset: Ruleset, rulesets: readonly Ruleset[], date: string | undefined, source: string | undefined): Label {
  const code = ruleset.regulation.code;
  const vi = [code];
  const en = [code];
  if (source !== undefined) { vi.push(`(tệp ${source})`); en.push(`(file ${source})`); }
  const inForce = date === undefined ? undefined : selectRuleset(rulesets, date);
  if (inForce && !(inForce.ok && inForce.ruleset.regulation.code === code)) {
    vi.push('(áp dụng giả định)');
    en.push('(applied hypothetically)');
  }
  return { vi: vi.join(' '), en: en.join(' ') };
}

function unknownRuleset(id: string, known: readonly string[]): Diagnostic {
  const guess = closest(id, known);
  return diagnostic('diff/unknown-ruleset', 'error', '',
    { vi: `Không có bộ quy tắc có sẵn "${id}".${guess ? ` Có phải "${guess}"?` : ''}`, en: `There is no shipped ruleset "${id}".${guess ? ` Did you mean "${guess}"?` : ''}` },
    { vi: `Bộ quy tắc có sẵn: ${known.join(', ')}; hoặc nêu đường dẫn tệp bộ quy tắc (.json).`, en: `Shipped rulesets: ${known.join(', ')}; or give the path of a ruleset file (.json).` });
}
