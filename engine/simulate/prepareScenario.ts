/**
 * Everything a scenario's runs share, built once: the plan's parameters and calendar, the cohort split into the pools
 * of cadres each agency can nominate, the eligibility checker (the regulation in force on each nomination date, or one
 * ruleset forced), and the lifecycles each class follows (the class lifecycle with the class's own minimum and
 * maximum size). Pure: the caller passes documents and profiles; nothing is read from disk.
 */
import type { CadreProfile, Nomination } from '../documents/cadre.ts';
import type { InstitutionCatalogue, PositionCatalogue } from '../documents/catalogue.ts';
import { rankOf, THEORY_LEVELS } from '../documents/enums.ts';
import type { Lifecycle } from '../documents/lifecycle.ts';
import type { Plan, PlanAgency, PlanClass } from '../documents/plan.ts';
import { PLAN_PARAMETER_NAMES, PLAN_PARAMETERS, type PlanParameterValues } from '../documents/planParameters.ts';
import type { Ruleset } from '../documents/ruleset.ts';
import type { ScreeningVerdict } from '../lifecycle/context.ts';
import { screeningVerdictOf } from '../lifecycle/learnerSpecs.ts';
import type { CheckEligibility, IsEligible, RecordedVerdict } from '../lifecycle/types.ts';
import type { Screening } from '../rules/screenVerdict.ts';
import { createChecker, type Checker, type ScreenOutcome } from '../rules/createChecker.ts';
import { createCheckSignature } from './createCheckSignature.ts';
import { createKeyedMemo, createScreeningMemo, levelModeOf } from './createScreeningMemo.ts';
import { foldVietnamese } from '../rules/provinces.ts';
import { createCalendar, type Calendar } from './createCalendar.ts';
import { createStepper, type Stepper, type StepperEngine } from './createStepper.ts';
import { hashText } from './seeds.ts';

export interface ScenarioInput {
  plan: Plan;
  cadres: readonly CadreProfile[];
  rulesets: readonly Ruleset[];
  /** Apply the one ruleset in `rulesets` whatever the nomination date (a what-if, or a plan naming its ruleset). */
  regardlessOfDate?: boolean;
  positions: PositionCatalogue;
  institutions: InstitutionCatalogue;
  classLifecycle: Lifecycle;
  learnerLifecycle: Lifecycle;
  engine?: StepperEngine;
  /** A name for reports, e.g. "57-QĐ/TW". */
  label?: string;
}

export interface PreparedClass {
  plan: PlanClass;
  /** Position in the plan's `classes`. */
  index: number;
  serves: Array<{ agency: number; quota: number }>;
  key: number;
  stepper: Stepper;
}

export interface Scenario {
  input: ScenarioInput;
  plan: Plan;
  params: PlanParameterValues;
  calendar: Calendar;
  cadres: readonly CadreProfile[];
  /** Pre-hashed cadre ids, for each cadre's random stream. */
  cadreKeys: Uint32Array;
  /** Cadre indices each agency may nominate from, by agency index; `unserved` counts cadres matching no agency. */
  pools: Int32Array[];
  unserved: number;
  agencyKeys: Uint32Array;
  /** In timeline order: opening date, then id. */
  classes: PreparedClass[];
  checker: Checker;
  /** The full eligibility check (with messages), remembered: a learner's recorded verdict, comparisons. */
  check: CheckEligibility;
  /** The screening of cohort member `cadre` (remembered): the nomination step and the lifecycle's guard share it. */
  screen(cadre: number, nomination: Nomination): ScreenOutcome;
  /**
   * A hint that the checks that follow are about cohort member `cadre` (its learner is screened next): the guard and
   * the recorded verdict then find its index without a lookup. Any other profile still finds its own. With
   * `screening`, what `screen(cadre, { level, mode, on })` gave (at its nomination): asked again for that
   * nomination, it is answered without a lookup.
   */
  focus(cadre: number, level?: PlanClass['level'], mode?: PlanClass['mode'], on?: string, screening?: ScreenOutcome): void;
  /** What the lifecycles' `eligible` guard and `recordVerdict` action ask (remembered; equal to `check`'s answers). */
  isEligible: IsEligible;
  recordedVerdict: RecordedVerdict;
  /** Learner lifecycle parameters the simulator needs to draw plausible values (pass mark, thresholds). */
  learnerParam(name: string, level: PlanClass['level'], mode: PlanClass['mode']): number;
  /** Whether the cadre already holds `level` (such cadres are never nominated for it). */
  holds(cadre: number, level: PlanClass['level']): boolean;
}

/** Entries each memo holds before it starts afresh: 16 bytes a slot, 2 slots an entry at most (32 MB). */
const MEMO_LIMIT = 1_000_000;

