/**
 * 57-QĐ/TW (rulesets/57-qd-tw.json, 36 rules) written by hand as plain predicates on the facts, for the benchmark's
 * baseline: what the compiled evaluator is measured against. Written from the rules' conditions and the regulation's
 * text (Chương II: đối tượng and tiêu chuẩn per level; phân cấp), not from the compiler. Bit i of the result is set
 * when the i-th rule that applies to the level and mode (ruleset order) passes; facts are well typed, as
 * `deriveFacts` makes them (a number fact is a number or null).
 */
import type { Mode, TrainingLevel } from '../../engine/documents/enums.ts';
import type { Facts } from '../../engine/rules/facts.ts';

/** Chức danh lãnh đạo cấp xã (Art. 5 trung cấp, đối tượng a). */
const COMMUNE_LEADERS = new Set([
  'commune-party-committee-member', 'commune-party-secretary', 'commune-party-deputy-secretary', 'commune-council-chair',
  'commune-council-vice-chair', 'commune-people-committee-chair', 'commune-people-committee-vice-chair', 'commune-front-chair',
  'commune-front-vice-chair', 'commune-mass-organisation-head', 'commune-mass-organisation-deputy',
]);

const partyMember = (f: Facts) => f.partyStatus === 'probationary' || f.partyStatus === 'full';
const atLeast = (x: number | null, min: number) => x !== null && x >= min;
const plansCommuneLeader = (planning: readonly string[]) => {
  for (let i = 0; i < planning.length; i++) if (COMMUNE_LEADERS.has(planning[i]!)) return true;
  return false;
};

function elementary(f: Facts): number {
  const pos = f.position;
  const beforeDistrictsEnd = f.onOrdinal < 20250701;
  return (partyMember(f) ? 1 : 0)
    | (pos === 'union-member' ? 2 : 0)
    | (pos === 'commune-civil-servant' ? 4 : 0)
    | (pos === 'commune-non-full-time-worker' ? 8 : 0)
    | (f.onRequest ? 16 : 0)
    | (f.theoryRank < 1 ? 32 : 0)
    | (f.sector === 'army' ? 64 : 0)
    | (f.sector === 'police' ? 128 : 0)
    | (f.province !== null && beforeDistrictsEnd ? 256 : 0)
    | (f.province !== null && !beforeDistrictsEnd ? 512 : 0);
}

function intermediate(f: Facts, partTime: boolean): number {
  const pos = f.position;
  const rank = f.positionRank;
  const tier = f.workplaceTier;
  const edu = f.educationRank;
  let bits = (pos !== null && COMMUNE_LEADERS.has(pos) ? 1 : 0)
    | (rank >= 1 && (tier === 'district' || tier === 'province') ? 2 : 0)
    | (rank >= 1 && tier === 'central' ? 4 : 0)
    | (pos === 'enterprise-deputy-board-head' || pos === 'enterprise-board-head' ? 8 : 0)
    | (f.planningRank >= 1 || plansCommuneLeader(f.planning) ? 16 : 0)
    | (pos === 'commune-military-commander' || pos === 'battalion-commander' || pos === 'regiment-deputy-commander' ? 32 : 0)
    | (pos === 'commune-police-chief' || (f.sector === 'police' && rank >= 1) ? 64 : 0)
    | (f.civilServiceGrade === 'specialist' && atLeast(f.yearsInGrade, 6) ? 128 : 0)
    | (pos === 'lecturer' ? 256 : 0)
    | (partyMember(f) ? 512 : 0)
    | (edu >= 2 || (edu >= 1 && (f.ethnicMinority || f.difficultArea)) ? 1024 : 0);
  let next = 2048;
  if (partTime) {
    if ((f.sex === 'female' && f.age >= 33) || (f.sex === 'male' && f.age >= 35)) bits |= next;
    next <<= 1;
  }
  if (f.theoryRank < 2) bits |= next;
  if (f.sector === 'army') bits |= next << 1;
  if (f.sector === 'police') bits |= next << 2;
  if (f.province !== null) bits |= next << 3;
  return bits;
}

function advanced(f: Facts, partTime: boolean): number {
  const rank = f.positionRank;
  const tier = f.workplaceTier;
  const provinceOrCentral = tier === 'province' || tier === 'central';
  const plan = f.planningRank;
  let bits = (rank >= 3 || (rank >= 2 && provinceOrCentral) ? 1 : 0)
    | (plan >= 3 || (plan >= 2 && provinceOrCentral) ? 2 : 0)
    | (f.civilServiceGrade === 'principal-specialist' && atLeast(f.yearsInGrade, 4) && f.candidatePool ? 4 : 0)
    | (atLeast(f.yearsTeaching, 5) ? 8 : 0)
    | ((f.sector === 'army' || f.sector === 'police') && rank >= 2 ? 16 : 0)
    | (f.partyStatus === 'full' ? 32 : 0)
    | (f.educationRank >= 3 ? 64 : 0);
  let next = 128;
  if (partTime) {
    if ((f.sex === 'female' && f.age >= 38) || (f.sex === 'male' && f.age >= 40)) bits |= next;
    next <<= 1;
  }
  if (f.theoryRank < 3) bits |= next;
  if (f.level === 'advanced') bits |= next << 1;
  return bits;
}

/** The outcomes of 57-QĐ/TW's applicable rules for one cadre, as bits (see the file's header). */
export function handWritten57(f: Facts, level: TrainingLevel, mode: Mode): number {
  if (level === 'elementary') return elementary(f);
  if (level === 'intermediate') return intermediate(f, mode === 'part-time');
  return advanced(f, mode === 'part-time');
}
