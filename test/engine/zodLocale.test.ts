import { describe, expect, it } from 'vitest';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { GoldenCaseFileSchema } from '../../engine/documents/goldenCases.ts';

// zod/mini loads no locale: without engine/documents/zodLocale.ts every schema's own message reads "Invalid input".
describe("the schemas' own words", () => {
  it('name the expected and the received type, as zod gave them before the schemas moved to zod/mini', () => {
    const issue = CadreProfile.safeParse({ id: 5 }).error?.issues.find((i) => i.path.join('.') === 'id');
    expect(issue?.message).toBe('Invalid input: expected string, received number');
  });

  it('hold in every document schema, whichever module is loaded first', () => {
    const issue = GoldenCaseFileSchema.safeParse({ cases: 'none' }).error?.issues.find((i) => i.path.join('.') === 'cases');
    expect(issue?.message).toMatch(/^Invalid input: expected array, received string$/);
  });
});
