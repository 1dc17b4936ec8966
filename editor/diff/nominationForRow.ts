/**
 * A row's nomination in the comparison view: the row's own `nomination.*` fields win over the defaults chosen on
 * the page, as `llct diff` does with its flags (engine/io/nominationForRow.ts). Pure.
 */
import type { CadreRow } from '../../engine/io/cadreRows.ts';
import { nominationForRow as fromRow, type NominationDefaults } from '../../engine/io/nominationForRow.ts';
import type { RowContext } from '../../engine/io/rowDiagnostic.ts';

export type { NominationDefaults } from '../../engine/io/nominationForRow.ts';

const ON_THE_PAGE = { vi: 'chọn ở phần "Cử đi học mặc định"', en: 'choose it under "Default nomination"' };

/** The nomination to check `row` with, or one diagnostic per missing field naming the row and the field. */
export function nominationForRow(row: CadreRow, defaults: NominationDefaults, ctx: RowContext) {
  return fromRow(row, defaults, ctx, () => ON_THE_PAGE);
}
