import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lifecycle } from '../../engine/documents/lifecycle.ts';
import { builtinLifecycles } from '../../engine/lifecycle/builtinLifecycles.ts';
import { resumeClassRun, saveClassRun } from '../../engine/lifecycle/classSnapshot.ts';
import { createClassLifecycle } from '../../engine/lifecycle/createClassLifecycle.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { validateLifecycle } from '../../engine/lifecycle/validateLifecycle.ts';
import { replayEvents } from '../../engine/lifecycle/replayEvents.ts';
import { checkEligibility, defaultClassLifecycle, happyPath, learnerStates, sendAll } from './lifecycleTestKit.ts';

const fullClass = JSON.parse(readFileSync(new URL('../../fixtures/lifecycle/class-full.events.json', import.meta.url), 'utf8')) as unknown[];
const { classLifecycle, learnerLifecycle } = builtinLifecycles();

/** A new revision of `doc` in which state `from` is called `to` everywhere (keys, targets, state parameters). */
function renameState(doc: Lifecycle, from: string, to: string, record: boolean): Lifecycle {
  const swap = (s: string) => (s === from ? to : s);
  const text = JSON.stringify(doc.states, (key, value: unknown) => {
    if (typeof value === 'string' && (key === 'target' || key === 'state')) return swap(value);
    if (Array.isArray(value) && key === 'states') return value.map((v) => (typeof v === 'string' ? swap(v) : v));
    return value;
  });
  const states = Object.fromEntries(Object.entries(JSON.parse(text) as Lifecycle['states']).map(([k, v]) => [swap(k), v]));
  return {
    ...doc, states, initial: swap(doc.initial), revision: doc.revision + 1,
    revisions: record ? [...doc.revisions, { revision: doc.revision + 1, note: `"${from}" đổi tên thành "${to}"`, renamedStates: { [from]: to } }] : doc.revisions,
  };
}

describe('a saved class', () => {
  it('resumes exactly: at any cut of the full-class fixture, save → JSON → resume → rest of the events gives the uninterrupted result', () => {
    const lc = defaultClassLifecycle();
    const whole = replayEvents(lc, fullClass);
    for (const cut of [0, 1, 20, 40, 73, 75, 108, 110, 139, fullClass.length]) {
      const first = replayEvents(lc, fullClass.slice(0, cut));
      const saved = JSON.parse(JSON.stringify(saveClassRun(lc, first.run)));
      const resumed = resumeClassRun(lc, saved);
      expect(resumed.ok, `cut ${cut}`).toBe(true);
      if (!resumed.ok) return;
      expect(resumed.diagnostics).toEqual([]);
      expect(resumed.run.snapshot.value).toEqual(first.run.snapshot.value);
      expect(resumed.run.snapshot.context).toEqual(first.run.snapshot.context);
      expect(resumed.run.lastAt).toBe(first.run.lastAt);
      const rest = replayEvents(lc, fullClass.slice(cut), { from: resumed.run });
      expect({ ...rest, run: undefined, history: [...first.history, ...rest.history] }).toEqual({ ...whole, run: undefined });
    }
  });

  it('records the lifecycle ids, revisions and fingerprints it was taken under', () => {
    const lc = defaultClassLifecycle();
    const saved = saveClassRun(lc, lc.start());
    expect(saved).toMatchObject({
      schema: 'llct/lifecycle-snapshot', version: 1, state: 'planned', lastAt: null,
      lifecycle: { id: 'class-default', revision: 1 }, learnerLifecycle: { id: 'learner-default', revision: 1 },
    });
    expect(saved.lifecycle.fingerprint).toMatch(/^[0-9a-f]{8}$/);
  });

  it('migrates a snapshot of an older revision through the renamed states of both lifecycles', () => {
    const old = defaultClassLifecycle({ minClassSize: 1 });
    const run = sendAll(old, old.start(), happyPath(['A', 'B']));
    const saved = saveClassRun(old, run);
    const learnerR2 = renameState(learnerLifecycle, 'studying', 'attending', true);
    const classR2 = renameState(withMin1(classLifecycle), 'in-session', 'teaching', true);
    classR2.states = JSON.parse(JSON.stringify(classR2.states).replaceAll('"studying"', '"attending"')) as Lifecycle['states'];
    const registry = createLifecycleRegistry();
    expect([...validateLifecycle(classR2, { registry, learnerLifecycle: learnerR2 }), ...validateLifecycle(learnerR2, { registry })]
      .filter((d) => d.severity === 'error')).toEqual([]);
    const lc = createClassLifecycle({ lifecycle: classR2, learnerLifecycle: learnerR2, checkEligibility });
    const resumed = resumeClassRun(lc, saved);
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(resumed.run.snapshot.value).toBe('teaching');
    expect(learnerStates(resumed.run)).toEqual({ A: 'attending', B: 'attending' });
    expect(resumed.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['info lifecycle-snapshot/migrated', 'info lifecycle-snapshot/migrated']);
    expect(resumed.diagnostics[0]!.message).toBe('Snapshot class-default chuyển từ phiên bản 1 lên 2 (2: "in-session" đổi tên thành "teaching").');
    const next = sendAll(lc, resumed.run, [{ type: 'SUSPEND', at: '2024-06-01', learnerId: 'A' }]);
    expect(learnerStates(next)).toEqual({ A: 'suspended', B: 'attending' });
  });

  it('refuses a snapshot whose state a later revision removed without saying where it went', () => {
    const old = defaultClassLifecycle({ minClassSize: 1 });
    const saved = saveClassRun(old, sendAll(old, old.start(), happyPath(['A'])));
    const lc = createClassLifecycle({ lifecycle: renameState(classLifecycle, 'in-session', 'teaching', false), learnerLifecycle, checkEligibility });
    const resumed = resumeClassRun(lc, saved);
    expect(resumed.ok).toBe(false);
    expect(resumed.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['lifecycle-snapshot/unknown-state state']);
    expect(resumed.diagnostics[0]!.message).toBe(
      'Lớp ở trạng thái "in-session" (lưu với class-default phiên bản 1) không còn trong phiên bản 2 và không có ánh xạ đổi tên.');
  });

  it('refuses a snapshot of a newer revision, of another lifecycle, or of a newer snapshot format, and warns when the document changed without a new revision', () => {
    const lc = defaultClassLifecycle();
    const saved = saveClassRun(lc, lc.start());
    const refusal = (raw: unknown) => {
      const r = resumeClassRun(lc, raw);
      return r.ok ? 'resumed' : r.diagnostics.map((d) => d.code).join(' ');
    };
    expect(refusal({ ...saved, lifecycle: { ...saved.lifecycle, revision: 3 } })).toBe('lifecycle-snapshot/newer-revision');
    expect(refusal({ ...saved, learnerLifecycle: { ...saved.learnerLifecycle, id: 'learner-other' } })).toBe('lifecycle-snapshot/other-lifecycle');
    expect(refusal({ ...saved, version: 2 })).toBe('document/newer-version');
    expect(refusal({ ...saved, context: { ...saved.context, learners: [{ state: 'studying' }] } })).toMatch(/^document\/schema/);
    const changed = resumeClassRun(lc, { ...saved, lifecycle: { ...saved.lifecycle, fingerprint: '00000000' } });
    expect(changed.ok && changed.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning lifecycle-snapshot/changed-without-revision']);
  });
});

function withMin1(doc: Lifecycle): Lifecycle {
  return { ...doc, parameters: { ...doc.parameters, minClassSize: { ...doc.parameters.minClassSize!, value: 1 } } };
}
