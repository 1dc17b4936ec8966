/**
 * The page's shipped documents (as `engine/builtin.ts` gives them to the CLI), loaded from the shipped files the
 * page fetched at start-up (`installShippedJson`). Each kind is loaded once per installed set of files.
 */
import { createBuiltin, type Builtin, type BuiltinCatalogues, type BuiltinDocuments } from '../../engine/createBuiltin.ts';
import type { RegulationOutline } from '../../engine/documents/regulationOutline.ts';
import type { Checker, CheckerOptions } from '../../engine/rules/createChecker.ts';
import { shippedJson, type ShippedJson } from './shippedJson.ts';

const loaded = new WeakMap<ShippedJson, Builtin>();

/** The shipped documents of `json` (the installed shipped files by default), loaded once per set of files. */
export function builtinOf(json: ShippedJson = shippedJson()): Builtin {
  let b = loaded.get(json);
  if (!b) loaded.set(json, b = createBuiltin(json));
  return b;
}

const builtin = () => builtinOf();

/** The shipped rulesets with the catalogues they are checked against. */
export function builtinDocuments(): BuiltinDocuments {
  return builtin().documents();
}

/** The shipped catalogues (positions, institutions). */
export function builtinCatalogues(): BuiltinCatalogues {
  return builtin().catalogues();
}

/** The shipped regulation outlines (the coverage map's provisions), one per shipped ruleset. */
export function builtinOutlines(): RegulationOutline[] {
  return builtin().outlines();
}

/** A checker over the shipped catalogues and rulesets; `rulesets` replaces the rulesets, as in `createChecker`. */
export function createBuiltinChecker(options: Partial<Pick<CheckerOptions, 'rulesets' | 'evaluator' | 'regardlessOfDate'>> = {}): Checker {
  return builtin().checker(options);
}
