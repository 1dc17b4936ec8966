/**
 * Runs the engine's check for the profile and nomination on the page and keeps the latest outcome. Never throws:
 * a profile that does not validate, a nomination no regulation covers, and an evaluation that throws each become
 * a state the page shows.
 */
import { useEffect, useState } from 'react';
import { CadreProfile, type CadreProfileInput, type Nomination } from '../../engine/documents/cadre.ts';
import { locate, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Ruleset } from '../../engine/documents/ruleset.ts';
import type { Checker } from '../../engine/rules/createChecker.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';

export type VerdictState =
  | { status: 'checking' }
  | { status: 'done'; verdict: Verdict; ruleset: Ruleset | undefined }
  | { status: 'rejected'; diagnostics: Diagnostic[] }
  | { status: 'failed'; error: string };

/** Validates the profile as a file would be, then checks it. */
export async function checkProfile(checker: Checker, input: CadreProfileInput, nomination: Nomination): Promise<Exclude<VerdictState, { status: 'checking' }>> {
  const parsed = CadreProfile.safeParse(input);
  if (!parsed.success) {
    return {
      status: 'rejected',
      diagnostics: parsed.error.issues.map((i) => ({
        code: 'cadre/invalid', severity: 'error', ...locate(i.path), message: i.message, messageEn: i.message,
      })),
    };
  }
  try {
    const outcome = await checker.check(parsed.data, nomination);
    if (!outcome.ok) return { status: 'rejected', diagnostics: outcome.diagnostics };
    return { status: 'done', verdict: outcome.verdict, ruleset: checker.rulesetFor(parsed.data, nomination) };
  } catch (e) {
    return { status: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
}

export function useVerdict(checker: Checker, input: CadreProfileInput, nomination: Nomination): VerdictState {
  const [state, setState] = useState<VerdictState>({ status: 'checking' });
  useEffect(() => {
    // The previous result stays on screen until the new one is ready (checks take milliseconds; no flicker).
    let current = true;
    void checkProfile(checker, input, nomination).then((s) => { if (current) setState(s); });
    return () => { current = false; };
  }, [checker, input, nomination]);
  return state;
}
