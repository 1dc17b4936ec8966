/**
 * The institution a verdict names: the tier rule's target (an institution or a provincial school by id, or
 * `@provincial-school` / `@district-centre` resolved by the cadre's province), with the rule's citation and
 * confidence. Pure; results are memoised in two module caches (below) that only ever hold what the same inputs give
 * again, so nothing (a simulation, a worker) needs to reset them.
 */
import type { Confidence, Label } from '../documents/enums.ts';
import type { InstitutionCatalogue } from '../documents/catalogue.ts';
import type { Rule } from '../documents/ruleset.ts';
import { citationOf } from './buildFailures.ts';
import type { Facts } from './facts.ts';
import type { ProvinceIndex } from './provinces.ts';

/** The institution a verdict names, with the tier rule that chose it. */
export interface InstitutionRef {
  id: string;
  /** Its name in both languages (JSON outputs write `name` and `nameEn`). */
  name: Label;
  /** Tier rule that chose it. */
  rule: string;
  citation: string;
  confidence: Confidence;
}

/** What resolving a tier rule's institution reads: the catalogues and the cadre's province. */
export interface InstitutionInput {
  institutions: InstitutionCatalogue;
  provinces: ProvinceIndex;
  facts: Pick<Facts, 'province'>;
}

interface InstitutionMemo { code: string; target: string | undefined; institutions: InstitutionCatalogue; provinces: ProvinceIndex; byProvince: Map<string | null, InstitutionRef | null> }

/**
 * Module cache: the institution each tier rule names, by the cadre's province, for the regulation code and catalogues
 * it was made with (other ones replace the entry). Keyed weakly by the rule, so it goes with the ruleset; at most
 * `MAX_PROVINCES` provinces per rule (then cleared).
 */
const INSTITUTION_REFS_BY_TIER = new WeakMap<Rule, InstitutionMemo>();
/** Distinct provinces remembered per tier rule (an unknown province is remembered as itself). */
const MAX_PROVINCES = 1000;

/**
 * The institution a tier rule names, for the cadre's province where the rule says "the provincial school": made
 * once per rule and province and shared (frozen, so read it; copy before changing). `null` when the target or the
 * province is unknown. `code` is the regulation's code, for the citation.
 */
export function institutionOf(tier: Rule, code: string, input: InstitutionInput): InstitutionRef | null {
  let m = INSTITUTION_REFS_BY_TIER.get(tier);
  if (!m || m.code !== code || m.target !== tier.institution || m.institutions !== input.institutions || m.provinces !== input.provinces) {
    m = { code, target: tier.institution, institutions: input.institutions, provinces: input.provinces, byProvince: new Map() };
    INSTITUTION_REFS_BY_TIER.set(tier, m);
  }
  const province = input.facts.province;
  let ref = m.byProvince.get(province);
  if (ref === undefined) {
    ref = resolveInstitution(tier, code, input);
    if (ref) Object.freeze(ref);
    if (m.byProvince.size >= MAX_PROVINCES) m.byProvince.clear();
    m.byProvince.set(province, ref);
  }
  return ref;
}

/** The institution a tier rule names, worked out afresh (not memoised, not frozen): what `institutionOf` remembers. */
export function resolveInstitution(tier: Rule, code: string, input: InstitutionInput): InstitutionRef | null {
  const target = tier.institution ?? '';
  const rule = tier.id;
  const citation = citationOf(tier, code, tier.citation);
  const confidence = tier.confidence;
  if (target === '@provincial-school' || target === '@district-centre') {
    const provinceName = input.facts.province;
    const province = provinceName === null ? undefined : input.provinces.byName.get(provinceName);
    if (!province) return null;
    if (target === '@provincial-school') {
      return { rule, citation, confidence, id: province.school.id, name: province.school.name };
    }
    const centre = input.institutions.institutions.find((i) => i.id === 'trung-tam-chinh-tri-cap-huyen');
    return centre
      ? { rule, citation, confidence, id: centre.id, name: { vi: `${centre.name.vi} (${province.name})`, en: `${centre.name.en} (${province.name})` } }
      : null;
  }
  const found = institutionById(input.institutions, target);
  return found ? { rule, citation, confidence, id: found.id, name: found.name } : null;
}

type Named = { id: string; name: { vi: string; en: string } };

/**
 * Module cache: institutions (or provincial schools) by id, indexed once per catalogue (weakly keyed; at most 1,000
 * ids each) — like the province index `createChecker` builds, a catalogue is read when first used and not expected
 * to change in place afterwards.
 */
const INSTITUTIONS_BY_CATALOGUE = new WeakMap<InstitutionCatalogue, Map<string, Named | null>>();

function institutionById(catalogue: InstitutionCatalogue, id: string): Named | undefined {
  let byId = INSTITUTIONS_BY_CATALOGUE.get(catalogue);
  if (!byId) { byId = new Map(); INSTITUTIONS_BY_CATALOGUE.set(catalogue, byId); }
  let found = byId.get(id);
  if (found === undefined) {
    found = catalogue.institutions.find((i) => i.id === id) ?? catalogue.provinces.find((p) => p.school.id === id)?.school ?? null;
    if (byId.size < 1000) byId.set(id, found);
  }
  return found ?? undefined;
}
