/**
 * The two sides of the comparison from what the page offers: each side follows the regulation in force on the
 * nomination date, or applies one ruleset whatever the date (what-if) — a workspace ruleset as edited, a shipped
 * original or a saved version (see diffSources.ts); side B may have its own date. Refuses, with a message in both
 * languages, two sides that are the same and a date no regulation covers. Pure.
 */
import type { Nomination } from '../../engine/documents/cadre.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import type { Label } from '../../engine/documents/enums.ts';
import { createCompiledEvaluator } from '../../engine/rules/compile/createCompiledEvaluator.ts';
import type { DiffSide } from '../../engine/rules/diff/createCohortDiff.ts';
import { createDiffSide } from '../../engine/rules/diff/createDiffSide.ts';
import { selectRuleset } from '../../engine/rules/selectRuleset.ts';

import { shippedSources, type DiffSources } from './diffSources.ts';

/** `in-force`: the regulation in force on each nomination date; otherwise the id of a side option. */
export type SideChoice = string;

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

export function buildDiffSides(setup: DiffSetup, sources: DiffSources = shippedSources()): BuiltSides {
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
  const made = { a: side('A', setup.a, undefined, setup.defaults.on, sources), b: side('B', setup.b, bOn, setup.defaults.on, sources) };
  if (!made.a.ok) return made.a;
  if (!made.b.ok) return made.b;
  return { ok: true, a: made.a.side, b: made.b.side };
}

type OneSide = { ok: true; side: DiffSide } | Extract<BuiltSides, { ok: false }>;

function side(name: 'A' | 'B', choice: SideChoice, on: string | undefined, defaultOn: string, sources: DiffSources): OneSide {
  const option = choice === 'in-force' ? undefined : sources.options.find((o) => o.id === choice);
  if (choice !== 'in-force' && !option) {
    return { ok: false, code: 'side', message: { vi: `Bên ${name}: không còn bộ quy tắc "${choice}" trong không gian làm việc.`, en: `Side ${name}: the workspace no longer has ruleset "${choice}".` } };
  }
  if (choice === 'in-force') {
    // Like `llct diff`: a side following the regulation in force needs one on its date.
    const date = on ?? defaultOn;
    const s = selectRuleset(sources.byDate, date);
    if (!s.ok) {
      return {
        ok: false, code: 'no-regulation',
        message: { vi: `Bên ${name}, ngày ${formatDate(date)}: ${s.diagnostic.message}`, en: `Side ${name}, ${formatDate(date)}: ${s.diagnostic.messageEn}` },
      };
    }
  }
  const made = createDiffSide({
    evaluator: createCompiledEvaluator,
    ...(option ? { ruleset: option.ruleset.id } : {}),
    ...(on !== undefined ? { on } : {}),
  }, { rulesets: option ? [option.ruleset] : sources.byDate, positions: sources.positions, institutions: sources.institutions }, defaultOn);
  if (!made.ok) {
    return { ok: false, code: 'side', message: { vi: `Bên ${name}: ${made.diagnostic.message}`, en: `Side ${name}: ${made.diagnostic.messageEn}` } };
  }
  // A side other than a workspace copy of a shipped ruleset is named as the page offered it (an original, a version).
  return { ok: true, side: option && option.id !== option.ruleset.id ? { ...made.side, label: option.label } : made.side };
}
