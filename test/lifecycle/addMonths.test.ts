import { describe, expect, it } from 'vitest';
import { addMonths } from '../../engine/lifecycle/specHelpers.ts';

describe('adding whole months to a civil date (the programme-length guard)', () => {
  it('keeps the day of the month, across a year end', () => {
    expect(addMonths('2024-05-16', 6)).toBe('2024-11-16');
    expect(addMonths('2024-09-30', 8)).toBe('2025-05-30');
    expect(addMonths('2024-03-01', 24)).toBe('2026-03-01');
  });

  it('moves a day past the end of the target month to its last day, 29 February in leap years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-08-31', 1)).toBe('2024-09-30');
  });
});
