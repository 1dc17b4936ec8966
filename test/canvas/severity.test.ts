/** The one severity ranking of the canvases: error > warning > info, the worst of a list shown. */
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../engine/diagnostics/Diagnostic.ts';
import { SEVERITY_RANK, worstFirst, worstSeverity } from '../../editor/canvas/severity.ts';

const of = (...s: Severity[]) => s.map((severity) => ({ severity }));

describe('severity ranking', () => {
  it('ranks error above warning above info', () => {
    expect(SEVERITY_RANK.error).toBeGreaterThan(SEVERITY_RANK.warning);
    expect(SEVERITY_RANK.warning).toBeGreaterThan(SEVERITY_RANK.info);
    expect((['info', 'error', 'warning', 'info'] as Severity[]).sort(worstFirst)).toEqual(['error', 'warning', 'info', 'info']);
  });

  it('gives the worst severity of a list, whatever its order, and none for an empty list', () => {
    expect(worstSeverity(of('info', 'warning', 'info'))).toBe('warning');
    expect(worstSeverity(of('warning', 'error', 'info'))).toBe('error');
    expect(worstSeverity(of('error', 'info'))).toBe('error');
    expect(worstSeverity(of('info'))).toBe('info');
    expect(worstSeverity([])).toBeUndefined();
  });
});
