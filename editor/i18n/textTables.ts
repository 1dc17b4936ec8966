/**
 * Every table of the page's own words, one per view, each entry a `Label` (`{ vi, en }`), Vietnamese first. The
 * namespace before the dot of a text key names the table: `rules.addRule` is `RULES_STRINGS.addRule`.
 */
import type { Label } from '../../engine/documents/enums.ts';
import { LIFECYCLE_STRINGS } from './lifecycleStrings.ts';
import { RUN_STRINGS } from './runStrings.ts';
import { SIMULATION_STRINGS } from './simulationStrings.ts';
import { CADRE_FORM_STRINGS } from './cadreFormStrings.ts';
import { COVERAGE_STRINGS } from './coverageStrings.ts';
import { HISTORY_STRINGS } from './historyStrings.ts';
import { RULES_STRINGS } from './rulesStrings.ts';
import { SET_ASIDE_STRINGS } from './setAsideStrings.ts';
import { STRINGS } from './strings.ts';

export const TEXT_TABLES = {
  page: STRINGS,
  rules: RULES_STRINGS,
  coverage: COVERAGE_STRINGS,
  history: HISTORY_STRINGS,
  setAside: SET_ASIDE_STRINGS,
  cadreForm: CADRE_FORM_STRINGS,
  lifecycle: LIFECYCLE_STRINGS,
  run: RUN_STRINGS,
  simulation: SIMULATION_STRINGS,
} as const satisfies Record<string, Readonly<Record<string, Label>>>;

export type TextTables = typeof TEXT_TABLES;
