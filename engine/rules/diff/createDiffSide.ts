/**
 * The sides of a cohort diff from what a user names: a shipped ruleset id (`57-qd-tw`), a loaded ruleset (their
 * edited file), or nothing (the regulation in force on each nomination date). A named ruleset applies whatever the
 * date (what-if: "350-QĐ/TW applied to our 2024 plan"). Pure.
 */
import { builtinDocuments, createBuiltinChecker } from '../../builtin.ts';
import { closest, diagnostic, type Diagnostic } from '../../diagnostics/Diagnostic.ts';
import { formatDate } from '../../documents/dates.ts';
import type { Label } from '../../documents/enums.ts';
import type { Ruleset } from '../../documents/ruleset.ts';
import type { EvaluatorFactory } from '../RuleEvaluator.ts';
import { selectRuleset } from '../selectRuleset.ts';
import type { DiffSide } from './createCohortDiff.ts';

export interface DiffSideSpec {
  /** A shipped ruleset id, or a loaded ruleset; absent: the regulation in force on the nomination date. */
  ruleset?: string | Ruleset;
  /** Where a loaded ruleset came from (a file name), shown in the label. */
  source?: string;
  /** This side's own nomination date (ISO), overriding every row's. */
  on?: string;
  evaluator?: EvaluatorFactory;
}

export type DiffSideResult = { ok: true; side: DiffSide; ruleset?: Ruleset } | { ok: false; diagnostic: Diagnostic };

/** The ids of the shipped rulesets (`57-qd-tw`, `350-qd-tw`). */
export function builtinRulesetIds(): string[] {
  return builtinDocuments().rulesets.map((r) => r.id);
}

/**
 * Builds one side. `defaultOn` is the nomination date most rows use (the `--on` flag), used only to word the label
 * ("57-QĐ/TW (hiệu lực ngày 01/03/2024)", "350-QĐ/TW (áp dụng giả định)"). An unknown ruleset id is a diagnostic
 * with a "did you mean".
 */
export function createDiffSide(spec: DiffSideSpec, defaultOn?: string): DiffSideResult {
  const shipped = builtinDocuments().rulesets;
  const date = spec.on ?? defaultOn;
  const evaluator = spec.evaluator ? { evaluator: spec.evaluator } : {};
  const withOn = (side: Omit<DiffSide, 'on'>): DiffSide => (spec.on === undefined ? side : { ...side, on: spec.on });

  if (spec.ruleset === undefined) {
    const checker = createBuiltinChecker(evaluator);
    return { ok: true, side: withOn({ checker, label: inForceLabel(shipped, date) }) };
  }
  let ruleset: Ruleset;
  if (typeof spec.ruleset === 'string') {
    const id = spec.ruleset;
    const found = shipped.find((r) => r.id === id);
    if (!found) return { ok: false, diagnostic: unknownRuleset(id, shipped.map((r) => r.id)) };
    ruleset = found;
  } else {
    ruleset = spec.ruleset;
  }
  const checker = createBuiltinChecker({ ...evaluator, rulesets: [ruleset], regardlessOfDate: true });
  return { ok: true, side: withOn({ checker, label: namedLabel(ruleset, shipped, date, spec.source) }), ruleset };
}

function inForceLabel(shipped: readonly Ruleset[], date: string | undefined): Label {
  if (date === undefined) return { vi: 'Quy định có hiệu lực vào ngày cử đi học', en: 'The regulation in force on each nomination date' };
  const s = selectRuleset(shipped, date);
  const d = formatDate(date);
  return s.ok
    ? { vi: `${s.ruleset.regulation.code} (hiệu lực ngày ${d})`, en: `${s.ruleset.regulation.code} (in force on ${d})` }
    : { vi: `Không có quy định hiệu lực ngày ${d}`, en: `No regulation in force on ${d}` };
}

/** A named ruleset's label: its code, its file, and "hypothetical" when another regulation is in force on the date. */
function namedLabel(ruleset: Ruleset, shipped: readonly Ruleset[], date: string | undefined, source: string | undefined): Label {
  const code = ruleset.regulation.code;
  const vi = [code];
  const en = [code];
  if (source !== undefined) { vi.push(`(tệp ${source})`); en.push(`(file ${source})`); }
  const inForce = date === undefined ? undefined : selectRuleset(shipped, date);
  if (inForce && !(inForce.ok && inForce.ruleset.regulation.code === code)) {
    vi.push('(áp dụng giả định)');
    en.push('(applied hypothetically)');
  }
  return { vi: vi.join(' '), en: en.join(' ') };
}

function unknownRuleset(id: string, known: readonly string[]): Diagnostic {
  const guess = closest(id, known);
  return diagnostic('diff/unknown-ruleset', 'error', '',
    `Không có bộ quy tắc có sẵn "${id}".${guess ? ` Có phải "${guess}"?` : ''}`,
    `There is no shipped ruleset "${id}".${guess ? ` Did you mean "${guess}"?` : ''}`,
    { vi: `Bộ quy tắc có sẵn: ${known.join(', ')}; hoặc nêu đường dẫn tệp bộ quy tắc (.json).`, en: `Shipped rulesets: ${known.join(', ')}; or give the path of a ruleset file (.json).` });
}
