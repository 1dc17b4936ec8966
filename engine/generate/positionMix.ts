/**
 * The shape of a synthetic cadre population: how cadres spread over tiers, sectors and posts, which post each is in
 * planning for, and which political-theory level a holder of a post usually has already. Every post is a code of
 * rulesets/positions.json (a test checks it). The shares are plausible, not measured: they exist so that a
 * generated cohort exercises every subject group and standard of the rulesets in proportions a board would recognise.
 */
import type { Sector, TheoryLevel, WorkplaceTier } from '../documents/enums.ts';
import { weighted, type Weighted } from './createRng.ts';

type Table<T> = readonly (readonly [T, number])[];

/** Share of cadres per tier; district level only before 2025-07-01 (its share then goes to communes and provinces). */
export function tierTable(districts: boolean): Table<WorkplaceTier> {
  return districts
    ? [['central', 0.07], ['province', 0.25], ['district', 0.23], ['commune', 0.45]]
    : [['central', 0.07], ['province', 0.33], ['commune', 0.6]];
}

export const SECTORS_BY_TIER: Readonly<Record<WorkplaceTier, Table<Sector>>> = {
  central: [['state', 0.55], ['party', 0.12], ['public-service', 0.15], ['front', 0.02], ['mass-organisation', 0.05], ['enterprise', 0.06], ['army', 0.025], ['police', 0.025]],
  province: [['state', 0.45], ['party', 0.12], ['public-service', 0.15], ['front', 0.03], ['mass-organisation', 0.07], ['enterprise', 0.04], ['army', 0.07], ['police', 0.07]],
  district: [['state', 0.45], ['party', 0.15], ['public-service', 0.08], ['front', 0.05], ['mass-organisation', 0.12], ['army', 0.07], ['police', 0.08]],
  commune: [['state', 0.42], ['party', 0.2], ['front', 0.09], ['mass-organisation', 0.19], ['army', 0.05], ['police', 0.05]],
};

const OFFICE: Table<string> = [
  ['civil-servant', 0.66], ['deputy-head-of-division', 0.14], ['head-of-division', 0.09], ['deputy-director', 0.05],
  ['director', 0.02], ['grassroots-party-committee-member', 0.04],
];

const POSTS: Readonly<Record<string, Table<string>>> = {
  'commune:state': [
    ['commune-civil-servant', 0.55], ['commune-people-committee-chair', 0.06], ['commune-people-committee-vice-chair', 0.12],
    ['commune-council-chair', 0.03], ['commune-council-vice-chair', 0.06], ['commune-non-full-time-worker', 0.18],
  ],
  'commune:party': [
    ['commune-party-committee-member', 0.55], ['commune-party-secretary', 0.1], ['commune-party-deputy-secretary', 0.15],
    ['commune-non-full-time-worker', 0.1], ['party-member', 0.1],
  ],
  'commune:front': [['commune-front-chair', 0.35], ['commune-front-vice-chair', 0.35], ['commune-non-full-time-worker', 0.3]],
  'commune:mass-organisation': [['commune-mass-organisation-head', 0.45], ['commune-mass-organisation-deputy', 0.35], ['union-member', 0.2]],
  'commune:army': [['commune-military-commander', 0.6], ['commune-non-full-time-worker', 0.4]],
  'commune:police': [['commune-police-chief', 0.45], ['civil-servant', 0.55]],
  'upper:state': OFFICE,
  'upper:party': [...OFFICE.filter(([c]) => c !== 'grassroots-party-committee-member'), ['grassroots-party-committee-member', 0.06], ['upper-party-committee-member', 0.04]],
  'upper:front': OFFICE,
  'upper:mass-organisation': OFFICE,
  'upper:public-service': [['civil-servant', 0.75], ['deputy-head-of-division', 0.1], ['head-of-division', 0.06], ['lecturer', 0.06], ['deputy-director', 0.03]],
  'upper:enterprise': [['civil-servant', 0.7], ['enterprise-deputy-board-head', 0.15], ['enterprise-board-head', 0.08], ['grassroots-party-committee-member', 0.07]],
  'upper:army': [['battalion-commander', 0.45], ['regiment-deputy-commander', 0.25], ['regiment-commander', 0.1], ['party-member', 0.2]],
  'upper:police': [['police-deputy-team-leader', 0.45], ['police-team-leader', 0.3], ['civil-servant', 0.25]],
};

