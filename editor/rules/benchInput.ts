/**
 * What the rules tab's test bench judges: a sample (or the edited profile) and a nomination. Kept apart from the
 * bench's component so the tab holds its state without loading the bench's forms.
 */
import type { CadreProfileInput, Nomination } from '../../engine/documents/cadre.ts';
import { SAMPLES } from '../workspace/samples.ts';

export interface BenchInput { sample: string; profile: CadreProfileInput; nomination: Nomination }

/** The bench's first input: the first built-in sample with its own nomination. */
export const FIRST_BENCH: BenchInput = { sample: SAMPLES[0]!.id, profile: SAMPLES[0]!.profile, nomination: SAMPLES[0]!.nomination };
