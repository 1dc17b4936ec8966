import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { safeParseBilingual } from '../../engine/diagnostics/Diagnostic.ts';
import { CadreProfile } from '../../engine/documents/cadre.ts';
import { hasVietnameseLetter } from '../vietnameseLetters.ts';

describe('validation messages in both languages', () => {
  it('take zod\'s own messages from its Vietnamese and English locales', () => {
    const r = safeParseBilingual(z.object({ n: z.number() }), { n: 'x' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues[0]!.path).toEqual(['n']);
    expect(hasVietnameseLetter(r.issues[0]!.vi)).toBe(true);
    expect(r.issues[0]!.en).toMatch(/expected number/i);
  });

  it('take a custom check\'s English text from its params, so an English message never falls back to Vietnamese', () => {
    const r = safeParseBilingual(CadreProfile, { id: 'X', sex: 'male', birthDate: '1990-02-31', education: 'university' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toEqual([{ path: ['birthDate'], vi: 'ngày không hợp lệ (cần YYYY-MM-DD, và ngày phải có thật)', en: 'not a valid date (YYYY-MM-DD, and the day must exist)' }]);
  });
});
