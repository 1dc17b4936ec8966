/**
 * The rulesets and catalogues shipped with LLCT Studio (rulesets/*.json), loaded through the same
 * parse → migrate → validate path as a user's files. A shipped document that does not load is a bug: it throws.
 */
import rs57 from '../rulesets/57-qd-tw.json' with { type: 'json' };
import rs350 from '../rulesets/350-qd-tw.json' with { type: 'json' };
import positionsJson from '../rulesets/positions.json' with { type: 'json' };
import institutionsJson from '../rulesets/institutions.json' with { type: 'json' };
import outline57 from '../rulesets/outlines/57-qd-tw.outline.json' with { type: 'json' };
import outline350 from '../rulesets/outlines/350-qd-tw.outline.json' with { type: 'json' };
import { INSTITUTIONS_KIND, POSITIONS_KIND, type InstitutionCatalogue, type PositionCatalogue } from './documents/catalogue.ts';
import { loadDocument, type DocumentKind } from './documents/loadDocument.ts';
import { REGULATION_OUTLINE_KIND, type RegulationOutline } from './documents/regulationOutline.ts';
import { RULESET_KIND, type Ruleset } from './documents/ruleset.ts';
import { createChecker, type Checker, type CheckerOptions } from './rules/createChecker.ts';
import type { z } from 'zod';

function mustLoad<S extends z.ZodType>(kind: DocumentKind<S>, raw: unknown, name: string): z.infer<S> {
  const r = loadDocument(kind, raw);
  if (!r.ok) throw new Error(`built-in ${name} does not load: ${r.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ')}`);
  return r.value;
}

/** The raw JSON of the shipped rulesets, by id (the editor's starting workspace). */
export const BUILTIN_RULESET_JSON: Readonly<Record<string, unknown>> = { '57-qd-tw': rs57, '350-qd-tw': rs350 };

/** The raw JSON of the shipped regulation outlines, by ruleset id (rulesets/outlines/*.outline.json). */
export const BUILTIN_OUTLINE_JSON: Readonly<Record<string, unknown>> = { '57-qd-tw': outline57, '350-qd-tw': outline350 };

let outlines: RegulationOutline[] | undefined;

/** The shipped regulation outlines (the coverage map's provisions), one per shipped ruleset. */
export function builtinOutlines(): RegulationOutline[] {
  outlines ??= Object.entries(BUILTIN_OUTLINE_JSON).map(([id, raw]) => mustLoad(REGULATION_OUTLINE_KIND, raw, `rulesets/outlines/${id}.outline.json`));
  return outlines;
}

/** The shipped catalogues: what the shipped rulesets name (positions, institutions). */
export interface BuiltinCatalogues { positions: PositionCatalogue; institutions: InstitutionCatalogue }

/** The shipped rulesets with the catalogues they are checked against: what `createChecker`, `createDiffSide` take. */
export interface BuiltinDocuments extends BuiltinCatalogues { rulesets: Ruleset[] }

// Loaded once per realm: shipped data does not change while the program runs.
let catalogues: BuiltinCatalogues | undefined;
let documents: BuiltinDocuments | undefined;

/**
 * The shipped catalogues alone, so that `llct validate` can check the shipped ruleset files against them even when
 * one of those files is broken (`builtinDocuments` would throw).
 */
export function builtinCatalogues(): BuiltinCatalogues {
  catalogues ??= {
    positions: mustLoad(POSITIONS_KIND, positionsJson, 'rulesets/positions.json'),
    institutions: mustLoad(INSTITUTIONS_KIND, institutionsJson, 'rulesets/institutions.json'),
  };
  return catalogues;
}

export function builtinDocuments(): BuiltinDocuments {
  documents ??= {
    rulesets: [mustLoad(RULESET_KIND, rs57, 'rulesets/57-qd-tw.json'), mustLoad(RULESET_KIND, rs350, 'rulesets/350-qd-tw.json')],
    ...builtinCatalogues(),
  };
  return documents;
}

/** The ids of the shipped rulesets (`57-qd-tw`, `350-qd-tw`). */
export function builtinRulesetIds(): string[] {
  return builtinDocuments().rulesets.map((r) => r.id);
}

/**
 * A checker over the shipped catalogues and rulesets; `rulesets` replaces the rulesets (e.g. a user's edited one).
 * The compiled evaluator unless `evaluator` says otherwise; `regardlessOfDate` as in `createChecker`.
 */
export function createBuiltinChecker(options: Partial<Pick<CheckerOptions, 'rulesets' | 'evaluator' | 'regardlessOfDate'>> = {}): Checker {
  const docs = builtinDocuments();
  return createChecker({ ...options, rulesets: options.rulesets ?? docs.rulesets, positions: docs.positions, institutions: docs.institutions });
}
