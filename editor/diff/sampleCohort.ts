/**
 * The built-in sample list: fixtures/cadres/hanoi-2024-central-agencies.csv, bundled as text. 210 synthetic
 * people (generated names and records) in 16 real central agencies in Hà Nội, trung cấp 2024; see
 * fixtures/cadres/README.md.
 */
import text from '../../fixtures/cadres/hanoi-2024-central-agencies.csv?raw';
import type { TextCohort } from './compareCohort.ts';

export const SAMPLE_COHORT: TextCohort = { file: 'hanoi-2024-central-agencies.csv', text };
