/**
 * Every table of the page's own words, one per view, each entry a `Label` (`{ vi, en }`), Vietnamese first. The
 * namespace before the dot of a text key names the table: `rules.addRule` is `RULES_STRINGS.addRule`.
 *
 * The tables the first tab and the page's frame read are here from the start. The lifecycle, run, simulation and
 * comparison tables load with the views that read them (they are 17 kB of the page's first script otherwise): each of those
 * tables' modules hands itself over with `provideTextTable` when it is imported, and every module that reads one of
 * their keys imports that module (test/lint/lazyTextTables.test.ts checks it). Their types are here all the same,
 * so every key is typed from the start.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { LIFECYCLE_STRINGS } from './lifecycleStrings.ts';
import type { DIFF_STRINGS } from './diffStrings.ts';
import type { PUBLISH_STRINGS } from './publishStrings.ts';
import type { RUN_STRINGS } from './runStrings.ts';
import type { SIMULATION_STRINGS } from './simulationStrings.ts';
import type { WORKBOOK_STRINGS } from './workbookStrings.ts';
import { CADRE_FORM_STRINGS } from './cadreFormStrings.ts';
import { COVERAGE_STRINGS } from './coverageStrings.ts';
import { HISTORY_STRINGS } from './historyStrings.ts';
import { OVERLAY_STRINGS } from './overlayStrings.ts';
import { RULES_STRINGS } from './rulesStrings.ts';
import { SET_ASIDE_STRINGS } from './setAsideStrings.ts';
import { STRINGS } from './strings.ts';

type Table = Readonly<Record<string, Label>>;

const FIRST_TABLES = {
  page: STRINGS,
  rules: RULES_STRINGS,
  coverage: COVERAGE_STRINGS,
  history: HISTORY_STRINGS,
  setAside: SET_ASIDE_STRINGS,
  cadreForm: CADRE_FORM_STRINGS,
  overlay: OVERLAY_STRINGS,
} as const satisfies Record<string, Table>;

/** The tables that load with their views, by namespace. */
export interface ViewTextTables {
  lifecycle: typeof LIFECYCLE_STRINGS;
  run: typeof RUN_STRINGS;
  simulation: typeof SIMULATION_STRINGS;
  workbook: typeof WORKBOOK_STRINGS;
  diff: typeof DIFF_STRINGS;
  publish: typeof PUBLISH_STRINGS;
}

export type TextTables = typeof FIRST_TABLES & ViewTextTables;

/** The modules that provide each view's table (the lint test reads this list). */
export const VIEW_TEXT_MODULES: Readonly<Record<keyof ViewTextTables, string>> = {
  lifecycle: 'editor/i18n/lifecycleStrings.ts',
  run: 'editor/i18n/runStrings.ts',
  simulation: 'editor/i18n/simulationStrings.ts',
  workbook: 'editor/i18n/workbookStrings.ts',
  diff: 'editor/i18n/diffStrings.ts',
  publish: 'editor/i18n/publishStrings.ts',
};

/** Every namespace, the view tables' included. */
export const TEXT_NAMESPACES: readonly (keyof TextTables)[] = [...(Object.keys(FIRST_TABLES) as (keyof typeof FIRST_TABLES)[]), 'lifecycle', 'run', 'simulation', 'workbook', 'diff', 'publish'];

const loaded: Partial<Record<keyof TextTables, Table>> = { ...FIRST_TABLES };

/** Called once by a view table's own module, when it is imported. */
export function provideTextTable<N extends keyof ViewTextTables>(namespace: N, table: ViewTextTables[N]): void {
  loaded[namespace] = table;
}

/** The table of `namespace`; throws, naming the module to import, when a view's table has not been loaded. */
export function textTable(namespace: keyof TextTables): Table {
  const table = loaded[namespace];
  if (!table) {
    throw new Error(`The text table "${namespace}" is not loaded: import ${VIEW_TEXT_MODULES[namespace as keyof ViewTextTables]} in the module that reads its keys.`);
  }
  return table;
}
