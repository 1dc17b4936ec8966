/**
 * Guards checked against the parameters and the rules, before any class runs: for every level and mode a class can
 * have, each guard is judged `never` (it cannot pass whatever happens), `always` (it cannot fail) or `maybe`.
 * - learnerCount: a minimum above the maximum (minClassSize 40 > maxClassSize 30 for cao cấp tập trung) never passes;
 * - attendanceAtLeast, examPassed: a threshold above the scale's top never passes, one at its bottom always passes;
 * - resitAvailable: no re-sit allowed never passes (the re-sit loop is closed);
 * - eligible: a level and mode for which a ruleset has no subject rule (no cadre can be a subject) never passes for
 *   nominations while that ruleset is in force — the rulesets come from the caller (the workspace's, or the files
 *   given to the CLI);
 * - and / or / not combine these.
 * Then reachability is computed again without the transitions whose guard never passes: a final state that only
 * such transitions reach, or a state from which no final state can then be reached (a re-sit loop with no exit), is
 * reported for the levels and modes concerned. Pure.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { LABELS, MODES, TRAINING_LEVELS, type Mode, type TrainingLevel } from '../documents/enums.ts';
import { isNamedGuard, isParamRef, type GuardExpr, type Lifecycle } from '../documents/lifecycle.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import { formatDate } from '../documents/dates.ts';
import { reachableStates, statesReachingFinal } from './lifecycleGraph.ts';
import { regulatesLevel } from '../rules/outOfScope.ts';

type Verdict = 'never' | 'always' | 'maybe';
interface Judged { verdict: Verdict; vi?: string; en?: string }
interface Cell { level: TrainingLevel; mode: Mode }

const CELLS: readonly Cell[] = TRAINING_LEVELS.flatMap((level) => MODES.map((mode) => ({ level, mode })));
const cellText = (c: Cell, lang: 'vi' | 'en') => `${LABELS.theoryLevel[c.level][lang]} ${LABELS.mode[c.mode][lang]}`;

export interface GuardAnalysisOptions {
  /** Rulesets the `eligible` guard may be judged by (each in force from its effectiveFrom to the next one's). */
  rulesets?: readonly Ruleset[];
}

/** A parameter or literal number in a cell; undefined when not a number there (other checks report that). */
function numberIn(doc: Lifecycle, raw: unknown, cell: Cell): { value: number; text: string } | undefined {
  if (typeof raw === 'number') return { value: raw, text: String(raw) };
  if (!isParamRef(raw)) return undefined;
  const p = doc.parameters[raw.param];
  if (!p) return undefined;
  const v = typeof p.value === 'number' ? p.value : p.value[cell.level]?.[cell.mode];
  return v === undefined ? undefined : { value: v, text: `${raw.param} = ${v}` };
}

/** The ruleset in force on each span of nomination dates, in date order. */
function spans(rulesets: readonly Ruleset[]): Array<{ ruleset: Ruleset; from: string; until?: string }> {
  const sorted = [...rulesets].sort((a, b) => a.regulation.effectiveFrom.localeCompare(b.regulation.effectiveFrom));
  return sorted.map((ruleset, i) => ({ ruleset, from: ruleset.regulation.effectiveFrom, ...(sorted[i + 1] ? { until: sorted[i + 1]!.regulation.effectiveFrom } : {}) }));
}

function coversSubject(ruleset: Ruleset, level: TrainingLevel, mode: Mode): boolean {
  return ruleset.rules.some((r) => r.kind === 'subject' && r.level === level && (!r.modes || r.modes.includes(mode)));
}

