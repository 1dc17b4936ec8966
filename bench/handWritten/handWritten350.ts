/**
 * 350-QĐ/TW (rulesets/350-qd-tw.json, 40 rules) written by hand as plain predicates on the facts, for the
 * benchmark's baseline. Written from the rules' conditions and the summaries of the regulation the ruleset cites
 * (đối tượng and tiêu chuẩn for trung cấp and cao cấp; the sơ cấp rules carried over from 57-QĐ/TW as `assumed`),
 * not from the compiler. Bit i of the result is set when the i-th rule that applies to the level and mode (ruleset
 * order) passes; facts are well typed, as `deriveFacts` makes them.
 */
import type { Mode, TrainingLevel } from '../../engine/documents/enums.ts';
import type { Facts } from '../../engine/rules/facts.ts';

const set = (...codes: string[]) => new Set(codes);

const PARTY_COMMITTEE = set('commune-party-committee-member', 'commune-party-secretary', 'commune-party-deputy-secretary', 'grassroots-party-committee-member', 'upper-party-committee-member');
const COMMUNE_LEADERS = set('commune-council-chair', 'commune-council-vice-chair', 'commune-people-committee-chair', 'commune-people-committee-vice-chair', 'commune-front-chair', 'commune-front-vice-chair', 'commune-mass-organisation-head', 'commune-mass-organisation-deputy');
const ARMY_POSTS = set('battalion-commander', 'regiment-deputy-chief-of-staff', 'regiment-deputy-political-head', 'army-office-head', 'regiment-deputy-commissar', 'regiment-deputy-commander', 'regiment-commander', 'regiment-commissar', 'brigade-commander', 'provincial-military-commander', 'division-commander', 'strategic-agency-commander');
const POLICE_POSTS = set('commune-police-deputy-chief', 'commune-police-chief', 'police-deputy-team-leader', 'police-team-leader', 'police-deputy-head-of-division', 'police-head-of-division');
const ENTERPRISE_POSTS = set('enterprise-board-head', 'enterprise-division-head', 'enterprise-board-member', 'enterprise-executive');
/** Posts whose planning makes a trung cấp subject whatever the sector. */
const INTERMEDIATE_PLANNED = set(
  ...PARTY_COMMITTEE, ...COMMUNE_LEADERS, 'battalion-commander', 'regiment-deputy-chief-of-staff', 'regiment-deputy-commissar', 'army-office-head',
  'regiment-deputy-commander', 'regiment-commander', 'regiment-commissar', 'division-commander', ...POLICE_POSTS, ...ENTERPRISE_POSTS,
);
/** Civilian leadership posts whose planning counts only outside the army, police and enterprises. */
const INTERMEDIATE_PLANNED_CIVILIAN = set('deputy-head-of-division', 'head-of-division', 'deputy-director', 'director');
const ADVANCED_PARTY = set('upper-party-committee-member', 'commune-party-committee-member', 'commune-party-secretary', 'commune-party-deputy-secretary');
const ADVANCED_COMMUNE_HEADS = set('commune-military-commander', 'commune-council-chair', 'commune-people-committee-chair', 'commune-front-chair');
const ADVANCED_ARMY = set('regiment-commander', 'regiment-commissar', 'division-commander', 'brigade-commander', 'provincial-military-commander', 'strategic-agency-commander', 'mod-hospital-institute-director', 'mod-enterprise-director');
const ADVANCED_POLICE = set('commune-police-chief', 'police-deputy-head-of-division', 'police-head-of-division');
const ADVANCED_PLANNED = set(
  ...ADVANCED_PARTY, ...ADVANCED_COMMUNE_HEADS, 'regiment-commander', 'regiment-commissar', 'division-commander', ...ADVANCED_POLICE,
  'enterprise-board-member', 'enterprise-executive',
);
const ADVANCED_PLANNED_CIVILIAN = set('head-of-division', 'deputy-director', 'director');

const partyMember = (f: Facts) => f.partyStatus === 'probationary' || f.partyStatus === 'full';
const atLeast = (x: number | null, min: number) => x !== null && x >= min;
const has = (posts: ReadonlySet<string>, pos: string | null) => pos !== null && posts.has(pos);
const plans = (posts: ReadonlySet<string>, planning: readonly string[]) => {
  for (let i = 0; i < planning.length; i++) if (posts.has(planning[i]!)) return true;
  return false;
};
/** Not an army, police or enterprise sector (null counts as civilian). */
const civilian = (sector: string | null) => sector !== 'army' && sector !== 'police' && sector !== 'enterprise';
/** A workplace at commune, province or central level (the district level is gone after 01/07/2025). */
const communeProvinceOrCentral = (tier: string | null) => tier === 'commune' || tier === 'province' || tier === 'central';

