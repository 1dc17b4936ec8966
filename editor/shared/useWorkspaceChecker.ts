/**
 * A checker on the workspace's copies of the regulations, chosen by nomination date: the check tab's verdicts and
 * the lifecycle run's screening. The same checker while the rulesets' records are unchanged (see toRuleset): it is
 * rebuilt on rule edits only.
 */
import { useRef } from 'react';
import { builtinDocuments } from '../shipped/builtin.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import { createChecker, type Checker } from '../../engine/rules/createChecker.ts';
import { rulesetsByDate } from '../workspace/analyseRuleset.ts';
import type { Records } from '../workspace/records.ts';

const docs = builtinDocuments();

export function useWorkspaceChecker(records: Records): Checker {
  const rulesets = rulesetsByDate(records);
  const last = useRef<{ rulesets: readonly Ruleset[]; checker: Checker } | undefined>(undefined);
  const same = last.current && last.current.rulesets.length === rulesets.length && last.current.rulesets.every((r, i) => r === rulesets[i]);
  if (!same) last.current = { rulesets, checker: createChecker({ rulesets, positions: docs.positions, institutions: docs.institutions }) };
  return last.current!.checker;
}
