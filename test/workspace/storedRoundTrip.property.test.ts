/**
 * Whatever the store accepts, the loader reads back, byte for byte (fast-check, pinned seed): random sequences of
 * every workspace command type, with hostile values (empty, huge, negative, NaN and infinities, NaN-like text,
 * `__proto__` as text and as a key, dates that do not exist), applied to the default workspace; then the workspace is
 * stored as IndexedDB stores it (structured clone) and as an export (JSON), and read back: nothing is set aside and
 * every record comes back as it was, with the undo history that fits it. A command may be refused (at once, with its
 * reason); it may never be accepted and then fail to reload.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDocuments } from '../../engine/builtin.ts';
import type { Rule, Ruleset } from '../../engine/documents/ruleset.ts';
import {
  addCondition, deleteCondition, duplicateCondition, moveCondition, setGroupOp, unwrapCondition, updateLeaf, wrapCondition,
} from '../../editor/workspace/commands/conditionCommands.ts';
import { addGoldenCase, deleteGoldenCase } from '../../editor/workspace/commands/goldenCommands.ts';
import { moveNodes, setCollapsed, setLayout } from '../../editor/workspace/commands/layoutCommands.ts';
import { addEvent, setParameterValue, updateEventLabel } from '../../editor/workspace/commands/lifecycleCommands.ts';
import { addState, deleteState, renameState, setInitialState, updateState } from '../../editor/workspace/commands/lifecycleStateCommands.ts';
import {
  addTransition, deleteTransition, moveTransition, reconnectArrow, updateTransition,
} from '../../editor/workspace/commands/lifecycleTransitionCommands.ts';
import {
  addClass, addQuota, deleteClass, duplicateClass, PLAN_CLASS_FIELDS, putPlan, removeQuota, setClassField, setPlanParameter, setQuota,
} from '../../editor/workspace/commands/planCommands.ts';
import { addRule, deleteRule, duplicateRule, moveRule, updateRule } from '../../editor/workspace/commands/ruleCommands.ts';
import { addRuleset, deleteRuleset, replaceRulesetContents, updateRulesetMeta } from '../../editor/workspace/commands/rulesetCommands.ts';
import { deleteSample, saveSample } from '../../editor/workspace/commands/sampleCommands.ts';
import { deleteVersion, restoreVersion, saveVersion } from '../../editor/workspace/commands/versionCommands.ts';
import type { Command } from '../../editor/workspace/createWorkspaceStore.ts';
import { persistHistory, restoreHistory } from '../../editor/workspace/persistedHistory.ts';
import { toPlan } from '../../editor/workspace/planRecords.ts';
import { readWorkspace } from '../../editor/workspace/readWorkspace.ts';
import { recordsOfType, type Records } from '../../editor/workspace/records.ts';
import { toWorkspaceDocument } from '../../editor/workspace/workspaceDocument.ts';
import { PLAN_PARAMETER_NAMES } from '../../engine/documents/planParameters.ts';
import { createHarness } from './workspaceHarness.ts';

/**
 * The seed of this test. It first found `[cond/add {value: undefined}, cond/add …]`: a leaf whose value was `undefined`
 * was accepted, and its `value` key was gone after the save, so the reload refused the condition (fixed: the store
 * judges a record as it will be read back).
 */
const SEED = 20261207;
const RUNS = 40;

const COMMAND_TYPES = [
  'cond/add', 'cond/update', 'cond/set-group', 'cond/delete', 'cond/duplicate', 'cond/move', 'cond/wrap', 'cond/unwrap',
  'golden/add', 'golden/delete', 'layout/move', 'layout/auto', 'layout/collapse',
  'lifecycle/state-add', 'lifecycle/state-update', 'lifecycle/initial', 'lifecycle/state-delete', 'lifecycle/state-rename',
  'lifecycle/event-label', 'lifecycle/event-add', 'lifecycle/transition-add', 'lifecycle/transition-update', 'lifecycle/transition-move',
  'lifecycle/arrow-reconnect', 'lifecycle/transition-delete', 'lifecycle/parameter',
  'plan/class-set', 'plan/class-add', 'plan/class-duplicate', 'plan/class-delete', 'plan/quota-set', 'plan/quota-add', 'plan/quota-remove',
  'plan/parameter-set', 'plan/put',
  'rule/add', 'rule/delete', 'rule/duplicate', 'rule/move', 'rule/update',
  'ruleset/add', 'ruleset/delete', 'ruleset/update', 'ruleset/replace',
  'samples/save', 'samples/delete', 'version/save', 'version/delete', 'version/restore',
] as const;
type CommandType = typeof COMMAND_TYPES[number];