function elementary(f: Facts): number {
  const pos = f.position;
  return (partyMember(f) ? 1 : 0)
    | (pos === 'union-member' ? 2 : 0)
    | (pos === 'commune-civil-servant' ? 4 : 0)
    | (pos === 'commune-non-full-time-worker' ? 8 : 0)
    | (f.onRequest ? 16 : 0)
    | (f.theoryRank < 1 ? 32 : 0)
    | (f.sector === 'army' ? 64 : 0)
    | (f.sector === 'police' ? 128 : 0)
    | (f.province !== null ? 256 : 0);
}

function intermediate(f: Facts, partTime: boolean): number {
  const pos = f.position;
  const edu = f.educationRank;
  let bits = (has(PARTY_COMMITTEE, pos) ? 1 : 0)
    | (f.positionRank >= 1 && communeProvinceOrCentral(f.workplaceTier) && civilian(f.sector) && civilian(f.positionSector) ? 2 : 0)
    | (has(COMMUNE_LEADERS, pos) ? 4 : 0)
    | (plans(INTERMEDIATE_PLANNED, f.planning) || (plans(INTERMEDIATE_PLANNED_CIVILIAN, f.planning) && civilian(f.sector)) ? 8 : 0)
    | (has(ARMY_POSTS, pos) ? 16 : 0)
    | (pos === 'commune-military-commander' ? 32 : 0)
    | (has(POLICE_POSTS, pos) ? 64 : 0)
    | (has(ENTERPRISE_POSTS, pos) ? 128 : 0)
    | (pos === 'lecturer' ? 256 : 0)
    | (partyMember(f) ? 512 : 0)
    | (edu >= 2 || (edu >= 1 && f.ethnicMinority) ? 1024 : 0)
    | (f.ratingRankLastYear >= 2 && f.ratingRankYearBefore >= 2 ? 2048 : 0);
  let next = 4096;
  if (partTime) {
    if ((f.sex === 'female' && f.age >= 28) || (f.sex === 'male' && f.age >= 30)) bits |= next;
    next <<= 1;
  }
  if (f.theoryRank < 2) bits |= next;
  if (f.sector === 'army') bits |= next << 1;
  if (f.sector === 'police') bits |= next << 2;
  if (f.province !== null) bits |= next << 3;
  return bits;
}

function advanced(f: Facts, partTime: boolean): number {
  const pos = f.position;
  let bits = (has(ADVANCED_PARTY, pos) ? 1 : 0)
    | (has(ADVANCED_COMMUNE_HEADS, pos) ? 2 : 0)
    | (f.positionRank >= 2 && communeProvinceOrCentral(f.workplaceTier) && civilian(f.sector) && civilian(f.positionSector) ? 4 : 0)
    | (has(ADVANCED_ARMY, pos) ? 8 : 0)
    | (has(ADVANCED_POLICE, pos) ? 16 : 0)
    | (pos === 'enterprise-board-member' || pos === 'enterprise-executive' ? 32 : 0)
    | (plans(ADVANCED_PLANNED, f.planning)
      || (plans(ADVANCED_PLANNED_CIVILIAN, f.planning) && communeProvinceOrCentral(f.workplaceTier) && civilian(f.sector)) ? 64 : 0)
    | (f.civilServiceGrade === 'principal-specialist' && atLeast(f.yearsInGrade, 4) && f.candidatePool ? 128 : 0)
    | (atLeast(f.yearsTeaching, 5) ? 256 : 0)
    | (f.partyStatus === 'full' ? 512 : 0)
    | (f.educationRank >= 3 ? 1024 : 0);
  let next = 2048;
  if (partTime) {
    if ((f.sex === 'female' && f.age >= 33) || (f.sex === 'male' && f.age >= 35)) bits |= next;
    next <<= 1;
  }
  if (f.theoryRank < 3) bits |= next;
  if (f.level === 'advanced') bits |= next << 1;
  return bits;
}

/** The outcomes of 350-QĐ/TW's applicable rules for one cadre, as bits (see the file's header). */
export function handWritten350(f: Facts, level: TrainingLevel, mode: Mode): number {
  if (level === 'elementary') return elementary(f);
  if (level === 'intermediate') return intermediate(f, mode === 'part-time');
  return advanced(f, mode === 'part-time');
}
