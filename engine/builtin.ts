/**
 * The rulesets and catalogues shipped with LLCT Studio (rulesets/*.json), imported with the program (the CLI, the
 * tests) and loaded through `createBuiltin`. The browser page fetches the same files instead (editor/shipped/).
 */
import rs57 from '../rulesets/57-qd-tw.json' with { type: 'json' };
import rs350 from '../rulesets/350-qd-tw.json' with { type: 'json' };
import positionsJson from '../rulesets/positions.json' with { type: 'json' };
import institutionsJson from '../rulesets/institutions.json' with { type: 'json' };
import outline57 from '../rulesets/outlines/57-qd-tw.outline.json' with { type: 'json' };
import outline350 from '../rulesets/outlines/350-qd-tw.outline.json' with { type: 'json' };
import type { RegulationOutline } from './documents/regulationOutline.ts';
import { createBuiltin, type BuiltinCatalogues, type BuiltinDocuments, type BuiltinSources } from './createBuiltin.ts';
import type { Checker, CheckerOptions } from './rules/createChecker.ts';

export type { BuiltinCatalogues, BuiltinDocuments } from './createBuiltin.ts';

/** The raw JSON of the shipped rulesets, by id (the editor's starting workspace). */
export const BUILTIN_RULESET_JSON: Readonly<Record<string, unknown>> = { '57-qd-tw': rs57, '350-qd-tw': rs350 };

/** The raw JSON of the shipped regulation outlines, by ruleset id (rulesets/outlines/*.outline.json). */
export const BUILTIN_OUTLINE_JSON: Readonly<Record<string, unknown>> = { '57-qd-tw': outline57, '350-qd-tw': outline350 };

/** The raw JSON of every shipped file `createBuiltin` reads. */
export const BUILTIN_SOURCES: BuiltinSources = {
  rulesets: BUILTIN_RULESET_JSON, outlines: BUILTIN_OUTLINE_JSON, positions: positionsJson, institutions: institutionsJson,
};

// Loaded once per realm: shipped data does not change while the program runs.
const shipped = createBuiltin(BUILTIN_SOURCES);

/** The shipped regulation outlines (the coverage map's provisions), one per shipped ruleset. */
export function builtinOutlines(): RegulationOutline[] {
  return shipped.outlines();
}

/**
 * The shipped catalogues alone, so that `llct validate` can check the shipped ruleset files against them even when
 * one of those files is broken (`builtinDocuments` would throw).
 */
export function builtinCatalogues(): BuiltinCatalogues {
  return shipped.catalogues();
}

export function builtinDocuments(): BuiltinDocuments {
  return shipped.documents();
}

/** The ids of the shipped rulesets (`57-qd-tw`, `350-qd-tw`). */
export function builtinRulesetIds(): string[] {
  return builtinDocuments().rulesets.map((r) => r.id);
}

/**
 * A checker over the shipped catalogues and rulesets; `rulesets` replaces the rulesets (e.g. a user's edited one).
 * The compiled evaluator unless `evaluator` says otherwise; `regardlessOfDate` as in `createChecker`.
 */
export function createBuiltinChecker(options: Partial<Pick<CheckerOptions, 'rulesets' | 'evaluator' | 'regardlessOfDate' | 'overlays'>> = {}): Checker {
  return shipped.checker(options);
}