/** Weighted post tables, keyed `commune:<sector>` or `upper:<sector>` (central, province and district). */
export const POST_TABLES: Readonly<Record<string, Weighted<string>>> = Object.fromEntries(
  Object.entries(POSTS).map(([k, t]) => [k, weighted(t)]),
);

export function postKey(tier: WorkplaceTier, sector: Sector): string {
  return `${tier === 'commune' ? 'commune' : 'upper'}:${sector}`;
}

/** The next post a holder is typically planned for, and how often holders are in planning for it. */
export const NEXT_POST: Readonly<Record<string, readonly [next: string, share: number]>> = {
  'civil-servant': ['deputy-head-of-division', 0.3],
  'grassroots-party-committee-member': ['deputy-head-of-division', 0.3],
  'deputy-head-of-division': ['head-of-division', 0.5],
  'head-of-division': ['deputy-director', 0.45],
  'deputy-director': ['director', 0.4],
  'commune-civil-servant': ['commune-people-committee-vice-chair', 0.2],
  'commune-party-committee-member': ['commune-party-deputy-secretary', 0.3],
  'commune-party-deputy-secretary': ['commune-party-secretary', 0.4],
  'commune-people-committee-vice-chair': ['commune-people-committee-chair', 0.4],
  'commune-council-vice-chair': ['commune-council-chair', 0.3],
  'commune-front-vice-chair': ['commune-front-chair', 0.4],
  'commune-mass-organisation-deputy': ['commune-mass-organisation-head', 0.4],
  'battalion-commander': ['regiment-deputy-commander', 0.4],
  'regiment-deputy-commander': ['regiment-commander', 0.4],
  'police-deputy-team-leader': ['police-team-leader', 0.4],
  'enterprise-deputy-board-head': ['enterprise-board-head', 0.4],
};

/** Posts whose holders are leaders (for political theory already held, Party status and grade). */
const SENIOR = new Set([
  'head-of-division', 'deputy-director', 'director', 'upper-party-committee-member', 'enterprise-board-head',
  'regiment-deputy-commander', 'regiment-commander', 'police-team-leader', 'commune-party-secretary',
  'commune-people-committee-chair', 'commune-council-chair', 'commune-front-chair',
]);
const MIDDLE = new Set([
  'deputy-head-of-division', 'enterprise-deputy-board-head', 'battalion-commander', 'police-deputy-team-leader',
  'commune-party-deputy-secretary', 'commune-party-committee-member', 'commune-people-committee-vice-chair',
  'commune-council-vice-chair', 'commune-front-vice-chair', 'commune-mass-organisation-head', 'commune-police-chief',
  'commune-military-commander', 'grassroots-party-committee-member', 'lecturer',
]);

export type Seniority = 'senior' | 'middle' | 'staff';

export function seniorityOf(post: string): Seniority {
  return SENIOR.has(post) ? 'senior' : MIDDLE.has(post) ? 'middle' : 'staff';
}

/** Political-theory level already held, by seniority: staff mostly none or sơ cấp, leaders mostly trung cấp or more. */
export const THEORY_HELD: Readonly<Record<Seniority, Weighted<TheoryLevel>>> = {
  senior: weighted([['none', 0.04], ['elementary', 0.14], ['intermediate', 0.55], ['advanced', 0.27]]),
  middle: weighted([['none', 0.2], ['elementary', 0.4], ['intermediate', 0.35], ['advanced', 0.05]]),
  staff: weighted([['none', 0.55], ['elementary', 0.35], ['intermediate', 0.09], ['advanced', 0.01]]),
};

/** Posts held only by Party members (Party committees, armed-forces commanders, commune heads). */
export const PARTY_ONLY = new Set([
  ...SENIOR, 'commune-party-deputy-secretary', 'commune-party-committee-member', 'grassroots-party-committee-member',
  'commune-police-chief', 'commune-military-commander', 'battalion-commander', 'police-deputy-team-leader',
  'party-member', 'lecturer',
]);

/** Sectors whose office-holders hold a civil-service grade (ngạch chuyên viên); public employees and soldiers do not. */
export const GRADED_SECTORS: ReadonlySet<Sector> = new Set(['state', 'party', 'front', 'mass-organisation']);