/** `{"__proto__": …}` as JSON.parse makes it: an own key, not the prototype. */
const protoObject = () => JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;

const hostileText = fc.oneof(
  fc.constantFrom('', ' ', '__proto__', 'constructor', 'NaN', 'Infinity', '-1', '-0', '1e999', '0x1F', '31/02/2024', '2024-02-30',
    'x'.repeat(20_000), 'Tiêu đề có dấu', '😀\u0000\u202e', '{age}', '<b>'),
  fc.string({ maxLength: 40 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1e9, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(), fc.constant(null), fc.constant(undefined),
  fc.constant('proto-object').map(protoObject),
  fc.array(hostileText, { maxLength: 3 }),
);

interface Step { type: CommandType; pick: [number, number, number]; text: [string, string]; value: [unknown, unknown] }
const stepArb: fc.Arbitrary<Step> = fc.record({
  type: fc.constantFrom(...COMMAND_TYPES),
  pick: fc.tuple(fc.nat(9999), fc.nat(9999), fc.nat(9999)),
  text: fc.tuple(hostileText, hostileText),
  value: fc.tuple(hostileValue, hostileValue),
});

const pick = <T,>(xs: readonly T[], i: number): T | undefined => xs[i % Math.max(1, xs.length)];
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const shipped = builtinDocuments().rulesets;

/** The command a step stands for, its targets picked from the records as they are now, its values hostile. */
function commandFor(records: Records, s: Step): Command | undefined {
  const [a, b, c] = s.pick;
  const [t1, t2] = s.text;
  const [v1, v2] = s.value;
  const conds = recordsOfType(records, 'cond');
  const groups = conds.filter((x) => x.node.op === 'all' || x.node.op === 'any');
  const leaves = conds.filter((x) => x.node.op === 'leaf');
  const rules = recordsOfType(records, 'rule');
  const rulesets = recordsOfType(records, 'ruleset');
  const lifecycles = recordsOfType(records, 'lifecycle');
  const plans = recordsOfType(records, 'plan');
  const versions = recordsOfType(records, 'version');
  const samples = recordsOfType(records, 'cadres').flatMap((r) => r.items);
  const lc = pick(lifecycles, a);
  const states = lc ? lc.states : [];
  const events = lc && isObject(lc.meta.events) ? Object.keys(lc.meta.events) : [];
  const params = lc && isObject(lc.meta.parameters) ? Object.keys(lc.meta.parameters) : [];
  const state = pick(states, b) ?? t1;
  const transitions = recordsOfType(records, 'transition').filter((x) => x.lifecycle === lc?.id);
  const ref = pick(transitions, c)?.id ?? t2;
  const plan = pick(plans, a);
  const klass = pick(recordsOfType(records, 'plan-class'), b);
  const rs = pick(rulesets, a);
  const label = { vi: t1, en: t2 };
  const leafOf = (): { fact: string; operator: string; value: unknown } => ({ fact: t1, operator: t2, value: v1 });
  switch (s.type) {
    case 'cond/add': { const g = pick(groups, b); return g && addCondition(g.id, c % 3 === 0 ? { all: [leafOf()] } : leafOf(), c % 5); }
    case 'cond/update': {
      const l = pick(leaves, b);
      const patches = [{ fact: t1 }, { operator: t2 }, { value: v1 }, { value: [v1, v2] }, { path: t1 }, { params: { [t1]: v2 } }];
      return l && updateLeaf(l.id, pick(patches, c)!, 'field');
    }
    case 'cond/set-group': { const g = pick(groups, b); return g && setGroupOp(g.id, c % 2 ? 'all' : 'any'); }
    case 'cond/delete': { const x = pick(conds, b); return x && deleteCondition(x.id); }
    case 'cond/duplicate': { const x = pick(conds, b); return x && duplicateCondition(x.id); }
    case 'cond/move': { const x = pick(conds, b); const g = pick(groups, c); return x && g && moveCondition(x.id, g.id, a % 4); }
    case 'cond/wrap': { const x = pick(conds, b); return x && wrapCondition(x.id, (['all', 'any', 'not'] as const)[c % 3]!); }
    case 'cond/unwrap': { const x = pick(conds, b); return x && unwrapCondition(x.id); }
    case 'golden/add': {
      const g = pick(recordsOfType(records, 'golden'), a);
      return g && addGoldenCase(g.id, { id: t1, title: t2, citation: t1, profile: { age: v1 }, nomination: {}, expect: { eligible: c % 2 === 0 } } as never);
    }
    case 'golden/delete': { const g = pick(recordsOfType(records, 'golden'), a); return g && deleteGoldenCase(g.id, pick(g.doc.cases, b)?.id ?? t1); }
    case 'layout/move': return rs && moveNodes(rs.id, { [pick(conds, b)?.id ?? t1]: { x: v1 as number, y: v2 as number } });
    case 'layout/auto': return rs && setLayout(rs.id, { [t1]: { x: c, y: -c }, [rs.id]: { x: v1 as number, y: 0 } });
    case 'layout/collapse': return rs && setCollapsed(rs.id, pick(groups, b)?.id ?? t1, c % 2 === 0);
    case 'lifecycle/state-add': return lc && addState(lc.id, t1, label);
    case 'lifecycle/state-update': {
      const patches = [{ label }, { description: c % 2 ? label : null }, { final: v1 as boolean }];
      return lc && updateState(state, pick(patches, c)!);
    }
    case 'lifecycle/initial': return lc && setInitialState(state);
    case 'lifecycle/state-delete': return lc && deleteState(state);
    case 'lifecycle/state-rename': return lc && renameState(state, t1);
    case 'lifecycle/event-label': return lc && updateEventLabel(lc.id, pick(events, b) ?? t1, label);
    case 'lifecycle/event-add': return lc && addEvent(lc.id, t1, label);
    case 'lifecycle/transition-add': return lc && addTransition(state, pick(events, c) ?? t2, pick(states, a) ?? t1);
    case 'lifecycle/transition-update': {
      const patches = [{ target: t1 }, { target: null }, { guard: v1 }, { actions: [v1, v2] }, { description: label }, { event: t2 }];
      return lc && updateTransition(ref, pick(patches, a)!);
    }
    case 'lifecycle/transition-move': return lc && moveTransition(ref, pick(states, a) ?? t1);
    case 'lifecycle/arrow-reconnect': return lc && reconnectArrow([ref], c % 2 ? { target: pick(states, a) ?? t1 } : { from: pick(states, a) ?? t1 });
    case 'lifecycle/transition-delete': return lc && deleteTransition(ref);
    case 'lifecycle/parameter': return lc && setParameterValue(lc.id, pick(params, b) ?? t1, c % 3 === 0 ? { intermediate: { 'full-time': v1 } } : v1);
    case 'plan/class-set': return klass && setClassField(klass.id, PLAN_CLASS_FIELDS[c % PLAN_CLASS_FIELDS.length]!, t1);
    case 'plan/class-add': return plan && addClass(plan.id, label);
    case 'plan/class-duplicate': return klass && duplicateClass(klass.id);
    case 'plan/class-delete': return klass && deleteClass(klass.id);
    case 'plan/quota-set': return klass && setQuota(klass.id, pick(klass.serves ?? [], c)?.id ?? t1, c % 2 ? 'agency' : 'quota', t1);
    case 'plan/quota-add': return klass && addQuota(klass.id);
    case 'plan/quota-remove': return klass && removeQuota(klass.id, pick(klass.serves ?? [], c)?.id ?? t1);
    case 'plan/parameter-set': return plan && setPlanParameter(plan.id, PLAN_PARAMETER_NAMES[c % PLAN_PARAMETER_NAMES.length]!, t1);
    case 'plan/put': return plan && putPlan(plan.id, { ...toPlan(records, plan.id).plan, title: v1, classes: c % 2 ? [] : [{ id: t1, minSize: v2 }] } as never);
    case 'rule/add': {
      const base = structuredClone(shipped[0]!.rules[b % shipped[0]!.rules.length]!);
      return rs && addRule(rs.id, { ...base, id: t1, title: label, citation: { article: v1 as number } } as Rule, c % 3);
    }
    case 'rule/delete': { const r = pick(rules, b); return r && deleteRule(r.id); }
    case 'rule/duplicate': { const r = pick(rules, b); return r && duplicateRule(r.id); }
    case 'rule/move': { const r = pick(rules, b); return r && moveRule(r.id, v1 as number); }
    case 'rule/update': {
      const r = pick(rules, b);
      const patches = [{ title: label }, { id: t1 }, { source: t1 }, { note: t2 }, { message: label }, { citation: { article: v1 as number } }, { level: t1 }, { modes: [t1] }, { institution: v2 as string }];
      return r && updateRule(r.id, pick(patches, c) as never, 'field');
    }
    case 'ruleset/add': {
      const copy = structuredClone(shipped[c % shipped.length]!) as Ruleset;
      return addRuleset({ ...copy, id: t1, regulation: { ...copy.regulation, title: t2 } }, 'imported', `ruleset:${t1}`);
    }
    case 'ruleset/delete': return rs && deleteRuleset(rs.id);
    case 'ruleset/update': return rs && updateRulesetMeta(rs.id, pick([{ id: t1 }, { regulation: { ...rs.meta.regulation, signedOn: t1, code: t2 } }, { subjectGroups: { [t1]: v1 } }], c) as never);
    case 'ruleset/replace': return rs && replaceRulesetContents(rs.id, { ...structuredClone(shipped[c % shipped.length]!), id: t2 } as Ruleset);
    case 'samples/save': {
      const base = samples[b % Math.max(1, samples.length)];
      return base && saveSample({ ...base, id: t1, title: label, profile: { ...base.profile, fullName: t2, age: v1 } as never, nomination: { ...base.nomination, on: c % 2 ? t2 : base.nomination.on } });
    }
    case 'samples/delete': return deleteSample(pick(samples, b)?.id ?? t1);
    case 'version/save': return rs && saveVersion(rs.id, t1);
    case 'version/delete': { const v = pick(versions, b); return v && deleteVersion(v.id); }
    case 'version/restore': { const v = pick(versions, b); return v && restoreVersion(v.id); }
  }
}

describe('whatever the store accepts, the loader reads back', () => {
  it('for random sequences of every command type with hostile values, through IndexedDB and through an export', () => {
    const accepted = new Set<string>();
    fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 10 }), (steps) => {
      const h = createHarness();
      for (const s of steps) {
        const command = commandFor(h.store.records(), s);
        if (!command) continue;
        expect(command.type).toBe(s.type);
        if (h.store.apply(command).ok) accepted.add(s.type);
        h.tick(2000);
      }
      const records = h.store.records();
      const bytes = h.bytes();
      const document = toWorkspaceDocument('w', records.values());
      for (const stored of [structuredClone(document), JSON.parse(JSON.stringify(document)) as unknown]) {
        const read = readWorkspace(stored);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.setAside.map((p) => p.reasons.map((d) => `${d.path} ${d.message}`))).toEqual([]);
        expect(JSON.stringify(toWorkspaceDocument('w', read.document.records))).toBe(bytes);
        const back = new Map(read.document.records.map((r) => [r.id, r]));
        const stacks = h.store.history.stacks();
        const history = restoreHistory(structuredClone(persistHistory(stacks)), back);
        expect(history?.undo.length).toBe(Math.min(stacks.undo.length, 200));
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { seed: SEED, numRuns: RUNS });
    // Most command types were accepted at least once (the rest were refused every time, which is also a valid outcome).
    expect(accepted.size).toBeGreaterThan(COMMAND_TYPES.length / 2);
  }, 240_000);
});
