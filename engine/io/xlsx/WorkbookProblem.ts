/** A workbook that cannot be read as a whole (not a zip, encrypted, a bomb, no sheet…): a code, the reason, a hint. */
import type { Label } from '../../documents/enums.ts';

export class WorkbookProblem extends Error {
  constructor(readonly code: string, readonly problem: Label, readonly hint?: Label) {
    super(problem.en);
  }
}