export function prepareScenario(input: ScenarioInput): Scenario {
  const { plan } = input;
  const params = Object.fromEntries(PLAN_PARAMETER_NAMES.map((n) => [n, plan.parameters[n]?.value ?? PLAN_PARAMETERS[n].default])) as PlanParameterValues;
  const checker = createChecker({ rulesets: input.rulesets, positions: input.positions, institutions: input.institutions, regardlessOfDate: input.regardlessOfDate ?? false });
  // Checks are remembered across runs, by cadre index (see createScreeningMemo.ts): here by date (full checks, refusals,
  // and screenings without a signature, see below). The lifecycle's guard and recorded verdict come with a profile: its
  // index is looked up once per call.
  const memo = createScreeningMemo(Math.min(MEMO_LIMIT, Math.max(4096, input.cadres.length * 32)));
  const cadreIndex = new Map<CadreProfile, number>();
  input.cadres.forEach((p, i) => cadreIndex.set(p, i));
  // A learner's guard and recorded verdict ask for the same profile one after the other: remember the last lookup.
  let lastProfile: CadreProfile | undefined;
  let lastIndex: number | undefined;
  const indexOf = (profile: CadreProfile) => {
    if (profile !== lastProfile) { lastProfile = profile; lastIndex = cadreIndex.get(profile); }
    return lastIndex;
  };
  // Screenings are remembered by check signature (createCheckSignature.ts): a cadre nominated on a new date whose facts
  // and regulation are those of a date already checked gets that date's screening, and, when ineligible, its recorded
  // verdict. Only judged screenings (`ok`) are shared: a refusal's text names its own date.
  const signature = createCheckSignature({ rulesets: input.rulesets, institutions: input.institutions, cadres: input.cadres.length });
  const bySignature = createKeyedMemo<Screening, ScreeningVerdict>(Math.min(MEMO_LIMIT, Math.max(4096, input.cadres.length * 8)));
  const signatureKey = (cadre: number, n: Nomination): number => {
    const sig = signature.of(cadre, input.cadres[cadre]!, n.on);
    return sig < 0 ? -1 : sig * 8 + levelModeOf(n);
  };
  // The focused learner's nomination and screening (see `focus`).
  let focusCadre = -1;
  let focusLevel: string | undefined;
  let focusMode: string | undefined;
  let focusOn: string | undefined;
  let focusScreening: ScreenOutcome | undefined;
  // Memos key a nomination by cadre, date, level and mode: one with a special decision or a request to study (which
  // change the check) is checked on its own.
  const ownCheck = (n: Nomination) => n.specialDecision !== undefined || n.onRequest !== undefined;
  // A screening with a signature is held by signature only; the memo by date holds the rest (refusals, and cadres
  // or rulesets without signatures).
  const screen = (cadre: number, n: Nomination): ScreenOutcome => {
    if (ownCheck(n)) return checker.screenSync(input.cadres[cadre]!, n);
    if (cadre === focusCadre && n.on === focusOn && n.level === focusLevel && n.mode === focusMode && focusScreening) return focusScreening;
    const key = signatureKey(cadre, n);
    if (key >= 0) {
      const known = bySignature.peek(cadre, key) ?? memo.held(cadre, n);
      if (known) return known;
      const o = checker.screenSync(input.cadres[cadre]!, n);
      if (o.ok) bySignature.put(cadre, key, o);
      else memo.screening(cadre, n, () => o);
      return o;
    }
    return memo.screening(cadre, n, () => checker.screenSync(input.cadres[cadre]!, n));
  };
  const check: CheckEligibility = (profile, n) => {
    const i = ownCheck(n) ? undefined : indexOf(profile);
    return i === undefined ? checker.checkSync(profile, n) : memo.outcome(i, n, () => checker.checkSync(profile, n));
  };
  const isEligible: IsEligible = (profile, n) => {
    const i = indexOf(profile);
    const o = i === undefined ? checker.screenSync(profile, n) : screen(i, n);
    return o.ok && o.eligible;
  };
  // An eligible cadre's recorded verdict has no failures, so no message: it is made from the screening, once per
  // screening, and shared. Only an ineligible cadre's needs the full check.
  const eligibleVerdicts = new Map<Screening, ScreeningVerdict>();
  const recordedVerdict: RecordedVerdict = (profile, n) => {
    const i = ownCheck(n) ? undefined : indexOf(profile);
    const o = i === undefined ? undefined : screen(i, n);
    if (!o?.ok) return screeningVerdictOf(check(profile, n));
    if (!o.eligible) {
      // Its messages are made from the facts and the year, which the signature fixes.
      const key = signatureKey(i!, n);
      return key < 0 ? screeningVerdictOf(check(profile, n)) : bySignature.second(i!, key, () => screeningVerdictOf(check(profile, n)));
    }
    let v = eligibleVerdicts.get(o);
    if (!v) {
      v = Object.freeze({ eligible: true, regulation: o.regulation, ruleset: o.ruleset, institution: o.institution, failures: Object.freeze([]) as unknown as ScreeningVerdict['failures'] });
      eligibleVerdicts.set(o, v);
    }
    return v;
  };

  const { pools, unserved } = poolsOf(plan.agencies, input.cadres);
  const steppers = new Map<string, Stepper>();
  const stepperFor = (c: PlanClass): Stepper => {
    const key = `${c.minSize}/${c.maxSize}`;
    let s = steppers.get(key);
    if (!s) {
      s = createStepper({
        lifecycle: withSizes(input.classLifecycle, c.minSize, c.maxSize), learnerLifecycle: input.learnerLifecycle, checkEligibility: check, isEligible, recordedVerdict,
        engine: input.engine ?? 'compiled',
      });
      steppers.set(key, s);
    }
    return s;
  };
  const agencyIndex = new Map(plan.agencies.map((a, i) => [a.id, i]));
  const classes = plan.classes
    .map((c, index) => ({ plan: c, index, serves: c.serves.map((q) => ({ agency: agencyIndex.get(q.agency)!, quota: q.quota })), key: hashText(`class:${c.id}`), stepper: stepperFor(c) }))
    .sort((a, b) => (a.plan.opensOn < b.plan.opensOn ? -1 : a.plan.opensOn > b.plan.opensOn ? 1 : a.plan.id < b.plan.id ? -1 : a.plan.id > b.plan.id ? 1 : 0));
  const theoryRank = new Int8Array(input.cadres.map((p) => rankOf(THEORY_LEVELS, p.politicalTheory)));
  const learner = input.learnerLifecycle;
  return {
    input, plan, params, calendar: createCalendar(plan.calendar), cadres: input.cadres,
    cadreKeys: Uint32Array.from(input.cadres, (p) => hashText(p.id)),
    pools, unserved, agencyKeys: Uint32Array.from(plan.agencies, (a) => hashText(`agency:${a.id}`)),
    classes, checker, check, screen, isEligible, recordedVerdict,
    focus(cadre, level, mode, on, screening) {
      lastProfile = input.cadres[cadre];
      lastIndex = lastProfile === undefined ? undefined : cadre;
      focusCadre = lastIndex ?? -1;
      focusLevel = level; focusMode = mode; focusOn = on; focusScreening = screening;
    },
    learnerParam(name, level, mode) {
      const p = learner.parameters[name];
      if (!p) throw new Error(`the learner lifecycle has no parameter ${name}`);
      const v = typeof p.value === 'number' ? p.value : p.value[level]?.[mode];
      if (v === undefined) throw new Error(`the learner lifecycle's ${name} has no value for ${level}/${mode}`);
      return v;
    },
    holds: (cadre, level) => theoryRank[cadre]! >= THEORY_LEVELS.indexOf(level),
  };
}

