/**
 * A generated profile (`iterateCohort`) with the schema's defaults filled in, without running zod over a million
 * profiles: the same value `CadreProfile.parse` gives for the generator's output (test/simulate checks it on a
 * generated cohort). Profiles read from a file go through the schema as usual. Pure.
 */
import type { CadreProfile, CadreProfileInput } from '../documents/cadre.ts';

export function completeProfile(p: CadreProfileInput): CadreProfile {
  return {
    ...p,
    ethnicMinority: p.ethnicMinority ?? false,
    difficultArea: p.difficultArea ?? false,
    party: p.party ? { ...p.party, status: p.party.status ?? 'none' } : { status: 'none' },
    politicalTheory: p.politicalTheory ?? 'none',
    workplace: p.workplace ?? {},
    planning: p.planning ?? [],
    civilService: p.civilService ? { ...p.civilService, candidatePool: p.civilService.candidatePool ?? false } : { candidatePool: false },
    ratings: p.ratings ?? [],
  } as CadreProfile;
}
