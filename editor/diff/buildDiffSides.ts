/**
 * The two sides of the comparison from what the page offers: each side follows the regulation in force on the
 * nomination date, or applies 57-QĐ/TW or 350-QĐ/TW whatever the date (what-if); side B may have its own date.
 * Refuses, with a message in both languages, two sides that are the same and a date no regulation covers. Pure.
 */
import { builtinDocuments } from '../../engine/builtin.ts';
import type { Nomination } from '../../engine/documents/cadre.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import type { Label } from '../../engine/documents/enums.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import type { DiffSide } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { selectRuleset } from '../../engine/rules/selectRuleset.ts';

/** `in-force`: the regulation in force on each nomination date; otherwise a shipped ruleset id. */
export type SideChoice = 'in-force' | '57-qd-tw' | '350-qd-tw';
export const SIDE_CHOICES: readonly SideChoice[] = ['in-force', '57-qd-tw', '350-qd-tw'];

export interface DiffSetup {
  /** The nomination of rows that carry none of their own (ISO date). */
  defaults: Pick<Nomination, 'level' | 'mode' | 'on'>;
  a: SideChoice;
  b: SideChoice;
  /** Side B's own nomination date (ISO), for every row. */
  bOn?: string;
}

export type BuiltSides =
  | { ok: true; a: DiffSide; b: DiffSide }
  | { ok: false; code: 'nothing-to-compare' | 'no-regulation' | 'side'; message: Label };

/** The default setup: 57-QĐ/TW against 350-QĐ/TW for trung cấp, part-time, nominated on 01/03/2024. */
export const DEFAULT_SETUP: DiffSetup = {
  defaults: { level: 'intermediate', mode: 'part-time', on: '2024-03-01' },
  a: '57-qd-tw',
  b: '350-qd-tw',
};

export function buildDiffSides(setup: DiffSetup): BuiltSides {
  const bOn = setup.bOn !== undefined && setup.bOn !== setup.defaults.on ? setup.bOn : undefined;
  if (setup.a === setup.b && bOn === undefined) {
    return {
      ok: false, code: 'nothing-to-compare',
      message: {
        vi: 'Không có gì để so sánh: hai bên dùng cùng quy định và cùng ngày cử đi học. Hãy chọn quy định khác cho bên B, hoặc cho bên B một ngày cử riêng.',
        en: 'Nothing to compare: both sides use the same regulation on the same nomination date. Choose another regulation for side B, or give side B its own nomination date.',
      },
    };
  }
  const made = { a: side('A', setup.a, undefined, setup.defaults.on), b: side('B', setup.b, bOn, setup.defaults.on) };
  if (!made.a.ok) return made.a;
  if (!made.b.ok) return made.b;
  return { ok: true, a: made.a.side, b: made.b.side };
}

type OneSide = { ok: true; side: DiffSide } | Extract<BuiltSides, { ok: false }>;

function side(name: 'A' | 'B', choice: SideChoice, on: string | undefined, defaultOn: string): OneSide {
  if (choice === 'in-force') {
    // Like `llct diff`: a side following the regulation in force needs one on its date.
    const date = on ?? defaultOn;
    const s = selectRuleset(builtinDocuments().rulesets, date);
    if (!s.ok) {
      return {
        ok: false, code: 'no-regulation',
        message: { vi: `Bên ${name}, ngày ${formatDate(date)}: ${s.diagnostic.message}`, en: `Side ${name}, ${formatDate(date)}: ${s.diagnostic.messageEn}` },
      };
    }
  }
  const made = createDiffSide({
    evaluator: createCompiledEvaluator,
    ...(choice === 'in-force' ? {} : { ruleset: choice }),
    ...(on !== undefined ? { on } : {}),
  }, builtinDocuments(), defaultOn);
  if (!made.ok) {
    return { ok: false, code: 'side', message: { vi: `Bên ${name}: ${made.diagnostic.message}`, en: `Side ${name}: ${made.diagnostic.messageEn}` } };
  }
  return { ok: true, side: made.side };
}