/** The class lifecycle with its size parameters replaced by one class's own minimum and maximum. */
export function withSizes(doc: Lifecycle, min: number, max: number): Lifecycle {
  const parameters = { ...doc.parameters };
  const set = (name: string, value: number, what: string) => {
    const p = parameters[name];
    if (p) parameters[name] = { ...p, value, assumedCells: undefined, source: `${what} của lớp theo kế hoạch / class ${what} from the plan` };
  };
  set('minClassSize', min, 'sĩ số tối thiểu');
  set('maxClassSize', max, 'sĩ số tối đa');
  return { ...doc, parameters };
}

const folded = new Map<string, string>();
/** Case- and diacritic-blind key of a name (memoised: a cohort repeats a few hundred names). */
function fold(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  let k = folded.get(s);
  if (k === undefined) { k = foldVietnamese(s); folded.set(s, k); }
  return k;
}

/** Each cadre goes to the first agency (in plan order) whose given fields all match its workplace. */
function poolsOf(agencies: readonly PlanAgency[], cadres: readonly CadreProfile[]): { pools: Int32Array[]; unserved: number } {
  const byName = new Map<string, number[]>();
  const unnamed: number[] = [];
  agencies.forEach((a, i) => {
    if (a.name === undefined) { unnamed.push(i); return; }
    const k = fold(a.name)!;
    byName.set(k, [...(byName.get(k) ?? []), i]);
  });
  const wanted = agencies.map((a) => ({ province: fold(a.province), tier: a.tier, sector: a.sector }));
  const lists: number[][] = agencies.map(() => []);
  let unserved = 0;
  cadres.forEach((p, ci) => {
    const w = p.workplace;
    const province = fold(w.province);
    const matches = (i: number) => {
      const f = wanted[i]!;
      return (f.province === undefined || f.province === province) && (f.tier === undefined || f.tier === w.tier) && (f.sector === undefined || f.sector === w.sector);
    };
    // Agencies named in the plan are matched by name; a plan of provinces only never reads the cadre's agency.
    const named = w.agency === undefined || byName.size === 0 ? undefined : byName.get(fold(w.agency)!);
    let hit = named?.find(matches);
    if (hit === undefined) hit = unnamed.find(matches);
    if (hit === undefined) unserved++;
    else lists[hit]!.push(ci);
  });
  return { pools: lists.map((l) => Int32Array.from(l)), unserved };
}