function judgeNamed(doc: Lifecycle, type: string, params: Record<string, unknown> | undefined, cell: Cell, options: GuardAnalysisOptions): Judged {
  const p = params ?? {};
  switch (type) {
    case 'learnerCount': {
      const min = numberIn(doc, p.min, cell), max = numberIn(doc, p.max, cell);
      if (min && max && min.value > max.value) {
        return { verdict: 'never', vi: `tối thiểu ${min.text} lớn hơn tối đa ${max.text}`, en: `minimum ${min.text} is above maximum ${max.text}` };
      }
      return { verdict: 'maybe' };
    }
    case 'attendanceAtLeast':
    case 'examPassed': {
      const key = type === 'attendanceAtLeast' ? 'min' : 'passMark';
      const top = type === 'attendanceAtLeast' ? 100 : 10;
      const n = numberIn(doc, p[key], cell);
      if (n && n.value > top) return { verdict: 'never', vi: `${n.text} vượt quá ${top}`, en: `${n.text} is above ${top}` };
      if (n && n.value <= 0) return { verdict: 'always', vi: `${n.text}: ai cũng đạt`, en: `${n.text}: everyone meets it` };
      return { verdict: 'maybe' };
    }
    case 'resitAvailable': {
      const n = numberIn(doc, p.allowance, cell);
      if (n && n.value <= 0) return { verdict: 'never', vi: `không cho thi lại (${n.text})`, en: `no re-sit allowed (${n.text})` };
      return { verdict: 'maybe' };
    }
    case 'eligible': {
      const rulesets = options.rulesets ?? [];
      if (rulesets.length === 0) return { verdict: 'maybe' };
      const level = (typeof p.level === 'string' ? p.level : cell.level) as TrainingLevel;
      const mode = (typeof p.mode === 'string' ? p.mode : cell.mode) as Mode;
      // A regulation that does not regulate the level (350-QĐ/TW has no sơ cấp) judges every such nomination out of
      // scope; one that regulates it without a subject rule for it makes nobody a subject. Either way: never eligible.
      const all = spans(rulesets);
      const outside = all.filter((s) => !regulatesLevel(s.ruleset, level));
      const uncovered = all.filter((s) => regulatesLevel(s.ruleset, level) && !coversSubject(s.ruleset, level, mode));
      if (outside.length + uncovered.length === 0) return { verdict: 'maybe' };
      const when = (list: typeof all, lang: 'vi' | 'en') => list.map((s) => `${s.ruleset.regulation.code} (${lang === 'vi' ? 'cử từ' : 'nominated from'} ${formatDate(s.from)}${s.until ? `${lang === 'vi' ? ' đến trước' : ' until before'} ${formatDate(s.until)}` : ''})`).join(', ');
      const what = { level: LABELS.theoryLevel[level], mode: LABELS.mode[mode] };
      const judged = {
        vi: [
          outside.length > 0 ? `${what.level.vi} không thuộc phạm vi ${when(outside, 'vi')}: mọi người được cử đều chưa đủ điều kiện` : '',
          uncovered.length > 0 ? `không quy tắc đối tượng nào cho ${what.level.vi} ${what.mode.vi} trong ${when(uncovered, 'vi')}` : '',
        ].filter(Boolean).join('; '),
        en: [
          outside.length > 0 ? `${what.level.en} is outside the scope of ${when(outside, 'en')}: every nominee is not eligible` : '',
          uncovered.length > 0 ? `no subject rule covers ${what.level.en} ${what.mode.en} in ${when(uncovered, 'en')}` : '',
        ].filter(Boolean).join('; '),
      };
      const blocked = outside.length + uncovered.length;
      // Every ruleset uncovered: never; only some: it fails for nominations while those are in force.
      return blocked === rulesets.length ? { verdict: 'never', ...judged } : { verdict: 'maybe', ...judged };
    }
    default:
      return { verdict: 'maybe' };
  }
}

function judge(doc: Lifecycle, g: GuardExpr, cell: Cell, options: GuardAnalysisOptions): Judged {
  if (isNamedGuard(g)) return judgeNamed(doc, g.type, g.params, cell, options);
  if ('not' in g) {
    const j = judge(doc, g.not, cell, options);
    return { ...j, verdict: j.verdict === 'never' ? 'always' : j.verdict === 'always' ? 'never' : 'maybe' };
  }
  const parts = ('and' in g ? g.and : g.or).map((x) => judge(doc, x, cell, options));
  const decisive = 'and' in g ? 'never' : 'always';
  const hit = parts.find((x) => x.verdict === decisive);
  if (hit) return hit;
  const other = 'and' in g ? 'always' : 'never';
  if (parts.every((x) => x.verdict === other)) return { verdict: other, vi: parts.map((x) => x.vi).filter(Boolean).join('; '), en: parts.map((x) => x.en).filter(Boolean).join('; ') };
  return { verdict: 'maybe' };
}

/** "cao cấp tập trung, cao cấp không tập trung" or "mọi cấp học và hình thức". */
function cellsText(cells: readonly Cell[], lang: 'vi' | 'en'): string {
  if (cells.length === CELLS.length) return lang === 'vi' ? 'mọi cấp học và hình thức' : 'every level and mode';
  return cells.map((c) => cellText(c, lang)).join(', ');
}

/** The state a guard needs the class to have been in (`postponedFrom`, alone or in an `and`), if any. */
function requiredState(g: GuardExpr): string | undefined {
  if (isNamedGuard(g)) return g.type === 'postponedFrom' && typeof g.params?.state === 'string' ? g.params.state : undefined;
  if ('and' in g) return g.and.map(requiredState).find((x) => x !== undefined);
  return undefined;
}

