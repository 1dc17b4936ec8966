/** What `llct review` says about lifecycles, plans and golden-case files that changed (cli/review/describeOtherChanges.ts). */
import { describe, expect, it } from 'vitest';
import { describeOtherChanges, placesChanged } from '../../cli/review/describeOtherChanges.ts';

const en = (kind: string, before: unknown, after: unknown) => describeOtherChanges(kind, before, after).other.map((l) => l.en);

describe('describeOtherChanges', () => {
  it('names a lifecycle\'s states added and removed, transitions changed by event, and parameters old → new', () => {
    const before = { states: { open: { on: { CLOSE: [{ target: 'closed' }] } }, closed: {}, old: {} }, parameters: { minClassSize: { value: 30 } } };
    const after = { states: { open: { on: { CLOSE: [{ target: 'review' }] } }, closed: {}, review: {} }, parameters: { minClassSize: { value: 25 } } };
    expect(en('llct/lifecycle', before, after)).toEqual([
      'Added state "review"', 'Removed state "old"', 'State "open": transitions changed on CLOSE', 'Parameter minClassSize: 30 → 25',
    ]);
  });

  it('names a plan\'s classes by id with their fields old → new, and leaves the decision fields to the decision section', () => {
    const before = { revision: 1, classes: [{ id: 'tc-01', maxSize: 70, name: 'A' }, { id: 'tc-02' }], approvedOn: '2024-01-10' };
    const after = { revision: 2, classes: [{ id: 'tc-01', maxSize: 69, name: 'A' }], approvedOn: '2024-01-12' };
    expect(en('llct/plan', before, after)).toEqual(['Removed class "tc-02"', 'Class "tc-01": changed maxSize 70 → 69', 'Field approvedOn: "2024-01-10" → "2024-01-12"']);
  });

  it('names golden cases added, removed and changed', () => {
    const before = { cases: [{ id: 'a', expect: { eligible: true } }, { id: 'b' }] };
    const after = { cases: [{ id: 'a', expect: { eligible: false } }, { id: 'c' }] };
    expect(en('llct/golden-cases', before, after)).toEqual(['Added case "c"', 'Removed case "b"', 'Case "a": changed expect {"eligible":true} → {"eligible":false}']);
  });

  it('falls back to the places that differ, ten at most', () => {
    const before = { regulation: { outOfScope: { note: { en: 'x' } } }, list: Array.from({ length: 12 }, (_, i) => i) };
    const after = { regulation: { outOfScope: { note: { en: 'y' } } }, list: Array.from({ length: 12 }, (_, i) => -i - 1) };
    const lines = placesChanged(before, after).map((l) => l.en);
    expect(lines[0]).toBe('Content changed at regulation.outOfScope.note.en');
    expect(lines.slice(1, 10)).toEqual(Array.from({ length: 9 }, (_, i) => `Content changed at list[${i}]`));
    expect(lines[10]).toBe('… and 3 more');
  });
});
