/**
 * One ranking of diagnostic severities for every canvas: error > warning > info. A node or an arrow shows the worst
 * severity among the diagnostics it carries.
 */
import type { Severity } from '../../engine/diagnostics/Diagnostic.ts';

/** Higher is worse: info 0, warning 1, error 2. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** Sorts worst first (for `Array.prototype.sort`). */
export const worstFirst = (a: Severity, b: Severity): number => SEVERITY_RANK[b] - SEVERITY_RANK[a];

/** The worst severity among `items`, or undefined when there are none. */
export function worstSeverity(items: Iterable<{ readonly severity: Severity }>): Severity | undefined {
  let worst: Severity | undefined;
  for (const { severity } of items) if (worst === undefined || SEVERITY_RANK[severity] > SEVERITY_RANK[worst]) worst = severity;
  return worst;
}
