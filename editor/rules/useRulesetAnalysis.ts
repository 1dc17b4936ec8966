/**
 * Everything recomputed from the ruleset being edited on each change: diagnostics by node, the golden-case report
 * (compiled evaluator), and the test bench's verdict and canvas light. Diagnostics and the bench are synchronous
 * (a keystroke updates them in the same render); the golden cases follow a moment later.
 */
import { useEffect, useMemo, useState } from 'react';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import type { GoldenReport } from '../../engine/rules/runGoldenCases.ts';
import type { VerdictState } from '../check/useVerdict.ts';
import type { Lang } from '../i18n/strings.ts';
import { rulesetDiagnostics, runWorkspaceGolden, type Catalogues } from '../workspace/analyseRuleset.ts';
import type { RecordId, Records } from '../workspace/records.ts';
import { toRuleset } from '../workspace/rulesetRecords.ts';
import { benchTrace, type TraceMark } from './benchTrace.ts';
import type { BenchInput } from './benchInput.ts';

export interface RulesetAnalysis {
  diagnostics: ReturnType<typeof rulesetDiagnostics>;
  golden: GoldenReport | undefined;
  bench: VerdictState;
  trace: ReadonlyMap<RecordId, TraceMark> | undefined;
}

export function useRulesetAnalysis(
  records: Records, rulesetId: RecordId, catalogues: Catalogues, bench: BenchInput, lightCanvas: boolean, lang: Lang,
  positionName: (code: string) => { vi: string; en: string } | undefined,
): RulesetAnalysis {
  const built = toRuleset(records, rulesetId);
  const diagnostics = rulesetDiagnostics(records, rulesetId, catalogues);
  const checker = useMemo(() => createChecker({ rulesets: [built.ruleset], positions: catalogues.positions, institutions: catalogues.institutions }), [built.ruleset, catalogues]);

  const { bench: benchState, trace } = useMemo(() => {
    const parsed = CadreProfile.safeParse(bench.profile);
    if (!parsed.success) {
      return { bench: { status: 'rejected', diagnostics: parsed.error.issues.map((i) => ({ code: 'cadre/invalid', severity: 'error', path: i.path.join('.'), segments: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message, messageEn: i.message })) } as VerdictState, trace: undefined };
    }
    try {
      const outcome = checker.checkSync(parsed.data, bench.nomination);
      if (!outcome.ok) return { bench: { status: 'rejected', diagnostics: outcome.diagnostics } as VerdictState, trace: undefined };
      const state: VerdictState = { status: 'done', verdict: outcome.verdict, ruleset: built.ruleset };
      return { bench: state, trace: lightCanvas ? benchTrace(built, outcome.verdict, parsed.data, bench.nomination, catalogues, lang, positionName) : undefined };
    } catch (e) {
      return { bench: { status: 'failed', error: e instanceof Error ? e.message : String(e) } as VerdictState, trace: undefined };
    }
  }, [checker, bench, built, catalogues, lightCanvas, lang, positionName]);

  const [golden, setGolden] = useState<{ for: unknown; report: GoldenReport | undefined }>({ for: undefined, report: undefined });
  useEffect(() => {
    let live = true;
    void runWorkspaceGolden(records, rulesetId, catalogues).then((report) => { if (live) setGolden({ for: built.ruleset, report }); });
    return () => { live = false; };
    // Re-run when the ruleset (or another ruleset the dates may select) changes, not on layout-only changes.
  }, [records, rulesetId, catalogues, built.ruleset]);

  return { diagnostics, golden: golden.report, bench: benchState, trace };
}
