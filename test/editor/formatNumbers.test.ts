import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent, formatSeconds } from '../../editor/diff/formatNumbers.ts';

describe('numbers on the comparison view', () => {
  it('groups thousands with a dot and writes a decimal comma in Vietnamese', () => {
    expect(formatCount(100000, 'vi')).toBe('100.000');
    expect(formatPercent(52, 210, 'vi')).toBe('24,8%');
    expect(formatSeconds(2345, 'vi')).toBe('2,3');
  });

  it('groups thousands with a comma and writes a decimal point in English', () => {
    expect(formatCount(100000, 'en')).toBe('100,000');
    expect(formatPercent(52, 210, 'en')).toBe('24.8%');
  });

  it('gives 0% of nothing rather than NaN', () => {
    expect(formatPercent(0, 0, 'vi')).toBe('0,0%');
  });
});