export function analyseGuards(doc: Lifecycle, options: GuardAnalysisOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Transitions whose guard never passes, per cell.
  const dead = new Map<string, Set<string>>(CELLS.map((c) => [`${c.level}/${c.mode}`, new Set<string>()]));
  const key = (c: Cell) => `${c.level}/${c.mode}`;
  const tKey = (from: string, event: string, i: number) => `${from}|${event}|${i}`;

  for (const [from, state] of Object.entries(doc.states)) {
    for (const [event, transitions] of Object.entries(state.on)) {
      transitions.forEach((t, i) => {
        if (!t.guard) return;
        const judged = CELLS.map((cell) => ({ cell, j: judge(doc, t.guard!, cell, options) }));
        const never = judged.filter((x) => x.j.verdict === 'never');
        const always = judged.filter((x) => x.j.verdict === 'always');
        const partial = judged.filter((x) => x.j.verdict === 'maybe' && x.j.vi);
        for (const x of never) dead.get(key(x.cell))!.add(tKey(from, event, i));
        const path = ['states', from, 'on', event, i, 'guard'];
        if (never.length > 0) {
          const first = never[0]!.j;
          out.push(diagnostic('lifecycle/guard-never-passes', never.length === CELLS.length ? 'error' : 'warning', path,
            { vi: `Điều kiện của ${event} ở "${from}" không bao giờ thỏa với ${cellsText(never.map((x) => x.cell), 'vi')}: ${first.vi}.`, en: `The guard of ${event} in "${from}" can never pass for ${cellsText(never.map((x) => x.cell), 'en')}: ${first.en}.` },
            { vi: 'Sửa tham số hoặc điều kiện để có thể thỏa.', en: 'Change the parameters or the guard so that it can pass.' }));
        }
        if (always.length === CELLS.length) {
          out.push(diagnostic('lifecycle/guard-always-passes', 'warning', path,
            { vi: `Điều kiện của ${event} ở "${from}" luôn thỏa (${always[0]!.j.vi}): nó không phân biệt gì, và chuyển tiếp sau nó cho ${event} không bao giờ xảy ra.`, en: `The guard of ${event} in "${from}" always passes (${always[0]!.j.en}): it decides nothing, and any later transition for ${event} is never taken.` }));
        }
        if (partial.length > 0) {
          out.push(diagnostic('lifecycle/guard-never-passes-sometimes', 'warning', path,
            { vi: `Điều kiện của ${event} ở "${from}" không thỏa khi ${partial[0]!.j.vi}.`, en: `The guard of ${event} in "${from}" fails whenever ${partial[0]!.j.en}.` }));
        }
      });
    }
  }

  // Reachability without the dead transitions, per cell; reported once per state with the cells concerned.
  const finals = Object.entries(doc.states).filter(([, s]) => s.final).map(([id]) => id);
  const lostFinal = new Map<string, Cell[]>();
  const stuck = new Map<string, Cell[]>();
  if (doc.states[doc.initial]) {
    const fullReach = reachableStates(doc), fullToFinal = statesReachingFinal(doc);
    for (const cell of CELLS) {
      const off = dead.get(key(cell))!;
      if (off.size === 0) continue;
      // A RESUME guarded by postponedFrom(S) can only be taken once S itself has been reached.
      const edges = Object.entries(doc.states).flatMap(([from, st]) => Object.entries(st.on).flatMap(([event, ts]) =>
        ts.map((t, i) => ({ from, to: t.target ?? from, alive: !off.has(tKey(from, event, i)), requires: t.guard ? requiredState(t.guard) : undefined }))))
        .filter((e) => e.alive && doc.states[e.to]);
      const reach = new Set([doc.initial]);
      for (let grew = true; grew;) {
        grew = false;
        for (const e of edges) if (reach.has(e.from) && !reach.has(e.to) && (!e.requires || reach.has(e.requires))) { reach.add(e.to); grew = true; }
      }
      const usable = edges.filter((e) => !e.requires || reach.has(e.requires));
      const toFinal = new Set(finals);
      for (let grew = true; grew;) {
        grew = false;
        for (const e of usable) if (toFinal.has(e.to) && !toFinal.has(e.from)) { toFinal.add(e.from); grew = true; }
      }
      for (const f of finals) if (fullReach.has(f) && !reach.has(f)) lostFinal.set(f, [...(lostFinal.get(f) ?? []), cell]);
      for (const s of Object.keys(doc.states)) if (reach.has(s) && fullToFinal.has(s) && !toFinal.has(s)) stuck.set(s, [...(stuck.get(s) ?? []), cell]);
    }
  }
  for (const [state, cells] of lostFinal) {
    out.push(diagnostic('lifecycle/final-unreachable-by-guards', cells.length === CELLS.length ? 'error' : 'warning', ['states', state],
      { vi: `Không ai đạt tới trạng thái kết thúc "${state}" với ${cellsText(cells, 'vi')}: mọi đường tới nó đi qua một điều kiện không bao giờ thỏa.`, en: `Nobody can reach the final state "${state}" for ${cellsText(cells, 'en')}: every way to it goes through a guard that can never pass.` }));
  }
  for (const [state, cells] of stuck) {
    out.push(diagnostic('lifecycle/no-exit-by-guards', cells.length === CELLS.length ? 'error' : 'warning', ['states', state],
      { vi: `Từ "${state}" không còn đường tới trạng thái kết thúc với ${cellsText(cells, 'vi')}: các lối ra đều có điều kiện không bao giờ thỏa.`, en: `From "${state}" no final state can be reached for ${cellsText(cells, 'en')}: every way out has a guard that can never pass.` }));
  }
  return out;
}
