/**
 * The synthetic-cohort generator over the shipped institution catalogue (rulesets/institutions.json), for the faces,
 * the tests and the benchmarks. The generator itself (generateCohort.ts) takes the provinces as an input; this loader
 * is the one engine module of the generator that reaches the shipped files.
 */
import { builtinDocuments } from '../builtin.ts';
import type { Diagnostic } from '../diagnostics/Diagnostic.ts';
import type { CadreProfileInput } from '../documents/cadre.ts';
import { checkGenerateOptions, generateCohort, iterateCohort, type GenerateOptions } from './generateCohort.ts';
import { provinceCatalogue } from './provinceProfiles.ts';

/** Options of a generated cohort without the catalogue: the shipped provinces are used. */
export type BuiltinGenerateOptions = Omit<GenerateOptions, 'provinces'>;

const withShipped = (options: BuiltinGenerateOptions): GenerateOptions => ({ ...options, provinces: provinceCatalogue(builtinDocuments().institutions) });

/** `generateCohort` over the shipped provinces. */
export const generateBuiltinCohort = (options: BuiltinGenerateOptions): CadreProfileInput[] => generateCohort(withShipped(options));

/** `iterateCohort` over the shipped provinces: lazily, for very large counts. */
export const iterateBuiltinCohort = (options: BuiltinGenerateOptions): Generator<CadreProfileInput> => iterateCohort(withShipped(options));

/** `checkGenerateOptions` over the shipped provinces. */
export const checkBuiltinGenerateOptions = (options: BuiltinGenerateOptions): Diagnostic[] => checkGenerateOptions(withShipped(options));
