/**
 * A lifecycle document split into records and rebuilt: every shipped lifecycle comes back as the exact shipped JSON
 * (key order included); a document that is invalid but shaped comes back unchanged; a document path lands on its
 * state or transition record; a rename keeps every record id; a document the records cannot hold is refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDefaultWorkspace } from '../../editor/workspace/createDefaultWorkspace.ts';
import { addState, renameState } from '../../editor/workspace/commands/lifecycleStateCommands.ts';
import { createWorkspaceStore } from '../../editor/workspace/createWorkspaceStore.ts';
import { lifecycleNodeForPath, lifecycleShapeProblem, recordsFromLifecycle, toLifecycle } from '../../editor/workspace/lifecycleRecords.ts';
import { recordsOfType, type Records, type WorkspaceRecord } from '../../editor/workspace/records.ts';
import { counterIds } from '../../editor/workspace/rulesetRecords.ts';

const SHIPPED = ['class-default', 'learner-default'];
const shippedText = (id: string) => readFileSync(`rulesets/lifecycles/${id}.json`, 'utf8');
const asRecords = (list: readonly WorkspaceRecord[]): Records => new Map(list.map((r) => [r.id, r]));

function split(doc: unknown, id = 'lifecycle:x'): Records {
  const list = recordsFromLifecycle(doc, id, counterIds('x/'));
  if (!list) throw new Error('did not split');
  return asRecords(list);
}

describe('a lifecycle as records', () => {
  it.each(SHIPPED)('rebuilds the shipped %s exactly, key order included, from the default workspace', (id) => {
    const records = asRecords(createDefaultWorkspace().records);
    expect(JSON.stringify(toLifecycle(records, `lifecycle:${id}`).doc, null, 2)).toBe(JSON.stringify(JSON.parse(shippedText(id)), null, 2));
  });

  it('gives every state and transition a record of its own, named in the document by a field, not by its id', () => {
    const records = asRecords(createDefaultWorkspace().records);
    const states = recordsOfType(records, 'state').filter((s) => s.lifecycle === 'lifecycle:class-default');
    const doc = JSON.parse(shippedText('class-default')) as { states: Record<string, { on?: Record<string, unknown[]> }> };
    expect(states.map((s) => s.name).sort()).toEqual(Object.keys(doc.states).sort());
    const transitions = recordsOfType(records, 'transition').filter((t) => t.lifecycle === 'lifecycle:class-default');
    expect(transitions.length).toBe(Object.values(doc.states).reduce((n, s) => n + Object.values(s.on ?? {}).flat().length, 0));
    expect(new Set([...states, ...transitions].map((r) => r.id)).size).toBe(states.length + transitions.length);
  });

  it('keeps an invalid but shaped document unchanged: an initial and a target naming no state, a non-text target, an unknown key, empty labels', () => {
    const doc = {
      schema: 'llct/lifecycle', id: 'broken', extra: { kept: true }, initial: 'nowhere',
      states: {
        a: { label: { vi: '', en: '' }, on: { GO: [{ target: 'missing', actions: [] }, { target: 7, guard: { type: 'x' }, actions: 'text' }], STAY: [{ actions: [] }] } },
        b: { final: 'yes', label: 3 },
        c: { on: {} },
      },
      version: 9,
    };
    expect(toLifecycle(split(doc), 'lifecycle:x').doc).toEqual(doc);
  });

  it('places a document path on its record: a transition\'s guard on the transition, a state\'s label on the state', () => {
    const records = asRecords(createDefaultWorkspace().records);
    const built = toLifecycle(records, 'lifecycle:class-default');
    const event = Object.keys((built.doc.states as Record<string, { on: Record<string, unknown> }>).planned!.on)[0]!;
    const t = lifecycleNodeForPath(built, ['states', 'planned', 'on', event, 0, 'guard', 'type']);
    const s = lifecycleNodeForPath(built, ['states', 'planned', 'label', 'vi']);
    expect(records.get(t!)).toMatchObject({ type: 'transition', event });
    expect(records.get(s!)).toMatchObject({ type: 'state', name: 'planned' });
    expect(built.pathOf.get(t!)).toEqual(['states', 'planned', 'on', event, 0]);
    expect(lifecycleNodeForPath(built, ['parameters', 'minClassSize'])).toBeUndefined();
  });

  it('keeps every record id through a rename, and turns a target naming no state into the state added under that name', () => {
    const doc = { id: 'x', subject: 'class', initial: 'a', states: { a: { label: { vi: 'A', en: 'A' }, on: { GO: [{ target: 'later', actions: [] }] } } } };
    const store = createWorkspaceStore(split(doc).values(), { ids: counterIds('t/') });
    const ids = [...store.records().keys()].sort();
    const a = recordsOfType(store.records(), 'state')[0]!;
    expect(store.apply(renameState(a.id, 'first')).ok).toBe(true);
    expect([...store.records().keys()].sort()).toEqual(ids);
    expect(store.apply(addState('lifecycle:x', 'later', { vi: 'Sau', en: 'Later' })).ok).toBe(true);
    const later = recordsOfType(store.records(), 'state').find((s) => s.name === 'later')!;
    expect(recordsOfType(store.records(), 'transition')[0]!.target).toEqual({ state: later.id });
    expect(toLifecycle(store.records(), 'lifecycle:x').doc.states).toMatchObject({ first: { on: { GO: [{ target: 'later' }] } }, later: {} });
  });

  it('refuses a document whose states, transitions or events are not the shapes records hold', () => {
    for (const doc of [null, [], { states: [] }, { states: { a: 1 } }, { states: { a: { on: [] } } }, { states: { a: { on: { GO: [] } } } }, { states: { a: { on: { GO: [1] } } } }]) {
      expect(lifecycleShapeProblem(doc), JSON.stringify(doc)).toBeDefined();
      expect(recordsFromLifecycle(doc, 'lifecycle:x', counterIds())).toBeUndefined();
    }
  });
});
