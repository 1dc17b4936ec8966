import { describe, expect, it } from 'vitest';
import { formatDate, normalizeDate, wholeYearsBetween } from '../../engine/documents/dates.ts';

describe('civil dates', () => {
  it('accepts ISO and DD/MM/YYYY and rejects days that do not exist', () => {
    expect(normalizeDate('2024-02-29')).toBe('2024-02-29');
    expect(normalizeDate('29/02/2024')).toBe('2024-02-29');
    expect(normalizeDate('1/3/2024')).toBe('2024-03-01');
    expect(normalizeDate('2023-02-29')).toBeUndefined();
    expect(normalizeDate('31/02/2024')).toBeUndefined();
    expect(normalizeDate('2024-13-01')).toBeUndefined();
    expect(normalizeDate('2024-3-1')).toBeUndefined();
    expect(normalizeDate('hôm qua')).toBeUndefined();
  });

  it('shows dates as DD/MM/YYYY', () => {
    expect(formatDate('2024-03-01')).toBe('01/03/2024');
  });

  it('counts a year as completed on the anniversary itself', () => {
    expect(wholeYearsBetween('1991-03-01', '2024-03-01')).toBe(33);
    expect(wholeYearsBetween('1991-03-02', '2024-03-01')).toBe(32);
    expect(wholeYearsBetween('1991-02-28', '2024-03-01')).toBe(33);
  });

  it('completes a 29 February year on 1 March in common years and on 29 February in leap years', () => {
    expect(wholeYearsBetween('1992-02-29', '2025-02-28')).toBe(32);
    expect(wholeYearsBetween('1992-02-29', '2025-03-01')).toBe(33);
    expect(wholeYearsBetween('1992-02-29', '2024-02-29')).toBe(32);
    expect(wholeYearsBetween('1992-02-29', '2024-02-28')).toBe(31);
  });

  it('is negative when the end is before the start', () => {
    expect(wholeYearsBetween('2025-01-02', '2024-01-01')).toBe(-2);
  });
});
