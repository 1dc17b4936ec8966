/**
 * The shipped rulesets, catalogues and regulation outlines, loaded from their raw JSON through the same
 * parse → migrate → validate path as a user's files. Pure: the JSON is passed in (the CLI imports the files, the
 * browser fetches them), each document is loaded once, on first use. A shipped document that does not load is a
 * bug: it throws.
 */
import { INSTITUTIONS_KIND, POSITIONS_KIND, type InstitutionCatalogue, type PositionCatalogue } from './documents/catalogue.ts';
import { loadDocument, type DocumentKind } from './documents/loadDocument.ts';
import { REGULATION_OUTLINE_KIND, type RegulationOutline } from './documents/regulationOutline.ts';
import { RULESET_KIND, type Ruleset } from './documents/ruleset.ts';
import { createChecker, type Checker, type CheckerOptions } from './rules/createChecker.ts';
import type { z } from 'zod/mini';

/** The raw JSON of the shipped files: rulesets and outlines by ruleset id, the two catalogues. */
export interface BuiltinSources {
  rulesets: Readonly<Record<string, unknown>>;
  outlines: Readonly<Record<string, unknown>>;
  positions: unknown;
  institutions: unknown;
}

/** The shipped catalogues: what the shipped rulesets name (positions, institutions). */
export interface BuiltinCatalogues { positions: PositionCatalogue; institutions: InstitutionCatalogue }

/** The shipped rulesets with the catalogues they are checked against: what `createChecker`, `createDiffSide` take. */
export interface BuiltinDocuments extends BuiltinCatalogues { rulesets: Ruleset[] }

/** The shipped documents of one set of sources (see `createBuiltin`). */
export interface Builtin {
  /** The catalogues alone, so that a broken shipped ruleset does not stop checking the others against them. */
  catalogues(): BuiltinCatalogues;
  /** The shipped rulesets (in the sources' order) with the catalogues. */
  documents(): BuiltinDocuments;
  /** The shipped regulation outlines (the coverage map's provisions), one per shipped ruleset. */
  outlines(): RegulationOutline[];
  /** A checker over the catalogues and rulesets; `rulesets` replaces the rulesets, as in `createChecker`. */
  checker(options?: Partial<Pick<CheckerOptions, 'rulesets' | 'evaluator' | 'regardlessOfDate' | 'overlays'>>): Checker;
}

function mustLoad<S extends z.ZodMiniType>(kind: DocumentKind<S>, raw: unknown, name: string): z.infer<S> {
  const r = loadDocument(kind, raw);
  if (!r.ok) throw new Error(`built-in ${name} does not load: ${r.diagnostics.map((d) => `${d.path}: ${d.message}`).join('; ')}`);
  return r.value;
}

/** The shipped documents of `sources`, each kind loaded once on first use (the sources must not change). */
export function createBuiltin(sources: BuiltinSources): Builtin {
  let catalogues: BuiltinCatalogues | undefined;
  let documents: BuiltinDocuments | undefined;
  let outlines: RegulationOutline[] | undefined;
  const builtin: Builtin = {
    catalogues() {
      catalogues ??= {
        positions: mustLoad(POSITIONS_KIND, sources.positions, 'rulesets/positions.json'),
        institutions: mustLoad(INSTITUTIONS_KIND, sources.institutions, 'rulesets/institutions.json'),
      };
      return catalogues;
    },
    documents() {
      documents ??= {
        rulesets: Object.entries(sources.rulesets).map(([id, raw]) => mustLoad(RULESET_KIND, raw, `rulesets/${id}.json`)),
        ...builtin.catalogues(),
      };
      return documents;
    },
    outlines() {
      outlines ??= Object.entries(sources.outlines).map(([id, raw]) => mustLoad(REGULATION_OUTLINE_KIND, raw, `rulesets/outlines/${id}.outline.json`));
      return outlines;
    },
    checker(options = {}) {
      const docs = builtin.documents();
      return createChecker({ ...options, rulesets: options.rulesets ?? docs.rulesets, positions: docs.positions, institutions: docs.institutions });
    },
  };
  return builtin;
}
