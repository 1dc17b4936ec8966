/**
 * The hand-written baselines by ruleset id: `(facts, level, mode) => bits`, bit i set when the i-th applicable rule
 * (ruleset order, see `applicableRules`) passes.
 */
import type { Mode, TrainingLevel } from '../../engine/documents/enums.ts';
import type { Facts } from '../../engine/rules/facts.ts';
import { handWritten350 } from './handWritten350.ts';
import { handWritten57 } from './handWritten57.ts';

export type HandWrittenEvaluator = (facts: Facts, level: TrainingLevel, mode: Mode) => number;

export const HAND_WRITTEN: Readonly<Record<string, HandWrittenEvaluator>> = {
  '57-qd-tw': handWritten57,
  '350-qd-tw': handWritten350,
};
