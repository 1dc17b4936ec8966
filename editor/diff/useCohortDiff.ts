/**
 * Runs a comparison in the page's thread, a chunk at a time, and keeps its state: progress while it runs, the
 * result, a refusal, a cancellation, or an unexpected error. Starting again cancels the run in progress; leaving
 * the page cancels too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Label } from '../../engine/documents/enums.ts';
import type { DiffSetup } from './buildDiffSides.ts';
import type { DiffSources } from './diffSources.ts';
import { compareCohort, type CohortInput, type CohortResult } from './compareCohort.ts';

export type CohortDiffState =
  | { status: 'idle' }
  | { status: 'running'; file: string; fraction: number; compared: number }
  | { status: 'done'; result: CohortResult }
  | { status: 'cancelled'; file: string; compared: number }
  | { status: 'refused'; message: Label }
  | { status: 'failed'; error: string };

export interface CohortDiffControls {
  state: CohortDiffState;
  start(input: CohortInput, setup: DiffSetup, sources?: DiffSources): void;
  cancel(): void;
}

export function useCohortDiff(): CohortDiffControls {
  const [state, setState] = useState<CohortDiffState>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const start = useCallback((input: CohortInput, setup: DiffSetup, sources?: DiffSources) => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    const mine = () => current.current === controller;
    setState({ status: 'running', file: input.file, fraction: 0, compared: 0 });
    compareCohort(input, setup, {
      signal: controller.signal,
      ...(sources ? { sources } : {}),
      // A chunk ends at 2,000 rows or 50 ms, so a slow machine still repaints several times a second.
      budgetMs: 50,
      onProgress: (fraction, compared) => { if (mine()) setState({ status: 'running', file: input.file, fraction, compared }); },
    }).then((outcome) => {
      if (!mine()) return;
      current.current = null;
      if (outcome.status === 'done') setState({ status: 'done', result: outcome.result });
      else if (outcome.status === 'refused') setState({ status: 'refused', message: outcome.message });
      else setState({ status: 'cancelled', file: input.file, compared: outcome.compared });
    }, (e: unknown) => {
      if (!mine()) return;
      current.current = null;
      setState({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
    });
  }, []);

  const cancel = useCallback(() => current.current?.abort(), []);

  return { state, start, cancel };
}
