/**
 * What the comparison view keeps of a compared cadre, and which cadres it lists: anything but an unchanged verdict
 * (the same rule as `llct diff` without `--all`). Pure.
 */
import type { CadreDiff, ChangeKind } from '../../engine/rules/diff/diffVerdicts.ts';
import { isChanged } from '../../engine/rules/diff/mainReason.ts';

export interface ChangedCadre {
  /** 1-based data row of the file (of its sheet, in a workbook). */
  row: number;
  /** The workbook sheet the row is on. */
  sheet?: string;
  fullName?: string;
  diff: CadreDiff;
}

/** The filters of the table of changed cadres. */
export type ChangeFilter = 'all' | 'gained' | 'lost' | 'institution' | 'reasons' | 'invalid';
export const CHANGE_FILTERS: readonly ChangeFilter[] = ['all', 'gained', 'lost', 'institution', 'reasons', 'invalid'];


export function matchesFilter(d: CadreDiff, filter: ChangeFilter): boolean {
  switch (filter) {
    case 'all': return isChanged(d);
    case 'institution': return d.institutionChanged;
    case 'reasons': return d.reasonsChanged;
    default: return d.change === (filter satisfies ChangeKind);
  }
}
