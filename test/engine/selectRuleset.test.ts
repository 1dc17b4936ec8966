import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import { selectRuleset } from '../../engine/rules/selectRuleset.ts';

const { rulesets } = builtinDocuments();
const code = (on: string) => {
  const s = selectRuleset(rulesets, on);
  return s.ok ? s.ruleset.regulation.code : s.diagnostic.code;
};

describe('the regulation in force on the nomination date', () => {
  it('applies 57-QĐ/TW from its signing day, 8 February 2022', () => {
    expect(code('2022-02-08')).toBe('57-QĐ/TW');
    expect(code('2025-08-28')).toBe('57-QĐ/TW');
  });

  it('applies 350-QĐ/TW from 29 August 2025', () => {
    expect(code('2025-08-29')).toBe('350-QĐ/TW');
    expect(code('2026-11-27')).toBe('350-QĐ/TW');
  });

  it('refuses a nomination before 57-QĐ/TW with a clear Vietnamese message', () => {
    const s = selectRuleset(rulesets, '2022-02-07');
    expect(s.ok).toBe(false);
    if (!s.ok) {
      expect(s.diagnostic.code).toBe('nomination/no-regulation');
      expect(s.diagnostic.message).toContain('07/02/2022');
      expect(s.diagnostic.message).toContain('08/02/2022');
    }
  });
});
