/**
 * A stored plan is read as one part, its head record and its class records together: taken whole when they hang
 * together, set aside whole (with the reasons, each naming its record) when one of them does not hold or the class
 * list and the classes disagree; every other part of the workspace still opens.
 */
import { describe, expect, it } from 'vitest';
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { planRecordId } from '../../editor/workspace/records.ts';

const PLAN = planRecordId('ha-noi-2024');
type Raw = Record<string, unknown>;

/** The default workspace as stored, with `edit` applied to its records. */
function stored(edit: (records: Raw[]) => Raw[]): Raw {
  const doc = JSON.parse(JSON.stringify(createDefaultWorkspace())) as { records: Raw[] };
  return { ...doc, records: edit(doc.records) };
}

const planRecords = (records: readonly Raw[]) => records.filter((r) => r.id === PLAN || r.plan === PLAN);

describe('a stored plan', () => {
  it('reads whole, head and classes, when they hang together', () => {
    const read = readWorkspace(stored((rs) => rs));
    if (!read.ok) throw new Error('does not read');
    expect(read.setAside).toEqual([]);
    expect(planRecords(read.document.records as unknown as Raw[])).toHaveLength(21);
  });

  it('is set aside whole when its head lists a class that is not there, the reason naming the class', () => {
    const raw = stored((rs) => rs.map((r) => (r.id === PLAN ? { ...r, classes: [...(r.classes as string[]), 'plan-class:mat'] } : r)));
    const read = readWorkspace(raw);
    if (!read.ok) throw new Error('does not read');
    expect(read.setAside.map((p) => [p.key, p.kind])).toEqual([[`records:${PLAN}`, 'plan']]);
    expect(read.setAside[0]!.raw).toHaveLength(21);
    expect(read.setAside[0]!.reasons.map((d) => d.path)).toEqual(['plan-class:mat']);
    expect(read.document.records.some((r) => r.id === PLAN || (r.type === 'plan-class'))).toBe(false);
    expect(read.document.records.some((r) => r.type === 'ruleset')).toBe(true);
  });

  it('is set aside whole when a class is listed twice or a class is not listed', () => {
    const twice = readWorkspace(stored((rs) => rs.map((r) => (r.id === PLAN ? { ...r, classes: [...(r.classes as string[]), (r.classes as string[])[0]] } : r))));
    expect(twice.ok && twice.setAside.map((p) => p.kind)).toEqual(['plan']);
    const unlisted = readWorkspace(stored((rs) => rs.map((r) => (r.id === PLAN ? { ...r, classes: (r.classes as string[]).slice(1) } : r))));
    expect(unlisted.ok && unlisted.setAside[0]!.reasons.map((d) => d.code)).toEqual(['workspace/broken-record']);
  });

  it('is set aside with a reason when its head is missing, and its classes with it', () => {
    const read = readWorkspace(stored((rs) => rs.filter((r) => r.id !== PLAN)));
    if (!read.ok) throw new Error('does not read');
    expect(read.setAside.map((p) => [p.key, p.kind])).toEqual([[`records:${PLAN}`, 'plan']]);
    expect(read.setAside[0]!.reasons.map((d) => d.code)).toContain('workspace/missing-plan');
    expect(read.setAside[0]!.raw).toHaveLength(20);
  });

  it('sets a class that names another document as its plan aside alone: that document and the plan still open', () => {
    const stray = { id: 'plan-class:lac', type: 'plan-class', plan: 'ruleset:57-qd-tw', data: { id: 'lac' } };
    const read = readWorkspace(stored((rs) => [...rs, stray]));
    if (!read.ok) throw new Error('does not read');
    expect(read.setAside.map((p) => [p.key, p.kind, p.raw])).toEqual([['records:ruleset:57-qd-tw', 'plan', [stray]]]);
    expect(read.document.records.some((r) => r.id === 'ruleset:57-qd-tw')).toBe(true);
    expect(read.document.records.some((r) => r.id === PLAN)).toBe(true);
  });
});
