/**
 * A generated profile (`iterateCohort`) with the schema's defaults filled in, without running zod over a million
 * profiles: the same value `CadreProfile.parse` gives for the generator's output (test/simulate checks it on a
 * generated cohort). The profile is completed in place, not copied: it is the caller's own (a million copies were a
 * tenth of a national plan's time). Profiles read from a file go through the schema as usual. Pure apart from that.
 */
import type { CadreProfile, CadreProfileInput } from '../documents/cadre.ts';

export function completeProfile(p: CadreProfileInput): CadreProfile {
  p.ethnicMinority ??= false;
  p.difficultArea ??= false;
  if (p.party) p.party.status ??= 'none';
  else p.party = { status: 'none' };
  p.politicalTheory ??= 'none';
  p.workplace ??= {};
  p.planning ??= [];
  if (p.civilService) p.civilService.candidatePool ??= false;
  else p.civilService = { candidatePool: false };
  p.ratings ??= [];
  return p as CadreProfile;
}
